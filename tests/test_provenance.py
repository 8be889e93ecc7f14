"""The provenance page's tables (_ext/provenance.py): made from the pins, the lock, the record of where
the outputs were verified (helpers.doctor.VERIFIED_ON) and the notebooks' git history."""

import json
import subprocess
from types import SimpleNamespace

import pytest

import provenance
from book_files import ROOT
from helpers import doctor

EN = SimpleNamespace(config=SimpleNamespace(language="en"))
KO = SimpleNamespace(config=SimpleNamespace(language="ko"))


def cells_text(table):
    return [entry.astext() for entry in table.findall(provenance.nodes.entry)]


def test_pins_table_lists_python_and_every_pin():
    cells = cells_text(provenance.pins_table(EN))
    for path in (ROOT / "requirements.txt", ROOT / "requirements-dev.txt"):
        for line in provenance.requirement_lines(path):
            name, _, version = line.split(";")[0].strip().partition("==")
            at = cells.index(name)
            assert cells[at + 1] == version, (name, cells[at + 1])
    assert cells[cells.index("Python") + 1].startswith(doctor.REFERENCE["python"])
    at = cells.index("tensorflow-cpu")
    assert cells[at + 3] == "Linux x86_64; Windows x86_64", "the marker, read for the supported platforms"
    korean = cells_text(provenance.pins_table(KO))
    assert korean[:4] == ["패키지", "버전", "용도", "적용되는 곳"] and "노트북 실행" in korean


def test_lock_table_lists_every_locked_package_once():
    cells = cells_text(provenance.lock_table(EN))
    locked = provenance.lock.pinned_lines(provenance.lock.LOCK.read_text())
    assert len(cells) == 4 * (len(locked) + 1)
    assert cells[cells.index("pywinpty") + 3] == "Windows x86_64"
    assert cells[cells.index("numpy") + 3] == "every supported platform"


def test_every_verified_run_is_shown_in_both_languages():
    cells = cells_text(provenance.platforms_table(EN))
    korean = cells_text(provenance.platforms_table(KO))
    for record in doctor.VERIFIED_ON:
        english, hangul = provenance.OUTCOMES[record["outcome"]]
        assert english in cells and hangul in korean and record["command"] in cells


def commit(repo, message, outputs, markdown="# Title"):
    notebook = {"cells": [{"cell_type": "markdown", "source": markdown, "metadata": {}},
                          {"cell_type": "code", "execution_count": 1, "outputs": outputs, "source": "1",
                           "metadata": {}}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (repo / "nb.ipynb").write_text(json.dumps(notebook))
    if message:
        run = lambda *args: subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)  # noqa: E731
        run("add", "nb.ipynb")
        run("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-m", message)
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True,
                              text=True).stdout.strip()


def test_last_execution_is_the_last_commit_that_changed_the_outputs(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    out = [{"output_type": "stream", "name": "stdout", "text": "1\n"}]
    commit(tmp_path, "first outputs", [])
    executed = commit(tmp_path, "executed", out)
    commit(tmp_path, "only the text", out, markdown="# Another title")
    date, found = provenance.outputs_last_changed(EN, tmp_path / "nb.ipynb", root=tmp_path)
    assert found == executed and len(date) == 10, (date, found)
    commit(tmp_path, None, [{"output_type": "stream", "name": "stdout", "text": "2\n"}])  # not committed
    date, found = provenance.outputs_last_changed(EN, tmp_path / "nb.ipynb", root=tmp_path)
    assert date.startswith("not committed yet") and not found


@pytest.mark.parametrize("notebook", sorted(ROOT.glob("chapters/*/*.ipynb"))[:1], ids=lambda p: p.parent.name)
def test_the_books_notebooks_have_a_date(notebook):
    date, found = provenance.outputs_last_changed(EN, notebook)
    assert found or date.startswith(("not committed yet", "unknown")), date
