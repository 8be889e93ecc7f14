"""Build the book: the English site into _build/html, the Korean edition into _build/html/ko.

    python scripts/build_book.py            # both sites (what `make book` runs)
    python scripts/build_book.py gettext    # the English messages, _build/gettext/*.pot (`make translations`)

The Korean site is the same sources built with Sphinx's own internationalisation: ``language = "ko"``
and the translations in locales/ko/LC_MESSAGES/*.po (Sphinx compiles them to .mo as it builds). Code
cells, outputs and math are not messages, so both sites show the same code and the same outputs.
Jupyter Book 1's own build function is used for each, with _config.yml, so both sites share one
configuration; only the language, the output folder and the doctree cache differ.
"""

import shutil
import sys
from pathlib import Path

from jupyter_book.sphinx import build_sphinx

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"


def build(builder: str, outdir: Path, doctrees: Path, quiet: bool = False, **config) -> None:
    """One Sphinx build of the book (warnings are errors, as `jupyter-book build --warningiserror`)."""
    if not quiet:
        print(f"== {builder} build into {outdir} ({config.get('language', 'en')})", flush=True)
    result = build_sphinx(
        ROOT,
        outdir,
        doctreedir=doctrees,
        noconfig=True,
        path_config=ROOT / "_config.yml",
        confoverrides={"external_toc_path": (ROOT / "_toc.yml").as_posix(), "nitpicky": True, "latex_individualpages": False, **config},
        builder=builder,
        warningiserror=True,
        keep_going=True,
        quiet=quiet,
    )
    if result:
        sys.exit(f"The {builder} build ({config.get('language', 'en')}) failed: see the warnings above.")


def extract_messages(outdir: Path = BUILD / "gettext", quiet: bool = False) -> Path:
    """The English messages, one .pot file per catalog (chapters, intro, reference), into ``outdir``.
    (The course zips that intro.md links are not needed for its text: the tests extract the messages
    before `make book` writes the zips.)"""
    build("gettext", outdir, outdir / ".doctrees", quiet=quiet,
          suppress_warnings=["myst.domains", "download.not_readable"])
    return outdir


def main(what: str = "html") -> None:
    if what == "gettext":
        extract_messages()
        return
    build("html", BUILD / "html", BUILD / ".doctrees")
    # The Korean build gets its own folder: myst-nb writes beside the output folder (jupyter_execute/), and
    # Sphinx keeps one environment per language. Its pages are then copied to the English site's ko/.
    build("html", BUILD / "ko" / "html", BUILD / "ko" / ".doctrees", language="ko")
    shutil.rmtree(BUILD / "html" / "ko", ignore_errors=True)
    shutil.copytree(BUILD / "ko" / "html", BUILD / "html" / "ko")
    print("The Korean edition is in _build/html/ko.")


if __name__ == "__main__":
    main(*sys.argv[1:])
