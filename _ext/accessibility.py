"""Sphinx extension: names and alt texts that the built pages would otherwise lack.

site_tests/test_accessibility.py runs axe-core on every page and checks the alt texts.

- Alt text, one rule for every picture a notebook stores: an image output (a matplotlib figure, a graphviz
  diagram) and the frames of a jshtml animation player take the output's text form (``text/plain``) as alt
  text. The helpers write those text forms to say what the picture shows: ``Figure: ...`` (the formatter
  ``helpers.plots.setup()`` registers), ``Diagram: ...`` (helpers.diagrams), ``Animation: ...``
  (helpers.plots), and nbval checks them like every other output. A bare Python repr such as
  ``<Figure size 432x288 with 1 Axes>`` says nothing and is not used (Sphinx then writes the file name,
  which the site tests reject).
- The frame slider of an animation player gets a label.
- The theme's collapsible sidebar entries (a ``<summary>`` holding only a chevron icon) get a name.
"""

import html
import re

from docutils import nodes

from book_i18n import ui

PLAYER_IMG = re.compile(r'<img id="(_anim_img\w+)"')
PLAYER_SLIDER = re.compile(r'(<input id="_anim_slider\w+" type="range")')
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


def label_player(player_html: str, text: str, slider_label: str = "Animation frame", lang: str = "") -> str:
    """A jshtml animation player with alt text on its frame image and a label on its frame slider.
    ``lang``: the alt text's language when the page is in another one (outputs are in English)."""
    lang = f' lang="{lang}"' if lang else ""
    player_html = PLAYER_IMG.sub(lambda m: f'<img id="{m[1]}"{lang} alt="{html.escape(text)}"', player_html)
    return PLAYER_SLIDER.sub(lambda m: f'{m[1]} aria-label="{slider_label}"', player_html)


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
            elif mime_type == "text/html":
                for raw in list(container.findall(nodes.raw)):
                    if '<div class="animation">' in raw.astext():
                        label = ui(app.config, "Animation frame")
                        lang = "en" if app.config.language != "en" else ""
                        raw.replace_self(nodes.raw("", label_player(raw.astext(), text, label, lang), format="html"))


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
    app.connect("html-page-context", name_sidebar_toggles, priority=600)
    app.connect("html-page-context", mark_english_alt_texts)  # after the theme sets the function
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
