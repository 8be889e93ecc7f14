"""Write the course as one download: what a student needs to run the notebooks on their own computer.

    python scripts/make_course_zip.py      # _build/dl-foundations-course.zip and dl-foundations-course-ko.zip

`make book` runs it before the build; intro.md links both zips ({download} links, so the site serves a
copy). Inside, under dl-foundations-course/: every chapter's two notebooks (with their outputs), the
`helpers` package with its data, the notebooks' pins (requirements.txt, requirements-lock.txt),
pyproject.toml, environment.yml, scripts/setup.sh, the student's Makefile (course/Makefile: setup, lab,
doctor, each using only what the zip holds) and a README; not the book's tools (requirements-dev.txt),
the tests, the site sources or the built site.

The README is the book's title and course/README.md, the one source of the instructions: the book's
introduction includes the same file in *Run the notebooks yourself*. The Korean zip is the same course
with the notebooks' markdown in Korean (from the translations in locales/ko/, as on the Korean site: code
cells and outputs unchanged), its README translated with the same messages (intro.po: the introduction's
Korean), and the file helpers/LANGUAGE, which makes the exercise checkers (helpers.exercises) answer in
Korean. The same inputs give the same bytes, and an unchanged zip is not rewritten (so Sphinx does not
rebuild the page that links it).
"""

import io
import json
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))
import book_i18n  # noqa: E402  (the Korean notebooks, as the Korean site makes them)

OUT = ROOT / "_build" / "dl-foundations-course.zip"
OUT_KO = ROOT / "_build" / "dl-foundations-course-ko.zip"
FOLDER = "dl-foundations-course"
# archive name -> source file, besides the notebooks and helpers/
TOP_FILES = {
    "requirements.txt": "requirements.txt",
    "requirements-lock.txt": "requirements-lock.txt",
    "pyproject.toml": "pyproject.toml",
    "environment.yml": "environment.yml",
    "scripts/setup.sh": "scripts/setup.sh",
    "Makefile": "course/Makefile",
}
INSTRUCTIONS = "course/README.md"  # the zip's README after the title; intro.md includes it too


def readme(root: Path = ROOT, messages: dict | None = None) -> str:
    """The zip's README: the book's title (intro.md's first line) and course/README.md, translated with
    ``messages`` ({English: translation}, book_i18n.catalog_messages) when given."""
    title = (root / "intro.md").read_text(encoding="utf-8").splitlines()[0]
    text = f"{title}\n\n{(root / INSTRUCTIONS).read_text(encoding='utf-8')}"
    return book_i18n.translate_markdown(text, messages) if messages else text


def course_files(root: Path = ROOT) -> dict[str, Path]:
    """Archive name (under FOLDER/) -> source file, sorted: notebooks, helpers, pins and tools."""
    files = {}
    for notebook in sorted(root.glob("chapters/[0-9][0-9]_*/*.ipynb")):
        files[notebook.relative_to(root).as_posix()] = notebook
    for path in sorted((root / "helpers").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files[path.relative_to(root).as_posix()] = path
    for name, source in TOP_FILES.items():
        path = root / source
        if not path.is_file():
            raise FileNotFoundError(f"the course zip needs {source}")
        files[name] = path
    return dict(sorted(files.items()))


def korean_notebook(path: Path, messages: dict) -> bytes:
    """A notebook file with its markdown in Korean (book_i18n.translate_notebook)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return book_i18n.notebook_json(book_i18n.translate_notebook(notebook, messages)).encode()


def zip_bytes(root: Path = ROOT, language: str = "en") -> bytes:
    """The zip, in memory. Every entry carries the newest source file's time, so equal inputs give equal bytes."""
    files = course_files(root)
    sources = [*files.values(), root / INSTRUCTIONS, root / "intro.md",
               *((root / "locales").rglob("*.po") if language != "en" else [])]
    newest = max(path.stat().st_mtime for path in sources)
    stamp = max(time.gmtime(newest)[:6], (1980, 1, 1, 0, 0, 0))
    entries = {**{name: path.read_bytes() for name, path in files.items()}, "README.md": readme(root).encode()}
    if language == "ko":
        messages = book_i18n.catalog_messages("ko", root / "locales")
        for name, path in files.items():
            if path.suffix == ".ipynb":
                entries[name] = korean_notebook(path, messages)
        entries["README.md"] = readme(root, messages).encode()
        entries["helpers/LANGUAGE"] = b"ko\n"  # helpers.exercises: the checkers answer in Korean
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(entries.items()):
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            executable = name.endswith(".sh")
            info.external_attr = (0o100755 if executable else 0o100644) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def write(out: Path = OUT, root: Path = ROOT, language: str = "en") -> bool:
    """Write the zip to ``out`` unless it is already there with the same bytes; return True if written."""
    data = zip_bytes(root, language)
    if out.exists() and out.read_bytes() == data:
        return False
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return True


if __name__ == "__main__":
    for target, language in [(OUT, "en"), (OUT_KO, "ko")]:
        written = write(target, language=language)
        size = target.stat().st_size / 1e6
        print(f"course zip ({language}): {target} ({size:.1f} MB{'' if written else ', unchanged'})")
