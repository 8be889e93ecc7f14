"""The TensorFlow and PyTorch notebooks of a chapter print the same key results.

Each notebook prints its key results with ``helpers.report.key_results`` in cells tagged
``key-results``; this test reads both stored outputs back and compares them number by number.
"""

import numpy as np
import pytest

from helpers.report import parse_key_results
from notebooks import ROOT, chapter_dirs, read, tagged_stdout

# Float32 arithmetic in two frameworks may differ in the last bits; these are relative tolerances.
DEFAULT_RTOL = 1e-5
RTOL = {  # {"NN_slug": {"key": rtol}} where a chapter needs a looser comparison, with a comment why
    # 436 float32 full-batch steps per path. Keras and PyTorch sum the 2000 rows in different orders, and
    # Adam's early steps divide by 1 - 0.999**t computed in float32 (one rounding step there is ~3e-5 of it at t = 2),
    # so the recorded weights agree to ~5e-5, not 1e-5.
    "08_logistic_regression": {
        name: 2e-4 for name in ("sgd_mse_path", "sgd_bce_path", "adam_mse_path", "adam_bce_path",
                                "far_mse_path", "far_bce_path", "fresh_adam_end")
    },
}
ATOL = 1e-6

CHAPTERS = chapter_dirs()


def key_results_of(path):
    results = parse_key_results(tagged_stdout(read(path), "key-results"))
    assert results, f"{path.relative_to(ROOT)} prints no key results"
    return results


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.name for c in CHAPTERS])
def test_key_results_agree(chapter):
    tf_results = key_results_of(chapter / "tensorflow.ipynb")
    torch_results = key_results_of(chapter / "pytorch.ipynb")
    assert list(tf_results) == list(torch_results), "both notebooks must report the same names in order"
    for name, tf_values in tf_results.items():
        rtol = RTOL.get(chapter.name, {}).get(name, DEFAULT_RTOL)
        np.testing.assert_allclose(
            torch_results[name], tf_values, rtol=rtol, atol=ATOL, err_msg=f"{chapter.name}: {name}"
        )
