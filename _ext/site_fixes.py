"""Sphinx extension with two small fixes that keep every page of the book free of JavaScript errors
and working offline. The site tests (site_tests/) fail on a JavaScript error or on any request that
leaves the site, so they tell when a fix is no longer needed.
"""

import re

# matplotlib's jshtml animation player starts with this stylesheet link for its button icons. It would
# load a font from the internet (failing offline); the theme's own Font Awesome draws those icons.
PLAYER_ICON_CSS = re.compile(
    r'<link rel="stylesheet"\s+href="https://maxcdn\.bootstrapcdn\.com/font-awesome/[^"]*"\s*/?>\n?'
)


def drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    """Write each <script> once.

    Sphinx 7.4 writes an inline script (``app.add_js_file(None, body=...)``) that an extension adds
    after the builder started twice: once as ``None``, once as ``''``. sphinx-thebe's
    ``const THEBE_JS_URL = ...`` then runs twice, and the second copy throws on every page
    ("Identifier 'THEBE_JS_URL' has already been declared").
    """
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = (script.filename or "", script.priority, tuple(sorted(script.attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique


def drop_player_icon_css(app, pagename, templatename, context, doctree):
    """Remove the internet stylesheet link of jshtml animation players from the page body."""
    if "body" in context:
        context["body"] = PLAYER_ICON_CSS.sub("", context["body"])


def setup(app):
    app.connect("html-page-context", drop_duplicate_scripts, priority=900)
    app.connect("html-page-context", drop_player_icon_css)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
