"""Re-draw the lectures' framework-generated random numbers into helpers/data/*.csv.

Run once in the pinned environment (it needs both TensorFlow and PyTorch):
    .venv/bin/python scripts/make_datasets.py
tests/test_datasets.py draws them again the same way and compares them with the files.
"""

import csv
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "helpers" / "data"


# Lecture 003 printed the cafe sales y = 10.2 + 2.2x + eps to 8 decimals, eps = tf.random.normal([10])
# after tf.random.set_seed(43052). Today's TensorFlow draws the same eps except for the last float32
# bit of two values, so the book recovers the lecture's float32 eps from its printed y: the float32
# nearest to y - 10.2 - 2.2x is unique because the printout is 10x finer than a float32 step.
CAFE_X = [20.1, 22.2, 22.7, 23.3, 24.4, 25.1, 26.2, 27.3, 28.4, 30.4]
CAFE_Y_PRINTED = [55.4183651, 58.19427589, 61.23082496, 62.31255873, 63.1070028,
                  63.69569103, 67.24704918, 71.43650092, 73.10130336, 77.84988286]


def cafe_epsilon_from_lecture():
    """The lecture's float32 cafe noise, recovered from its printed y values."""
    import numpy as np

    x, y = np.array(CAFE_X), np.array(CAFE_Y_PRINTED)
    return (y - 10.2 - 2.2 * x).astype(np.float32).astype(np.float64)


def draw_lecture_randomness() -> dict[str, dict[str, list[float]]]:
    """Return {file name: {column: values}} drawn exactly as the lectures drew them."""
    import torch

    from helpers.tf_utils import tf  # TensorFlow, with the book's settings (helpers/tf_utils.py)

    tnp = tf.experimental.numpy

    tnp.random.seed(43052)  # lecture 000: y = 2.5 + 4x + eps, N = 200
    line_eps = (tnp.random.randn(200) * 0.5).numpy()

    torch.manual_seed(202150754)  # lecture 001: simple regression
    x, _ = torch.randn(100).sort()
    eps = torch.randn(100) * 0.4
    torch.manual_seed(202150754)  # lecture 001: multiple regression
    x1, _ = torch.randn(100).sort()
    x2, _ = torch.randn(100).sort()
    eps2 = torch.randn(100) * 0.5
    return {
        "cafe.csv": {"epsilon": cafe_epsilon_from_lecture().tolist()},
        "line_n200.csv": {"epsilon": line_eps.tolist()},
        "line_n100.csv": {"x": x.tolist(), "epsilon": eps.tolist()},
        "plane_n100.csv": {"x1": x1.tolist(), "x2": x2.tolist(), "epsilon": eps2.tolist()},
    }


def write_columns(path: Path, columns: dict[str, list[float]]) -> None:
    """Write equal-length columns to a CSV file with round-trip (repr) precision."""
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(zip(*[[repr(float(v)) for v in values] for values in columns.values()]))


if __name__ == "__main__":
    for name, columns in draw_lecture_randomness().items():
        write_columns(DATA_DIR / name, columns)
        print("wrote", DATA_DIR / name, file=sys.stderr)
