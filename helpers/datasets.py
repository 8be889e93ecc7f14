"""The lectures' datasets: one source of data for the TensorFlow and the PyTorch notebooks.

Every function returns NumPy arrays in a small named tuple, so both frameworks start from the very
same numbers. Three datasets were drawn by a framework's own random generator in the lectures
(TensorFlow's for the cafe and the N = 200 line, PyTorch's for lecture 001). Their random draws are
stored in ``helpers/data/*.csv`` so that a PyTorch notebook never needs TensorFlow and vice versa;
``tests/test_datasets.py`` re-draws them with the lectures' seeds and checks the files.

Use a function directly (``datasets.cafe()``) or by name (``datasets.load("cafe")``).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

import numpy as np

DATA_DIR = Path(__file__).parent / "data"


class Cafe(NamedTuple):
    x: np.ndarray  # temperature, shape (10,)
    epsilon: np.ndarray  # noise, shape (10,), float32 values
    y: np.ndarray  # sales = 10.2 + 2.2 x + epsilon, shape (10,)


class Line(NamedTuple):
    x: np.ndarray
    epsilon: np.ndarray
    y: np.ndarray
    y_true: np.ndarray


class Plane(NamedTuple):
    x1: np.ndarray
    x2: np.ndarray
    epsilon: np.ndarray
    y: np.ndarray
    y_true: np.ndarray


class Blobs(NamedTuple):
    inputs: np.ndarray  # shape (2000, 2), float32
    targets: np.ndarray  # shape (2000, 1), float32, 0 for the first 1000 rows, 1 after


class Curve(NamedTuple):
    x: np.ndarray
    y: np.ndarray


class Bernoulli(NamedTuple):
    x: np.ndarray  # shape (2000,)
    prob: np.ndarray  # success probability sigmoid(w0 + w1 x)
    y: np.ndarray  # 0/1 draws


def read_columns(filename: str) -> dict[str, np.ndarray]:
    """Read a CSV file of ``helpers/data`` into a dict of float64 columns."""
    path = DATA_DIR / filename
    if not path.exists():
        raise FileNotFoundError(f"dataset file {path} is missing; reinstall the helpers package")
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {name: np.array([float(row[name]) for row in rows]) for name in rows[0]}


def cafe() -> Cafe:
    """Lecture 003's cafe example: temperature x and sales y = 10.2 + 2.2 x + epsilon.

    epsilon is ``tf.random.set_seed(43052); tf.random.normal([10])`` as the lecture printed it
    (float32 values). Today's TensorFlow draws the same numbers but for the last float32 bit of two of
    them; ``scripts/make_datasets.py`` recovers the lecture's values from its printed y.
    """
    x = np.array([20.1, 22.2, 22.7, 23.3, 24.4, 25.1, 26.2, 27.3, 28.4, 30.4])
    epsilon = read_columns("cafe.csv")["epsilon"]
    return Cafe(x=x, epsilon=epsilon, y=10.2 + 2.2 * x + epsilon)


def cafe_sample(n: int, seed: int = 43052) -> Cafe:
    """A larger cafe-like sample (not in the lectures): y = 10.2 + 2.2 x + epsilon for n days.

    x is uniform on [20, 31) (the lecture's temperatures lie in 20.1 to 30.4) and epsilon is standard
    normal, both drawn by NumPy with ``seed``, so both frameworks see the same numbers. Chapter 2 uses it
    to show how the gradient at the true beta grows with n.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError(f"n must be an integer of at least 2, got {n!r}")
    rng = np.random.default_rng(seed)
    x = rng.uniform(20, 31, size=n)
    epsilon = rng.standard_normal(n)
    return Cafe(x=x, epsilon=epsilon, y=10.2 + 2.2 * x + epsilon)


def line_n200() -> Line:
    """Lecture 000's regression data: y = 2.5 + 4x + epsilon, x = linspace(0, 1, 200).

    epsilon is ``tnp.random.seed(43052); tnp.random.randn(200) * 0.5`` (float64).
    """
    x = np.linspace(0, 1, 200)
    epsilon = read_columns("line_n200.csv")["epsilon"]
    return Line(x=x, epsilon=epsilon, y=2.5 + 4 * x + epsilon, y_true=2.5 + 4 * x)


def line_n100() -> Line:
    """Lecture 001's regression data (float32): y = 2.5 + 4x + epsilon, n = 100.

    ``torch.manual_seed(202150754)``, then x = sorted ``torch.randn(100)`` and
    epsilon = ``torch.randn(100) * 0.4``.
    """
    columns = read_columns("line_n100.csv")
    x = columns["x"].astype(np.float32)
    epsilon = columns["epsilon"].astype(np.float32)
    y_true = (np.float32(2.5) + np.float32(4.0) * x).astype(np.float32)
    return Line(x=x, epsilon=epsilon, y=y_true + epsilon, y_true=y_true)


def plane_n100() -> Plane:
    """Lecture 001's multiple regression data (float32): y = 2.5 + 4 x1 - 2 x2 + epsilon, n = 100.

    ``torch.manual_seed(202150754)``, then x1 and x2 = sorted ``torch.randn(100)`` each and
    epsilon = ``torch.randn(100) * 0.5``.
    """
    columns = read_columns("plane_n100.csv")
    x1, x2, epsilon = (columns[name].astype(np.float32) for name in ("x1", "x2", "epsilon"))
    y_true = (np.float32(2.5) + np.float32(4.0) * x1 - np.float32(2.0) * x2).astype(np.float32)
    return Plane(x1=x1, x2=x2, epsilon=epsilon, y=y_true + epsilon, y_true=y_true)


def piecewise() -> Curve:
    """Lecture 002's piecewise-linear data: y = x + 0.3 eps (x < 0), 3.5 x + 0.3 eps (x >= 0).

    ``np.random.seed(43052)``, x = linspace(-1, 1, 100), one ``np.random.normal()`` per point.
    """
    np.random.seed(43052)
    x = np.linspace(-1, 1, 100)
    epsilon = np.random.normal(size=100)
    y = np.where(x < 0, x, 3.5 * x) + 0.3 * epsilon
    return Curve(x=x, y=y)


def tiny_noise() -> Curve:
    """Lecture 002's overfitting data: pure noise y ~ N(0, 0.001^2) at x = linspace(0, 1, 100)."""
    np.random.seed(43052)
    x = np.linspace(0, 1, 100)
    return Curve(x=x, y=np.random.normal(loc=0, scale=0.001, size=100))


def two_blobs(samples_per_class: int = 1000, seed: int = 43052) -> Blobs:
    """Lecture 004's two Gaussian classes: means (0, 3) and (3, 0), covariance [[1, .5], [.5, 1]].

    The lecture did not seed its draws; the book does, so every run shows the same points.
    """
    if samples_per_class < 1:
        raise ValueError(f"samples_per_class must be a positive integer, got {samples_per_class!r}")
    rng = np.random.default_rng(seed)
    cov = [[1, 0.5], [0.5, 1]]
    negative = rng.multivariate_normal(mean=[0, 3], cov=cov, size=samples_per_class)
    positive = rng.multivariate_normal(mean=[3, 0], cov=cov, size=samples_per_class)
    inputs = np.vstack((negative, positive)).astype(np.float32)
    targets = np.vstack(
        (np.zeros((samples_per_class, 1), "float32"), np.ones((samples_per_class, 1), "float32"))
    )
    return Blobs(inputs=inputs, targets=targets)


def bernoulli_logistic(n: int = 2000, w0: float = -1.0, w1: float = 5.0, seed: int = 43052) -> Bernoulli:
    """Lecture 002's logistic data: y ~ Bernoulli(sigmoid(w0 + w1 x)), x = linspace(-1, 1, n).

    The lecture did not seed ``np.random.binomial``; the book does.
    """
    if n < 2:
        raise ValueError(f"n must be at least 2, got {n!r}")
    x = np.linspace(-1, 1, n)
    prob = 1 / (1 + np.exp(-(w0 + w1 * x)))
    y = np.random.default_rng(seed).binomial(1, prob).astype(np.float64)
    return Bernoulli(x=x, prob=prob, y=y)


DATASETS = {
    "cafe": cafe,
    "line_n200": line_n200,
    "line_n100": line_n100,
    "plane_n100": plane_n100,
    "piecewise": piecewise,
    "tiny_noise": tiny_noise,
    "two_blobs": two_blobs,
    "bernoulli_logistic": bernoulli_logistic,
}


def load(name: str):
    """Return the dataset called ``name`` (one of ``DATASETS``) with its default arguments."""
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of: {', '.join(DATASETS)}")
    return DATASETS[name]()
