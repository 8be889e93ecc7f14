"""Matplotlib figures and animations shared by the notebooks.

Every figure has a title and axis labels. Animations are returned as ``FuncAnimation`` objects with
their figure already closed, so a notebook shows only the jshtml player (call ``setup()`` once).
"""

import matplotlib.pyplot as plt
import numpy as np


def setup() -> None:
    """Set the book's plot style: small figures, readable fonts, animations as jshtml players."""
    plt.rcParams.update(
        {
            "figure.figsize": (6, 4),
            "figure.dpi": 72,
            "axes.grid": True,
            "animation.html": "jshtml",
            "animation.embed_limit": 5,  # MB; keeps every chapter page small
        }
    )


def check_same_length(**arrays) -> None:
    """Raise ValueError naming the arrays when they do not all have the same length."""
    lengths = {name: len(np.ravel(a)) for name, a in arrays.items()}
    if len(set(lengths.values())) > 1:
        detail = ", ".join(f"{name} has {n}" for name, n in lengths.items())
        raise ValueError(f"these arrays must have the same length: {detail}")


def scatter_with_line(x, y, line_y=None, *, title, xlabel="x", ylabel="y", line_label="fit"):
    """Plot data points and, optionally, a line through the same x; return the figure."""
    check_same_length(x=x, y=y)
    fig, ax = plt.subplots()
    ax.plot(np.ravel(x), np.ravel(y), ".", label="data")
    if line_y is not None:
        check_same_length(x=x, line_y=line_y)
        ax.plot(np.ravel(x), np.ravel(line_y), "--", label=line_label)
        ax.legend()
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    return fig
