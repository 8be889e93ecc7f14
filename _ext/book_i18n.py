"""Sphinx extension for the book's languages: English at the site's root, the Korean edition under ko/.

scripts/build_book.py builds the same sources twice; the second build has ``language = "ko"``, and Sphinx's
own internationalisation replaces every English message (paragraph, heading, list item, table cell) by its
translation from locales/ko/LC_MESSAGES/*.po. Code cells, outputs and math are not messages: both editions
show the same code and the same verified outputs. This extension adds what Sphinx does not do by itself:

- the language switch's links (template ``language-switch.html`` and ``static/switches.js``, put on
  every page by ``page_layout``), to the same page, and with JavaScript the same section, in the other
  language; the choice is remembered, and the home page opens in it;
- a build error when a translation exists but could not be applied (Sphinx parses each translation as
  Markdown on its own and silently keeps the English when the result is not a paragraph or title);
- the Korean words of the extensions' own labels and of the theme templates the book replaces (``ui``; in
  a template ``book_ui("...")``) and of the theme's search box; the theme's and Sphinx's own words come from
  the interface catalog ``locales/ko/LC_MESSAGES/sphinx.po`` (Sphinx's standard place for them), and
  sphinx-copybutton's from ``COPYBUTTON`` (it has no Korean of its own);
- an exercise's starter cell shows what it prints in the reader's language: the Korean notebooks print the
  Korean line of ``helpers.exercises`` (the outputs are stored in English, as the English run printed them);
- downloads in the reader's language: a Korean page's download button gives the notebook with Korean
  markdown cells (``translate_notebook``), code cells and outputs unchanged (a Markdown page: its Korean
  Markdown).
"""

import hashlib
import json
import re
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ExtensionError
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

HERE = Path(__file__).parent
LOCALES = HERE.parent / "locales"
LANGUAGES = {"en": "English", "ko": "한국어"}
logger = logging.getLogger(__name__)

# The interface catalog: the words of the theme's own templates and of Sphinx (the Sphinx "sphinx" domain).
# It is not one of the book's catalogs (it holds no message of the book's pages).
INTERFACE_CATALOG = "sphinx"

# The extensions' own words, and those of the theme templates in templates/, on the Korean pages (the book's
# text is in locales/ko/LC_MESSAGES/<catalog>.po).
UI_KO = {
    "Framework": "프레임워크",
    "Language": "언어",
    "⇄ this section in {framework}": "⇄ 이 절을 {framework}로 보기",
    "Animation frame": "애니메이션 프레임",
    "Contents of {title}": "{title}의 목차",
    "Search this book...": "이 책에서 검색...",
    # the toggle of a hidden cell (tagged hide-cell): a solution (in the Exercises section) or other code
    "Show solution": "풀이 보기",
    "Hide solution": "풀이 숨기기",
    "Show code": "코드 보기",
    "Hide code": "코드 숨기기",
    # the controls of an animation player (matplotlib's jshtml)
    "Decrease speed": "느리게",
    "First frame": "첫 프레임",
    "Previous frame": "이전 프레임",
    "Play backwards": "거꾸로 재생",
    "Pause": "일시 정지",
    "Play": "재생",
    "Next frame": "다음 프레임",
    "Last frame": "마지막 프레임",
    "Increase speed": "빠르게",
    "Repetition mode": "반복 방식",
    "Once": "한 번",
    "Loop": "반복",
    "Reflect": "왕복",
    # the theme templates in templates/
    "Home": "홈",
    "Book contents": "책의 차례",
    "Contents of this page": "이 페이지의 차례",
    "Show or hide the book's contents": "책의 차례 보이기/숨기기",
    "Show or hide the contents of this page": "이 페이지의 차례 보이기/숨기기",
    "Search": "검색",
    "Color mode": "색상 모드",
}

# sphinx-copybutton's words (its script has a table of languages, without Korean).
COPYBUTTON = {
    "ko": {
        "copy": "복사",
        "copy_to_clipboard": "클립보드에 복사",
        "copy_success": "복사했습니다!",
        "copy_failure": "복사하지 못했습니다",
    },
}


def ui(config, text: str, **fields) -> str:
    """An extension's label in the language being built: ``ui(app.config, "Contents of {title}", title=t)``."""
    if config.language == "ko":
        text = UI_KO[text]
    return text.format(**fields)


# -- Translating notebooks -------------------------------------------------------------------------------


def catalog_messages(language: str = "ko", locale_dir: Path = LOCALES) -> dict:
    """Every translated message of the book: {English: translation}, from the .po files as Sphinx uses
    them (an untranslated or fuzzy message is left out, so its English stays); not the interface catalog."""
    messages = {}
    for po in sorted((locale_dir / language / "LC_MESSAGES").glob("*.po")):
        if po.stem == INTERFACE_CATALOG:
            continue
        with open(po, "rb") as f:
            for message in read_po(f):
                if message.id and message.string and not message.fuzzy:
                    messages[message.id] = message.string
    return messages


