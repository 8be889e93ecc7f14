"""The TensorFlow and PyTorch notebooks of a chapter print the same key results, character for character.

Each notebook prints its key results with ``helpers.report.key_results`` in cells tagged ``key-results``.
The reader sees both printouts; the book promises they read the same, so this test compares the stored
text exactly. Where the frameworks agree only to some digits, a notebook prints the value
``report.rounded(...)`` to those digits and its text says why.
"""

import difflib

import pytest

from book_files import ROOT, chapter_dirs, read, tagged_stdout
from helpers.report import parse_key_results

CHAPTERS = chapter_dirs()


def key_results_text(path) -> str:
    text = tagged_stdout(read(path), "key-results")
    assert parse_key_results(text), f"{path.relative_to(ROOT)} prints no key results"
    return text


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.name for c in CHAPTERS])
def test_key_results_read_the_same(chapter):
    tf_text = key_results_text(chapter / "tensorflow.ipynb")
    torch_text = key_results_text(chapter / "pytorch.ipynb")
    diff = "\n".join(difflib.unified_diff(tf_text.splitlines(), torch_text.splitlines(), "tensorflow", "pytorch", lineterm=""))
    assert tf_text == torch_text, f"{chapter.name}: the key results differ:\n{diff}"
