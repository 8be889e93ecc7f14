"""Matplotlib figures and animations shared by the notebooks.

Every figure has a title and axis labels. Animations are returned as ``Animation`` objects with their
figure already closed, so a notebook shows only the jshtml player (call ``use_book_style()`` once).

Every number a helper draws goes through ``drawn()`` first: it is rounded to a grid far below a pixel
and far above float noise, so the same picture comes out on every CPU (see ``drawn``).
"""

import hashlib
import html
import re
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np


def drawn(values, span=None) -> np.ndarray:
    """Round numbers that are about to be drawn to a grid far below a pixel and far above float noise.

    Why: the same training can end one float32 unit in the last place (ulp) apart on two CPUs, and a
    curve of 2,000 points drawn from such weights moves by about 1e-5 pixel, which is enough to flip
    the anti-aliasing of a few pixels. An animation frame, stored as a JPEG inside the notebook and
    compared byte for byte by the test suite, then differs on another CPU (it happened: chapter 8's
    Adam animation, frame 3, on an AMD AVX2 CPU versus an Intel AVX-512 one).

    The grid is a power of ten between 1/10,000 and 1/1,000 of ``span`` (the axis range; by default
    the range of ``values``), so a rounded point moves by under half a pixel on the book's figures.
    It is never finer than 1/100,000 of the largest value (at least 80 float32 ulps), so an ulp moves
    a number across a grid line only when the number lies within that ulp of one: a chance of at most
    1 in 80, and about 1 in 1,000 when the numbers fill their axis. NaN and infinity stay as they are.
    """
    values = np.asarray(values, dtype=float)
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return values
    span = float(np.ptp(finite)) if span is None else float(span)
    scale = max(span, 0.1 * float(np.max(np.abs(finite))))
    if scale == 0:
        return values
    step = 10.0 ** (np.floor(np.log10(scale)) - 3)
    return np.round(values / step) * step


def use_book_style() -> None:
    """Set the book's plot style: small figures, readable fonts, animations as jshtml players, and a
    figure's text form that says what it shows (``describe_figure``; the site's alt text)."""
    plt.rcParams.update(
        {
            "figure.figsize": (6, 4),
            "figure.dpi": 72,
            "axes.grid": True,
            "animation.html": "jshtml",
            "animation.embed_limit": 5,  # MB; keeps every chapter page small
        }
    )
    register_figure_text_form()


def describe_figure(fig) -> str:
    """Say in words what a figure shows: its title, then each panel's title, axes and legend.

    This is a figure's text form in a notebook (``register_figure_text_form``), stored beside its picture;
    the book's site uses it as the picture's alt text, e.g.
    ``Figure: Linear fit; y against x; legend: data, fit``.
    """
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        raise TypeError(f"describe_figure needs a matplotlib Figure, got {type(fig).__name__}")
    parts = [fig.get_suptitle()] if fig.get_suptitle() else []
    panels = [ax for ax in fig.axes if ax.get_visible()]
    for ax in panels:
        said = [ax.get_title()] if ax.get_title() else []
        x, y, z = ax.get_xlabel(), ax.get_ylabel(), ax.get_zlabel() if hasattr(ax, "get_zlabel") else ""
        if z:
            said.append(f"{z} over {x} and {y}")
        elif x and y:
            said.append(f"{y} against {x}")
        elif x or y:
            said.append(f"horizontal axis {x}" if x else f"vertical axis {y}")
        if ax.get_legend():
            said.append("legend: " + ", ".join(t.get_text() for t in ax.get_legend().get_texts()))
        parts += ["; ".join(said)] if said else []
    for legend in fig.legends:
        parts.append("legend: " + ", ".join(t.get_text() for t in legend.get_texts()))
    if not parts:
        return "Figure: an empty canvas, no axes yet" if not panels else f"Figure: {len(panels)} panel(s) without titles or labels"
    return "Figure: " + ". ".join(parts)


