"""Sphinx extension for the book's languages: English at the site's root, the Korean edition under ko/.

scripts/build_book.py builds the same sources twice; the second build has ``language = "ko"``, and Sphinx's
own internationalisation replaces every English message (paragraph, heading, list item, table cell) by its
translation from locales/ko/LC_MESSAGES/*.po. Code cells, outputs and math are not messages: both editions
show the same code and the same verified outputs. This extension adds what Sphinx does not do by itself:

- a language switch (template ``language-switch.html``, ``static/language-switch.js``) on every page,
  linking the same page, and with JavaScript the same section, in the other language; the choice is
  remembered, and the home page opens in it;
- a build error when a translation exists but could not be applied (Sphinx parses each translation as
  Markdown on its own and silently keeps the English when the result is not a paragraph or title);
- the Korean words of the extensions' own labels (``ui``) and of the theme's search box;
- downloads in the reader's language: a Korean page's download button gives the notebook with Korean
  markdown cells (``translate_notebook``), code cells and outputs unchanged (a Markdown page: its Korean
  Markdown).
"""

import json
import re
from pathlib import Path

from babel.messages.pofile import read_po
from sphinx import addnodes
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

HERE = Path(__file__).parent
LOCALES = HERE.parent / "locales"
LANGUAGES = {"en": "English", "ko": "한국어"}
logger = logging.getLogger(__name__)

# The extensions' own words on the Korean pages (the book's text is in locales/ko/LC_MESSAGES/*.po).
UI_KO = {
    "Framework": "프레임워크",
    "Language": "언어",
    "⇄ this section in {framework}": "⇄ 이 절을 {framework}로 보기",
    "Animation frame": "애니메이션 프레임",
    "Contents of {title}": "{title}의 목차",
    "Search this book...": "이 책에서 검색...",
}


def ui(config, text: str, **fields) -> str:
    """An extension's label in the language being built: ``ui(app.config, "Contents of {title}", title=t)``."""
    if config.language == "ko":
        text = UI_KO[text]
    return text.format(**fields)


# -- Translating notebooks -------------------------------------------------------------------------------


def catalog_messages(language: str = "ko", locale_dir: Path = LOCALES) -> dict:
    """Every translated message of the book: {English: translation}, from the .po files as Sphinx uses
    them (an untranslated or fuzzy message is left out, so its English stays)."""
    messages = {}
    for po in sorted((locale_dir / language / "LC_MESSAGES").glob("*.po")):
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

    extensions = {"amsmath", "colon_fence", "dollarmath", "deflist", "substitution"}
    return create_md_parser(MdParserConfig(enable_extensions=extensions), RendererHTML)


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


def localise_config(app, config):
    """The Korean edition's title is the translation of the book's title; the search box speaks Korean."""
    if config.language == "en":
        return
    config.html_title = catalog_messages(config.language).get(config.html_title, config.html_title)
    config.html_theme_options["search_bar_text"] = ui(config, "Search this book...")


def add_header_switch(app, config):
    """The language switch at the end of the article header bar, before the theme's buttons."""
    end = config.html_theme_options.get("article_header_end", ["article-header-buttons.html"])
    end = [end] if isinstance(end, str) else list(end)
    if "language-switch.html" not in end:
        config.html_theme_options["article_header_end"] = ["language-switch.html"] + end


def add_language_switch(app, pagename, templatename, context, doctree):
    """Give ``language-switch.html`` its links: [(code, name, href, is_this_language), ...]."""
    up = "../" * pagename.count("/")
    here = app.config.language
    hrefs = {"en": f"{up}{pagename}.html", "ko": f"{up}ko/{pagename}.html"} if here == "en" else \
        {"en": f"{up}../{pagename}.html", "ko": f"{up}{pagename}.html"}
    context["language_switch"] = [(code, name, hrefs[code], code == here) for code, name in LANGUAGES.items()]
    context["language_switch_label"] = ui(app.config, "Language")


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


def setup(app):
    app.connect("config-inited", localise_config)
    app.connect("config-inited", add_header_switch)
    app.add_transform(TranslationsApplied)
    app.add_transform(TranslateTocCaptions)
    app.connect("html-page-context", add_language_switch)
    app.connect("build-finished", write_translated_sources)
    app.add_js_file("language-switch.js", loading_method="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
