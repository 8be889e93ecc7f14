"""Every figure and animation helper draws the same bytes when its inputs move by one float32 ulp.

Two CPUs can compute a training result one float32 unit in the last place (ulp) apart: chapter 8's
TensorFlow notebook did, on an Intel AVX-512 and an AMD AVX2 CPU, and frame 3 of its Adam animation
differed. ``helpers.plots.drawn`` rounds what is drawn far below a pixel; these tests move the inputs by
one ulp and compare the output bytes (animation frames, or the PNG of a figure).
"""

import ast
import base64
import hashlib
import io
import json
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest

from book_files import ROOT
from helpers import datasets, plots

AMD_PATHS = ROOT / "tests" / "data" / "cpu_reference" / "08_logistic_regression-tensorflow.paths.amd-epyc-avx2.txt"
CH8_TF = ROOT / "chapters" / "08_logistic_regression" / "tensorflow.ipynb"
ADAM_CALL = 'plots.animate_learning_paths(grid, losses, data, adam_mse, adam_bce, title="Adam, start (−3, −1)")'
FRAME = re.compile(r'frames\[(\d+)\] = "data:image/\w+;base64,([^"]*)"')


def one_ulp(values, direction=np.inf, dtype=np.float32):
    """``values`` in ``dtype`` (float32 by default), each moved one ulp towards ``direction``, as float64."""
    values = np.asarray(values, dtype=dtype)
    return np.nextafter(values, dtype(direction)).astype(np.float64)


def frames(animation) -> list:
    """The animation's frames as bytes (the jshtml player embeds them in base64)."""
    html = animation._repr_html_()
    return [base64.b64decode(data.replace("\\\n", "")) for _, data in FRAME.findall(html)]


def png_bytes(fig) -> bytes:
    """The figure as PNG bytes, without the metadata that names the software."""
    out = io.BytesIO()
    fig.savefig(out, format="png", metadata={"Software": None})
    plt.close(fig)
    return out.getvalue()


@pytest.fixture(scope="module")
def chapter8():
    """Chapter 8's data, loss grid and the four weight paths recorded on the AMD CPU (as its notebook draws them)."""
    saved = dict(plt.rcParams)  # given back afterwards: the other test files draw with the defaults
    plots.use_book_style()
    plt.rcParams["animation.frame_format"] = "jpeg"  # as the notebook sets it
    data = datasets.bernoulli_logistic()
    x, y = data.x[:, None], data.y[:, None]

    def losses(w0, w1):
        yhat = 1 / (1 + np.exp(-(w0 + x * w1)))
        return np.mean((y - yhat) ** 2, axis=0), -np.mean(y * np.log(yhat) + (1 - y) * np.log(1 - yhat), axis=0)

    grid = plots.loss_grid(losses, np.arange(-10, 3, 0.2), np.arange(-1, 10, 0.2))
    paths = [np.array(ast.literal_eval(line)) for line in AMD_PATHS.read_text().splitlines()]
    yield data, grid, losses, dict(zip(["sgd_mse", "sgd_bce", "adam_mse", "adam_bce"], paths))
    plt.rcParams.update(saved)


def adam_frames(chapter8, adam_bce):
    data, grid, losses, paths = chapter8
    return frames(plots.animate_learning_paths(grid, losses, data, paths["adam_mse"], adam_bce,
                                               title="Adam, start (−3, −1)"))


