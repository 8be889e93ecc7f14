"""Budgets checked on the built files (no browser needed): page weight and internal links."""

from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest

from book_pages import HTML, all_pages, page_id

PAGES = all_pages()  # English and Korean
PAGE_BUDGET_BYTES = 3 * 1024 * 1024
# Attributes that make the browser load a file or follow a link.
LINK_ATTRS = {"href", "src", "poster", "data"}
# Tags whose files count toward a page's weight: what the page shows (not links it merely offers).
EMBED_TAGS = {"img", "source", "video", "audio", "embed", "object", "iframe", "input"}


class Links(HTMLParser):
    """Collect a page's link targets (tag, url) and its anchor names (ids)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in LINK_ATTRS and not (tag == "object" and name != "data"):
                self.links.append((tag, value))
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)


def parse(path):
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def local_target(page_path: str, url: str):
    """(site path, fragment) that ``url`` on page ``page_path`` points to, or None if it leaves the site."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # http(s):, mailto:, data:, javascript: ...
    if not parts.path:
        return page_path, parts.fragment
    joined = PurePosixPath(page_path).parent / unquote(parts.path)
    resolved = []
    for piece in joined.parts:
        if piece == "..":
            if not resolved:
                return "../" + parts.path, parts.fragment  # above the site root: broken
            resolved.pop()
        elif piece != ".":
            resolved.append(piece)
    if parts.path.endswith("/"):
        resolved.append("index.html")
    return "/".join(resolved), parts.fragment


@pytest.mark.parametrize("page", PAGES, ids=[page_id(p) for p in PAGES])
def test_page_weight_within_budget(page, record_property):
    """HTML (inline data: URIs such as animation frames included) + the files it shows from outside
    _static/ (plots, diagrams in _images/) stays under 3 MB. The theme and MathJax in _static/ are
    shared by every page and cached, so they are not counted here (the summary shows a cold load)."""
    html_bytes = page.html_file.stat().st_size
    shown = set()
    for tag, url in parse(page.html_file).links:
        target = local_target(page.url, url)
        if tag in EMBED_TAGS and target and not target[0].startswith("_static/"):
            shown.add(target[0])
    image_bytes = sum((HTML / path).stat().st_size for path in shown if (HTML / path).is_file())
    weight = html_bytes + image_bytes
    record_property("page_size", (page_id(page), {"html": html_bytes, "images": image_bytes, "weight": weight}))
    assert weight <= PAGE_BUDGET_BYTES, (
        f"{page.url} weighs {weight / 1e6:.2f} MB (HTML {html_bytes / 1e6:.2f} MB + {len(shown)} files "
        f"{image_bytes / 1e6:.2f} MB), budget 3 MB: fewer/smaller animation frames or figures"
    )


def test_internal_links_resolve():
    """Crawl the site from its pages: every internal href/src names a file that exists, and every
    #fragment into an HTML page names an id on that page."""
    start = ["index.html"] + [p.url for p in PAGES]
    queue, seen, parsed, problems = list(start), set(start), {}, []
    while queue:
        page_path = queue.pop()
        parsed[page_path] = parse(HTML / page_path)
        for _, url in parsed[page_path].links:
            target = local_target(page_path, url)
            if target is None:
                continue
            path, fragment = target
            if not (HTML / path).is_file():
                problems.append(f"{page_path}: {url} -> missing {path}")
            elif path.endswith(".html") and path not in seen:
                seen.add(path)
                queue.append(path)
    for page_path, parser in parsed.items():
        for _, url in parser.links:
            target = local_target(page_path, url)
            if target and target[1] and target[0] in parsed and target[1] not in parsed[target[0]].ids:
                problems.append(f"{page_path}: {url} -> no id {target[1]!r} in {target[0]}")
    assert problems == [], f"{len(problems)} broken internal links"
    assert len(parsed) >= len(PAGES)


@pytest.mark.parametrize("page", PAGES, ids=[page_id(p) for p in PAGES])
def test_mathjax_comes_from_the_site_once(page):
    """A page with math loads one MathJax script, our copy in its edition's _static/mathjax/ (_config.yml)."""
    scripts = [url for tag, url in parse(page.html_file).links if tag == "script" and "mathjax" in url.lower()]
    assert len(scripts) <= 1, f"{len(scripts)} MathJax scripts: {scripts[:3]}"
    for url in scripts:
        target = local_target(page.url, url)
        assert target and target[0] == f"{page.prefix}_static/mathjax/tex-chtml.js", f"MathJax from {url}"
