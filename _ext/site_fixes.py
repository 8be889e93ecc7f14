"""Sphinx extension with a workaround that keeps every page of the book free of JavaScript errors. The
site tests (site_tests/) fail on a JavaScript error, so they tell when it is no longer needed.

It patches what Sphinx writes, so an upgrade could make it match nothing and silently stop working: the
build fails, naming the fix, when it found nothing to patch in a whole build, or when Sphinx is not a
version the bug is known in. (The animation players' internet stylesheet, which this extension used to
remove, is left out by helpers.plots.accessible_player when the notebook runs.)
"""


import sphinx
from sphinx.errors import ExtensionError

# The Sphinx versions with the duplicate-script bug (sphinx-doc/sphinx#13402, fixed in 8.2.x): the book pins 7.4.
DUPLICATE_SCRIPT_BUG = ((7, 4), (8, 2))


def drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    """Write each <script> once.

    Sphinx 7.4 writes an inline script (``app.add_js_file(None, body=...)``) that an extension adds
    after the builder started twice: once as ``None``, once as ``''`` (sphinx-doc/sphinx#13402).
    sphinx-thebe's ``const THEBE_JS_URL = ...`` then runs twice, and the second copy throws on every page
    ("Identifier 'THEBE_JS_URL' has already been declared").
    """
    app.env.site_fixes_pages.add(pagename)
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = (script.filename or "", script.priority, tuple(sorted(script.attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    app.env.site_fixes_found["drop_duplicate_scripts"] += len(scripts) - len(unique)
    scripts[:] = unique


def start_counting(app):
    """Check the Sphinx version the workaround is for; count what each fix patches in this build."""
    if not DUPLICATE_SCRIPT_BUG[0] <= sphinx.version_info[:2] <= DUPLICATE_SCRIPT_BUG[1]:
        raise ExtensionError(f"site_fixes.drop_duplicate_scripts works around sphinx-doc/sphinx#13402 in Sphinx "
                             f"7.4-8.2; this is Sphinx {sphinx.__version__}: check whether it is still needed")
    app.env.site_fixes_found = {"drop_duplicate_scripts": 0}
    app.env.site_fixes_pages = set()


def fail_if_a_fix_found_nothing(app, exception):
    """A fix that patched nothing while every page was written no longer matches what it fixes: fail, naming
    it. (A build that rewrote only some pages is not checked.)"""
    found = getattr(app.env, "site_fixes_found", {})
    written = getattr(app.env, "site_fixes_pages", set())
    if exception is None and app.builder.format == "html" and app.env.found_docs <= written:
        idle = [name for name, count in found.items() if count == 0]
        if idle:
            raise ExtensionError(f"site_fixes: {', '.join(idle)} found nothing to fix in this build: the page "
                                 "HTML it patches has changed (an upgrade?); update or remove the fix")


def setup(app):
    app.connect("builder-inited", start_counting)
    app.connect("html-page-context", drop_duplicate_scripts, priority=900)
    app.connect("build-finished", fail_if_a_fix_found_nothing)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
