"""Unit tests for the helpers package: datasets, report, plots, diagrams and the framework utilities."""

import numpy as np
import pytest

from helpers import datasets, diagrams, plots, report


def test_load_by_name_matches_function():
    np.testing.assert_array_equal(datasets.load("cafe").y, datasets.cafe().y)


def test_unknown_dataset_name_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown dataset 'cafee'.*cafe"):
        datasets.load("cafee")


@pytest.mark.parametrize("name", list(datasets.DATASETS))
def test_every_dataset_loads_with_matching_lengths(name):
    data = datasets.load(name)
    lengths = {len(np.ravel(a)) // (2 if a.ndim == 2 and a.shape[1] == 2 else 1) for a in data}
    assert len(lengths) == 1, f"{name}: fields of different lengths {lengths}"


def test_cafe_is_the_lecture_data():
    # lecture 003 printed these y values (first and last) and sales = 10.2 + 2.2 x + eps
    cafe = datasets.cafe()
    assert cafe.y[0] == pytest.approx(55.4183651, abs=5e-9)
    assert cafe.y[-1] == pytest.approx(77.84988286, abs=5e-9)
    assert cafe.epsilon.astype(np.float32).astype(np.float64).tolist() == cafe.epsilon.tolist()


def test_line_n200_statistics_match_lecture_000():
    d = datasets.line_n200()
    sxx = np.sum((d.x - d.x.mean()) ** 2)
    sxy = np.sum((d.x - d.x.mean()) * (d.y - d.y.mean()))
    assert sxx == pytest.approx(16.834170854271363, rel=1e-14)
    assert sxy == pytest.approx(66.20937503043275, rel=1e-12)


def test_piecewise_matches_lecture_002():
    assert datasets.piecewise().y[:3] == pytest.approx([-0.88497385, -0.65454563, -0.61676249], abs=5e-9)


def test_blobs_shapes_and_bad_size():
    blobs = datasets.two_blobs()
    assert blobs.inputs.shape == (2000, 2) and blobs.targets.shape == (2000, 1)
    assert blobs.targets[:1000].sum() == 0 and blobs.targets[1000:].sum() == 1000
    with pytest.raises(ValueError, match="samples_per_class"):
        datasets.two_blobs(samples_per_class=0)


def test_bernoulli_is_seeded_and_checks_n():
    a, b = datasets.bernoulli_logistic(), datasets.bernoulli_logistic()
    np.testing.assert_array_equal(a.y, b.y)
    assert set(np.unique(a.y)) == {0.0, 1.0}
    with pytest.raises(ValueError, match="n must be"):
        datasets.bernoulli_logistic(n=1)


def test_key_results_round_trip(capsys):
    report.key_results(beta=np.float32(1.9971251), grad=np.array([[-126.78690968], [-3208.83947922]]), n=59)
    printed = capsys.readouterr().out
    assert printed.splitlines()[0] == "Key results"
    assert report.parse_key_results(printed) == {
        "beta": [1.9971251], "grad": [-126.78690968, -3208.83947922], "n": [59.0]
    }


def test_rounded_prints_the_asked_precision(capsys):
    report.key_results(
        beta=report.rounded(np.float32(1.9999928), digits=6),
        losses=report.rounded(np.array([0.123456, -1e-9, 2.0]), decimals=3),
        n=report.rounded(1537, digits=2),
    )
    assert capsys.readouterr().out.splitlines()[1:] == ["  beta: 1.99999", "  losses: [0.123, 0.0, 2.0]", "  n: 1537"]


@pytest.mark.parametrize("kwargs", [{}, {"digits": 2, "decimals": 2}, {"digits": 0}, {"decimals": -1}, {"digits": 1.5}])
def test_rounded_rejects_bad_precision(kwargs):
    with pytest.raises(ValueError, match="digits"):
        report.rounded(1.0, **kwargs)


@pytest.mark.parametrize("bad", [{}, {"Beta": 1.0}, {"x": "text"}])
def test_key_results_rejects_bad_input(bad):
    with pytest.raises((ValueError, TypeError)):
        report.key_results(**bad)


def test_plot_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="x has 3, y has 2"):
        plots.scatter_with_line([1, 2, 3], [1, 2], title="t")


