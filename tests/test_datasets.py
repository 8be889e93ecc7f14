"""The stored random draws in helpers/data are what the lectures' seeded generators give."""


import numpy as np

import make_datasets
from helpers import datasets


def test_stored_draws_match_the_generators():
    drawn = make_datasets.draw_lecture_randomness()
    for filename, columns in drawn.items():
        stored = datasets.read_columns(filename)
        assert list(stored) == list(columns), filename
        for name, values in columns.items():
            np.testing.assert_array_equal(stored[name], np.array(values), err_msg=f"{filename}:{name}")


def test_todays_tensorflow_cafe_draw_is_the_lectures_to_one_float32_step():
    from helpers.tf_utils import tf  # TensorFlow, with the book's settings (helpers/tf_utils.py)

    tf.random.set_seed(43052)
    today = tf.random.normal([10]).numpy().astype(np.float64)
    lecture = datasets.cafe().epsilon
    assert np.max(np.abs(today - lecture)) <= 1.2e-7  # one float32 step near 1
    assert np.sum(today != lecture) <= 2


def test_cafe_y_reproduces_the_lecture_printout():
    np.testing.assert_allclose(datasets.cafe().y, make_datasets.CAFE_Y_PRINTED, atol=5e-9, rtol=0)
