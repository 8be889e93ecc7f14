"""PyTorch utilities. ``helpers.tf_utils`` has the same functions for TensorFlow."""

import random

import numpy as np
import torch

FRAMEWORK = "pytorch"


def set_seed(seed: int) -> None:
    """Seed Python, NumPy and PyTorch and make PyTorch ops deterministic."""
    if not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


def to_numpy(tensor) -> np.ndarray:
    """Return a tensor (with or without gradient tracking) or an array as a NumPy array."""
    if isinstance(tensor, torch.Tensor):
        return tensor.detach().cpu().numpy()
    return np.asarray(tensor)


def short_error(error: Exception) -> str:
    """Return ``'ErrorType: message'`` on one line (the first line of the message)."""
    if not isinstance(error, BaseException):
        raise TypeError(f"short_error expects an exception, got {type(error).__name__}")
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {message}"
