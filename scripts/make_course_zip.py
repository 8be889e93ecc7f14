"""Write the course as one download: what a student needs to run the notebooks on their own computer.

    python scripts/make_course_zip.py [OUT]      # default _build/dl-foundations-course.zip

`make book` runs it before the build; intro.md links the zip (a {download} link, so the site serves a
copy). Inside, under dl-foundations-course/: every chapter's two notebooks (with their outputs), the
`helpers` package with its data, the pins (requirements*.txt), pyproject.toml, environment.yml, the
Makefile, scripts/setup.sh and a short README with the commands for each operating system; not the
tests, the site sources or the built site. The same inputs give the same bytes, and an unchanged zip
is not rewritten (so Sphinx does not rebuild the page that links it).
"""

import io
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "_build" / "dl-foundations-course.zip"
FOLDER = "dl-foundations-course"
TOP_FILES = ["pyproject.toml", "environment.yml", "Makefile", "scripts/setup.sh"]

README = """\
# Deep learning foundations, in TensorFlow and PyTorch: the notebooks

Every chapter of the book as two notebooks, `chapters/NN_slug/tensorflow.ipynb` and `pytorch.ipynb`,
stored with the outputs the book shows. They import `helpers/` (plots, datasets, diagrams; installed by
the commands below) and need the pinned packages of `requirements.txt`, every package they pull in at
the version in `requirements-lock.txt`. You need Python 3.11, 3.12 or 3.13, and Graphviz's `dot`
program for the diagrams (`brew install graphviz`, `sudo apt-get install graphviz`, or on Windows the
installer from https://graphviz.org/download/ with "add Graphviz to the PATH"; conda brings its own).
Supported: macOS 14+ on Apple silicon, Windows x86_64, Linux x86_64, Python 3.11-3.13.
The stored outputs were verified on Linux x86_64 with Python 3.11; elsewhere the notebooks run the
same, and a last digit may differ.

Open a terminal in this folder, then:

## Linux and macOS

    make lab

The first time, this makes a virtual environment `.venv` with the pinned packages (a few minutes),
then opens JupyterLab (as root it adds `--allow-root`).

## Windows (PowerShell or cmd), or anyone without make

    py -3.11 -m venv .venv
    .venv\\Scripts\\Activate.ps1
    python -m pip install -r requirements.txt -c requirements-lock.txt
    python -m pip install -e .
    jupyter lab chapters

In cmd, activate with `.venv\\Scripts\\activate.bat`. If PowerShell refuses to run the activation
script: `Set-ExecutionPolicy -Scope CurrentUser RemoteSigned`, once. On Linux and macOS the same steps
are `python3 -m venv .venv`, `source .venv/bin/activate`, then the three lines after it; on Linux x86_64
add `--extra-index-url https://download.pytorch.org/whl/cpu` to the first pip line (PyPI's Linux
PyTorch brings GBs of GPU libraries). Next time, activate and run `jupyter lab chapters`.

## conda

    conda env create -f environment.yml
    conda activate dl-foundations
    python -m pip install -e .
    jupyter lab chapters
"""


def course_files(root: Path = ROOT) -> dict[str, Path]:
    """Archive name (under FOLDER/) -> source file, sorted: notebooks, helpers, pins and tools."""
    files = {}
    for notebook in sorted(root.glob("chapters/[0-9][0-9]_*/*.ipynb")):
        files[notebook.relative_to(root).as_posix()] = notebook
    for path in sorted((root / "helpers").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files[path.relative_to(root).as_posix()] = path
    for path in [*sorted(root.glob("requirements*.txt")), *(root / name for name in TOP_FILES)]:
        if not path.is_file():
            raise FileNotFoundError(f"the course zip needs {path.relative_to(root)}")
        files[path.relative_to(root).as_posix()] = path
    return dict(sorted(files.items()))


def zip_bytes(root: Path = ROOT) -> bytes:
    """The zip, in memory. Every entry carries the newest source file's time, so equal inputs give equal bytes."""
    files = course_files(root)
    newest = max(path.stat().st_mtime for path in files.values())
    stamp = max(time.gmtime(newest)[:6], (1980, 1, 1, 0, 0, 0))
    entries = {**{name: path.read_bytes() for name, path in files.items()}, "README.md": README.encode()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(entries.items()):
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            executable = name.endswith(".sh")
            info.external_attr = (0o100755 if executable else 0o100644) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def write(out: Path = OUT, root: Path = ROOT) -> bool:
    """Write the zip to ``out`` unless it is already there with the same bytes; return True if written."""
    data = zip_bytes(root)
    if out.exists() and out.read_bytes() == data:
        return False
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return True


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    written = write(target)
    size = target.stat().st_size / 1e6
    print(f"course zip: {target} ({size:.1f} MB{'' if written else ', unchanged'})")
