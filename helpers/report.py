"""Print a chapter's key results in one fixed format.

A notebook ends each main computation with ``key_results(name=value, ...)`` in a cell tagged
``key-results``. The TensorFlow and the PyTorch notebook of a chapter print the same names and the
same text: ``tests/test_parity.py`` compares the two printouts character for character (and
``tests/lecture_numbers.py`` holds the values the lectures printed). Where the two frameworks agree
only to some digits, print the value ``rounded(value, digits=...)`` (significant digits) or
``rounded(value, decimals=...)`` (digits after the point), and say in the text why.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


class Rounded(NamedTuple):
    """A value to print at a fixed precision (made by ``rounded``)."""

    value: object
    digits: int | None
    decimals: int | None


def rounded(value, *, digits: int | None = None, decimals: int | None = None) -> Rounded:
    """Mark ``value`` to be printed with ``digits`` significant digits or ``decimals`` digits after the point.

    >>> key_results(beta=rounded(np.float32(1.9999928), digits=6), loss=rounded(0.123456, decimals=3))
    Key results
      beta: 1.99999
      loss: 0.123
    """
    if (digits is None) == (decimals is None):
        raise ValueError("give exactly one of digits= (significant digits) or decimals= (after the point)")
    precision = digits if digits is not None else decimals
    if not isinstance(precision, int) or isinstance(precision, bool) or precision < (1 if digits is not None else 0):
        raise ValueError(f"digits must be a positive integer and decimals a non-negative one, got {precision!r}")
    return Rounded(value, digits, decimals)


def _format_number(number, digits=None, decimals=None) -> str:
    """One number: shortest round-trip digits of its own dtype, or the precision asked for."""
    if number.dtype.kind in "iu" or (digits is None and decimals is None):
        return str(number)
    text = np.format_float_positional(
        number, precision=digits if digits is not None else decimals, unique=True,
        fractional=decimals is not None, trim="0",
    )
    return "0.0" if text in ("-0.0", "-0") else text


def format_value(value) -> str:
    """Format a number, a tensor or an array as ``1.5`` or ``[1.5, 2.0]`` (flattened).

    Each number is written with the shortest digits that identify it in its own dtype, as NumPy and
    the lectures print them (a float32 shows about 8 digits, a float64 about 17), or at the precision
    given by ``rounded``.
    """
    digits = decimals = None
    if isinstance(value, Rounded):
        value, digits, decimals = value
    if hasattr(value, "detach"):  # a torch tensor
        value = value.detach().cpu().numpy()
    elif hasattr(value, "numpy"):  # a TensorFlow tensor or variable
        value = value.numpy()
    array = np.asarray(value)
    if array.dtype.kind not in "iuf":
        raise TypeError(f"key results must be numbers, got dtype {array.dtype}")
    if array.ndim == 0:
        return _format_number(array[()], digits, decimals)
    return "[" + ", ".join(_format_number(v, digits, decimals) for v in array.ravel()) + "]"


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
