"""The tests' shared support: the book's files (the table of contents, the chapters, their notebooks) and
what a notebook shows (its headings, the text of its tagged cells)."""

from pathlib import Path

import nbformat
from sphinx_external_toc.parsing import parse_toc_yaml

ROOT = Path(__file__).resolve().parents[1]
FRAMEWORKS = ("tensorflow", "pytorch")


def toc_files() -> list[str]:
    """Every file named in _toc.yml (without suffix), in order, as Jupyter Book's own parser
    (sphinx-external-toc) reads it."""
    return list(parse_toc_yaml(ROOT / "_toc.yml"))


def chapter_dirs() -> list[Path]:
    """The chapter folders chapters/NN_slug, sorted."""
    return sorted(p for p in (ROOT / "chapters").iterdir() if p.is_dir() and p.name[:2].isdigit())


def all_notebooks() -> list[Path]:
    return [chapter / f"{fw}.ipynb" for chapter in chapter_dirs() for fw in FRAMEWORKS]


def read(path: Path):
    return nbformat.read(path, as_version=4)


def headings(nb) -> list[str]:
    """Markdown headings of level 2 and deeper, in order (the title differs by framework)."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        in_fence = False
        for line in cell.source.splitlines():
            if line.startswith("```") or line.startswith(":::"):
                in_fence = not in_fence
            elif not in_fence and line.startswith("##"):
                found.append(line.strip())
    return found


def tagged_stdout(nb, tag: str) -> str:
    """The stored stdout of every code cell carrying ``tag``, joined."""
    texts = []
    for cell in nb.cells:
        if cell.cell_type == "code" and tag in cell.metadata.get("tags", []):
            texts += [out.get("text", "") for out in cell.outputs if out.get("name") == "stdout"]
    return "".join(texts)