def register_figure_text_form() -> None:
    """In IPython, store ``describe_figure(fig)`` as a figure's text form instead of ``<Figure size ...>``."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        from matplotlib.figure import Figure

        # Load the backend now: the inline backend resets every formatter of Figure when it loads.
        plt.switch_backend(plt.get_backend())
        plain = shell.display_formatter.formatters["text/plain"]
        plain.for_type(Figure, lambda fig, printer, cycle: printer.text(describe_figure(fig)))


# matplotlib's jshtml player starts with a stylesheet from the internet for its button icons (Font Awesome),
# which an offline page cannot load; JupyterLab and the book's theme bring Font Awesome themselves.
PLAYER_ICON_CSS = re.compile(r'<link rel="stylesheet"\s+href="https://maxcdn\.bootstrapcdn\.com/[^"]*"\s*/?>\n?')
PLAYER_IMG = re.compile(r'<img id="(_anim_img\w+)"')
PLAYER_ID = re.compile(r'<img id="_anim_img([0-9a-f]{32})"')
PLAYER_SLIDER = re.compile(r'(<input id="_anim_slider\w+" type="range")')
# <form title="Repetition mode" aria-label="Repetition mode" ...> radio buttons </form>
PLAYER_FORM = re.compile(r'<form title="([^"]*)" aria-label="\1"([^>]*)>(.*?)</form>', re.S)


def accessible_player(player_html: str, alt_text: str) -> str:
    """matplotlib's jshtml player made usable by everyone, offline: its frame picture gets ``alt_text``, its
    frame slider a label, its "Repetition mode" radio buttons a named radio group inside an unnamed form
    (a named form is a landmark, and two players would make two landmarks of one name), and the internet
    stylesheet goes, and its elements' ids come from its content, not chance. Raise ValueError when
    matplotlib's player no longer looks as expected."""
    fixed = {}
    for name, pattern, replace in [
        ("stylesheet", PLAYER_ICON_CSS, ""),
        ("frame picture", PLAYER_IMG, lambda m: f'<img id="{m[1]}" alt="{html.escape(alt_text)}"'),
        ("frame slider", PLAYER_SLIDER, lambda m: f'{m[1]} aria-label="Animation frame"'),
        ("repetition form", PLAYER_FORM,
         lambda m: f'<form{m[2]}><div role="radiogroup" title="{m[1]}" aria-label="{m[1]}">{m[3]}</div></form>'),
    ]:
        player_html, fixed[name] = pattern.subn(replace, player_html)
    # matplotlib names the player's elements after a random uuid4 (32 hex digits): named after its content
    # instead, the same animation is the same HTML on every run (and nbval compares it as it is)
    ids = set(PLAYER_ID.findall(player_html))
    fixed["player id"] = len(ids)
    missing = [name for name, count in fixed.items() if count != 1]
    if missing:
        raise ValueError(f"matplotlib's animation player has changed: no single {', '.join(missing)} found")
    random_id = ids.pop()
    content_id = hashlib.sha256(player_html.replace(random_id, "").encode()).hexdigest()[:32]
    return player_html.replace(random_id, content_id)


class Animation:
    """A finished animation: a notebook shows it as a jshtml player with play/step buttons.

    Its text form (stored beside the player, shown by plain-text viewers) says what it shows, e.g.
    ``Animation: Gradient descent, α = 0.1 (15 frames)``, instead of a memory address; the player's frame
    picture has that text as alt text (``accessible_player``), in JupyterLab as on the site.
    ``.animation`` is the matplotlib ``FuncAnimation`` (e.g. to ``.save`` it as a GIF).
    """

    def __init__(self, animation, title: str, frames: int):
        self.animation, self.title, self.frames = animation, title, frames

    def _repr_html_(self) -> str:
        return accessible_player(self.animation.to_jshtml(), repr(self))

    def __repr__(self) -> str:
        return f"Animation: {self.title} ({self.frames} frames)"


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
    x, y = drawn(np.ravel(x)), drawn(np.ravel(y))
    ax.plot(x, y, ".", label="data")
    if line_y is not None:
        check_same_length(x=x, line_y=line_y)
        ax.plot(x, drawn(np.ravel(line_y), span=np.ptp(y)), "--", label=line_label)
        ax.legend()
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    return fig


