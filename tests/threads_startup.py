"""IPython start-up file for `make test-threads`: PyTorch gets BOOK_THREADS threads as soon as it loads.

TensorFlow, OpenMP, OpenBLAS and MKL take their thread counts from environment variables, which the make
target sets. PyTorch does not go above the number of cores from an environment variable, so this file,
copied into a temporary IPYTHONDIR's startup folder, calls ``torch.set_num_threads`` right after
``import torch`` (before a notebook's own call, as on a laptop with that many cores).
"""

import importlib.abc
import importlib.util
import os
import sys

THREADS = int(os.environ["BOOK_THREADS"])


class _SetTorchThreads(importlib.abc.MetaPathFinder):
    """Finds nothing itself; wraps the loading of ``torch`` to set its thread count afterwards."""

    def find_spec(self, name, path=None, target=None):
        if name != "torch":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            module.set_num_threads(THREADS)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _SetTorchThreads())
