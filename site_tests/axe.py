"""axe-core, the accessibility checker, run in a page open in the browser.

axe-core is vendored in vendor/axe-core/ (see SOURCE.txt there), so the tests run offline. Its findings
are cached (AxeCache): a rerun on an unchanged site does not run axe again.
"""

import hashlib
import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

AXE_JS = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSION = re.search(r"axe v([\d.]+)", AXE_JS.read_text()[:200])[1]
# axe's rules for WCAG 2.0, 2.1 and 2.2, levels A and AA, and its best practices (landmarks, headings,
# unique names, ...). Every violation fails the tests, whatever its impact (minor to critical).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The rules whose result depends on colours. Dark mode changes only colours (the theme swaps its CSS
# variables; the page's elements stay the same), so in dark mode only these are run again: a full second
# run would double the time for the same answers.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def run_axe(tab, rules=None, exclude=(), skip_rules=()) -> list[dict]:
    """The page's axe-core violations: [{"id", "impact", "help", "targets": [css selector, ...]}, ...].

    ``rules`` limits the run to some rule ids (default: every rule tagged with AXE_TAGS); ``skip_rules``
    leaves some out; ``exclude`` (CSS selectors) leaves parts of the page out.
    """
    if not tab.evaluate("() => Boolean(window.axe)"):
        tab.add_script_tag(path=str(AXE_JS))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    return tab.evaluate(
        """async ([only, exclude, skip]) => {
            const context = exclude.length ? {exclude: exclude} : document;
            const rules = Object.fromEntries(skip.map(id => [id, {enabled: false}]));
            const result = await axe.run(context, {runOnly: only, rules, resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(" ")),
            }));
        }""",
        [only, list(exclude), list(skip_rules)],
    )


def summary(violations: list[dict]) -> str:
    """One table cell: '0', or e.g. 'serious 8 summary-name; critical 4 image-alt'."""
    if not violations:
        return "0"
    return "; ".join(f"{v['impact']} {len(v['targets'])} {v['id']}" for v in violations)


# Sphinx's cache-busting suffix on a static file's link (``book.css?v=8cd3d715``): it names no other content
# (the linked files are hashed themselves), and a fresh build leaves it off links to files written at the
# end (myst-nb's CSS) that an incremental build then adds: hashed with it, a warm run re-checked such pages.
CACHE_BUSTER = re.compile(rb"\?v=[0-9a-f]{8}(?=\")")


@cache
def _sha256(path: Path, mtime_ns: int) -> str:
    content = path.read_bytes()
    if path.suffix == ".html":
        content = CACHE_BUSTER.sub(b"", content)
    return hashlib.sha256(content).hexdigest()


def file_hash(path: Path) -> str:
    """The file's sha256 (read once per version of the file), or "missing"."""
    return _sha256(path, path.stat().st_mtime_ns) if path.is_file() else "missing"


@cache
def static_hash(html_root: Path) -> str:
    """One hash of every file in the site's _static/ folders (both editions'), read once per run."""
    digest = hashlib.sha256()
    for path in sorted(html_root.glob("**/_static/**/*")):
        if path.is_file():
            digest.update(f"{path.relative_to(html_root)}\0".encode() + path.read_bytes())
    return digest.hexdigest()


class AxeCache:
    """axe-core's violations by the content of what it checked, kept in a JSON file under _build/.

    The key is a hash of: the page's HTML file and every site file its elements name (CSS, JS, images)
    and every file of _static/ (fonts, the theme, MathJax): what the DOM and its colours are made of; the
    axe-core script and version, the browser's version, and the run's options (mode, rules or tags,
    exclusions). An unchanged page is not checked
    again; any change to one of these runs axe afresh. The file keeps one answer per page and options.
    Delete it to run every check again.

    Each test process only reads the file; the answers it computes go to the main pytest process (as
    test properties), which alone writes them (``save``): two xdist workers never write it at once.
    """

    def __init__(self, path: Path, html_root: Path, browser_version: str):
        self.path, self.html_root, self.browser_version = path, html_root, browser_version
        self.entries = json.loads(path.read_text()) if path.exists() else {}

    def key(self, tab, site_url: str, options: dict) -> tuple[str, str]:
        """(slot, key): the page and options checked, and a hash of them with the content of ``tab``'s page.

        The page's files are those its elements name (pictures, scripts, stylesheets), not those the
        browser happened to have loaded when asked (that list depends on timing, and made warm runs miss),
        plus every file of the site's _static/ folders (the theme, its fonts, MathJax), hashed once."""
        urls = tab.evaluate("""() => [location.href, ...Array.from(
            document.querySelectorAll("img[src], script[src], source[src], link[href][rel~=stylesheet], link[href][rel~=preload]"), e => e.src || e.href)]""")
        root = urlsplit(site_url).path
        files = {unquote(urlsplit(url).path).removeprefix(root) for url in urls if url.startswith(site_url)}
        hashes = [(name, file_hash(self.html_root / name)) for name in sorted(files)]
        slot = json.dumps([unquote(urlsplit(urls[0]).path), options], sort_keys=True)
        identity = [slot, AXE_VERSION, file_hash(AXE_JS), AXE_TAGS, self.browser_version, hashes,
                    static_hash(self.html_root)]
        return slot, hashlib.sha256(json.dumps(identity).encode()).hexdigest()

    def run(self, tab, site_url: str, mode: str, set_mode, **options) -> tuple[list[dict], dict | None]:
        """(violations, new): the stored answer for the same content (new is None), or ``set_mode(tab,
        mode)`` and then run_axe(tab, **options), with new = {slot: entry} for ``save``. (So the page is
        switched to ``mode`` only when axe runs.)"""
        slot, key = self.key(tab, site_url, {"mode": mode, **options})
        if self.entries.get(slot, {}).get("key") == key:
            return self.entries[slot]["violations"], None
        set_mode(tab, mode)
        violations = run_axe(tab, **options)
        return violations, {slot: {"key": key, "violations": violations}}

    @staticmethod
    def save(path: Path, new_entries: dict):
        """Add the answers a run computed to the file (in the main pytest process only)."""
        entries = json.loads(path.read_text()) if path.exists() else {}
        path.write_text(json.dumps(entries | new_entries, indent=0, sort_keys=True))
