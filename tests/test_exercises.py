"""The exercise checkers (helpers.exercises), both ways: right answers pass, typical wrong ones get their hint.

And in the notebooks: every exercise has a starter cell (tagged ``exercise``) in both twins whose stored
output is the untouched starter's "not answered yet", and the hidden solution's own value gets a ✓.
"""

import re

import numpy as np
import pytest

from book_files import all_notebooks, read
from helpers import exercises

IDS = list(exercises.EXERCISES)
CHECK_CALL = re.compile(r'exercises\.check\("([\w.]+)"')


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_expected_value_passes_and_the_starter_is_not_answered(exercise_id):
    expected = exercises.EXERCISES[exercise_id].expected()
    assert exercises.verdict(exercise_id, expected).startswith("✓")
    assert exercises.verdict(exercise_id, ...).startswith("not answered yet")


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_typical_mistake_gets_its_own_hint(exercise_id):
    """Each listed wrong answer gets its hint (not ✓, not the generic "not yet"), and hints differ."""
    hints = exercises.EXERCISES[exercise_id].hints
    said = [exercises.verdict(exercise_id, hint.wrong()) for hint in hints]
    assert said == [hint.en for hint in hints]
    assert len(set(said)) == len(said)
    far_off = np.asarray(exercises.EXERCISES[exercise_id].expected(), dtype=float) + 1000.0
    assert exercises.verdict(exercise_id, far_off).startswith("not yet")


def test_at_least_two_hints_where_an_answer_has_typical_mistakes():
    few = [i for i, exercise in exercises.EXERCISES.items() if len(exercise.hints) < 2]
    assert few == ["5.2"], f"exercises with fewer than two hints: {few}"


def test_answers_in_every_form_a_student_produces():
    import torch

    from helpers.tf_utils import tf  # TensorFlow, with the book's settings (helpers/tf_utils.py)

    expected = exercises.EXERCISES["8.2"].expected()
    forms = [list(expected), tuple(expected), np.float32(expected), expected.reshape(2, 1), tf.constant(expected),
             tf.Variable(expected), torch.tensor(expected), torch.tensor(expected, requires_grad=True)]
    for answer in forms:
        assert exercises.verdict("8.2", answer).startswith("✓"), type(answer)
    parts = (tf.constant(10.0), torch.tensor(12.0, requires_grad=True))
    assert exercises.verdict("2.1a", parts[0]).startswith("✓")
    assert exercises.verdict("2.1b", parts[1]).startswith("✓")


def test_a_wrong_type_or_size_is_named():
    assert exercises.verdict("3.1", "0.99") == "expected a number, an array or a tensor, got str"
    assert exercises.verdict("3.1", None) == "expected a number, an array or a tensor, got NoneType"
    assert exercises.verdict("2.2", 3.0) == "expected 2 number(s), got 1"
    with pytest.raises(KeyError, match="no exercise '9.9'"):
        exercises.verdict("9.9", 1.0)


def test_korean_messages(monkeypatch, capsys):
    monkeypatch.setenv("BOOK_LANGUAGE", "ko")
    exercises.check("3.1", ...)
    exercises.check("3.1", exercises.EXERCISES["3.1"].hints[0].wrong())
    exercises.check("3.1", exercises.EXERCISES["3.1"].expected())
    assert capsys.readouterr().out.splitlines() == [
        "연습문제 3.1: 아직 답하지 않았습니다(...를 답으로 바꾸고 셀을 실행하세요)",
        "연습문제 3.1: α = 0.01일 때의 값입니다: 연습문제는 α = 0.01/3입니다",
        "연습문제 3.1: ✓ 맞습니다",
    ]


def exercise_cells(nb, tag):
    """The code cells carrying ``tag``, with the exercise ids they check."""
    return [(cell, CHECK_CALL.findall(cell.source)) for cell in nb.cells
            if cell.cell_type == "code" and tag in cell.metadata.get("tags", [])]


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_notebook_starters_and_solutions(path):
    """Starter cells store the untouched state; the hidden solutions' values get a ✓; ids match the twin's."""
    nb = read(path)
    starters = exercise_cells(nb, "exercise")
    solutions = exercise_cells(nb, "hide-cell")
    started = [i for _, ids in starters for i in ids]
    solved = [i for _, ids in solutions for i in ids]
    assert sorted(started) == sorted(solved), f"starters check {started}, solutions check {solved}"
    chapter = path.parent.name[:2].lstrip("0") + "."
    assert all(i.startswith(chapter) for i in started), started
    for cell, ids in starters:
        assert len(ids) == 1 and "answer = ...  #" in cell.source, cell.source
        text = "".join(out.get("text", "") for out in cell.outputs)
        assert text == "".join(f"Exercise {i}: not answered yet (replace ... with your answer and run the cell)\n"
                               for i in ids), text
    for cell, ids in solutions:
        text = "".join(out.get("text", "") for out in cell.outputs)
        for i in ids:
            assert f"Exercise {i}: ✓ right" in text, f"the solution of {i} does not pass its checker:\n{text}"
    twin = path.with_name("pytorch.ipynb" if path.stem == "tensorflow" else "tensorflow.ipynb")
    assert started == [i for _, ids in exercise_cells(read(twin), "exercise") for i in ids]


def test_every_checker_is_used_in_both_twins():
    used = {i for path in all_notebooks() for _, ids in exercise_cells(read(path), "exercise") for i in ids}
    assert used == set(IDS)


def test_chapter6_checkers_judge_a_float32_run_like_the_notebooks():
    """6.1 and 6.2 judge what the notebooks' float32 training gives (trained here with PyTorch, not copied
    from a notebook; the checkers compute in float64): the right run passes, and a run at the chapter's rate,
    one that went on from the trained weights, and swapped counts get their hints."""
    import torch

    from helpers import datasets

    blobs = datasets.two_blobs()
    inputs, targets = torch.from_numpy(blobs.inputs), torch.from_numpy(blobs.targets)
    fresh = (torch.from_numpy(np.random.default_rng(2022).uniform(size=(2, 1)).astype("float32")), torch.zeros(1))

    def train(rate, W, b, steps=40):
        W, b = W.clone().requires_grad_(), b.clone().requires_grad_()
        losses = []
        for _ in range(steps):
            loss = torch.mean(torch.square(targets - (inputs @ W + b)))
            loss.backward()
            with torch.no_grad():
                W -= rate * W.grad
                b -= rate * b.grad
            W.grad = b.grad = None
            losses.append(loss.detach())
        return losses, W.detach(), b.detach()

    assert exercises.verdict("6.1", train(0.01, *fresh)[0][-1]) == "✓ right"
    losses, W, b = train(0.1, *fresh)
    assert exercises.verdict("6.1", losses[-1]).startswith("that is the 0.1 run's last loss")
    assert exercises.verdict("6.1", train(0.01, W, b)[0][-1]).startswith("you went on from the trained W and b")
    predicted = ((inputs @ W + b)[:, 0] > 0.5).numpy()
    true = blobs.targets[:, 0] == 1
    counts = [int(np.sum(predicted & ~true)), int(np.sum(~predicted & true))]
    assert exercises.verdict("6.2", counts) == "✓ right"
    assert exercises.verdict("6.2", counts[::-1]).startswith("the two counts are swapped")
