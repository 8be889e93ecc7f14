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


def rows_of_5(name: str, printed: list) -> dict:
    """A long printout as the key results name_1_5, name_6_10, ... (five numbers each: a line fits the page)."""
    return {f"{name}_{i + 1}_{i + 5}": printed[i:i + 5] for i in range(0, len(printed), 5)}


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
        # lecture 003, the cafe example: the ten sales y, in the lecture's two printed rows of five (two key
        # results, so that each printed line fits the page's 79-character column)
        "sales_1_5": ["55.4183651", "58.19427589", "61.23082496", "62.31255873", "63.1070028"],
        "sales_6_10": ["63.69569103", "67.24704918", "71.43650092", "73.10130336", "77.84988286"],
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
        # lecture 001: its notes print only the wrong loss, "187.0950는 잘못된 결과" (the correct loss, 109.8145, is
        # not in them, so it is not a lecture number)
        "loss_broadcast_bug": "187.0950",
    },
    # 06_linear_classifier: lecture 004's classifier draws its data unseeded and its notes show no printed numbers.
    "07_nonlinear_regression": {
        # lecture 002: all 100 piecewise y values, as printed by `y` after `y= np.array(list(map(lamb,x)))`, in key
        # results of five (y_1_5, y_6_10, ...)
        **rows_of_5("y", [
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
        ]),
        # lecture 002: tf.nn.relu(_x) for _x = np.linspace(-1,1,100), its 100 printed values in key results of five
        # (relu_1_5, ...). NumPy printed the array to 8 decimals and pads a number's trailing zeros with blanks:
        # "0.        " is 0.00000000 and the last "1.        " is 1.00000000.
        **rows_of_5("relu", [
            "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000",
            "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000",
            "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000",
            "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000",
            "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000",
            "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000",
            "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000",
            "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000", "0.00000000",
            "0.00000000", "0.00000000", "0.01010101", "0.03030303", "0.05050505", "0.07070707",
            "0.09090909", "0.11111111", "0.13131313", "0.15151515", "0.17171717", "0.19191919",
            "0.21212121", "0.23232323", "0.25252525", "0.27272727", "0.29292929", "0.31313131",
            "0.33333333", "0.35353535", "0.37373737", "0.39393939", "0.41414141", "0.43434343",
            "0.45454545", "0.47474747", "0.49494949", "0.51515152", "0.53535354", "0.55555556",
            "0.57575758", "0.5959596", "0.61616162", "0.63636364", "0.65656566", "0.67676768",
            "0.6969697", "0.71717172", "0.73737374", "0.75757576", "0.77777778", "0.7979798",
            "0.81818182", "0.83838384", "0.85858586", "0.87878788", "0.8989899", "0.91919192",
            "0.93939394", "0.95959596", "0.97979798", "1.00000000",
        ]),
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
        # (layer1: W1 and b1, layer2: W2 and b2)
        "local_min_layer1": ["-0.03077", "1.87133", "-0.04835", "0.32592"],
        "local_min_layer2": ["0.65121", "1.85926", "-0.60076"],
        # tape.gradient(loss, [W1, b1, W2, b2]) in float64 at those printed weights (layer1: W1, b1; layer2: W2, b2)
        "local_min_grads_layer1": ["0.00000000e+00", "-4.77330119e-05", "0.0000000e+00", "3.1478608e-06"],
        "local_min_grads_layer2": ["0.00000000e+00", "-4.74910706e-05", "-2.43031263e-05"],
        # Solution 4, net4.summary(): Total params: 1,537
        "params_net4": "1537",
    },
    "08_logistic_regression": {
        # lecture 002, logistic regression: the design matrix X = [1 x] printed row by row (first three, last three);
        # the lecture's Bernoulli draws were not seeded, so its fits and weight paths are not reproducible
        "design_matrix_head": ["1.", "-1.", "1.", "-0.9989995", "1.", "-0.997999"],
        "design_matrix_tail": ["1.", "0.997999", "1.", "0.9989995", "1.", "1."],
        # Quoted, not reproduced (unseeded data, random start weights): the notebooks print these lecture numbers
        # next to their own (sections 7-10) and in their key results, and this checks that they quote them exactly.
        # The last column of What_mse and What_bce, the recorded SGD paths (MSE w0, w1, then BCE w0, w1):
        "lecture_sgd_path_ends": ["-0.5152289", "2.1068492", "-0.9425088", "4.0641866"],
        # the Adam trial epochs ("1ter돌려봄") of examples 2 and 3: the loss fit printed (MSE, BCE, MSE, BCE) ...
        "lecture_trial_losses": ["0.1604", "0.6128", "0.3962", "0.9299"],
        # ... and net_mse.get_weights(), net_bce.get_weights() after them (MSE w0, w1, then BCE w0, w1)
        "lecture_trial_weights_2": ["-0.95365924", "1.4536816", "0.3367687", "0.98789144"],
        "lecture_trial_weights_3": ["0.8862325", "-0.39477226", "0.08077933", "-0.770376"],
    },
}