def hidden_units(x, y, u, v, weights, bias, *, title):
    """Four panels that take a one-hidden-layer network apart, as lecture 002 does; return the figure.

    ``u`` (n × units) is the hidden layer before the activation, ``v`` after it; ``weights`` (units) and
    ``bias`` belong to the output layer. Panels: u; v; each unit's contribution ``v[:, j] * weights[j]``
    (the bias added to the last one); and their sum, the prediction ŷ.
    """
    x, y = np.ravel(x), np.ravel(y)
    u, v = np.asarray(u).reshape(len(x), -1), np.asarray(v).reshape(len(x), -1)
    weights = np.ravel(weights)
    if u.shape != v.shape or v.shape[1] != len(weights):
        raise ValueError(f"u {u.shape}, v {v.shape} and weights {weights.shape} must agree on the number of units")
    check_same_length(x=x, y=y)
    parts = v * weights
    parts[:, -1] += float(np.ravel(bias)[0])
    prediction = drawn(parts.sum(axis=1))
    x, y, u, v, parts = drawn(x), drawn(y), drawn(u), drawn(v), drawn(parts)
    panels = [(u, "u = hidden layer (before relu)"), (v, "v = relu(u)"), (parts, "each unit's contribution")]
    fig, axes = plt.subplots(1, 4, figsize=(14, 3.2), sharey=True)
    for ax, (curves, name) in zip(axes, panels):
        ax.plot(x, y, ".", color="lightgrey")
        for j in range(curves.shape[1]):
            color = ("red", "blue")[j] if curves.shape[1] <= 2 else None  # the lecture's colours
            ax.plot(x, curves[:, j], "--", color=color, label=f"unit {j + 1}")
        ax.set(title=name, xlabel="x")
        ax.legend(fontsize=8)
    axes[3].plot(x, y, ".", color="lightgrey")
    axes[3].plot(x, prediction, "--", color="black")
    axes[3].set(title="sum = ŷ", xlabel="x")
    axes[0].set_ylabel("y")
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def scatter_classes(points, classes, *, title, line=None, xlabel="x₁", ylabel="x₂"):
    """Scatter 2-d points coloured by class (0 or 1); ``line = (slope, intercept)`` adds a line. Return the figure."""
    points = np.asarray(points)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(f"points must have shape (n, 2), got {points.shape}")
    check_same_length(points=points[:, 0], classes=classes)
    classes = np.ravel(classes).astype(bool)
    points = np.column_stack([drawn(points[:, 0]), drawn(points[:, 1])])
    fig, ax = plt.subplots(figsize=(5, 4))
    ax.scatter(*points[~classes].T, s=4, label="class 0")
    ax.scatter(*points[classes].T, s=4, label="class 1")
    if line is not None:
        slope, intercept = line
        xs = np.array([points[:, 0].min(), points[:, 0].max()])
        ax.plot(xs, drawn(slope * xs + intercept, span=np.ptp(points[:, 1])), "k--", label="decision line")
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel, ylim=(points[:, 1].min() - 0.5, points[:, 1].max() + 0.5))
    ax.legend(fontsize=8, markerscale=3)
    return fig


def _check_path_args(paths, loss_fn, max_frames) -> dict:
    """Check the arguments of the descent animations; return the paths as 1-d float arrays."""
    if not isinstance(paths, dict) or not paths:
        raise ValueError("paths must be a non-empty dict {panel title: positions}")
    if not callable(loss_fn):
        raise TypeError(f"loss_fn must be a function of a NumPy array of positions, got {type(loss_fn).__name__}")
    if not isinstance(max_frames, int) or max_frames < 2:
        raise ValueError(f"max_frames must be an integer of at least 2, got {max_frames!r}")
    arrays = {name: np.ravel(np.asarray(path, dtype=float)) for name, path in paths.items()}
    for name, path in arrays.items():
        if path.size == 0 or not np.all(np.isfinite(path)):
            raise ValueError(f"path {name!r} must hold at least one finite position")
    check_same_length(**{f"path {name!r}": path for name, path in arrays.items()})
    return arrays


