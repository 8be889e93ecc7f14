"""The book's structure: every chapter in the table of contents with two mirrored, cleanly executed notebooks."""

import json
import re

import pytest

from book_files import FRAMEWORKS, ROOT, all_notebooks, chapter_dirs, headings, read, toc_files

CHAPTERS = chapter_dirs()
NOTEBOOKS = all_notebooks()
ids = lambda paths: [str(p.relative_to(ROOT)) for p in paths]  # noqa: E731


def test_there_are_chapters():
    assert len(CHAPTERS) >= 2


@pytest.mark.parametrize("chapter", CHAPTERS, ids=ids(CHAPTERS))
def test_chapter_has_index_and_both_notebooks_in_toc(chapter):
    listed = set(toc_files())
    rel = chapter.relative_to(ROOT).as_posix()
    for name in ("index", *FRAMEWORKS):
        suffix = ".md" if name == "index" else ".ipynb"
        assert (chapter / f"{name}{suffix}").exists(), f"{rel}/{name}{suffix} is missing"
        assert f"{rel}/{name}" in listed, f"{rel}/{name} is not in _toc.yml"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=ids(CHAPTERS))
def test_index_links_both_notebooks_and_names_its_lecture(chapter):
    text = (chapter / "index.md").read_text()
    assert text.startswith("# "), "index.md must start with a # title"
    for fw in FRAMEWORKS:
        assert f"{fw}.ipynb" in text, f"index.md does not link {fw}.ipynb"
    assert re.search(r"[Ll]ecture 00\d", text), "index.md must name its source lecture"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=ids(CHAPTERS))
def test_notebooks_mirror_each_other(chapter):
    tf_headings = headings(read(chapter / "tensorflow.ipynb"))
    torch_headings = headings(read(chapter / "pytorch.ipynb"))
    assert tf_headings, "the TensorFlow notebook has no ## sections"
    assert tf_headings == torch_headings


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_notebook_is_cleanly_executed(path):
    nb = read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "must start with a # Title"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), (
        "execution counts must be 1..n: re-execute top to bottom with `make execute NB=...`"
    )
    for i, cell in enumerate(code, 1):
        for out in cell.outputs:
            assert out.output_type != "error", f"cell [{i}] stores an error"
            assert out.get("name") != "stderr", f"cell [{i}] stores stderr: {out.get('text', '')[:200]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_notebook_metadata_is_clean(path):
    nb = read(path)
    assert set(nb.metadata) <= {"kernelspec", "language_info"}
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        assert set(cell.metadata) <= {"tags"}, f"cell metadata {dict(cell.metadata)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_absolute_paths(path):
    text = path.read_text()
    found = re.findall(r"(?:/root/|/home/|/tmp/|/work/|/Users/|[A-Z]:\\\\)[^\"\s]*", text)
    assert not found, f"absolute paths: {found[:3]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_notebook_uses_only_its_framework(path):
    other = {"tensorflow": r"\b(torch|torch_utils)\b", "pytorch": r"\b(tensorflow|tf_utils|keras)\b"}
    pattern = re.compile(r"^\s*(import|from)\s.*" + other[path.stem], re.M)
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert not pattern.search(cell.source), f"imports the other framework: {cell.source[:120]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_has_one_setup_cell_and_key_results(path):
    nb = read(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "set_seed(" in code[0].source, "the first code cell is the setup cell and seeds everything"
    assert any("key-results" in c.metadata.get("tags", []) for c in code), "no cell tagged key-results"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_ignore_markers_give_a_reason(path):
    """An nbval ignore/skip marker must be followed by a '# reason: ...' comment line."""
    for cell in read(path).cells:
        if cell.cell_type != "code":
            continue
        lines = cell.source.splitlines()
        tags = cell.metadata.get("tags", [])
        assert not {"nbval-ignore-output", "nbval-skip"} & set(tags), "use a commented marker with a reason"
        for i, line in enumerate(lines):
            if line.strip() in ("# NBVAL_IGNORE_OUTPUT", "# NBVAL_SKIP"):
                following = lines[i + 1].strip() if i + 1 < len(lines) else ""
                assert following.startswith("# reason:"), f"{line.strip()} without '# reason:' next line"


def output_texts(cell):
    """Every text a code cell's outputs show a reader: streams, and text/plain or text/html data."""
    for out in cell.outputs:
        if "text" in out:
            yield out.text
        for mime in ("text/plain", "text/html"):
            if mime in out.get("data", {}):
                yield out.data[mime]


# A repr such as <graphviz.graphs.Digraph at 0x7f3a...> or <... object at 0x...>: changes every run.
MEMORY_ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]{4,}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_memory_address_or_ansi_code_in_outputs(path):
    code = [c for c in read(path).cells if c.cell_type == "code"]
    for i, cell in enumerate(code, 1):
        for text in output_texts(cell):
            address = MEMORY_ADDRESS.search(text)
            assert not address, f"cell [{i}] shows a memory address: {text[max(0, address.start() - 60):address.end()]!r}"
            assert "\x1b[" not in text, f"cell [{i}] shows ANSI colour codes: {text[:120]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_split_stream_outputs(path):
    """What a cell prints is one box on the page: no two adjacent outputs of the same stream."""
    code = [c for c in read(path).cells if c.cell_type == "code"]
    for i, cell in enumerate(code, 1):
        names = [out.get("name") if out.output_type == "stream" else None for out in cell.outputs]
        split = [a for a, b in zip(names, names[1:]) if a is not None and a == b]
        assert not split, f"cell [{i}] stores its {split[0]} in pieces: re-execute with `make execute`"


