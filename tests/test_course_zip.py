"""The course as a download (scripts/make_course_zip.py, written by `make book`, linked from intro.md).

The zip is built afresh into a temporary folder and unpacked there. It must hold what a student needs
and nothing of the tests or the site, and a notebook from it must run with the `helpers` package FROM
THE ZIP (its folder first on PYTHONPATH, as `pip install -e .` in the unpacked folder would give) and
print the key results stored in it.
"""

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import nbclient
import nbformat
import pytest

from notebooks import ROOT, all_notebooks, tagged_stdout

sys.path.insert(0, str(ROOT / "scripts"))
import make_course_zip  # noqa: E402

RUN_NOTEBOOK = "chapters/02_autodiff/pytorch.ipynb"  # small, and reads a csv of helpers/data


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    """The zip written to a temporary folder and unpacked next to it; return its course folder."""
    tmp = tmp_path_factory.mktemp("course")
    zip_path = tmp / "course.zip"
    assert make_course_zip.write(zip_path), "a new zip must be written"
    assert not make_course_zip.write(zip_path), "an unchanged zip must not be rewritten"
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(tmp / "unpacked")
        setup_mode = archive.getinfo(f"{make_course_zip.FOLDER}/scripts/setup.sh").external_attr >> 16
    assert setup_mode & 0o111, "scripts/setup.sh must stay executable"
    return tmp / "unpacked" / make_course_zip.FOLDER


def test_zip_holds_what_a_student_needs(unpacked):
    """Every chapter notebook, helpers with its data, the pins, the tools and a README; no tests, no site."""
    names = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    wanted = {nb.relative_to(ROOT).as_posix() for nb in all_notebooks()}
    wanted |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "helpers").rglob("*.py")}
    wanted |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "helpers" / "data").glob("*.csv")}
    wanted |= {p.name for p in ROOT.glob("requirements*.txt")}
    wanted |= {"requirements.txt", "pyproject.toml", "environment.yml", "Makefile", "scripts/setup.sh", "README.md"}
    assert not wanted - names, f"missing from the zip: {sorted(wanted - names)}"
    unwanted = [n for n in names if re.match(r"(tests|site_tests|_build|\.venv|_vendor|reference)/|conftest\.py$|"
                                             r".*__pycache__|.*\.pyc$|_config\.yml|_toc\.yml", n)]
    assert not unwanted, f"the zip must not hold {unwanted}"


def test_zip_readme_gives_the_commands_the_docs_give(unpacked):
    """The commands of the zip's README are the ones README.md and intro.md give (one story, three places)."""
    commands = [line.strip() for line in (unpacked / "README.md").read_text().splitlines() if line.startswith("    ")]
    assert "make lab" in commands and "conda env create -f environment.yml" in commands
    assert any("Activate.ps1" in c for c in commands) and any("-c requirements-lock.txt" in c for c in commands)
    for doc in ("README.md", "intro.md"):
        text = (ROOT / doc).read_text()
        missing = [c for c in commands if c not in text]
        assert not missing, f"{doc} lacks the zip README's commands {missing}"
    assert "dl-foundations-course.zip" in (ROOT / "intro.md").read_text(), "intro.md must link the zip"


def test_notebook_from_the_zip_runs_with_its_own_helpers(unpacked):
    """Run a notebook of the zip in a fresh kernel whose PYTHONPATH starts at the unpacked folder: it
    imports helpers from there (not the repository's editable install) and prints the stored key results."""
    path = unpacked / RUN_NOTEBOOK
    nb = nbformat.read(path, as_version=4)
    expected = tagged_stdout(nb, "key-results")
    nb.cells.append(nbformat.v4.new_code_cell(
        "import helpers, helpers.datasets\nprint('HELPERS', helpers.__file__)\nprint('DATASETS', helpers.datasets.__file__)"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONPATH"] = os.pathsep.join([str(unpacked), *filter(None, [os.environ.get("PYTHONPATH")])])
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute(env=env)  # raises CellExecutionError, naming the cell, if any cell fails
    printed = "".join(out.get("text", "") for cell in nb.cells for out in cell.get("outputs", []))
    found = dict(re.findall(r"^(HELPERS|DATASETS) (.+)$", printed, re.M))
    for name in ("HELPERS", "DATASETS"):
        assert Path(found[name]).is_relative_to(unpacked), f"{name} came from {found[name]}, not the zip"
    assert expected and expected == tagged_stdout(nb, "key-results"), "the key results differ from the stored ones"


def test_korean_zip_is_the_same_course_with_korean_explanations():
    """dl-foundations-course-ko.zip: the same files; its notebooks have the same code cells and outputs,
    byte for byte, and Korean markdown; its README is in Korean and gives the same commands; and its
    helpers/LANGUAGE makes the exercise checkers answer in Korean."""
    def entries(language):
        with zipfile.ZipFile(io.BytesIO(make_course_zip.zip_bytes(language=language))) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    english, korean = entries("en"), entries("ko")
    marker = f"{make_course_zip.FOLDER}/helpers/LANGUAGE"
    assert korean.pop(marker) == b"ko\n" and marker not in english
    assert english.keys() == korean.keys()
    changed = sorted(name for name in english if english[name] != korean[name])
    notebooks = sorted(f"{make_course_zip.FOLDER}/{nb.relative_to(ROOT).as_posix()}" for nb in all_notebooks())
    assert changed == sorted([*notebooks, f"{make_course_zip.FOLDER}/README.md"])
    hangul = re.compile("[가-힣]")
    for name in notebooks:
        en, ko = json.loads(english[name]), json.loads(korean[name])
        assert [c for c in en["cells"] if c["cell_type"] == "code"] == [c for c in ko["cells"] if c["cell_type"] == "code"]
        markdown = "".join("".join(c["source"]) for c in ko["cells"] if c["cell_type"] == "markdown")
        assert len(hangul.findall(markdown)) > 500, f"{name}: its markdown is not in Korean"
    readme_en, readme_ko = (e[f"{make_course_zip.FOLDER}/README.md"].decode() for e in (english, korean))
    assert [l for l in readme_en.splitlines() if l.startswith("    ")] == [l for l in readme_ko.splitlines() if l.startswith("    ")]
    assert hangul.search(readme_ko)


def test_korean_zip_checkers_answer_in_korean(tmp_path):
    """The Korean zip's helpers, unpacked, print the exercise checkers' messages in Korean."""
    with zipfile.ZipFile(io.BytesIO(make_course_zip.zip_bytes(language="ko"))) as archive:
        archive.extractall(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "BOOK_LANGUAGE"}
    env["PYTHONPATH"] = str(tmp_path / make_course_zip.FOLDER)
    code = 'import helpers.exercises as e; print(e.__file__); e.check("3.1", ...)'
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
                         check=True).stdout
    assert out.splitlines()[0].startswith(str(tmp_path)), out
    assert out.splitlines()[1] == "연습문제 3.1: 아직 답하지 않았습니다(...를 답으로 바꾸고 셀을 실행하세요)"
