"""Print a chapter's key results in one fixed format.

A notebook ends each main computation with ``key_results(name=value, ...)`` in a cell tagged
``key-results``. The TensorFlow and the PyTorch notebook of a chapter print the same names, and
``tests/test_parity.py`` reads both stored outputs back and checks that the numbers agree (and
``tests/lecture_numbers.py`` holds the values the lectures printed).
"""

from __future__ import annotations

import re

import numpy as np

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


def format_value(value) -> str:
    """Format a number, a tensor or an array as ``1.5`` or ``[1.5, 2.0]`` (flattened).

    Each number is written with the shortest digits that identify it in its own dtype, as NumPy and
    the lectures print them: a float32 shows about 8 digits, a float64 about 17.
    """
    if hasattr(value, "detach"):  # a torch tensor
        value = value.detach().cpu().numpy()
    elif hasattr(value, "numpy"):  # a TensorFlow tensor or variable
        value = value.numpy()
    array = np.asarray(value)
    if array.dtype.kind not in "iuf":
        raise TypeError(f"key results must be numbers, got dtype {array.dtype}")
    if array.ndim == 0:
        return str(array[()])
    return "[" + ", ".join(str(v) for v in array.ravel()) + "]"


def key_results(**values) -> None:
    """Print ``name: value`` lines, one per keyword argument, under a 'Key results' header.

    >>> key_results(beta=np.float32(1.9971251), grad=[-126.7869, -3208.8395])
    Key results
      beta: 1.9971251
      grad: [-126.7869, -3208.8395]
    """
    if not values:
        raise ValueError("key_results needs at least one name=value pair")
    lines = ["Key results"]
    for name, value in values.items():
        if not NAME_PATTERN.match(name):
            raise ValueError(f"key result name {name!r} must be lower_snake_case")
        lines.append(f"  {name}: {format_value(value)}")
    print("\n".join(lines))


def parse_key_results(text: str) -> dict[str, list[float]]:
    """Read back what ``key_results`` printed: {name: [numbers]}."""
    results = {}
    for line in text.splitlines():
        match = re.match(r"^  ([a-z][a-z0-9_]*): (.+)$", line)
        if match:
            name, raw = match.groups()
            numbers = raw.strip("[]").split(",")
            results[name] = [float(n) for n in numbers]
    return results