def test_diagram_layers_and_bad_input():
    graph = diagrams.layers(["1", "x"], ["ŷ"], edge_labels={("x", "ŷ"): "β₁"})
    assert repr(graph) == "Diagram: 1, x → ŷ"  # what a notebook stores beside the SVG: no memory address
    svg = graph.pipe(format="svg").decode()
    assert "<svg" in svg and "β₁" in svg
    with pytest.raises(ValueError, match="at least two layers"):
        diagrams.layers(["x"])
    with pytest.raises(ValueError, match="not drawn"):
        diagrams.layers(["x"], ["y"], edge_labels={("z", "y"): "w"})


def test_framework_utils_share_one_api():
    """tf_utils and torch_utils: the same public functions, each with the same parameters (names, kinds,
    defaults; not annotations, which may name a framework's types), each with a docstring."""
    import inspect

    from helpers import tf_utils, torch_utils

    def api(module):
        return {
            name: inspect.signature(function)
            for name, function in vars(module).items()
            if inspect.isfunction(function) and function.__module__ == module.__name__ and not name.startswith("_")
        }

    def parameters(signature):
        return [(p.name, p.kind, p.default) for p in signature.parameters.values()]

    tf_api, torch_api = api(tf_utils), api(torch_utils)
    assert tf_api.keys() == torch_api.keys()
    for name in tf_api:
        assert parameters(tf_api[name]) == parameters(torch_api[name]), (
            f"{name}: tf_utils.{name}{tf_api[name]} vs torch_utils.{name}{torch_api[name]}"
        )
        assert getattr(tf_utils, name).__doc__ and getattr(torch_utils, name).__doc__, name


@pytest.mark.parametrize("module_name", ["tf_utils", "torch_utils"])
def test_set_seed_rejects_bad_seed(module_name):
    import importlib

    module = importlib.import_module(f"helpers.{module_name}")
    for bad in (-1, True, 1.5, "7"):
        with pytest.raises(ValueError, match="seed must be a non-negative integer"):
            module.set_seed(bad)
    with pytest.raises(TypeError, match="exception"):
        module.short_error("not an exception")


@pytest.mark.parametrize("module_name", ["tf_utils", "torch_utils"])
def test_short_error_fits_the_page(module_name):
    """The error's type and first line, wrapped to the page's 79 columns (or ``width``), nothing lost."""
    import importlib

    module = importlib.import_module(f"helpers.{module_name}")
    first_line = " ".join(f"word{i}" for i in range(40))  # 309 characters
    for width in (79, 40):
        shown = module.short_error(ValueError(first_line + "\nsecond line"), width=width)
        assert max(map(len, shown.splitlines())) <= width and len(shown.splitlines()) > 1, shown
        assert " ".join(shown.split()) == f"ValueError: {first_line}"


@pytest.mark.parametrize("form", diagrams.YHAT_FORMS)
def test_regression_yhat_diagrams(form):
    svg = diagrams.regression_yhat(form).pipe(format="svg").decode()
    assert "<svg" in svg and "identity" in svg and "bias=" in svg


def test_regression_yhat_rejects_unknown_form():
    with pytest.raises(ValueError, match="unknown form 'bias'.*matrix"):
        diagrams.regression_yhat("bias")


def test_minimize_takes_one_step_in_both_frameworks():
    # lecture 003/000: one SGD step on (beta/2 - 1)^2 from -10 with alpha = 0.01/6 gives -9.99
    import torch

    from helpers import tf_utils, torch_utils
    from helpers.tf_utils import tf  # TensorFlow, with the book's settings (helpers/tf_utils.py)

    beta = tf.Variable(-10.0)
    loss = tf_utils.minimize(tf.keras.optimizers.SGD(0.01 / 6), lambda: (beta / 2 - 1) ** 2, beta)
    assert float(loss) == pytest.approx(36.0) and float(beta.numpy()) == pytest.approx(-9.99, abs=1e-6)
    b0, b1 = tf.Variable(1.0), tf.Variable(2.0)
    tf_utils.minimize(tf.keras.optimizers.SGD(0.5), lambda: b0**2 + b1**2, [b0, b1])
    assert (float(b0.numpy()), float(b1.numpy())) == (0.0, 0.0)

    beta = torch.tensor(-10.0, requires_grad=True)
    loss = torch_utils.minimize(torch.optim.SGD([beta], lr=0.01 / 6), lambda: (beta / 2 - 1) ** 2, beta)
    assert loss.item() == pytest.approx(36.0) and beta.item() == pytest.approx(-9.99, abs=1e-6)


