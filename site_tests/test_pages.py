"""Every page of _toc.yml, in English and in Korean, opened once in a real headless Chromium and checked as
a reader would see it.

The tests below share one open tab per page (a module-scoped fixture) and run in this order; the last
one fails if anything logged a JavaScript error while the page was open. The accessibility checks (axe-core
in light and dark mode, a phone-sized screen) use the same tab, before any toggle is opened.
"""

import json
import re

import pytest
import yaml
from playwright.sync_api import expect

from axe import BLOCKING, CELLS, COLOUR_RULES, run_axe, summary
from book_pages import ROOT, SCREENSHOTS, all_pages, messages, page_id, source_text
from site_browser import Visit

PAGES = all_pages()
BY_KEY = {(p.language, p.docname): p for p in PAGES}
TOC_CAPTIONS = [part["caption"] for part in yaml.safe_load((ROOT / "_toc.yml").read_text())["parts"]]
CHAPTERS = {language: [p for p in PAGES if p.sections and p.language == language] for language in ("en", "ko")}
# The chapter whose two notebook pages are also photographed on a phone and in dark mode (plots, diagrams).
SHOWN_CHAPTER = "chapters/07_nonlinear_regression"
PHONE, DESKTOP = {"width": 375, "height": 812}, {"width": 1280, "height": 900}


@pytest.fixture(scope="module", params=PAGES, ids=[page_id(p) for p in PAGES])
def opened(request, session):
    """(page, visit): the page open in its own tab, loaded, math typeset. A notebook is reached the way
    a reader does: open its chapter's index, click the link to it."""
    page = request.param
    if page.chapter:
        visit = Visit(session, BY_KEY[(page.language, page.chapter)].url, finish=False)  # the index is tested on its own
        visit.arrival_problem = visit.follow(page.url)
        if visit.arrival_problem:
            visit.goto(page.url)  # so the other tests still look at the page
    else:
        visit = Visit(session, page.url)
        visit.arrival_problem = None
    yield page, visit
    visit.close()


def test_loads_with_its_title(opened, record_property):
    """The page answers 200 and shows its title; a notebook page was reached from its chapter's index."""
    page, visit = opened
    assert visit.arrival_problem is None
    assert visit.response.status == 200
    assert visit.tab.title().startswith(page.title), f"<title> is {visit.tab.title()!r}"
    h1 = visit.tab.locator("main h1").first.inner_text().rstrip("#").strip()
    assert h1 == page.title
    fetched = visit.tab.evaluate(
        """() => performance.getEntries()
                 .filter(e => e.encodedBodySize !== undefined)
                 .reduce((sum, e) => sum + e.encodedBodySize, 0)"""
    )
    record_property("page_size", (page_id(page), {"all_files": fetched}))
    assert visit.tab.evaluate("() => document.documentElement.lang") == page.language


def test_screenshot(opened):
    """A full-page picture for a human to look at, taken before any toggle is opened."""
    page, visit = opened
    visit.tab.screenshot(path=page.screenshot, full_page=True, type="jpeg", quality=75)  # JPEG: quicker than PNG
    assert page.screenshot.stat().st_size > 10_000


def set_mode(tab, mode):
    """Show the page in "light" or "dark" mode, as a reader whose system is set to it sees it."""
    # the theme's buttons fade to their new colours (CSS transitions): axe must measure the colours they
    # end with, so they change at once
    tab.evaluate("""() => document.getElementById("no-transitions") || document.head.insertAdjacentHTML(
        "beforeend", "<style id='no-transitions'>*, *::before, *::after { transition: none !important; }</style>")""")
    tab.emulate_media(color_scheme=mode)
    tab.wait_for_function("(mode) => document.documentElement.dataset.theme === mode", arg=mode)


def extra_screenshot(page, kind):
    """Path of a phone or dark-mode screenshot of one of SHOWN_CHAPTER's notebooks, else None."""
    if page.is_notebook and page.docname.startswith(SHOWN_CHAPTER + "/"):
        return SCREENSHOTS / f"{kind}__{page.screenshot.name}"
    return None


def axe_check(page, visit, mode, record_property):
    """Run axe-core in ``mode`` (see test_axe_light_mode), record its findings for the summary table, and
    fail on serious or critical ones."""
    set_mode(visit.tab, mode)
    korean = page.language != "en"  # see axe.CELLS
    violations = run_axe(visit.tab, rules=COLOUR_RULES if mode == "dark" else None,
                         exclude=CELLS if korean and mode == "dark" else (),
                         skip_rules=COLOUR_RULES if korean and mode == "light" else ())
    record_property("axe", (page_id(page), mode, summary(violations)))
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], "\n".join(f"{v['impact']} {v['id']} ({v['help']}): {v['targets'][:4]}" for v in blocking)


