"""Every number a lecture printed from a deterministic computation is reproduced by both notebooks."""

import numpy as np
import pytest

from book_files import ROOT, read, tagged_stdout
from helpers.report import parse_key_results
from lecture_numbers import LECTURE_NUMBERS, Float32Steps

CASES = [
    (chapter, framework, name, printed)
    for chapter, numbers in LECTURE_NUMBERS.items()
    for framework in ("tensorflow", "pytorch")
    for name, printed in numbers.items()
]


@pytest.mark.parametrize("chapter", list(LECTURE_NUMBERS))
def test_lecture_chapter_exists(chapter):
    """A chapter folder renamed or removed must not drop its lecture numbers unnoticed."""
    missing = [f"{framework}.ipynb" for framework in ("tensorflow", "pytorch")
               if not (ROOT / "chapters" / chapter / f"{framework}.ipynb").is_file()]
    assert not missing, (
        f"tests/lecture_numbers.py has numbers for chapters/{chapter}, which has no {' or '.join(missing)}: "
        f"renamed? Update its key (chapters: {sorted(p.name for p in (ROOT / 'chapters').iterdir() if p.is_dir())})"
    )


def tolerance(printed: str) -> float:
    """Half a unit of the last digit the lecture printed: '-9.040152' -> 5e-7."""
    mantissa = printed.lower().split("e")[0]
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return 0.5 * 10.0**-decimals


@pytest.mark.parametrize("chapter,framework,name,printed", CASES, ids=[f"{c}-{f}-{n}" for c, f, n, _ in CASES])
def test_lecture_number_reproduced(chapter, framework, name, printed):
    results = parse_key_results(tagged_stdout(read(ROOT / "chapters" / chapter / f"{framework}.ipynb"), "key-results"))
    assert name in results, f"{chapter}/{framework}.ipynb does not report {name!r}"
    ulps = 0
    if isinstance(printed, Float32Steps):
        printed, ulps = printed.printed, printed.steps
    expected = printed if isinstance(printed, list) else [printed]
    assert len(results[name]) == len(expected), f"{name}: {results[name]} vs lecture {expected}"
    for ours, theirs in zip(results[name], expected):
        # Our printout may carry fewer digits than the lecture's (float32): allow our rounding too.
        slack = tolerance(theirs) + abs(float(theirs)) * 6e-8
        slack += ulps * float(np.spacing(np.float32(abs(float(theirs)))))
        assert abs(ours - float(theirs)) <= slack, f"{name}: ours {ours}, lecture {theirs}"
