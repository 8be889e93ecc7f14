"""Write the course as one download: what a student needs to run the notebooks on their own computer.

    python scripts/make_course_zip.py      # _build/dl-foundations-course.zip and dl-foundations-course-ko.zip

`make book` runs it before the build; intro.md links both zips ({download} links, so the site serves a
copy). The Korean zip is the same course with the notebooks' markdown in Korean (from the translations
in locales/ko/, as on the Korean site: code cells and outputs unchanged), a Korean README and the file helpers/LANGUAGE, which makes
the exercise checkers (helpers.exercises) answer in Korean. Inside, under dl-foundations-course/: every chapter's two notebooks (with their outputs), the
`helpers` package with its data, the pins (requirements*.txt), pyproject.toml, environment.yml, the
Makefile, scripts/setup.sh and a short README with the commands for each operating system; not the
tests, the site sources or the built site. The same inputs give the same bytes, and an unchanged zip
is not rewritten (so Sphinx does not rebuild the page that links it).
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


README_KO = """\
# TensorFlow와 PyTorch로 배우는 딥러닝의 기초: 노트북

책의 모든 장이 두 노트북 `chapters/NN_slug/tensorflow.ipynb`와 `pytorch.ipynb`로 들어 있고, 책에 보이는
출력이 함께 저장되어 있습니다. 노트북의 설명은 한국어이고, 코드와 출력은 영어판 노트북과 똑같습니다.
노트북은 `helpers/`(그림, 데이터셋, 다이어그램; 아래 명령으로 설치됩니다)를 import하며, `requirements.txt`에
고정된 패키지와, 그것들이 끌어오는 모든 패키지를 `requirements-lock.txt`의 버전으로 필요로 합니다.
Python 3.11, 3.12 또는 3.13과, 다이어그램을 그리는 Graphviz의 `dot` 프로그램이 필요합니다
(`brew install graphviz`, `sudo apt-get install graphviz`, Windows에서는 https://graphviz.org/download/ 의
설치 프로그램에서 "add Graphviz to the PATH"를 고르십시오; conda는 자체 Graphviz를 설치합니다).
지원 환경: Apple silicon의 macOS 14 이상, Windows x86_64, Linux x86_64, Python 3.11-3.13.
저장된 출력은 Linux x86_64와 Python 3.11에서 검증했습니다. 다른 환경에서도 노트북은 똑같이 실행되지만,
마지막 자릿수가 다를 수 있습니다.

이 폴더에서 터미널을 연 다음:

## Linux와 macOS

    make lab

처음에는 고정된 패키지로 가상환경 `.venv`를 만들고(몇 분 걸립니다) JupyterLab을 엽니다(root로 실행하면
`--allow-root`를 붙입니다).

## Windows(PowerShell 또는 cmd), 또는 make가 없을 때

    py -3.11 -m venv .venv
    .venv\\Scripts\\Activate.ps1
    python -m pip install -r requirements.txt -c requirements-lock.txt
    python -m pip install -e .
    jupyter lab chapters

cmd에서는 `.venv\\Scripts\\activate.bat`로 활성화합니다. PowerShell이 활성화 스크립트 실행을 거부하면
`Set-ExecutionPolicy -Scope CurrentUser RemoteSigned`를 한 번 실행하십시오. Linux와 macOS에서 같은 단계는
`python3 -m venv .venv`, `source .venv/bin/activate`, 그다음 세 줄입니다. Linux x86_64에서는 첫 pip 줄에
`--extra-index-url https://download.pytorch.org/whl/cpu`를 붙이십시오(PyPI의 Linux용 PyTorch는 수 GB의 GPU
라이브러리를 함께 설치합니다). 다음부터는 환경을 활성화하고 `jupyter lab chapters`를 실행하면 됩니다.

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


def korean_notebook(path: Path, messages: dict) -> bytes:
    """A notebook file with its markdown in Korean (book_i18n.translate_notebook)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return book_i18n.notebook_json(book_i18n.translate_notebook(notebook, messages)).encode()


def zip_bytes(root: Path = ROOT, language: str = "en") -> bytes:
    """The zip, in memory. Every entry carries the newest source file's time, so equal inputs give equal bytes."""
    files = course_files(root)
    sources = [*files.values(), *((root / "locales").rglob("*.po") if language != "en" else [])]
    newest = max(path.stat().st_mtime for path in sources)
    stamp = max(time.gmtime(newest)[:6], (1980, 1, 1, 0, 0, 0))
    entries = {**{name: path.read_bytes() for name, path in files.items()}, "README.md": README.encode()}
    if language == "ko":
        messages = book_i18n.catalog_messages("ko", root / "locales")
        for name, path in files.items():
            if path.suffix == ".ipynb":
                entries[name] = korean_notebook(path, messages)
        entries["README.md"] = README_KO.encode()
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
