"""The course as a download (scripts/make_course_zip.py, written by `make book`, linked from intro.md).

The zip is built afresh into a temporary folder and unpacked there. It must hold what a student needs
and nothing of the tests, the site or the book's tools; its Makefile may call only what the zip holds;
its README is the one source of the instructions (course/README.md, which the introduction includes);
and a notebook from it must run with the `helpers` package FROM THE ZIP (its folder first on PYTHONPATH,
as `pip install -e .` in the unpacked folder would give) and print the key results stored in it.
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

import book_i18n
import make_course_zip
from book_files import ROOT, all_notebooks, tagged_stdout

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
    wanted |= {"requirements.txt", "requirements-lock.txt", "pyproject.toml", "environment.yml", "Makefile",
               "scripts/setup.sh", "README.md"}
    assert not wanted - names, f"missing from the zip: {sorted(wanted - names)}"
    unwanted = [n for n in names if re.match(r"(tests|site_tests|_build|\.venv|_vendor|reference|course)/|"
                                             r"conftest\.py$|.*__pycache__|.*\.pyc$|_config\.yml|_toc\.yml|"
                                             r"requirements-dev\.txt|scripts/(?!setup\.sh$)", n)]
    assert not unwanted, f"the zip must not hold {unwanted}"


def test_zip_makefile_calls_only_what_the_zip_holds(unpacked):
    """The student's Makefile: setup, lab and doctor, and every file its commands run is in the zip."""
    makefile = (unpacked / "Makefile").read_text()
    assert makefile == (ROOT / "course" / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))
    assert targets == {"setup", "lab", "doctor"}, targets
    dry = subprocess.run(["make", "-n", "setup", "lab", "doctor"], cwd=unpacked, capture_output=True, text=True)
    assert dry.returncode == 0, dry.stderr
    commands = dry.stdout.splitlines()
    assert "bash scripts/setup.sh --notebooks" in commands
    assert any(c.startswith(".venv/bin/jupyter lab") and c.endswith(" chapters") for c in commands), commands
    assert ".venv/bin/python -m helpers.doctor" in commands
    for command in commands:
        for word in command.split():
            if re.match(r"(scripts|helpers|chapters)(/|$)", word):
                assert (unpacked / word).exists(), f"`{command}` needs {word}, which the zip lacks"
    setup = (unpacked / "scripts" / "setup.sh").read_text()
    assert "--notebooks) BOOK=" in setup and '[ -f "$BOOK" ] || BOOK=""' in setup, \
        "setup.sh must install only requirements.txt where requirements-dev.txt is missing"


def test_zip_doctor_runs_and_checks_the_zips_pins(unpacked):
    """`make doctor`'s command, run in the unpacked folder with this environment's Python: it reads the
    zip's requirements.txt (no book tool among them) and finds this environment OK."""
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    result = subprocess.run([sys.executable, "-m", "helpers.doctor"], cwd=unpacked, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.rstrip().endswith("setup OK"), result.stdout + result.stderr
    assert "  torch  " in result.stdout and "jupyter-book" not in result.stdout and "pytest" not in result.stdout


def code_lines(markdown: str) -> list[str]:
    """The lines of the fenced code blocks of a Markdown text."""
    return [line for block in re.findall(r"^```\w*\n(.*?)^```", markdown, re.M | re.S) for line in block.splitlines()]


def test_zip_readme_is_the_one_source_the_intro_includes(unpacked):
    """The instructions exist once, in course/README.md: the zip's README is the book's title and that file,
    the introduction includes it, and neither the introduction nor README.md keeps a copy of them."""
    source = (ROOT / "course" / "README.md").read_text()
    title = (ROOT / "intro.md").read_text().splitlines()[0]
    assert (unpacked / "README.md").read_text() == f"{title}\n\n{source}"
    commands = code_lines(source)
    assert "make lab" in commands and "conda env create -f environment.yml" in commands
    assert ".venv\\Scripts\\Activate.ps1" in commands
    assert "python -m pip install -r requirements.txt -c requirements-lock.txt" in commands
    intro = (ROOT / "intro.md").read_text()
    section = intro[intro.index("## Run the notebooks yourself"):].split("\n## ")[0]
    assert "```{include} course/README.md\n```" in section, "the introduction must include course/README.md"
    assert "dl-foundations-course.zip" in section and "dl-foundations-course-ko.zip" in section
    for doc in ("README.md", "intro.md"):
        copied = [c for c in commands if "Activate.ps1" in c or "conda env create" in c if c in (ROOT / doc).read_text()]
        assert not copied, f"{doc} repeats the instructions {copied}: link or include course/README.md instead"
    assert "course/README.md" in (ROOT / "README.md").read_text(), "README.md must point to the instructions"


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
    assert code_lines(readme_en) == code_lines(readme_ko) and code_lines(readme_en)
    assert hangul.search(readme_ko)


def test_korean_readme_is_the_introductions_korean():
    """Every message of the instructions (course/README.md) has its Korean in locales/ko (intro.po, where
    the introduction that includes it puts them), and the Korean zip's README shows that Korean."""
    messages = book_i18n.catalog_messages("ko", ROOT / "locales")
    source = (ROOT / "course" / "README.md").read_text()
    wanted = [t.content.replace("\n", " ").strip() for t in book_i18n.markdown_parser().parse(source)
              if t.type == "inline" and t.content.strip()]
    untranslated = [m for m in wanted if m not in messages]
    assert not untranslated, f"not yet translated in locales/ko (run `make translations`): {untranslated}"
    readme_ko = make_course_zip.readme(ROOT, messages)
    missing = [m for m in wanted if messages[m] not in readme_ko]
    assert not missing, f"the Korean README lacks the Korean of {missing}"


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
