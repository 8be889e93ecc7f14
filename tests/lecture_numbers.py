"""Numbers printed in the source lectures, typed in from ../shared/lectures (never from our output).

{chapter folder: {key result name: value as the lecture printed it (a string, or a list of strings)}}
A notebook's key result must match to the lecture's printed precision (half a unit of its last digit).
Chapters add their entries here with the key names their notebooks print.
Where today's libraries provably cannot give the lecture's last float32 bit, the entry says so with
``Float32Steps(printed, steps)`` and a comment explaining why; nothing else is loosened.
"""

from typing import NamedTuple


class Float32Steps(NamedTuple):
    """A lecture number that we reproduce only to within ``steps`` float32 rounding steps (ulps)."""

    printed: str
    steps: int

LECTURE_NUMBERS = {
    "01_tensors": {
        # lecture 004: v.assign(ones) then v.assign_add([[2],[0],[0]]) gives [[3],[1],[1]]; the chapter then
        # subtracts ones and sets v[0, 0] = 3 (values computed by hand from those steps).
        "variable_after_updates": ["3.", "0.", "0."],
        "ones_sum": "6.",
    },
    "02_autodiff": {
        # lecture 004
        "grad_2x_plus_3": "2.0",
        "grad_square_at_3": "6.0",
        "speed_at_5": "49.",  # 4.9 * 2 * 5, the lecture's comment "#4.9*2*time"
        "acceleration": "9.8",  # 4.9 * 2
        # lecture 003, the cafe example
        "cafe_y": ["55.4183651", "58.19427589", "61.23082496", "62.31255873", "63.1070028",
                   "63.69569103", "67.24704918", "71.43650092", "73.10130336", "77.84988286"],
        "grad_at_9_2": ["-126.78690968", "-3208.83947922"],
        "grad_at_true_beta": ["-2.74690968", "-71.45947922"],
    },
    "03_gradient_descent": {
        # lecture 003
        "grid_argmin_index": "59",
        "grid_beta": "1.9191919191919187",
        "beta_after_1_step": "-9.99",
        "beta_after_2_steps": "-9.980008",
        "beta_after_100_steps": "-9.040152",
        # The lecture's machine (TF 2.8) rounded this float32 run differently: every order of the update on
        # TF 2.21 and PyTorch 2.13 gives -3.2133684, exactly one float32 step away (chapter 3 explains).
        "beta_after_1000_steps": Float32Steps("-3.2133687", steps=1),
        "beta_after_10000_steps": "1.997125",
        "grid_loss_at_60": "0.0036730945821854847",  # (beta[60]/2-1)**2
        "slope_at_minus_10": "-6.0",  # tape.gradient(loss, beta) at beta = -10
        "loss_after_1_step": "35.94002362785341",  # loss_lst after one step: [36.0, 35.94002362785341]
    },
    "04_optimizers": {
        # lecture 000 (its printouts were lost in the notes; lecture 003 printed the same run: 1.997125)
        "beta_sgd_10000_steps": "1.997125",
        "loss_fn_at_start": "36",  # loss_fn() at beta = -10, "(1/2 beta - 1)^2 = 36"
    },
    "05_linear_regression": {
        # lecture 000
        "sxx": "16.834170854271363",
        "sxy": "66.20937503043275",
        "beta_hat": ["2.583667211565867", "3.933034516733168"],
        "beta_matrix": ["2.58366721", "3.93303452"],  # (X'X)^-1 X'y, printed to 8 decimals
        # lecture 001
        "loss_broadcast_bug": "187.0950",
        "loss_correct": "109.8145",
    },
    "07_nonlinear_regression": {
        # lecture 002: the first piecewise y values
        "piecewise_y_first": ["-0.88497385", "-0.65454563", "-0.61676249", "-0.84702584"],
        # Solution 1, net.weights after fit(epochs=1000): dense_1/kernel, dense_1/bias
        "linear_weight": "2.2616348",
        "linear_bias": "0.6069048",
        # Solution 3, net3.summary(): Total params: 7
        "params_net3": "7",
        # Solution 3 from the seed-43053 start, net3.weights after 1,000 epochs: W1, b1, W2, b2, each rounded to 4
        # decimals from the printout [[1.6352799, -0.85507524]], [-0.08284465, 0.85552216], [[1.6328746], [-1.2001747]],
        # [1.0253307] (float32 training today agrees to about 1e-6; the notebooks round to 4 decimals too)
        "net3_weights": ["1.6353", "-0.8551", "-0.0828", "0.8555", "1.6329", "-1.2002", "1.0253"],
        # the local minimum (seed 43054), net3.weights after 11,000 epochs, rounded likewise from
        # [[-0.03077251, 1.8713338]], [-0.04834982, 0.3259186], [[0.65121335], [1.8592643]], [-0.60076195]
        "local_min_weights": ["-0.0308", "1.8713", "-0.0483", "0.3259", "0.6512", "1.8593", "-0.6008"],
        # tape.gradient(loss, [W1, b1, W2, b2]) in float64 at those printed weights
        "local_min_grads": ["0.00000000e+00", "-4.77330119e-05", "0.0000000e+00", "3.1478608e-06",
                            "0.00000000e+00", "-4.74910706e-05", "-2.43031263e-05"],
        # Solution 4, net4.summary(): Total params: 1,537
        "params_net4": "1537",
    },
    "08_logistic_regression": {
        # lecture 002, logistic regression: the design matrix X = [1 x] printed row by row (first three, last three);
        # the lecture's Bernoulli draws were not seeded, so its fits and weight paths are not reproducible
        "design_matrix_rows": ["1.", "-1.", "1.", "-0.9989995", "1.", "-0.997999",
                               "1.", "0.997999", "1.", "0.9989995", "1.", "1."],
    },
}
