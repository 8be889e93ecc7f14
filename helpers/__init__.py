"""Shared helpers for the course book *Deep learning foundations, in TensorFlow and PyTorch*.

Modules, by concern (import the one you need; none of them is imported here, so a PyTorch notebook
never loads TensorFlow and vice versa):

- ``helpers.datasets``: the lectures' datasets, as NumPy arrays, one source for both frameworks.
- ``helpers.plots``: matplotlib figures and jshtml animations.
- ``helpers.diagrams``: graphviz network diagrams.
- ``helpers.report``: print a chapter's key results (read back by the parity test).
- ``helpers.tf_utils`` and ``helpers.torch_utils``: per-framework utilities with the same API
  (``helpers.common`` holds what they share: argument checks, the Glorot start, the summary table).
"""