def test_axe_light_mode(opened, record_property):
    """axe-core, every WCAG 2 A and AA rule: nothing serious or critical (the table at the end lists all);
    on a Korean page every rule but the colour rules, which run in dark mode (see axe.CELLS)."""
    page, visit = opened
    axe_check(page, visit, "light", record_property)


def test_phone_screen(opened):
    """At 375 × 812 the page does not scroll sideways (wide code, tables and plots scroll in their own box),
    it shows its language switch, and a notebook page its framework switch."""
    page, visit = opened
    visit.tab.set_viewport_size(PHONE)
    try:
        wide = visit.tab.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= PHONE["width"], f"the page is {wide} px wide on a {PHONE['width']} px screen"
        expect(visit.tab.locator(".bd-header-article .language-switch")).to_be_in_viewport(ratio=1)
        if page.is_notebook:
            expect(visit.tab.locator(".bd-header-article .twin-switch")).to_be_in_viewport(ratio=1)
        if shot := extra_screenshot(page, "phone"):
            visit.tab.screenshot(path=shot, type="jpeg", quality=75)
    finally:
        visit.tab.set_viewport_size(DESKTOP)


def test_axe_dark_mode(opened, record_property):
    """In dark mode axe-core's colour rules again find nothing serious or critical (dark mode changes only
    the colours; see axe.COLOUR_RULES); on a Korean page, in its prose (see axe.CELLS)."""
    page, visit = opened
    axe_check(page, visit, "dark", record_property)
    if shot := extra_screenshot(page, "dark"):
        visit.tab.screenshot(path=shot, full_page=True, type="jpeg", quality=75)


def test_sidebar_lists_every_chapter(opened):
    """The sidebar of every page links every chapter (by its title) and every chapter's notebooks, under
    the captions of _toc.yml in the page's language."""
    page, visit = opened
    captions = visit.tab.locator("nav.bd-docs-nav .caption-text").all_inner_texts()
    assert captions == [translated(page.language, c) for c in TOC_CAPTIONS]
    links = visit.tab.eval_on_selector_all(
        "nav.bd-docs-nav a", "links => links.map(a => [a.href.split('#')[0], a.textContent.trim()])"
    )
    for chapter in CHAPTERS[page.language]:
        assert [visit.site_url + chapter.url, chapter.title] in links, f"the sidebar lacks {chapter.title!r}"
        for docname in chapter.sections:
            url = f"{visit.site_url}{page.prefix}{docname}.html"
            assert any(href == url for href, _ in links), f"sidebar lacks {docname}"


def test_math_is_typeset(opened):
    """Every math element holds MathJax output, none is a TeX error, no raw $...$ is left in the text."""
    _, visit = opened
    math = visit.tab.evaluate(
        r"""() => {
        const main = document.querySelector("main");
        const elements = [...main.querySelectorAll(".math")];
        const raw = [];
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.parentElement.closest("pre, code, script, style, .math, mjx-container")) continue;
            const found = node.textContent.match(/\$[^$\n]+\$|\\\(|\\\[/);
            if (found) raw.push(found[0]);
        }
        return {
            elements: elements.length,
            untypeset: elements.filter(m => !m.querySelector("mjx-container")).map(m => m.textContent),
            shown: elements.filter(m => !m.closest("details:not([open])")).length,  // not in a closed toggle
            visible: elements.filter(m => m.getBoundingClientRect().width > 0).length,
            errors: [...main.querySelectorAll("mjx-merror")].map(e => e.textContent),
            raw,
        };
    }"""
    )
    assert math["untypeset"] == [], "MathJax did not typeset these"
    assert math["errors"] == [], "TeX errors"
    assert math["raw"] == [], "raw TeX left in the text"
    assert math["visible"] == math["shown"], "some typeset math has no size"


def test_images_and_diagrams_are_visible(opened):
    """Every image (plots, graphviz SVG diagrams) is loaded and has a size; the page shows as many
    graphviz diagrams as its notebook stores. Images inside a closed toggle only need to load."""
    page, visit = opened
    report = visit.tab.evaluate(
        """async () => {
        const main = document.querySelector("main");
        const problems = [];
        let graphviz = 0, checked = 0;
        for (const img of main.querySelectorAll("img")) {
            img.scrollIntoView();
            await img.decode().catch(() => {});
            const name = img.getAttribute("src").slice(0, 80);
            if (!(img.complete && img.naturalWidth > 0)) { problems.push("not loaded: " + name); continue; }
            if (img.src.endsWith(".svg")) {
                const text = await (await fetch(img.src)).text();
                if (text.includes("Generated by graphviz")) graphviz++;
            }
            if (img.closest("details:not([open])")) continue;
            const box = img.getBoundingClientRect();
            if (!(box.width > 0 && box.height > 0 && img.checkVisibility())) problems.push("no size: " + name);
            checked++;
        }
        for (const svg of main.querySelectorAll(".cell_output svg:not(.svg-inline--fa)")) {
            if (svg.parentElement.closest("svg") || svg.closest("details:not([open])")) continue;
            const box = svg.getBoundingClientRect();
            if (!(box.width > 0 && box.height > 0 && svg.checkVisibility())) problems.push("inline svg has no size");
            checked++;
        }
        window.scrollTo(0, 0);
        return {problems, graphviz, checked};
    }"""
    )
    assert report["problems"] == []
    assert report["graphviz"] == page.graphviz, (
        f"the notebook stores {page.graphviz} graphviz diagrams, the page shows {report['graphviz']}"
    )