def animate_descents(paths, loss_fn, *, title, curve_x=None, xlabel="β", ylabel="loss", max_frames=15):
    """Animate gradient-descent paths side by side: one panel per path, its points walking down the loss curve.

    ``paths`` maps a panel title (e.g. ``"α = 1"``) to the positions β₀, β₁, ..., all of the same length;
    ``loss_fn`` maps a NumPy array of positions to their losses (used for the curve and the points).
    ``curve_x`` sets the range of the curve (each panel widens it to hold its whole path). A legend under
    the panels names the curve and the path. Frame k shows the points up to step k; long paths are thinned
    to ``max_frames`` frames (the first and last kept).
    Returns an ``Animation`` whose figure is already closed: a notebook shows it as a jshtml player.
    """
    from matplotlib.animation import FuncAnimation

    arrays = _check_path_args(paths, loss_fn, max_frames)
    steps = len(next(iter(arrays.values())))
    shown = sorted(set(np.linspace(0, steps - 1, min(steps, max_frames)).round().astype(int).tolist()))
    fig, axes = plt.subplots(1, len(arrays), figsize=(4.5 if len(arrays) == 1 else 2.6 * len(arrays), 3.3), squeeze=False)
    artists = []
    extra = [np.min(curve_x), np.max(curve_x)] if curve_x is not None else []
    for ax, (name, path) in zip(axes[0], arrays.items()):
        path = drawn(path, span=np.ptp([path.min(), path.max(), *extra]))
        low, high = min([path.min(), *extra]), max([path.max(), *extra])
        pad = 0.1 * (high - low) if high > low else 1.0
        grid = drawn(np.linspace(low - pad, high + pad, 200))
        curve = np.ravel(np.asarray(loss_fn(grid), dtype=float))
        path_losses = drawn(np.ravel(np.asarray(loss_fn(path), dtype=float)), span=np.ptp(curve))
        ax.plot(grid, drawn(curve), color="tab:blue", lw=1, label=f"{ylabel}({xlabel})")
        line, = ax.plot(path[:1], path_losses[:1], "o-", color="tab:red", ms=4, lw=0.6, label=f"{xlabel}, step by step")
        label = ax.text(0.03, 0.9, "", transform=ax.transAxes)
        ax.set(title=name, xlabel=xlabel)
        ax.locator_params(nbins=4)  # fewer tick labels: each frame draws faster
        artists.append((path, path_losses, line, label))
    axes[0][0].set_ylabel(ylabel)
    # every panel shows the same two lines: one legend for all, under the panels
    fig.legend(*axes[0][0].get_legend_handles_labels(), loc="lower center", ncol=2, fontsize=8, frameon=False)
    fig.suptitle(title)
    fig.tight_layout(rect=(0, 0.07, 1, 1))

    def draw(frame):
        for path, path_losses, line, label in artists:
            line.set_data(path[: frame + 1], path_losses[: frame + 1])
            label.set_text(f"step {frame}")
        return [a for _, _, line, label in artists for a in (line, label)]

    animation = FuncAnimation(fig, draw, frames=shown, interval=150)
    plt.close(fig)
    return Animation(animation, title, len(shown))


def animate_descent(path, loss_fn, *, title, curve_x=None, xlabel="β", ylabel="loss", max_frames=15):
    """Animate one gradient-descent path on its loss curve (``animate_descents`` with a single panel).

    ``path`` holds the positions β₀, β₁, ... and ``loss_fn`` maps a NumPy array of positions to losses.
    """
    shown = animate_descents({title: path}, loss_fn, title="", curve_x=curve_x, xlabel=xlabel, ylabel=ylabel,
                             max_frames=max_frames)
    shown.title = title
    return shown