def test_notebooks_are_valid_json_with_ids():
    for path in NOTEBOOKS:
        data = json.loads(path.read_text())
        assert data["nbformat"] == 4
        assert all("id" in cell for cell in data["cells"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_exercises_have_executed_hidden_solutions(path):
    nb = read(path)
    assert "## Exercises" in headings(nb), "a notebook ends with ## Exercises"
    solutions = [c for c in nb.cells if c.cell_type == "code" and "hide-cell" in c.metadata.get("tags", [])]
    assert solutions, "exercise solutions go in code cells tagged hide-cell"
    assert all(c.outputs for c in solutions), "every solution cell is executed and shows its result"


def test_reference_pages_are_in_the_toc():
    listed = toc_files()
    for page in ("reference/glossary", "reference/api_changes"):
        assert page in listed and (ROOT / f"{page}.md").exists(), page


# The column the site shows a code block or printout in holds 79 characters at 1280 px (wider lines scroll
# sideways), the width PEP 8 also chose. site_tests checks the rendered blocks; this checks the notebooks.
COLUMN = 79
RICH = ("image/png", "image/jpeg", "image/svg+xml", "text/html")


def wide_lines(path):
    """(cell number, 'code' or 'output', width, line) for every line of a code cell or of a printout that
    the site shows in a code block (streams, and plain text with no picture or HTML shown instead)."""
    code = [c for c in read(path).cells if c.cell_type == "code"]
    for i, cell in enumerate(code, 1):
        shown = [("code", cell.source)]
        for out in cell.outputs:
            if "text" in out:
                shown.append(("output", out.text))
            elif "text/plain" in out.get("data", {}) and not set(RICH) & set(out.data):
                shown.append(("output", out.data["text/plain"]))
        for kind, text in shown:
            for line in text.splitlines():
                if len(line) > COLUMN:
                    yield i, kind, len(line), line


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_line_wider_than_the_column(path):
    wide = list(wide_lines(path))
    report = "\n".join(f"  cell [{i}] {kind}, {width} chars: {line[:60]}..." for i, kind, width, line in wide[:15])
    assert not wide, f"{len(wide)} lines wider than {COLUMN} characters:\n{report}"