@pytest.mark.parametrize("module_name", ["tf_utils", "torch_utils"])
def test_minimize_rejects_bad_input(module_name):
    import importlib

    module = importlib.import_module(f"helpers.{module_name}")
    if module_name == "tf_utils":
        from helpers.tf_utils import tf  # TensorFlow, with the book's settings (helpers/tf_utils.py)

        used, unused = tf.Variable(1.0), tf.Variable(2.0)
        optimizer = tf.keras.optimizers.SGD(0.1)
    else:
        import torch

        used, unused = torch.tensor(1.0, requires_grad=True), torch.tensor(2.0, requires_grad=True)
        optimizer = torch.optim.SGD([used], lr=0.1)
    with pytest.raises(TypeError, match="loss_fn must be a function"):
        module.minimize(optimizer, used**2, used)
    with pytest.raises(ValueError, match="variables"):
        module.minimize(optimizer, lambda: used**2, [used, unused])


def test_descent_animations_thin_frames_and_close_their_figure():
    import matplotlib.pyplot as plt

    loss = lambda b: (b / 2 - 1) ** 2  # noqa: E731
    shown = plots.animate_descent(np.linspace(-10, 2, 101), loss, title="one path", max_frames=4)
    assert repr(shown) == "Animation: one path (4 frames)"  # stored beside the player: no memory address
    animation = shown.animation
    assert not plt.fignum_exists(animation._fig.number), "the figure must be closed (no static PNG)"
    assert list(animation.new_frame_seq()) == [0, 33, 67, 100]
    assert shown._repr_html_().count("data:image/") == 4  # one picture per frame (PNG, or JPEG in the notebooks)
    animation = plots.animate_descents({"a": [-10.0, -4.0, 2.0], "b": [-10.0, 14.0, 2.0]}, loss, title="two").animation
    assert len(animation._fig.axes) == 2 and list(animation.new_frame_seq()) == [0, 1, 2]
    animation.to_jshtml()


def test_the_player_is_accessible_and_offline():
    """The player a notebook stores has its text form as the frame's alt text, a named frame slider, its
    repetition mode as a named radio group in an unnamed form, and no stylesheet from the internet; a player
    matplotlib has changed is an error, not a silently unlabelled player. Its element ids come from its content:
    the same animation is the same HTML on every run."""
    from bs4 import BeautifulSoup

    loss = lambda b: (b / 2 - 1) ** 2  # noqa: E731
    shown = plots.animate_descent(np.linspace(-10, 2, 11), loss, title="a <path>", max_frames=3)
    player = BeautifulSoup(shown._repr_html_(), "html.parser")
    assert player.find("img", id=lambda i: i and i.startswith("_anim_img"))["alt"] == "Animation: a <path> (3 frames)"
    assert player.find("input", type="range")["aria-label"] == "Animation frame"
    group = player.find(role="radiogroup")
    assert group["aria-label"] == "Repetition mode" and group.parent.name == "form"
    assert not group.parent.get("aria-label") and not player.find("link")
    again = plots.animate_descent(np.linspace(-10, 2, 11), loss, title="a <path>", max_frames=3)
    assert again._repr_html_() == str(shown._repr_html_()), "the same animation must give the same HTML"
    other = plots.animate_descent(np.linspace(-10, 3, 11), loss, title="a <path>", max_frames=3)
    assert other._repr_html_().split('id="_anim_img')[1][:32] != again._repr_html_().split('id="_anim_img')[1][:32]
    with pytest.raises(ValueError, match="frame picture, frame slider, repetition form, player id"):
        plots.accessible_player('<link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/x.css">', "alt")


def test_descent_animations_reject_bad_input():
    loss = lambda b: b**2  # noqa: E731
    with pytest.raises(ValueError, match="non-empty dict"):
        plots.animate_descents({}, loss, title="t")
    with pytest.raises(TypeError, match="loss_fn must be a function"):
        plots.animate_descent([1.0, 2.0], "b**2", title="t")
    with pytest.raises(ValueError, match="same length"):
        plots.animate_descents({"a": [1.0, 2.0], "b": [1.0]}, loss, title="t")
    with pytest.raises(ValueError, match="finite"):
        plots.animate_descent([1.0, np.nan], loss, title="t")
    with pytest.raises(ValueError, match="max_frames"):
        plots.animate_descent([1.0, 2.0], loss, title="t", max_frames=1)


