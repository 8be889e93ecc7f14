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


@pytest.mark.parametrize("bad", [{}, {"Beta": 1.0}, {"x": "text"}])
def test_key_results_rejects_bad_input(bad):
    with pytest.raises((ValueError, TypeError)):
        report.key_results(**bad)


def test_plot_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="x has 3, y has 2"):
        plots.scatter_with_line([1, 2, 3], [1, 2], title="t")


def test_diagram_layers_and_bad_input():
    graph = diagrams.layers(["1", "x"], ["ŷ"], edge_labels={("x", "ŷ"): "β₁"})
    svg = graph.pipe(format="svg").decode()
    assert "<svg" in svg and "β₁" in svg
    with pytest.raises(ValueError, match="at least two layers"):
        diagrams.layers(["x"])
    with pytest.raises(ValueError, match="not drawn"):
        diagrams.layers(["x"], ["y"], edge_labels={("z", "y"): "w"})


def test_framework_utils_share_one_api():
    import inspect

    from helpers import tf_utils, torch_utils

    public = lambda m: {n for n, f in vars(m).items() if inspect.isfunction(f) and f.__module__ == m.__name__ and not n.startswith("_")}  # noqa: E731,E501
    assert public(tf_utils) == public(torch_utils)
    for name in public(tf_utils):
        assert getattr(tf_utils, name).__doc__ and getattr(torch_utils, name).__doc__, name


@pytest.mark.parametrize("module_name", ["tf_utils", "torch_utils"])
def test_set_seed_rejects_bad_seed(module_name):
    import importlib

    module = importlib.import_module(f"helpers.{module_name}")
    with pytest.raises(ValueError, match="seed"):
        module.set_seed(-1)
    with pytest.raises(TypeError, match="exception"):
        module.short_error("not an exception")
