"""What ``helpers.tf_utils`` and ``helpers.torch_utils`` share, written once (NumPy only): argument
checks, the Glorot-uniform start and the layer-summary table. Each twin adds only its framework's part."""

import numpy as np


def check_seed(seed) -> int:
    """Return ``seed`` if it is a non-negative integer; raise ValueError otherwise (``True`` is no seed)."""
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    return int(seed)


def check_training_args(x, y, steps, learning_rate) -> None:
    """Raise ValueError when the data or the step settings of ``train_full_batch`` cannot work."""
    if not isinstance(steps, int) or isinstance(steps, bool) or steps < 1:
        raise ValueError(f"steps must be a positive integer, got {steps!r}")
    if not learning_rate > 0:
        raise ValueError(f"learning_rate must be positive, got {learning_rate!r}")
    if np.ndim(x) != 2 or np.ndim(y) != 2 or np.shape(x)[0] != np.shape(y)[0]:
        raise ValueError(f"x and y must be 2-d with one row per sample, got shapes {np.shape(x)} and {np.shape(y)}")


def check_minimize_args(loss_fn, variables) -> list:
    """Check ``minimize``'s arguments; return ``variables`` (one variable or a list) as a non-empty list."""
    if not callable(loss_fn):
        raise TypeError(f"loss_fn must be a function without arguments that returns the loss, got {type(loss_fn).__name__}")
    variables = list(variables) if isinstance(variables, (list, tuple)) else [variables]
    if not variables:
        raise ValueError("variables must be a variable or a non-empty list of variables")
    return variables


def glorot_weights(layer_sizes, seed) -> list:
    """``[kernel1, bias1, kernel2, bias2, ...]`` for dense layers of ``layer_sizes = [(inputs, outputs), ...]``:
    Glorot-uniform kernels (Keras' default), entries uniform on ±sqrt(6 / (inputs + outputs)), drawn layer by
    layer in Keras' layout from ``np.random.default_rng(seed)``, and zero biases."""
    rng = np.random.default_rng(check_seed(seed))
    weights = []
    for inputs, outputs in layer_sizes:
        limit = np.sqrt(6 / (inputs + outputs))
        weights += [rng.uniform(-limit, limit, size=(inputs, outputs)), np.zeros(outputs)]
    return weights


def summary_table(rows) -> str:
    """The layer summary both twins print: ``rows`` are (layer type, output shape, parameter count)."""
    lines = [f"{'layer':<12}{'output shape':<14}{'parameters':>10}"]
    lines += [f"{kind:<12}{str(tuple(shape)):<14}{count:>10,}" for kind, shape, count in rows]
    lines.append(f"{'total':<26}{sum(count for *_, count in rows):>10,}")
    return "\n".join(lines)
