"""TensorFlow utilities. ``helpers.torch_utils`` has the same functions for PyTorch.

Import this module before TensorFlow: ``from helpers import tf_utils`` is the first line of every
TensorFlow notebook, on purpose (a tool that sorts imports would move it and change digits). It sets,
before TensorFlow loads:

- ``TF_CPP_MIN_LOG_LEVEL=2``: TensorFlow's C++ start-up lines go to the process's stderr, which Jupyter
  would store in the notebook (and the test suite would then miss);
- ``TF_ENABLE_ONEDNN_OPTS=0``: oneDNN's fused kernels, on by default on some Intel CPUs, change the last
  digit of some results;
- ``ONEDNN_MAX_CPU_ISA=AVX2`` on x86-64: TensorFlow's float32 matrix products run on oneDNN's matrix
  kernels even with the previous switch off, and oneDNN picks its code by processor at run time
  (AVX-512 code on CPUs that have it). Capped at AVX2, as ``torch_utils`` caps PyTorch's own kernels,
  every x86-64 CPU of the last ten years runs the same code. On an AVX2 CPU it changes nothing (the
  weights of chapter 8 came out bit for bit the same with and without it).

Whatever is left (NumPy and the C library also pick code by processor), ``helpers.plots`` draws
numbers rounded far below a pixel, so a last-bit difference cannot change a picture.
"""

import os
import platform
import sys
import textwrap
import warnings

if "tensorflow" in sys.modules:
    warnings.warn("TensorFlow was imported before helpers.tf_utils, so its settings may not apply: "
                  "make 'from helpers import tf_utils' the first import (and restart the kernel)", stacklevel=2)
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"  # hide C++ info and warning lines
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"  # no oneDNN fused kernels: the same digits on every CPU
if platform.machine().lower() in ("x86_64", "amd64"):
    os.environ.setdefault("ONEDNN_MAX_CPU_ISA", "AVX2")  # oneDNN's matrix kernels: AVX2 even on AVX-512 CPUs

import numpy as np
import tensorflow as tf

from helpers.common import check_minimize_args, check_seed, check_training_args, glorot_weights, summary_table


def set_seed(seed: int) -> None:
    """Seed Python, NumPy and TensorFlow (Keras weight initialisers too) and make ops deterministic."""
    tf.keras.utils.set_random_seed(check_seed(seed))
    tf.config.experimental.enable_op_determinism()



def short_error(error: Exception, width: int = 79) -> str:
    """Return ``'ErrorType: message'``, the message's first line without TensorFlow's op and device
    decorations, wrapped to ``width`` columns (the page's)."""
    if not isinstance(error, BaseException):
        raise TypeError(f"short_error expects an exception, got {type(error).__name__}")
    message = getattr(error, "message", None) or str(error)
    message = message.split("}} ")[-1].split(" [Op:")[0].strip().splitlines()[0]
    return textwrap.fill(f"{type(error).__name__}: {message}", width)


def train_full_batch(net, x, y, steps: int, learning_rate: float) -> np.float32:
    """Take ``steps`` gradient descent steps on the whole data (mean squared error); return the final loss.

    The same as the lectures' ``net.compile(optimizer=SGD(learning_rate), loss="mse")`` followed by
    ``net.fit(x, y, batch_size=len(x), epochs=steps)``, only faster: the steps run as ONE epoch over a
    dataset that repeats the full batch (``steps_per_epoch=steps``), and Keras runs up to 100 steps per
    call into compiled code (``steps_per_execution``) instead of returning to Python after each epoch.
    """
    check_training_args(x, y, steps, learning_rate)
    x = tf.constant(x, tf.float32)
    y = tf.constant(y, tf.float32)
    per_call = next(n for n in range(min(100, steps), 0, -1) if steps % n == 0)
    net.compile(optimizer=tf.keras.optimizers.SGD(learning_rate), loss="mse", steps_per_execution=per_call)
    data = tf.data.Dataset.from_tensors((x, y)).repeat()
    net.fit(data, steps_per_epoch=steps, epochs=1, verbose=0, shuffle=False)
    return tf.reduce_mean(tf.square(y - net(x))).numpy()