class LossGrid(NamedTuple):
    """The MSE and BCE losses of a two-weight model at every point of a (w0, w1) grid, as flat arrays."""

    w0: np.ndarray
    w1: np.ndarray
    mse: np.ndarray
    bce: np.ndarray


def _call_losses(losses, w0, w1):
    """Call ``losses(w0, w1)``; return its (mse, bce) as flat float arrays of w0's length, or raise."""
    if not callable(losses):
        raise TypeError(f"losses must be a function losses(w0, w1) -> (mse, bce), got {type(losses).__name__}")
    w0, w1 = np.ravel(np.asarray(w0, dtype=float)), np.ravel(np.asarray(w1, dtype=float))
    result = losses(w0, w1)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("losses(w0, w1) must return a tuple (mse, bce) of arrays")
    mse, bce = (np.ravel(np.asarray(r, dtype=float)) for r in result)
    check_same_length(w0=w0, mse=mse, bce=bce)
    return mse, bce


def loss_grid(losses, w0_values, w1_values) -> LossGrid:
    """Evaluate ``losses(w0, w1) -> (mse, bce)`` at every pair of ``w0_values`` × ``w1_values``.

    ``losses`` takes two 1-d NumPy arrays of the same length (one entry per weight pair) and returns the
    two losses at each pair, as the lecture's ``loss_fn1`` and ``loss_fn2`` do for one pair at a time.
    """
    w0_values, w1_values = np.ravel(w0_values), np.ravel(w1_values)
    if w0_values.size == 0 or w1_values.size == 0:
        raise ValueError("w0_values and w1_values must not be empty")
    w0, w1 = np.meshgrid(w0_values.astype(float), w1_values.astype(float), indexing="ij")
    mse, bce = _call_losses(losses, w0, w1)
    return LossGrid(w0=w0.ravel(), w1=w1.ravel(), mse=mse, bce=bce)


def _light_3d_axes(ax, *, zlabel) -> None:
    """Style a 3-D axes lightly and turn it to the lecture's view (elevation 15°, azimuth 75°).

    No grey panes and no grid, three ticks per axis: they would roughly double the bytes of every
    animation frame. Artists are drawn in the order they are added, so a star added last stays visible.
    """
    from matplotlib.ticker import MaxNLocator

    for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
        axis.pane.fill = False
        axis.set_major_locator(MaxNLocator(3))
    ax.grid(False)
    ax.computed_zorder = False
    ax.view_init(elev=15, azim=75)
    ax.set(xlabel="w₀", ylabel="w₁", zlabel=zlabel)


