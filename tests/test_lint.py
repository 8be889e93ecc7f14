"""Lint as a test: ruff over the Python code and the notebooks' code cells, codespell over prose and code.

The settings are in pyproject.toml ([tool.ruff], [tool.codespell]); `make test` runs these with the rest.
To fix: `.venv/bin/ruff check --fix`, then read what is left; `.venv/bin/codespell` names each word.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from book_files import ROOT, all_notebooks, read

BIN = Path(sys.executable).parent


def run(*command, stdin=None):
    return subprocess.run(command, cwd=ROOT, input=stdin, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing():
    result = run(BIN / "ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, f"ruff:\n{result.stdout}{result.stderr}"


def test_codespell_finds_nothing_in_the_files():
    """Every text file but the notebooks, whose JSON holds pictures as base64 (their cells: next test)."""
    result = run(BIN / "codespell", "--skip", "*.ipynb")
    assert result.returncode == 0, f"codespell:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: str(p.relative_to(ROOT)))
def test_codespell_finds_nothing_in_the_notebooks_cells(path):
    cells = "\n".join(cell.source for cell in read(path).cells)
    result = run(BIN / "codespell", "-", stdin=cells)
    assert result.returncode == 0, f"codespell in {path.name}'s cells (line numbers count the cells' text):\n{result.stdout}"


def test_the_checks_can_fail(tmp_path):
    """A misspelling and an unused import are found (the tools run, with the book's settings)."""
    misspelt = "the " + "reci" + "eved value"  # split, or codespell would find it in this file
    assert run(BIN / "codespell", "-", stdin=misspelt).returncode != 0
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n")
    assert run(BIN / "ruff", "check", "--no-cache", str(bad)).returncode != 0