def _dense_layers(net) -> list:
    """The Dense layers of a Keras model, in order (raise TypeError when it has none)."""
    found = [layer for layer in getattr(net, "layers", []) if isinstance(layer, tf.keras.layers.Dense)]
    if not found:
        raise TypeError(f"expected a Keras model with Dense layers, got {type(net).__name__}")
    return found


def set_dense_weights(net, weights) -> None:
    """Set every Dense layer's kernel and bias from ``weights = [kernel1, bias1, kernel2, bias2, ...]``.

    Kernels are in Keras' layout, shape (inputs, outputs); the model must already know its input size
    (start it with ``tf.keras.Input``). ``torch_utils.set_dense_weights`` takes the very same list.
    """
    layers = _dense_layers(net)
    if len(weights) != 2 * len(layers):
        raise ValueError(f"expected {2 * len(layers)} arrays (a kernel and a bias per Dense layer), got {len(weights)}")
    for i, layer in enumerate(layers):
        kernel, bias = (np.asarray(w, dtype="float32") for w in weights[2 * i : 2 * i + 2])
        expected = (tuple(layer.kernel.shape), tuple(layer.bias.shape))
        if (kernel.shape, bias.shape) != expected:
            raise ValueError(f"Dense layer {i} needs shapes {expected}, got {(kernel.shape, bias.shape)}")
        layer.set_weights([kernel, bias])


def glorot_start(net, seed: int) -> None:
    """Give every Dense layer a Glorot-uniform kernel (Keras' default) and a zero bias, drawn by NumPy.

    Kernel entries are uniform on ±sqrt(6 / (inputs + outputs)), drawn layer by layer from
    ``np.random.default_rng(seed)``, so ``torch_utils.glorot_start`` with the same seed gives the same start.
    """
    sizes = [tuple(layer.kernel.shape) for layer in _dense_layers(net)]
    set_dense_weights(net, glorot_weights(sizes, seed))


def print_summary(net, x) -> int:
    """Print each layer's type, output shape (for the input ``x``) and parameter count; return the total.

    A short, fixed-format stand-in for Keras 3's ``net.summary()`` table, with the same columns as the
    lectures' Keras 2 summary; ``torch_utils.print_summary`` prints the same table for a PyTorch model.
    """
    if not getattr(net, "layers", None):
        raise TypeError(f"expected a Keras model with layers, got {type(net).__name__}")
    rows = []
    out = tf.constant(x, tf.float32)
    for layer in net.layers:
        out = layer(out)
        rows.append((type(layer).__name__, out.shape, int(sum(np.prod(w.shape) for w in layer.weights))))
    print(summary_table(rows))
    return sum(count for *_, count in rows)


def minimize(optimizer, loss_fn, variables):
    """Take one optimizer step that lowers ``loss_fn()`` and return the loss (computed before the step).

    Keras 2's ``optimizer.minimize(loss_fn, variables)``, which Keras 3 removed: record ``loss_fn()`` (a
    function without arguments) on a ``tf.GradientTape``, take the gradients with respect to ``variables``
    (one variable or a list) and ``optimizer.apply_gradients(zip(grads, variables))``.
    ``torch_utils.minimize`` is the PyTorch twin.
    """
    variables = check_minimize_args(loss_fn, variables)
    with tf.GradientTape() as tape:
        loss = loss_fn()
    grads = tape.gradient(loss, variables)
    unused = [i for i, grad in enumerate(grads) if grad is None]
    if unused:
        raise ValueError(f"loss_fn() does not depend on the variable(s) at position {unused} of variables")
    optimizer.apply_gradients(zip(grads, variables))
    return loss
