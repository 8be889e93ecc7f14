"""Sphinx extension: switch between a chapter's TensorFlow and PyTorch notebooks at the same section.

The twin notebooks of a chapter (``tensorflow`` and ``pytorch`` in one folder) have the same ``##``
headings in the same order (tests/test_structure.py checks it), so section k of one is section k of the
other. This extension

- gives the "TensorFlow | PyTorch" switch in the article header bar of every notebook page (template
  ``twin-switch.html``, placed by ``page_layout``) its plain links to the twin page;
- puts a small link under every ``##`` heading to the same section of the twin.

``static/switches.js`` (added by ``page_layout``) makes the switch open the twin at the section being
read and remembers the reader's framework for the chapter pages and the intro's chapter table.

Without JavaScript every link still works: the switch then opens the twin at its top.
"""

from docutils import nodes

from book_i18n import ui

FRAMEWORKS = {"tensorflow": "TensorFlow", "pytorch": "PyTorch"}


def twin_docname(docname: str):
    """The other framework's docname for a notebook docname (``a/tensorflow`` -> ``a/pytorch``), else None."""
    folder, _, name = docname.rpartition("/")
    if name not in FRAMEWORKS:
        return None
    other = next(n for n in FRAMEWORKS if n != name)
    return f"{folder}/{other}" if folder else other


def h2_sections(doctree) -> list:
    """The ``##`` sections of a page: the sections directly inside its ``#`` title section."""
    top = next(iter(doctree.findall(nodes.section)), None)
    return [child for child in top.children if isinstance(child, nodes.section)] if top else []


def collect_section_ids(app, doctree):
    """Remember each notebook's ``##`` section ids, in order (the twin's page links to them)."""
    docname = app.env.docname
    if twin_docname(docname):
        app.env.twin_sections = getattr(app.env, "twin_sections", {})
        app.env.twin_sections[docname] = [s["ids"][0] for s in h2_sections(doctree) if s["ids"]]


def purge_doc(app, env, docname):
    getattr(env, "twin_sections", {}).pop(docname, None)


def merge_info(app, env, docnames, other):
    env.twin_sections = getattr(env, "twin_sections", {})
    env.twin_sections.update({d: ids for d, ids in getattr(other, "twin_sections", {}).items() if d in docnames})


def outdated_twins(app, env, added, changed, removed):
    """Rewrite a notebook's page when its twin changed: its section links point into the twin."""
    return [t for t in map(twin_docname, added | changed) if t in env.found_docs]


def twin_in_book(app, docname: str):
    """The twin docname of ``docname`` if both notebooks are in the book, else None."""
    twin = twin_docname(docname)
    return twin if twin and twin in getattr(app.env, "twin_sections", {}) else None


def add_section_links(app, doctree, docname):
    """Under each ``##`` heading, a link to the same (k-th) section of the twin notebook."""
    twin = twin_in_book(app, docname)
    if not twin or app.builder.format != "html":
        return
    twin_ids = app.env.twin_sections[twin]
    href, label = twin.rpartition("/")[2] + app.builder.out_suffix, FRAMEWORKS[twin.rpartition("/")[2]]
    for section, twin_id in zip(h2_sections(doctree), twin_ids):
        text = ui(app.config, "⇄ this section in {framework}", framework=label)
        link = f'<p class="twin-link"><a href="{href}#{twin_id}">{text}</a></p>'
        section.insert(1, nodes.raw("", link, format="html"))  # right after the title


def add_switch_context(app, pagename, templatename, context, doctree):
    """Give the ``twin-switch.html`` template its links: [(label, href, is_this_page), ...]."""
    twin = twin_in_book(app, pagename)
    if twin:
        pages = sorted([pagename, twin], key=lambda d: list(FRAMEWORKS).index(d.rpartition("/")[2]))
        context["twin_switch_label"] = ui(app.config, "Framework")
        context["twin_switch"] = [
            (FRAMEWORKS[d.rpartition("/")[2]], d.rpartition("/")[2] + app.builder.out_suffix, d == pagename)
            for d in pages
        ]


def setup(app):
    app.connect("doctree-read", collect_section_ids)
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    app.connect("env-get-outdated", outdated_twins)
    app.connect("doctree-resolved", add_section_links)
    app.connect("html-page-context", add_switch_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