def plot_loss_surfaces(grid: LossGrid, losses, *, title, true_w=(-1.0, 5.0), figsize=(8, 4)):
    """Draw ``grid.mse`` and ``grid.bce`` side by side as 3-D point clouds; return the figure.

    ``losses`` is the function that made the grid (see ``loss_grid``); the red star marks its losses at
    the weights ``true_w`` that generated the data.
    """
    true_mse, true_bce = _call_losses(losses, [true_w[0]], [true_w[1]])
    fig = plt.figure(figsize=figsize)
    for k, (values, star, name) in enumerate([(grid.mse, true_mse, "MSE"), (grid.bce, true_bce, "BCE")], 1):
        ax = fig.add_subplot(1, 2, k, projection="3d")
        _light_3d_axes(ax, zlabel="loss")
        ax.scatter(drawn(grid.w0), drawn(grid.w1), drawn(values), s=0.1)
        ax.scatter(*true_w, drawn(star, span=np.ptp(values)), color="red", marker="*", s=150, depthshade=False, label="true (w₀, w₁)")
        ax.set_title(f"{name} loss")
        ax.legend(loc="upper left", fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def _check_weight_path(name, path) -> np.ndarray:
    """Return ``path`` as a (steps, 2) float array of (w0, w1) rows, or raise ValueError naming it."""
    path = np.asarray(path, dtype=float)
    if path.ndim != 2 or path.shape[1] != 2 or len(path) == 0:
        raise ValueError(f"{name} must have shape (steps, 2), one (w0, w1) row per step, got {path.shape}")
    return path


def _sigmoid_curve(x, w):
    """The fitted success probability sigmoid(w0 + w1 x) for one weight pair ``w = (w0, w1)``."""
    return 1 / (1 + np.exp(-w[0] - w[1] * x))


def animate_learning_paths(grid: LossGrid, losses, data, path_mse, path_bce, *, title, epochs_per_frame=15,
                           true_w=(-1.0, 5.0), figsize=(4.8, 4.8)):
    """Animate two training runs, one per loss, in four panels as lecture 002 does; return the animation.

    ``path_mse`` and ``path_bce`` hold one (w0, w1) row per recorded step (the start first), recorded
    every ``epochs_per_frame`` epochs. Top: each path on its loss surface (``grid``, from ``loss_grid`` with
    the same ``losses``). Bottom: the data ``data.x``, ``data.y``, the true success probability
    ``data.prob`` (red) and the fitted curve sigmoid(w0 + w1 x) of the current step (blue). A legend under
    the panels names the path, the star (the true weights), the data and both curves.

    Speed and size: a 3-D figure takes about a quarter of a second to draw, and an animation draws every
    frame anew. So the still parts (surfaces, data, axes, labels) are drawn once into a picture, and each
    frame is that picture with only the moving lines drawn over it, at their on-screen positions. The
    surfaces are a coarse wire mesh, which keeps every stored frame small. The figure is closed, so a
    notebook shows only the jshtml player.
    """
    from matplotlib.animation import FuncAnimation
    from mpl_toolkits.mplot3d import proj3d

    path_mse, path_bce = _check_weight_path("path_mse", path_mse), _check_weight_path("path_bce", path_bce)
    if len(path_mse) != len(path_bce):
        raise ValueError(f"both paths need the same number of steps, got {len(path_mse)} and {len(path_bce)}")
    x = np.ravel(data.x)
    check_same_length(x=x, y=data.y, prob=data.prob)
    x = drawn(x)
    # every drawn number on a grid far below a pixel (see ``drawn``): the weights first, on their axes
    spans = np.ptp(grid.w0), np.ptp(grid.w1)
    path_mse, path_bce = (np.column_stack([drawn(p[:, 0], spans[0]), drawn(p[:, 1], spans[1])])
                          for p in (path_mse, path_bce))
    surfaces = [drawn(grid.mse), drawn(grid.bce)]
    path_losses = [drawn(_call_losses(losses, *path_mse.T)[0], span=np.ptp(grid.mse)),
                   drawn(_call_losses(losses, *path_bce.T)[1], span=np.ptp(grid.bce))]
    true_losses = [drawn(value, span=np.ptp(surface))
                   for value, surface in zip(_call_losses(losses, [true_w[0]], [true_w[1]]), (grid.mse, grid.bce))]
    per_row = len(np.unique(grid.w1))  # the grid is w0-major: one row of w1 values per w0

    still = plt.figure(figsize=figsize)
    still.suptitle(title)
    surface_axes, fit_axes = [], []
    for k, (surface, name) in enumerate(zip(surfaces, ("MSE", "BCE"))):
        ax = still.add_subplot(2, 2, k + 1, projection="3d")
        _light_3d_axes(ax, zlabel="")
        ax.set_box_aspect(None, zoom=1.2)
        mesh = (a.reshape(-1, per_row) for a in (drawn(grid.w0), drawn(grid.w1), surface))
        ax.plot_wireframe(*mesh, rstride=5, cstride=5, lw=0.5, antialiased=False, color="lightsteelblue")
        ax.scatter(*true_w, true_losses[k][0], color="red", marker="*", s=150, depthshade=False)
        ax.set_title(f"{name} loss", fontsize=10, pad=0)
        surface_axes.append(ax)
        ax = still.add_subplot(2, 2, k + 3)
        ax.plot(x, drawn(np.ravel(data.y)), ",", color="grey")
        ax.plot(x, drawn(np.ravel(data.prob), span=1), "--r")
        ax.set(xlabel="x", ylabel="y", ylim=(-0.05, 1.05))
        ax.grid(False)
        ax.set_title(f"fit with {name}", fontsize=10)
        fit_axes.append(ax)
    # one legend for all four panels, under them (stand-ins for the lines drawn on every frame)
    from matplotlib.lines import Line2D

    legend = [Line2D([], [], marker="o", color="black", ms=2, lw=1, label="path of (w₀, w₁)"),
              Line2D([], [], marker="*", color="red", ms=7, lw=0, label="true (w₀, w₁)"),
              Line2D([], [], marker=".", color="grey", lw=0, label="data"),
              Line2D([], [], ls="--", color="red", label="true π"),
              Line2D([], [], ls="--", color="blue", label="fitted π")]
    still.legend(handles=legend, loc="lower center", ncol=3, fontsize=7, frameon=False, handlelength=1.8,
                 columnspacing=1.0, borderaxespad=0.2)
    still.subplots_adjust(left=0.13, right=0.97, bottom=0.16, top=0.89, wspace=0.35, hspace=0.6)
    still.canvas.draw()
    picture = np.asarray(still.canvas.buffer_rgba()).copy()
    plt.close(still)

    # where the moving lines land on the picture, in pixels (ax.M is the 3-D projection of the last draw)
    path_pixels = [ax.transData.transform(np.column_stack(proj3d.proj_transform(*path.T, loss, ax.M)[:2]))
                   for ax, path, loss in zip(surface_axes, (path_mse, path_bce), path_losses)]
    curve_pixels = [[ax.transData.transform(np.column_stack([x, drawn(_sigmoid_curve(x, w), span=1)])) for w in path]
                    for ax, path in zip(fit_axes, (path_mse, path_bce))]

    fig = plt.figure(figsize=figsize)
    fig.figimage(picture, zorder=-1)  # under the overlay axes
    overlay = fig.add_axes((0, 0, 1, 1))
    overlay.set_axis_off()
    overlay.set(xlim=(0, picture.shape[1]), ylim=(0, picture.shape[0]))
    paths = [overlay.plot([], [], "o-", color="black", ms=2, lw=1)[0] for _ in range(2)]
    curves = [overlay.plot([], [], "--b")[0] for _ in range(2)]
    epoch = overlay.text(0.02, 0.97, "", transform=overlay.transAxes, fontsize=9, va="top")

    def draw(i):
        epoch.set_text(f"epoch {i * epochs_per_frame}")
        for line, pixels in zip(paths, path_pixels):
            line.set_data(pixels[: i + 1].T)
        for curve, pixels in zip(curves, curve_pixels):
            curve.set_data(pixels[i].T)

    anim = FuncAnimation(fig, draw, frames=len(path_mse))
    plt.close(fig)
    return Animation(anim, title, len(path_mse))


def probability_fits(x, y, curves, *, title, xlabel="x", ylabel="y"):
    """Plot 0/1 data as faint dots and probability curves over the same x; return the figure.

    ``curves`` maps a legend label (e.g. ``"true π"``, ``"fit with BCE"``) to the curve's values at x.
    """
    check_same_length(x=x, y=y, **{f"curve {label!r}": values for label, values in curves.items()})
    fig, ax = plt.subplots(figsize=(6, 3.5))
    x = drawn(np.ravel(x))
    ax.plot(x, drawn(np.ravel(y)), ".", alpha=0.1, color="grey", label="data")
    for label, values in curves.items():
        ax.plot(x, drawn(np.ravel(values), span=1), "--", label=label)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    ax.legend(fontsize=8)
    return fig