def markdown_parser():
    """The book's Markdown (MyST with the _config.yml extensions), tokenised as Sphinx reads it."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    return create_md_parser(MdParserConfig(enable_extensions=set(myst_extensions())), RendererHTML)


@cache
def myst_extensions() -> list:
    """The MyST extensions the book enables: _config.yml's ``parse.myst_enable_extensions``, the one list."""
    import yaml

    config = yaml.safe_load((Path(__file__).resolve().parents[1] / "_config.yml").read_text())
    return config["parse"]["myst_enable_extensions"]


def translate_markdown(source: str, messages: dict, parser=None) -> str:
    """Markdown with each message (the text of a paragraph, heading, list item or table cell) replaced by
    its translation; markup around it, code blocks and display math stay as they are."""
    parser = parser or markdown_parser()
    lines = source.split("\n")
    cursor = {}  # line -> where the next message on it may start (table rows hold several)
    tokens = parser.parse(source)
    for i, token in enumerate(tokens):
        if token.type != "inline" or not token.map:
            continue
        translation = messages.get(token.content.replace("\n", " ").strip())
        if not translation:
            continue
        if i and tokens[i - 1].type == "heading_open":
            translation = re.sub(r"^(\d+)\\\.", r"\1.", translation)  # a heading number needs no escape there
        parts = token.content.split("\n")
        start = token.map[0]
        while parts[0] not in lines[start][cursor.get(start, 0):]:
            start += 1  # a table cell's map is its table's; its row comes later
        for k, part in enumerate(parts):
            n = start + k
            at = lines[n].index(part, cursor.get(n, 0) if k == 0 else 0)
            if k == 0:
                lines[n] = lines[n][:at] + translation + lines[n][at + len(part):]
                cursor[n] = at + len(translation)
            else:  # a continuation line: its text is now on the first line
                rest = lines[n][:at] + lines[n][at + len(part):]
                lines[n] = None if rest.strip(" >") == "" else rest
    return "\n".join(line for line in lines if line is not None)


def translate_notebook(notebook: dict, messages: dict) -> dict:
    """A copy of a notebook (nbformat JSON) whose markdown cells are translated; every other cell, and the
    notebook's metadata, is the same object as in the original."""
    parser = markdown_parser()
    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            translated = translate_markdown(source, messages, parser)
            cell = {**cell, "source": translated.splitlines(keepends=True)}
        cells.append(cell)
    return {**notebook, "cells": cells}


