"""Checkers for the exercises at the end of every notebook: write an answer, get a ✓ or a hint.

In a notebook's starter cell::

    answer = ...  # your answer
    exercises.check("3.1", answer)

prints one line: that the exercise is not answered yet, a ✓, or a hint aimed at the likely mistake
(never the answer itself). An answer may be a Python number or list, a NumPy array, a TensorFlow tensor
or Variable, or a PyTorch tensor (with or without ``requires_grad``): one checker serves both
frameworks. The expected values are computed here from the exercise's own formula, not copied from a
notebook. Messages are in English, or in Korean when the environment variable ``BOOK_LANGUAGE`` is
``ko`` or the file ``helpers/LANGUAGE`` (written into the Korean course zip) says ``ko``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import numpy as np

from helpers import datasets


def language() -> str:
    """``"ko"`` or ``"en"``: from ``BOOK_LANGUAGE``, else from the file ``helpers/LANGUAGE``, else English."""
    chosen = os.environ.get("BOOK_LANGUAGE", "")
    marker = Path(__file__).with_name("LANGUAGE")
    if not chosen and marker.exists():
        chosen = marker.read_text(encoding="utf-8").strip()
    return "ko" if chosen == "ko" else "en"


class Hint(NamedTuple):
    """A typical wrong answer (computed) and what to tell a student who gives it, in English and Korean."""

    wrong: Callable[[], object]
    en: str
    ko: str


class Exercise(NamedTuple):
    """One checkable exercise: its expected value (computed), the tolerance, and hints for wrong answers."""

    expected: Callable[[], object]
    hints: tuple
    rtol: float = 1e-6
    atol: float = 1e-6


def _x_after_descent(steps, alpha, start=-3.0):
    """x after ``steps`` gradient steps on (x - 1)² from ``start``: x_k = 1 + (start - 1)(1 - 2α)^k."""
    return 1 + (start - 1) * (1 - 2 * alpha) ** steps


def _cafe_gradient():
    """The gradient -2X'y + 2X'Xβ of the cafe SSE at β = (10, 2.2)."""
    cafe = datasets.cafe()
    X = np.column_stack([np.ones_like(cafe.x), cafe.x]).astype(np.float64)
    beta = np.array([10.0, 2.2])
    return -2 * X.T @ cafe.y + 2 * X.T @ X @ beta


def _line_eigenvalues():
    """The eigenvalues of X'X for lecture 000's N = 200 line (X = [1, x]), smallest first."""
    line = datasets.line_n200()
    X = np.column_stack([np.ones_like(line.x), line.x]).astype(np.float64)
    return np.linalg.eigvalsh(X.T @ X)


def _plane_fit(intercept=True):
    """(X'X)⁻¹X'y for section 14's plane data, with or without the column of ones."""
    plane = datasets.plane_n100()
    columns = ([np.ones_like(plane.x1)] if intercept else []) + [plane.x1, plane.x2]
    X = np.column_stack(columns).astype(np.float64)  # the data are float32; the formula runs in float64
    return np.linalg.solve(X.T @ X, X.T @ plane.y.astype(np.float64))


def _bce_gradient(sign=1.0, scale=None):
    """(mean(ŷ - y), mean((ŷ - y) x)) at (w0, w1) = (-3, -1) on chapter 8's data."""
    data = datasets.bernoulli_logistic()
    residual = 1 / (1 + np.exp(3.0 + data.x)) - data.y
    gradient = np.array([np.mean(residual), np.mean(residual * data.x)])
    return sign * gradient * (scale or 1.0)


def _classifier_run(rate, steps=40, start=None):
    """Chapter 6's training in float64: (losses, W, b) after ``steps`` gradient steps on the MSE at ``rate``.

    Starts from the chapter's ``W_start`` (uniform, ``default_rng(2022)``, rounded to float32) and b = 0,
    or from ``start = (W, b)``; each loss is the one computed before its step, as ``training_step`` returns it.
    """
    blobs = datasets.two_blobs()
    x, targets = blobs.inputs.astype(np.float64), blobs.targets.astype(np.float64)
    if start is None:
        start = (np.random.default_rng(2022).uniform(size=(2, 1)).astype(np.float32).astype(np.float64),
                 np.zeros(1))
    W, b = start
    losses = []
    for _ in range(steps):
        residual = x @ W + b - targets
        losses.append(np.mean(residual**2))
        W = W - rate * 2 * x.T @ residual / len(x)
        b = b - rate * 2 * residual.mean(axis=0)
    return losses, W, b


def _misclassified_per_class():
    """[class 0, class 1]: the points of each class that chapter 6's trained classifier puts in the other."""
    _, W, b = _classifier_run(0.1)
    blobs = datasets.two_blobs()
    predicted = (blobs.inputs @ W + b)[:, 0] > 0.5
    true = blobs.targets[:, 0] == 1
    return [int(np.sum(predicted & ~true)), int(np.sum(~predicted & true))]


def _best_grid_candidate():
    """The best of 1,000 evenly spaced candidates between -10 and 10 for (β/2 - 1)²."""
    grid = np.linspace(-10, 10, 1000)
    return grid[np.argmin((grid / 2 - 1) ** 2)]


def _switched_rate(first, second):
    """β after 1,000 steps at α = first, then 1,000 at α = second, on (β/2 - 1)² from -10."""
    return 2 - 12 * (1 - first / 2) ** 1000 * (1 - second / 2) ** 1000


EXERCISES = {
    "1.1": Exercise(
        lambda: [[0.5, 0.5, 0.5], [1.0, 1.0, 1.0]],
        (Hint(lambda: np.ones((2, 3)), "every entry is 1: now subtract 0.5 from the first row",
              "모든 원소가 1입니다: 이제 첫 행에서 0.5를 빼세요"),
         Hint(lambda: np.full((2, 3), 0.5), "you subtracted 0.5 from every row: only the first row (w[0])",
              "모든 행에서 0.5를 뺐습니다: 첫 행(w[0])에서만 빼세요"),
         Hint(lambda: [[1.0, 1.0, 1.0], [0.5, 0.5, 0.5]], "that is the second row: rows count from 0, so the first is w[0]",
              "두 번째 행입니다: 행 번호는 0부터 세므로 첫 행은 w[0]입니다")),
        atol=0),
    "2.1a": Exercise(
        lambda: 10.0,
        (Hint(lambda: 12.0, "that is the second derivative f''(2): here the first one is asked",
              "이것은 이계도함수 f''(2)입니다: 여기서는 일계도함수를 묻습니다"),
         Hint(lambda: 4.0, "that is f(2) itself: take the tape's gradient of f",
              "이것은 f(2) 값 자체입니다: 테이프로 f의 기울기를 구하세요"))),
    "2.1b": Exercise(
        lambda: 12.0,
        (Hint(lambda: 10.0, "that is the first derivative f'(2): differentiate it once more",
              "이것은 일계도함수 f'(2)입니다: 한 번 더 미분하세요"),
         Hint(lambda: 6.0, "6x at x = 1: evaluate at x = 2", "x = 1에서의 6x입니다: x = 2에서 계산하세요"))),
    "2.2": Exercise(
        _cafe_gradient,
        (Hint(lambda: _cafe_gradient() / 2, "half the gradient: the factor 2 of -2X'y + 2X'Xβ is missing",
              "기울기의 절반입니다: -2X'y + 2X'Xβ의 2가 빠졌습니다"),
         Hint(lambda: -_cafe_gradient(), "the sign is flipped: the loss is (y - Xβ)'(y - Xβ)",
              "부호가 반대입니다: 손실은 (y - Xβ)'(y - Xβ)입니다"),
         Hint(lambda: _cafe_gradient() / 10, "that is the gradient of the mean: the exercise's loss is the sum",
              "평균의 기울기입니다: 이 연습문제의 손실은 합입니다"))),
    "3.1": Exercise(
        lambda: _x_after_descent(100, 0.01 / 3),
        (Hint(lambda: _x_after_descent(100, 0.01), "that is α = 0.01: the exercise asks for α = 0.01/3",
              "α = 0.01일 때의 값입니다: 연습문제는 α = 0.01/3입니다"),
         Hint(lambda: _x_after_descent(99, 0.01 / 3), "that is 99 steps: take 100", "99번 이동한 값입니다: 100번 이동하세요"),
         Hint(lambda: _x_after_descent(101, 0.01 / 3), "that is 101 steps: take 100", "101번 이동한 값입니다: 100번 이동하세요")),
        rtol=1e-5, atol=1e-6),
    "3.2": Exercise(
        lambda: 2.0,
        (Hint(lambda: 4.0, "with α = 4 every step lands on the mirror point: it bounces forever",
              "α = 4이면 매번 반대편 대칭점에 떨어져 영원히 튕깁니다"),
         Hint(lambda: 1.0, "with α = 1 each step only halves the distance to 2",
              "α = 1이면 한 번에 2까지의 거리가 절반으로 줄어들 뿐입니다"))),
    "3.3": Exercise(
        _best_grid_candidate,
        (Hint(lambda: 2.0, "2 itself is not one of the 1,000 candidates: pick the best candidate",
              "2 자체는 1,000개 후보 중에 없습니다: 가장 좋은 후보를 고르세요"),
         Hint(lambda: abs(_best_grid_candidate() - 2), "that is the distance to 2: give the candidate itself",
              "2까지의 거리입니다: 후보 값 자체를 답하세요")),
        rtol=0, atol=1e-9),
    "4.1": Exercise(
        lambda: _x_after_descent(1000, 0.01 / 3),
        (Hint(lambda: _x_after_descent(100, 0.01 / 3), "that is after 100 steps: take 1,000",
              "100번 이동한 값입니다: 1,000번 이동하세요"),
         Hint(lambda: _x_after_descent(1000, 0.01), "that is α = 0.01: the exercise asks for 0.01/3",
              "α = 0.01일 때의 값입니다: 연습문제는 0.01/3입니다")),
        rtol=0, atol=1e-5),
    "4.2": Exercise(
        lambda: [1 - 0.8**100, -2 + 2 * 0.8**100],
        (Hint(lambda: [0.0, 0.0], "a and b have not moved: apply the gradients with the optimizer",
              "a와 b가 그대로입니다: 옵티마이저로 기울기를 적용하세요"),
         Hint(lambda: [1 - 0.8**100, 0.0], "b has not moved: give apply_gradients (or the optimizer) both pairs",
              "b가 그대로입니다: apply_gradients(또는 옵티마이저)에 두 쌍을 모두 주세요"),
         Hint(lambda: [0.0, -2 + 2 * 0.8**100], "a has not moved: give apply_gradients (or the optimizer) both pairs",
              "a가 그대로입니다: apply_gradients(또는 옵티마이저)에 두 쌍을 모두 주세요")),
        rtol=0, atol=1e-6),
    "4.3": Exercise(
        lambda: _switched_rate(0.01 / 6, 0.1 / 6),
        (Hint(lambda: _switched_rate(0.01 / 6, 0.01 / 6), "that is 2,000 steps at 0.01/6: the rate did not change",
              "0.01/6로 2,000번 이동한 값입니다: 학습률이 바뀌지 않았습니다"),
         Hint(lambda: _switched_rate(0.1 / 6, 0.1 / 6), "that is 2,000 steps at 0.1/6: start with 0.01/6",
              "0.1/6로 2,000번 이동한 값입니다: 0.01/6로 시작하세요")),
        rtol=0, atol=1e-5),
    "5.1": Exercise(
        lambda: 1 / _line_eigenvalues()[-1],
        (Hint(lambda: 200 / _line_eigenvalues()[-1], "that is the MSE's limit: for the SSE use X'X itself",
              "MSE의 한계입니다: SSE에는 X'X 자체를 쓰세요"),
         Hint(lambda: _line_eigenvalues()[-1], "that is the eigenvalue itself: the limit is 1 over it",
              "고유값 자체입니다: 한계는 그 역수입니다"),
         Hint(lambda: 1 / _line_eigenvalues()[0], "that uses the smallest eigenvalue: use the largest",
              "가장 작은 고유값을 썼습니다: 가장 큰 고유값을 쓰세요"))),
    "5.2": Exercise(
        _plane_fit,
        (Hint(lambda: np.append(0.0, _plane_fit(intercept=False)), "X needs a column of ones for the intercept",
              "절편을 위해 X에 1로 된 열이 필요합니다"),),
        rtol=1e-5, atol=1e-5),
    "6.1": Exercise(
        lambda: _classifier_run(0.01)[0][-1],
        (Hint(lambda: _classifier_run(0.1)[0][-1], "that is the 0.1 run's last loss: train at learning rate 0.01",
              "학습률 0.1로 훈련한 마지막 손실입니다: 학습률 0.01로 훈련하세요"),
         Hint(lambda: _classifier_run(0.01, start=_classifier_run(0.1)[1:])[0][-1],
              "you went on from the trained W and b: start again from W_start and b = 0",
              "훈련된 W와 b에서 이어서 훈련했습니다: W_start와 b = 0에서 다시 시작하세요"),
         Hint(lambda: _classifier_run(0.01, steps=41)[0][-1],
              "that is the loss after the 40th update: give the last loss the loop records (step 39)",
              "40번째 업데이트 뒤의 손실입니다: 루프가 기록한 마지막 손실(step 39)을 답하세요")),
        rtol=1e-4, atol=0),
    "6.2": Exercise(
        _misclassified_per_class,
        (Hint(lambda: _misclassified_per_class()[::-1], "the two counts are swapped: class 0 first",
              "두 개수의 순서가 바뀌었습니다: 클래스 0이 먼저입니다"),
         Hint(lambda: [1000 - count for count in _misclassified_per_class()],
              "those are the points classified correctly: count the misclassified ones",
              "올바르게 분류된 점의 개수입니다: 잘못 분류된 점을 세세요")),
        rtol=0, atol=0),
    "7.1": Exercise(
        lambda: 10,
        (Hint(lambda: 6, "those are the weights only: every unit has a bias too",
              "가중치만 셌습니다: 모든 유닛에 편향도 있습니다"),
         Hint(lambda: 9, "the output layer has a bias too", "출력층에도 편향이 있습니다")),
        rtol=0, atol=0),
    "8.2": Exercise(
        _bce_gradient,
        (Hint(lambda: _bce_gradient(sign=-1.0), "the sign is flipped: the gradient has ŷ − y, not y − ŷ",
              "부호가 반대입니다: 기울기에는 y − ŷ가 아니라 ŷ − y가 들어갑니다"),
         Hint(lambda: _bce_gradient(scale=2000), "that is the sum over the data: divide by n",
              "데이터에 대한 합입니다: n으로 나누세요"),
         Hint(lambda: _bce_gradient()[::-1], "the two entries are swapped: (∂/∂w0, ∂/∂w1)",
              "두 원소의 순서가 바뀌었습니다: (∂/∂w0, ∂/∂w1)"))),
}

TEXT = {
    "not answered": ("not answered yet (replace ... with your answer and run the cell)",
                     "아직 답하지 않았습니다(...를 답으로 바꾸고 셀을 실행하세요)"),
    "right": ("✓ right", "✓ 맞습니다"),
    "not yet": ("not yet: go through your steps again", "아직 아닙니다: 풀이 과정을 다시 살펴보세요"),
    "size": ("expected {expected} number(s), got {got}", "숫자 {expected}개가 필요한데 {got}개입니다"),
    "type": ("expected a number, an array or a tensor, got {got}", "숫자, 배열 또는 텐서가 필요한데 {got}입니다"),
}


def _say(key: str, **values) -> str:
    """A message of ``TEXT`` in the chosen language."""
    en, ko = TEXT[key]
    return (ko if language() == "ko" else en).format(**values)


def as_array(answer) -> np.ndarray:
    """An answer as a float NumPy array: numbers, lists, arrays, TF tensors/Variables, torch tensors."""
    if isinstance(answer, (list, tuple)):
        return np.array([as_array(part) for part in answer], dtype=float)
    if hasattr(answer, "detach"):  # a PyTorch tensor, with or without requires_grad
        answer = answer.detach().cpu().numpy()
    elif hasattr(answer, "numpy"):  # a TensorFlow tensor or Variable
        answer = answer.numpy()
    if isinstance(answer, (str, bytes)) or answer is None:
        raise TypeError(type(answer).__name__)
    try:
        return np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(type(answer).__name__) from None


def verdict(exercise_id: str, answer) -> str:
    """The one-line verdict ``check`` prints (without the exercise's name)."""
    if exercise_id not in EXERCISES:
        raise KeyError(f"no exercise {exercise_id!r}; there are: {', '.join(EXERCISES)}")
    exercise = EXERCISES[exercise_id]
    if answer is Ellipsis:
        return _say("not answered")
    try:
        given = as_array(answer).ravel()
    except TypeError as error:
        return _say("type", got=str(error))
    expected = np.asarray(exercise.expected(), dtype=float).ravel()
    if given.size != expected.size:
        return _say("size", expected=expected.size, got=given.size)

    def close(value) -> bool:
        value = np.asarray(value, dtype=float).ravel()
        return bool(np.allclose(given, value, rtol=exercise.rtol, atol=exercise.atol))

    if close(expected):
        return _say("right")
    for hint in exercise.hints:
        if close(hint.wrong()):
            return hint.ko if language() == "ko" else hint.en
    return _say("not yet")


def _line(exercise_id: str, text: str, lang: str) -> str:
    return f"{'연습문제' if lang == 'ko' else 'Exercise'} {exercise_id}: {text}"


def check(exercise_id: str, answer) -> None:
    """Print one line: exercise ``exercise_id`` is not answered yet, right (✓), or a hint."""
    print(_line(exercise_id, verdict(exercise_id, answer), language()))


def starter_line(exercise_id: str, lang: str) -> str:
    """The line ``check(exercise_id, ...)`` prints before the exercise is answered, in ``lang`` ("en" or
    "ko"), whatever language this machine chose: what the site shows under a starter cell."""
    if exercise_id not in EXERCISES:
        raise KeyError(f"no exercise {exercise_id!r}; there are: {', '.join(EXERCISES)}")
    return _line(exercise_id, TEXT["not answered"][lang == "ko"], lang) + "\n"
