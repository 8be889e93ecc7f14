"""Argument checks shared by ``helpers.tf_utils`` and ``helpers.torch_utils`` (NumPy only)."""

import numpy as np


def check_training_args(x, y, steps, learning_rate) -> None:
    """Raise ValueError when the data or the step settings of ``train_full_batch`` cannot work."""
    if not isinstance(steps, int) or isinstance(steps, bool) or steps < 1:
        raise ValueError(f"steps must be a positive integer, got {steps!r}")
    if not learning_rate > 0:
        raise ValueError(f"learning_rate must be positive, got {learning_rate!r}")
    if np.ndim(x) != 2 or np.ndim(y) != 2 or np.shape(x)[0] != np.shape(y)[0]:
        raise ValueError(f"x and y must be 2-d with one row per sample, got shapes {np.shape(x)} and {np.shape(y)}")
