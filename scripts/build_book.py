"""Build the book: the English site into _build/html, the Korean edition into _build/html/ko.

    python scripts/build_book.py            # both sites (what `make book` runs)
    python scripts/build_book.py gettext    # the English messages, _build/gettext/*.pot (`make translations`)

The documented Jupyter Book 1 path to Sphinx: `jupyter-book config sphinx` turns _config.yml into conf.py
(generated, not kept in git), then `sphinx-build` builds each site with it, warnings as errors. The Korean
site is the same sources built with Sphinx's own internationalisation, `sphinx-build -D language=ko`, and the
translations in locales/ko/LC_MESSAGES/*.po (Sphinx compiles them to .mo as it builds). Code cells, outputs
and math are not messages, so both sites show the same code and the same outputs.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
BIN = Path(sys.executable).parent


def write_sphinx_config() -> None:
    """conf.py from _config.yml and _toc.yml, the way Jupyter Book documents it (its local extensions,
    in _ext/, are put on the path by `build`)."""
    subprocess.run([BIN / "jupyter-book", "config", "sphinx", ROOT], check=True, stdout=subprocess.DEVNULL)


def sphinx_build(builder: str, outdir: Path, doctrees: Path, language: str = "en", quiet: bool = False,
                 *options, **popen) -> subprocess.Popen:
    """Start one `sphinx-build` of the book: warnings are errors (all reported first), references checked (-n)."""
    command = [sys.executable, "-m", "sphinx", "-b", builder, "-d", doctrees, "-W", "--keep-going", "-n",
               "-D", f"language={language}", *(["-q"] if quiet else []), *options, ROOT, outdir]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "_ext"), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen(command, env=env, **popen)


def build(builder: str, outdir: Path, doctrees: Path, language: str = "en", quiet: bool = False, *options) -> None:
    """One `sphinx-build` of the book, its messages shown as they come; exit when it fails."""
    if not quiet:
        print(f"== {builder} build into {outdir} ({language})", flush=True)
    if sphinx_build(builder, outdir, doctrees, language, quiet, *options).wait():
        sys.exit(f"The {builder} build ({language}) failed: see the warnings above.")


def build_html_editions(editions: dict[str, tuple[Path, Path]]) -> None:
    """The HTML builds of the editions ({language: (outdir, doctrees)}) side by side, one process each
    (on two cores both take little longer than one); each one's messages are shown, in order, when it
    ends; exit naming the ones that failed."""
    builds = {}
    for language, (outdir, doctrees) in editions.items():
        log = tempfile.TemporaryFile(mode="w+")
        process = sphinx_build("html", outdir, doctrees, language, False, stdout=log, stderr=subprocess.STDOUT)
        builds[language] = (process, log, outdir)
    failed = []
    for language, (process, log, outdir) in builds.items():
        code = process.wait()
        log.seek(0)
        print(f"== html build into {outdir} ({language})\n{log.read()}", end="", flush=True)
        log.close()
        if code:
            failed.append(language)
    if failed:
        sys.exit(f"The html build ({', '.join(failed)}) failed: see the warnings above.")


def extract_messages(outdir: Path = BUILD / "gettext", quiet: bool = False) -> Path:
    """The English messages, one .pot file per catalog (chapters, intro, reference), into ``outdir``.
    (The course zips that intro.md links are not needed for its text: the tests extract the messages
    before `make book` writes the zips.)"""
    write_sphinx_config()
    build("gettext", outdir, outdir / ".doctrees", "en", quiet, "-D", "suppress_warnings=myst.domains,download.not_readable")
    return outdir


def main(what: str = "html") -> None:
    if what == "gettext":
        extract_messages()
        return
    write_sphinx_config()
    # The Korean build gets its own folder: myst-nb writes beside the output folder (jupyter_execute/), and
    # Sphinx keeps one environment per language. Its pages are then copied to the English site's ko/.
    build_html_editions({"en": (BUILD / "html", BUILD / ".doctrees"),
                         "ko": (BUILD / "ko" / "html", BUILD / "ko" / ".doctrees")})
    shutil.rmtree(BUILD / "html" / "ko", ignore_errors=True)
    shutil.copytree(BUILD / "ko" / "html", BUILD / "html" / "ko")
    print("The Korean edition is in _build/html/ko.")


if __name__ == "__main__":
    main(*sys.argv[1:])
