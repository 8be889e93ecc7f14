"""Numbers printed in the source lectures, typed in from ../shared/lectures (never from our output).

{chapter folder: {key result name: value as the lecture printed it (a string, or a list of strings)}}
A notebook's key result must match to the lecture's printed precision (half a unit of its last digit).
Chapters add their entries here with the key names their notebooks print.
"""

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
        "beta_after_1000_steps": "-3.2133687",
        "beta_after_10000_steps": "1.997125",
    },
    "04_optimizers": {
        # lecture 000 (its printouts were lost in the notes; lecture 003 printed the same run: 1.997125)
        "beta_sgd_10000_steps": "1.997125",
    },
    "05_linear_regression": {
        # lecture 000
        "sxx": "16.834170854271363",
        "sxy": "66.20937503043275",
        "beta_hat": ["2.583667211565867", "3.933034516733168"],
        # lecture 001
        "loss_broadcast_bug": "187.0950",
        "loss_correct": "109.8145",
    },
    "07_nonlinear_regression": {
        # lecture 002: the first piecewise y values
        "piecewise_y_first": ["-0.88497385", "-0.65454563", "-0.61676249", "-0.84702584"],
    },
}