def test_solutions_hidden_until_clicked(opened):
    """Cells tagged hide-cell (the exercise solutions) are collapsed; clicking the toggle shows them."""
    page, visit = opened
    cells = visit.tab.locator("main .cell.tag_hide-cell, main .cell.tag_hide-input, main .cell.tag_hide-output")
    assert cells.count() == page.hidden_cells, f"the notebook has {page.hidden_cells} hidden cells"
    for i in range(cells.count()):
        details = cells.nth(i).locator("details").first
        content = details.locator(":scope > :not(summary)").first
        assert details.get_attribute("open") is None, "a solution is open before its toggle was clicked"
        expect(content).to_be_hidden()
        details.locator("summary").first.click()
        expect(content).to_be_visible()


def test_animations_play(opened):
    """Each stored jshtml animation has its player on the page, and pressing play moves the frame."""
    page, visit = opened
    players = visit.tab.locator("main div.animation")
    assert players.count() == page.animations, f"the notebook stores {page.animations} animations"
    for i in range(players.count()):
        player = players.nth(i)
        closed = player.locator("xpath=ancestor::details[not(@open)]")
        if closed.count():  # a player in a collapsed solution
            closed.first.locator("summary").first.click()
        player.scroll_into_view_if_needed()
        frame, slider = player.locator("img").first, player.locator("input.anim-slider")
        assert frame.evaluate("img => img.complete && img.naturalWidth > 0"), "the first frame did not load"
        first_src, first_value = frame.get_attribute("src"), slider.input_value()
        player.locator("button[title='Play']").click()
        visit.tab.wait_for_function(
            "([slider, start]) => slider.value !== start", arg=[slider.element_handle(), first_value], timeout=10_000
        )
        player.locator("button[title='Pause']").click()
        assert frame.get_attribute("src") != first_src, "the slider moved but the picture did not change"


def translated(language, english):
    """A message of the book in ``language``."""
    return english if language == "en" else messages(language).get(english, english)


def test_download_button_offers_the_source(opened):
    """The download menu offers the page's source (.ipynb for a notebook) and serves it in the page's
    language; a Korean notebook has the English notebook's code cells and outputs, byte for byte."""
    page, visit = opened
    visit.tab.locator(".dropdown-download-buttons button.dropdown-toggle").click()
    link = visit.tab.locator("a.btn-download-source-button")
    expect(link).to_be_visible()
    assert link.inner_text().strip() == page.source.suffix
    assert link.evaluate("a => a.href") == f"{visit.site_url}{page.prefix}_sources/{page.docname}{page.source.suffix}"
    stale = f"the site's copy of {page.source.name} differs from the source: rebuild with `make book`"
    if page.is_notebook:
        # The link opens a new tab that turns into a download (the server sends .ipynb as a file).
        downloads = visit.session.downloads
        downloads.clear()
        link.click()
        for _ in range(100):
            if downloads:
                break
            visit.tab.wait_for_timeout(100)
        assert downloads, "clicking .ipynb started no download"
        assert downloads[0].suggested_filename == page.source.name
        with open(downloads[0].path(), "rb") as got:
            served = got.read()
        code = [[c for c in json.loads(nb)["cells"] if c["cell_type"] == "code"] for nb in (served, page.source.read_bytes())]
        assert json.dumps(code[0], sort_keys=True) == json.dumps(code[1], sort_keys=True), "code cells or outputs differ"
    else:
        served = visit.session.context.request.get(link.evaluate("a => a.href")).body()
    assert served == source_text(page).encode(), stale


def test_back_to_the_chapter_index(opened):
    """From a notebook reached through its chapter's index, the browser's Back returns to that index
    (for the other pages there is nothing to go back to)."""
    page, visit = opened
    if page.chapter:
        chapter = BY_KEY[(page.language, page.chapter)]
        visit.tab.go_back(wait_until="domcontentloaded")
        assert visit.tab.url == visit.site_url + chapter.url
        expect(visit.tab).to_have_title(re.compile("^" + re.escape(chapter.title)))


def test_no_javascript_errors(opened):
    """Nothing above logged a console error or threw, and the page asked for nothing off the site."""
    _, visit = opened
    problems = visit.errors + [f"requested from outside the site (it must work offline): {u}" for u in visit.outside]
    assert problems == []
