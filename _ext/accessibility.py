"""Sphinx extension: names and alt texts that the built pages would otherwise lack.

site_tests/test_accessibility.py runs axe-core on every page and checks the alt texts.

- Alt text, one rule for every picture a notebook stores: an image output (a matplotlib figure, a graphviz
  diagram) and the frames of a jshtml animation player take the output's text form (``text/plain``) as alt
  text. The helpers write those text forms to say what the picture shows: ``Figure: ...`` (the formatter
  ``helpers.plots.setup()`` registers), ``Diagram: ...`` (helpers.diagrams), ``Animation: ...``
  (helpers.plots), and nbval checks them like every other output. A bare Python repr such as
  ``<Figure size 432x288 with 1 Axes>`` says nothing and is not used (Sphinx then writes the file name,
  which the site tests reject).
- The controls of an animation player speak the page's language (its alt text, slider label and radio group
  come from helpers.plots.accessible_player, in the stored output itself).
- A hidden cell's toggle (a cell tagged ``hide-cell``) says what it hides, "Show solution" / "Hide
  solution" in the Exercises section, "Show code" / "Hide code" elsewhere, and its accessible name is that
  visible text (myst-nb names every such ``<summary>`` "Toggle hidden content" whatever it shows: a
  speech-input user saying what they see could not press it).
- The theme's collapsible sidebar entries (a ``<summary>`` holding only a chevron icon) get a name.
"""

import html
import re

from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput

from book_i18n import ui

PLAYER_IMG = re.compile(r'<img id="(_anim_img\w+)"')
# the words of its buttons (title and aria-label) and of its radio buttons' labels
PLAYER_WORDS = ("Animation frame", "Decrease speed", "First frame", "Previous frame", "Play backwards", "Pause", "Play", "Next frame",
                "Last frame", "Increase speed", "Repetition mode", "Once", "Loop", "Reflect")
PLAYER_WORD = re.compile(r'(title="|aria-label="|<label for="\w+">)(' + "|".join(map(re.escape, PLAYER_WORDS)) + r')(["<])')
# pydata-sphinx-theme's sidebar: <a ...>Title</a><details ...><summary><span class="toctree-toggle" ...>
SIDEBAR_TOGGLE = re.compile(r'(<a class="[^"]*\breference internal\b[^"]*"[^>]*>([^<]*)</a><details[^>]*>)<summary>')


def is_mime_bundle(node) -> bool:
    return isinstance(node, nodes.container) and node.get("nb_element") == "mime_bundle"


def text_form(bundle) -> str | None:
    """The ``text/plain`` of a myst-nb output bundle if it describes something, else None."""
    for child in bundle.children:
        if child.get("mime_type") == "text/plain":
            text = " ".join(child.astext().split())
            return text if text and not text.startswith("<") else None
    return None


def localize_player(player_html: str, words, lang: str) -> str:
    """An animation player on a page in another language: its words in the page's language (``words``:
    English -> the page's language), and its frame's alt text (the output's English text form) marked
    ``lang`` so that a screen reader reads it in English. (helpers.plots.accessible_player gave the player
    its alt text, slider label and radio group when the notebook ran.)"""
    player_html = PLAYER_IMG.sub(lambda m: f'<img id="{m[1]}" lang="{lang}"', player_html)
    return PLAYER_WORD.sub(lambda m: m[1] + words(m[2]) + m[3], player_html)


def in_exercises(node) -> bool:
    """Whether ``node`` is in a notebook's ``## Exercises`` section (its id is the English heading's, in
    every language)."""
    while node is not None:
        if isinstance(node, nodes.section) and "exercises" in node["ids"]:
            return True
        node = node.parent
    return False


def name_hidden_cell_toggles(app, doctree):
    """A hidden cell's toggle says what it hides (myst-nb: "Show code cell content" for all): in the
    Exercises section a solution, "Show solution" / "Hide solution" (CONTRIBUTING.md: each exercise's
    solution is a cell tagged ``hide-cell`` there); elsewhere "Show code" / "Hide code"."""
    for cell in doctree.findall(nodes.container):
        if cell.get("nb_element") == "cell_code" and cell.get("hide_mode") == "all":
            what = "solution" if in_exercises(cell) else "code"
            cell["prompt_show"] = ui(app.config, f"Show {what}")
            cell["prompt_hide"] = ui(app.config, f"Hide {what}")


def visit_hidden_cell(self, node):
    """myst-nb's toggle of a hidden cell, without its ``aria-label="Toggle hidden content"``: the summary's
    name is then the prompt it shows ("Show solution" or, once open, "Hide solution")."""
    self.body.append(f'<details class="admonition hide {" ".join(node["classes"])}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{html.escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{html.escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def describe_outputs(app, doctree):
    """Give every image output and animation player of a notebook its output's text form as alt text."""
    for bundle in list(doctree.findall(is_mime_bundle)):
        text = text_form(bundle)
        if not text:
            continue
        for container in bundle.children:
            mime_type = container.get("mime_type", "")
            if mime_type.startswith("image/"):
                for image in container.findall(nodes.image):
                    image["alt"] = text
            elif mime_type == "text/html" and app.config.language != "en":
                for raw in list(container.findall(nodes.raw)):
                    if '<div class="animation">' in raw.astext():
                        player = localize_player(raw.astext(), lambda word: ui(app.config, word), "en")
                        raw.replace_self(nodes.raw("", player, format="html"))


OUTPUT_ALT = re.compile(r'<img alt="(?=(?:Figure|Diagram|Animation): )')


def mark_english_alt_texts(app, pagename, templatename, context, doctree):
    """On a Korean page, the alt texts (the outputs' English text forms) say they are English, so that a
    screen reader reads them with an English voice."""
    if app.config.language != "en" and "body" in context:
        context["body"] = OUTPUT_ALT.sub('<img lang="en" alt="', context["body"])


def name_sidebar_toggles(app, pagename, templatename, context, doctree):
    """Name each sidebar toggle after its entry: "Contents of 1. Tensors and variables"."""
    generate = context.get("generate_toctree_html")
    if generate is None:
        return

    def named(*args, **kwargs):
        def summary(match):
            title = " ".join(match[2].split())  # already HTML-escaped
            return f'{match[1]}<summary aria-label="{ui(app.config, "Contents of {title}", title=title)}">'

        return SIDEBAR_TOGGLE.sub(summary, str(generate(*args, **kwargs)))

    context["generate_toctree_html"] = named


def setup(app):
    app.connect("doctree-read", describe_outputs)
    app.connect("doctree-read", name_hidden_cell_toggles)
    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_cell, depart_HideCellInput))
    app.connect("html-page-context", name_sidebar_toggles, priority=600)
    app.connect("html-page-context", mark_english_alt_texts)  # after the theme sets the function
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
