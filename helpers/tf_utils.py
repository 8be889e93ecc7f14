"""TensorFlow utilities. ``helpers.torch_utils`` has the same functions for PyTorch.

Importing this module first quiets TensorFlow before it loads: its C++ start-up lines go to the
process's stderr, which Jupyter would store in the notebook (and the test suite would then miss), and
oneDNN's CPU-dependent kernels change the last digit of some results. So every TensorFlow notebook
starts with ``from helpers import tf_utils`` before ``import tensorflow``.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"  # hide C++ info and warning lines
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # the same digits on every CPU

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

FRAMEWORK = "tensorflow"


def set_seed(seed: int) -> None:
    """Seed Python, NumPy and TensorFlow (Keras weight initialisers too) and make ops deterministic."""
    if not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    tf.keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()


def to_numpy(tensor) -> np.ndarray:
    """Return a tensor, a variable or an array as a NumPy array."""
    return tensor.numpy() if hasattr(tensor, "numpy") else np.asarray(tensor)


def short_error(error: Exception) -> str:
    """Return ``'ErrorType: message'`` on one line, without TensorFlow's op and device decorations."""
    if not isinstance(error, BaseException):
        raise TypeError(f"short_error expects an exception, got {type(error).__name__}")
    message = getattr(error, "message", None) or str(error)
    message = message.split("}} ")[-1].split(" [Op:")[0].strip().splitlines()[0]
    return f"{type(error).__name__}: {message}"