def test_grouped_and_hidden_layer_diagrams():
    svg = diagrams.one_hidden_layer(2, detailed=True).pipe(format="svg").decode()
    assert "u1[:,0]" in svg and "*W2[1,0]" in svg and "Layer 2" in svg
    assert repr(diagrams.one_hidden_layer(2)) == "Diagram: Layer 0 (X) → Layer 1: relu (node1, node2) → Layer 2 (ŷ)"
    assert "node512" in diagrams.one_hidden_layer(512).pipe(format="svg").decode()
    assert "relu" in diagrams.one_unit("relu").pipe(format="svg").decode()
    with pytest.raises(ValueError, match="units must be"):
        diagrams.one_hidden_layer(0)
    with pytest.raises(ValueError, match="in no group"):
        diagrams.grouped([("Layer 0", ["X"])], [("X", "Z")])
    with pytest.raises(ValueError, match="non-empty list"):
        diagrams.grouped([("Layer 0", "X")], [])
    with pytest.raises(ValueError, match="activation"):
        diagrams.one_unit("")


def test_hidden_units_and_scatter_classes_check_shapes():
    import matplotlib.pyplot as plt

    x = np.linspace(-1, 1, 5)
    u = np.column_stack([x, -x])
    fig = plots.hidden_units(x, x, u, np.maximum(u, 0), [1.0, -1.0], [0.5], title="t")
    assert len(fig.axes) == 4
    plt.close(fig)
    with pytest.raises(ValueError, match="number of units"):
        plots.hidden_units(x, x, u, np.maximum(u, 0), [1.0], [0.5], title="t")
    fig = plots.scatter_classes(np.column_stack([x, x]), x > 0, title="t", line=(1.0, 0.0))
    plt.close(fig)
    with pytest.raises(ValueError, match=r"shape \(n, 2\)"):
        plots.scatter_classes(x, x > 0, title="t")


def _small_nets():
    """The same 1-2-1 relu network in Keras and in PyTorch."""
    import torch

    from helpers.tf_utils import tf  # TensorFlow, with the book's settings (helpers/tf_utils.py)

    keras_net = tf.keras.Sequential(
        [tf.keras.Input((1,)), tf.keras.layers.Dense(2, activation="relu"), tf.keras.layers.Dense(1)]
    )
    torch_net = torch.nn.Sequential(torch.nn.Linear(1, 2), torch.nn.ReLU(), torch.nn.Linear(2, 1))
    return keras_net, torch_net


def test_glorot_start_and_training_agree_across_frameworks(capsys):
    from helpers import tf_utils, torch_utils

    keras_net, torch_net = _small_nets()
    tf_utils.glorot_start(keras_net, seed=7)
    torch_utils.glorot_start(torch_net, seed=7)
    np.testing.assert_array_equal(keras_net.get_weights()[0], torch_net[0].weight.detach().numpy().T)
    x = np.linspace(-1, 1, 20, dtype="float32").reshape(20, 1)
    y = np.abs(x)
    tf_loss = tf_utils.train_full_batch(keras_net, x, y, steps=30, learning_rate=0.1)
    torch_loss = torch_utils.train_full_batch(torch_net, x, y, steps=30, learning_rate=0.1)
    assert tf_loss == pytest.approx(torch_loss, rel=1e-5)
    assert tf_utils.print_summary(keras_net, x) == torch_utils.print_summary(torch_net, x) == 7
    assert "total" in capsys.readouterr().out


@pytest.mark.parametrize("module_name", ["tf_utils", "torch_utils"])
def test_training_and_weight_helpers_reject_bad_input(module_name):
    import importlib

    module = importlib.import_module(f"helpers.{module_name}")
    net = _small_nets()[0 if module_name == "tf_utils" else 1]
    x = np.zeros((4, 1), "float32")
    with pytest.raises(ValueError, match="steps must be"):
        module.train_full_batch(net, x, x, steps=0, learning_rate=0.1)
    with pytest.raises(ValueError, match="learning_rate"):
        module.train_full_batch(net, x, x, steps=1, learning_rate=0)
    with pytest.raises(ValueError, match="one row per sample"):
        module.train_full_batch(net, x, x[:3], steps=1, learning_rate=0.1)
    with pytest.raises(ValueError, match="expected 4 arrays"):
        module.set_dense_weights(net, [np.zeros((1, 2))])
    with pytest.raises(ValueError, match="needs shapes"):
        module.set_dense_weights(net, [np.zeros((2, 1)), np.zeros(2), np.zeros((2, 1)), np.zeros(1)])
    with pytest.raises(ValueError, match="seed"):
        module.glorot_start(net, seed=-1)
    with pytest.raises(TypeError, match="expected a"):
        module.set_dense_weights("not a model", [])
    with pytest.raises(TypeError, match="expected a"):
        module.print_summary("not a model", x)