def notebook_json(notebook: dict) -> str:
    """A notebook file's text as Jupyter writes it (nbformat: indent 1, sorted keys, UTF-8)."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


# -- Sphinx ----------------------------------------------------------------------------------------------


def page_catalog(transform: SphinxTransform):
    """The translations of the page being read (its catalog, as Sphinx's Locale transform loads it), or
    None in English."""
    if transform.config.language == "en":
        return None
    domain = docname_to_domain(transform.env.docname, transform.config.gettext_compact)
    dirs = [str(Path(transform.env.srcdir) / d) for d in transform.config.locale_dirs]
    catalog, found = init_locale(dirs, transform.config.language, domain)
    return catalog if found else None


class TranslationsApplied(SphinxTransform):
    """Fail the build when a message has a translation that Sphinx's Locale transform did not apply."""

    default_priority = 21  # right after sphinx.transforms.i18n.Locale (20)

    def apply(self, **kwargs):
        catalog = page_catalog(self)
        if catalog is None:
            return
        for node, message in extract_messages(self.document):
            translation = catalog.gettext(message)
            if translation != message and not node.get("translated"):
                logger.warning("the translation of %r could not be applied: Sphinx parsed %r as something "
                               "other than the text it replaces", message[:70], translation[:70], location=node)


class TranslateTocCaptions(SphinxTransform):
    """Translate the captions of the table of contents ("Chapters", "Reference" in the sidebar): the gettext
    builder extracts them, but sphinx-external-toc adds its toctrees (at priority 100) after Sphinx's Locale
    transform has run."""

    default_priority = 101

    def apply(self, **kwargs):
        catalog = page_catalog(self)
        for toctree in self.document.findall(addnodes.toctree) if catalog else ():
            if toctree.get("caption"):
                toctree["caption"] = toctree["rawcaption"] = catalog.gettext(toctree["caption"])


@cache
def starter_lines(language: str) -> dict[str, str]:
    """{English line: the line in ``language``} that an exercise's starter cell prints before it is answered
    (``helpers.exercises.check(id, ...)``), for every exercise, as helpers.exercises itself words them."""
    from helpers import exercises  # installed with the book (pip install -e .)

    return {exercises.starter_line(e, "en"): exercises.starter_line(e, language) for e in exercises.EXERCISES}


class TranslateExerciseStarters(SphinxTransform):
    """On a Korean page, an exercise's starter cell (tagged ``exercise``) shows the line the Korean notebook
    prints (the Korean course zip's helpers answer in Korean); the stored output is the English run's. Any
    other output in such a cell is a build error: it would stay English."""

    default_priority = 500

    def apply(self, **kwargs):
        if self.config.language == "en":
            return
        lines = starter_lines(self.config.language)
        for cell in self.document.findall(nodes.container):
            tags = cell.get("cell_metadata", {}).get("tags", [])
            if cell.get("nb_element") != "cell_code" or "exercise" not in tags:
                continue
            for block in cell.findall(nodes.literal_block):
                if "output" not in block["classes"]:
                    continue
                text = block.astext()
                parts = text.splitlines(keepends=True)
                if "stream" not in block["classes"] or any(part not in lines for part in parts):
                    logger.warning("an exercise's starter cell shows %r, not the line helpers.exercises prints "
                                   "before it is answered: the Korean page would show it in English",
                                   text[:70], location=block)
                    continue
                translated = "".join(lines[part] for part in parts)
                block.rawsource = translated  # what Sphinx highlights
                block.children = []
                block += nodes.Text(translated)


def localise_config(app, config):
    """The Korean edition's title is the translation of the book's title; the search box speaks Korean.
    ``book_interface`` changes with the interface's words, so that a change re-reads and rewrites every
    page (pages hold them; Sphinx would otherwise rewrite only pages whose source changed)."""
    words = [UI_KO, COPYBUTTON, starter_lines(config.language) if config.language != "en" else {}]
    interface = LOCALES / config.language / "LC_MESSAGES" / f"{INTERFACE_CATALOG}.po"
    words.append(interface.read_text(encoding="utf-8") if interface.exists() else "")
    config.book_interface = hashlib.sha256(json.dumps(words, sort_keys=True).encode()).hexdigest()
    if config.language == "en":
        return
    config.html_title = catalog_messages(config.language).get(config.html_title, config.html_title)
    config.html_theme_options["search_bar_text"] = ui(config, "Search this book...")


def add_language_switch(app, pagename, templatename, context, doctree):
    """Give ``language-switch.html`` its links: [(code, name, href, is_this_language), ...]."""
    up = "../" * pagename.count("/")
    here = app.config.language
    hrefs = {"en": f"{up}{pagename}.html", "ko": f"{up}ko/{pagename}.html"} if here == "en" else \
        {"en": f"{up}../{pagename}.html", "ko": f"{up}{pagename}.html"}
    context["language_switch"] = [(code, name, hrefs[code], code == here) for code, name in LANGUAGES.items()]
    context["language_switch_label"] = ui(app.config, "Language")


def add_template_words(app, pagename, templatename, context, doctree):
    """The templates in templates/ write their words with ``book_ui("...")``, in the language being built
    (not with ``_()``: the gettext builder would then extract them into a catalog of the book)."""
    context["book_ui"] = lambda text, **fields: ui(app.config, text, **fields)


def translated_source(path: Path, messages: dict) -> str:
    """A page's source (a notebook or a Markdown page) with its text in the messages' language."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        return notebook_json(translate_notebook(json.loads(text), messages))
    return translate_markdown(text, messages)


def write_translated_sources(app, exception):
    """On the Korean site, the download button's file (_sources/<page>.ipynb or .md) is the Korean one."""
    if exception or app.config.language == "en" or app.builder.format != "html":
        return
    messages = catalog_messages(app.config.language)
    for docname in app.env.found_docs:
        source = Path(app.env.doc2path(docname))
        target = Path(app.outdir) / "_sources" / f"{docname}{source.suffix}"
        if target.exists():
            target.write_text(translated_source(source, messages), encoding="utf-8")


def add_copybutton_words(app, exception):
    """sphinx-copybutton's script in the language being built: its table of languages gets ours."""
    language = app.config.language
    script = Path(app.outdir) / "_static" / "copybutton.js"
    if exception or language == "en" or app.builder.format != "html" or not script.exists():
        return
    text = script.read_text(encoding="utf-8")
    start = "const messages = {\n"
    if f"\n  {json.dumps(language)}: " in text:
        return
    if start not in text:
        raise ExtensionError(f"{script} has no {start.strip()!r}: sphinx-copybutton changed; update book_i18n")
    entry = f"  {json.dumps(language)}: {json.dumps(COPYBUTTON[language], ensure_ascii=False)},\n"
    script.write_text(text.replace(start, start + entry, 1), encoding="utf-8")


def setup(app):
    app.add_config_value("book_interface", "", "env")
    app.connect("config-inited", localise_config)
    app.add_transform(TranslationsApplied)
    app.add_transform(TranslateTocCaptions)
    app.add_transform(TranslateExerciseStarters)
    app.connect("html-page-context", add_language_switch)
    app.connect("html-page-context", add_template_words)
    app.connect("build-finished", write_translated_sources)
    app.connect("build-finished", add_copybutton_words)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
