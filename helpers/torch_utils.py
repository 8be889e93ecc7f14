"""PyTorch utilities. ``helpers.tf_utils`` has the same functions for TensorFlow.

Importing this module first makes PyTorch's float arithmetic the same on every x86 CPU: Intel's MKL
(PyTorch's matrix library) otherwise picks its code by processor (AVX-512 on one machine, AVX2 on
another), and the last digit of a float32 result can change with it; and PyTorch's own vector kernels
(ATen) use AVX-512 code where the CPU has it. So it sets ``MKL_CBWR=COMPATIBLE`` and caps ATen at AVX2
before torch loads, and every PyTorch notebook starts with ``from helpers import torch_utils`` before
``import torch``, on purpose (a tool that sorts imports would move it and change digits).
"""

import os
import platform
import sys
import textwrap
import warnings

if "torch" in sys.modules:
    warnings.warn("PyTorch was imported before helpers.torch_utils, so its settings may not apply: "
                  "make 'from helpers import torch_utils' the first import (and restart the kernel)", stacklevel=2)
if platform.machine().lower() in ("x86_64", "amd64"):
    os.environ.setdefault("MKL_CBWR", "COMPATIBLE")  # MKL: one code path, so the same digits, on every CPU
    os.environ.setdefault("ATEN_CPU_CAPABILITY", "avx2")  # PyTorch's own vector kernels: AVX2 even on AVX-512 CPUs

import random

import numpy as np
import torch

from helpers.common import check_minimize_args, check_seed, check_training_args, glorot_weights, summary_table


def set_seed(seed: int) -> None:
    """Seed Python, NumPy and PyTorch and make PyTorch ops deterministic."""
    seed = check_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)



def short_error(error: Exception, width: int = 79) -> str:
    """Return ``'ErrorType: message'``, the message's first line, wrapped to ``width`` columns (the page's)."""
    if not isinstance(error, BaseException):
        raise TypeError(f"short_error expects an exception, got {type(error).__name__}")
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return textwrap.fill(f"{type(error).__name__}: {message}", width)


def train_full_batch(net, x, y, steps: int, learning_rate: float) -> np.float32:
    """Take ``steps`` gradient descent steps on the whole data (mean squared error); return the final loss.

    The plain PyTorch loop, ``steps`` times: loss, ``backward()``, then ``p -= learning_rate * p.grad`` for
    every parameter (the step ``torch.optim.SGD`` takes, written out because it runs a third faster on
    tiny networks). ``tf_utils.train_full_batch`` takes the same steps with Keras' ``fit``.
    """
    check_training_args(x, y, steps, learning_rate)
    x = torch.as_tensor(x, dtype=torch.float32)
    y = torch.as_tensor(y, dtype=torch.float32)
    params = list(net.parameters())
    loss_fn = torch.nn.MSELoss()
    for _ in range(steps):
        loss = loss_fn(net(x), y)
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= learning_rate * p.grad
                p.grad = None
    with torch.no_grad():
        return loss_fn(net(x), y).numpy()[()]


def _dense_layers(net) -> list:
    """The Linear layers of a PyTorch model, in order (raise TypeError when it has none)."""
    found = [m for m in net.modules() if isinstance(m, torch.nn.Linear)] if isinstance(net, torch.nn.Module) else []
    if not found:
        raise TypeError(f"expected a PyTorch model with Linear layers, got {type(net).__name__}")
    return found


def set_dense_weights(net, weights) -> None:
    """Set every Linear layer's weight and bias from ``weights = [kernel1, bias1, kernel2, bias2, ...]``.

    Kernels are in Keras' layout, shape (inputs, outputs), the transpose of ``Linear.weight``, so
    ``tf_utils.set_dense_weights`` takes the very same list.
    """
    layers = _dense_layers(net)
    if len(weights) != 2 * len(layers):
        raise ValueError(f"expected {2 * len(layers)} arrays (a kernel and a bias per Linear layer), got {len(weights)}")
    for i, layer in enumerate(layers):
        kernel, bias = (np.asarray(w, dtype="float32") for w in weights[2 * i : 2 * i + 2])
        expected = ((layer.in_features, layer.out_features), (layer.out_features,))
        if (kernel.shape, bias.shape) != expected:
            raise ValueError(f"Linear layer {i} needs shapes {expected} (Keras layout), got {(kernel.shape, bias.shape)}")
        with torch.no_grad():
            layer.weight.copy_(torch.from_numpy(kernel.T.copy()))
            layer.bias.copy_(torch.from_numpy(bias))


def glorot_start(net, seed: int) -> None:
    """Give every Linear layer a Glorot-uniform kernel (Keras' default) and a zero bias, drawn by NumPy.

    Kernel entries are uniform on ±sqrt(6 / (inputs + outputs)), drawn layer by layer in Keras' layout
    from ``np.random.default_rng(seed)``, so ``tf_utils.glorot_start`` with the same seed gives the same start.
    """
    sizes = [(layer.in_features, layer.out_features) for layer in _dense_layers(net)]
    set_dense_weights(net, glorot_weights(sizes, seed))


def print_summary(net, x) -> int:
    """Print each layer's type, output shape (for the input ``x``) and parameter count; return the total.

    The same fixed-format table as ``tf_utils.print_summary``, for a ``torch.nn.Sequential`` model.
    """
    if not isinstance(net, torch.nn.Sequential):
        raise TypeError(f"expected a torch.nn.Sequential model, got {type(net).__name__}")
    rows = []
    out = torch.as_tensor(x, dtype=torch.float32)
    with torch.no_grad():
        for layer in net:
            out = layer(out)
            rows.append((type(layer).__name__, out.shape, sum(p.numel() for p in layer.parameters())))
    print(summary_table(rows))
    return sum(count for *_, count in rows)


def minimize(optimizer, loss_fn, variables):
    """Take one optimizer step that lowers ``loss_fn()`` and return the loss (computed before the step).

    The PyTorch twin of ``tf_utils.minimize`` (Keras 2's ``optimizer.minimize(loss_fn, variables)``):
    ``optimizer.zero_grad()``, ``loss = loss_fn()`` (a function without arguments), ``loss.backward()``,
    ``optimizer.step()``. The optimizer already holds its parameters; ``variables`` (one tensor or a list)
    must be among them.
    """
    variables = check_minimize_args(loss_fn, variables)
    known = {id(p) for group in optimizer.param_groups for p in group["params"]}
    if any(id(v) not in known for v in variables):
        raise ValueError("variables must be a tensor or a non-empty list of tensors that the optimizer updates")
    optimizer.zero_grad()
    loss = loss_fn()
    loss.backward()
    optimizer.step()
    return loss