def _logistic_losses(w0, w1):
    """MSE and BCE of sigmoid(w0 + w1 x) on a tiny 0/1 data set, one value per weight pair (chapter 8's contract)."""
    x, y = np.array([-1.0, 0.0, 1.0])[:, None], np.array([0.0, 1.0, 1.0])[:, None]
    yhat = 1 / (1 + np.exp(-(w0 + x * w1)))
    return np.mean((y - yhat) ** 2, axis=0), -np.mean(y * np.log(yhat) + (1 - y) * np.log(1 - yhat), axis=0)


def test_loss_grid_and_surfaces():
    import matplotlib.pyplot as plt

    grid = plots.loss_grid(_logistic_losses, [-1.0, 0.0, 1.0], [0.0, 2.0])
    assert grid.w0.tolist() == [-1, -1, 0, 0, 1, 1] and grid.w1.tolist() == [0, 2, 0, 2, 0, 2]
    assert grid.mse[2] == pytest.approx(0.25) and grid.bce[2] == pytest.approx(np.log(2))  # at (0, 0): ŷ = 1/2
    fig = plots.plot_loss_surfaces(grid, _logistic_losses, title="t")
    assert len(fig.axes) == 2
    plt.close(fig)
    with pytest.raises(ValueError, match="must not be empty"):
        plots.loss_grid(_logistic_losses, [], [0.0])
    with pytest.raises(TypeError, match="losses must be a function"):
        plots.loss_grid("mse", [0.0], [0.0])
    with pytest.raises(TypeError, match="tuple"):
        plots.loss_grid(lambda w0, w1: w0, [0.0], [0.0])
    with pytest.raises(ValueError, match="mse has 1"):
        plots.loss_grid(lambda w0, w1: (np.zeros(1), np.zeros(w0.size)), [0.0, 1.0], [0.0])


def test_animate_learning_paths_and_bad_paths():
    grid = plots.loss_grid(_logistic_losses, np.linspace(-2, 2, 6), np.linspace(-1, 3, 6))
    data = datasets.Bernoulli(x=np.array([-1.0, 0.0, 1.0]), prob=np.array([0.2, 0.5, 0.8]), y=np.array([0.0, 1.0, 1.0]))
    path = [[-2.0, -1.0], [-1.0, 0.5], [0.0, 2.0]]
    anim = plots.animate_learning_paths(grid, _logistic_losses, data, path, path, title="t")
    assert repr(anim) == "Animation: t (3 frames)"
    assert anim._repr_html_().count("data:image/") == 3  # one stored picture per recorded step
    with pytest.raises(ValueError, match="path_mse must have shape"):
        plots.animate_learning_paths(grid, _logistic_losses, data, [1.0, 2.0], path, title="t")
    with pytest.raises(ValueError, match="same number of steps"):
        plots.animate_learning_paths(grid, _logistic_losses, data, path, path[:2], title="t")
    with pytest.raises(ValueError, match="prob has 2"):
        bad = data._replace(prob=np.array([0.2, 0.5]))
        plots.animate_learning_paths(grid, _logistic_losses, bad, path, path, title="t")


def test_probability_fits_checks_lengths():
    import matplotlib.pyplot as plt

    fig = plots.probability_fits([0, 1], [0, 1], {"fit": [0.3, 0.7]}, title="t")
    assert len(fig.axes) == 1
    plt.close(fig)
    with pytest.raises(ValueError, match="curve 'fit' has 1"):
        plots.probability_fits([0, 1], [0, 1], {"fit": [0.5]}, title="t")


def test_describe_figure_says_what_a_figure_shows():
    import matplotlib.pyplot as plt

    fig = plots.scatter_with_line([0, 1], [0, 1], [0, 1], title="Linear fit")
    assert plots.describe_figure(fig) == "Figure: Linear fit; y against x; legend: data, fit"
    plt.close(fig)
    empty = plt.figure()
    assert plots.describe_figure(empty) == "Figure: an empty canvas, no axes yet"
    plt.close(empty)
    with pytest.raises(TypeError, match="matplotlib Figure"):
        plots.describe_figure("not a figure")

