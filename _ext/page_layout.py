"""Sphinx extension: the book's own templates, static files and header switches, in one place.

- ``templates/`` comes first on the template path: some of its templates replace the theme's (each says
  which and why);
- ``static/`` (only the book's files, so nothing else is put on pages): ``book.css`` and ``switches.js``
  (what both switches do with JavaScript) on every page;
- the article header bar (it stays on screen while the page scrolls): the TensorFlow | PyTorch switch
  after the sidebar toggle (``twin-switch.html``, its links from ``twin_switch``) and the language switch
  before the theme's buttons (``language-switch.html``, its links from ``book_i18n``).
"""

import hashlib
from pathlib import Path

HERE = Path(__file__).parent


def add_templates_static_and_switches(app, config):
    """Our template and static folders, and the two switches in the article header bar."""
    config.templates_path.insert(0, str(HERE / "templates"))
    config.html_static_path.append(str(HERE / "static"))
    # Sphinx copies static files only when it writes pages: a changed JS/CSS file must make it write them.
    config.book_static_hash = hashlib.sha256(b"".join(f.read_bytes() for f in sorted(HERE.glob("static/*")))).hexdigest()
    options = config.html_theme_options
    start = options.get("article_header_start", ["toggle-primary-sidebar.html"])
    start = [start] if isinstance(start, str) else list(start)
    if "twin-switch.html" not in start:
        options["article_header_start"] = start + ["twin-switch.html"]
    end = options.get("article_header_end", ["article-header-buttons.html"])
    end = [end] if isinstance(end, str) else list(end)
    if "language-switch.html" not in end:
        options["article_header_end"] = ["language-switch.html"] + end


def setup(app):
    app.add_config_value("book_static_hash", "", "html")
    app.connect("config-inited", add_templates_static_and_switches)
    app.add_css_file("book.css")
    app.add_js_file("switches.js", loading_method="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