@pytest.mark.parametrize("move", ["w0 of round 3 up", "w1 of round 3 down", "every weight up"])
def test_adam_animation_ignores_one_ulp(chapter8, move):
    """The Intel CPU's adam_bce was one ulp from the AMD one in round 3 (w0 up or w1 down reproduce its frame)."""
    recorded = chapter8[3]["adam_bce"]
    moved = recorded.copy()
    if move == "w0 of round 3 up":
        moved[3, 0] = one_ulp(moved[3, 0], np.inf)
    elif move == "w1 of round 3 down":
        moved[3, 1] = one_ulp(moved[3, 1], -np.inf)
    else:
        moved = one_ulp(moved, np.inf)
    assert not np.array_equal(moved, recorded)
    before, after = adam_frames(chapter8, recorded), adam_frames(chapter8, moved)
    changed = [k for k, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(before) == len(after) == 30 and not changed, f"frames {changed} changed when {move} by one ulp"


def test_amd_frames_are_the_stored_frames(chapter8):
    """The Adam animation drawn from the weights recorded on the AMD CPU is byte for byte the stored one."""
    nb = json.loads(CH8_TF.read_text())
    cell = next(c for c in nb["cells"]  # the call, however its line is wrapped to fit the page
                if c["cell_type"] == "code" and " ".join("".join(c["source"]).split()) == ADAM_CALL)
    stored = [base64.b64decode(data.replace("\\\n", ""))
              for _, data in FRAME.findall("".join(cell["outputs"][0]["data"]["text/html"]))]
    drawn_here = adam_frames(chapter8, chapter8[3]["adam_bce"])
    differ = [k for k, (a, b) in enumerate(zip(stored, drawn_here)) if a != b]
    assert len(stored) == len(drawn_here) == 30 and not differ, f"frames {differ} differ from the stored notebook"


def descent_loss(beta):
    return (np.asarray(beta) - 2.0) ** 2 + 1.0


def figure_cases(chapter8):
    """(name, function of a float32-moving 'nudge', returning output bytes) for every figure/animation helper."""
    data, grid, losses, paths = chapter8
    rng = np.random.default_rng(0)
    x = np.linspace(-1, 1, 200)
    y = 2 + 3 * x + rng.normal(0, 0.5, 200)
    u = rng.normal(size=(200, 2))
    path = -3 + 5 * (1 - 0.8 ** np.arange(20))
    points = rng.normal(size=(100, 2))
    classes = rng.integers(0, 2, 100)
    return {
        "scatter_with_line": lambda n: png_bytes(plots.scatter_with_line(x, n(y), n(2 + 3 * x), title="t")),
        "hidden_units": lambda n: png_bytes(plots.hidden_units(x, y, n(u), np.maximum(n(u), 0), n([1.5, -0.5]),
                                                               n([0.25]), title="t")),
        "scatter_classes": lambda n: png_bytes(plots.scatter_classes(n(points), classes, line=(n(0.7), n(0.1)),
                                                                     title="t")),
        "probability_fits": lambda n: png_bytes(plots.probability_fits(data.x, data.y, {"fit": n(data.prob)},
                                                                       title="t")),
        "plot_loss_surfaces": lambda n: png_bytes(plots.plot_loss_surfaces(
            plots.LossGrid(grid.w0, grid.w1, n(grid.mse), n(grid.bce)), losses, title="t")),
        "animate_descent": lambda n: frames(plots.animate_descent(n(path), descent_loss, title="t")),
        "animate_descents": lambda n: frames(plots.animate_descents({"a": n(path), "b": n(path[::-1])},
                                                                    descent_loss, title="t")),
        "animate_learning_paths": lambda n: frames(plots.animate_learning_paths(
            grid, losses, data, n(paths["sgd_mse"]), n(paths["sgd_bce"]), title="t")),
    }


# The loss surfaces are computed in float64 in both notebooks (3,575 points each): their inputs move by a
# float64 ulp. Everything else a notebook draws can come from float32 training: it moves by a float32 ulp.
# (``drawn`` cannot make thousands of numbers immune to a float32 ulp: each has a small chance to cross.)
PRECISION = {"plot_loss_surfaces": np.float64}


@pytest.mark.parametrize("helper", ["scatter_with_line", "hidden_units", "scatter_classes", "probability_fits",
                                    "plot_loss_surfaces", "animate_descent", "animate_descents",
                                    "animate_learning_paths"])
def test_every_drawing_helper_ignores_one_ulp(chapter8, helper):
    """Inputs in their precision, then every one moved by one ulp (up, and down): the same bytes come out."""
    draw, dtype = figure_cases(chapter8)[helper], PRECISION.get(helper, np.float32)
    unmoved = draw(lambda v: np.asarray(v, dtype=dtype).astype(np.float64))
    for direction in (np.inf, -np.inf):
        moved = draw(lambda v, d=direction: one_ulp(v, d, dtype))
        digest = hashlib.sha256(repr(moved).encode()).hexdigest()[:12]
        assert moved == unmoved, f"{helper}: output changed when its inputs moved one ulp ({digest})"
