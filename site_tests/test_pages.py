"""Every page of _toc.yml, in English and in Korean, opened once in a real headless Chromium and checked as
a reader would see it.

The tests below share one open tab per page (a module-scoped fixture) and run in this order; the last
one fails if anything logged a JavaScript error while the page was open. axe-core (light and dark mode)
runs in the same tab before any toggle is opened; the phone-sized screen is checked last. The screenshots
are taken only on demand (`make screenshots`).

A Korean page's code cells and outputs are the English page's, byte for byte (tests/test_translations.py),
but for the words of its players' controls and its exercises' starter lines (checked on each page by
test_interface_speaks_the_page_language and test_exercise_starters_speak_the_page_language): the checks
of cells and outputs alone (images and diagrams, animation players, solution toggles) run on the English
page only; everything else runs on both, axe-core too (on a Korean page without its code cells, which are
the English page's: see axe_check).

xdist workers, one browser each (one per core, at most four: site_tests/pytest.ini), share the pages; a
page's checks stay together, in this order, in one of them.
"""

import io
import json
import re
from functools import cache

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image, ImageStat
from playwright.sync_api import expect

from axe import COLOUR_RULES, summary
from book_pages import (
    LANGUAGES,
    PAGES_OPENED,
    ROOT,
    SCREENSHOTS,
    TAKE_SCREENSHOTS,
    all_pages,
    messages,
    page_id,
    source_text,
)
from page_checks import (
    broken_korean_words,
    expected_starter_outputs,
    in_another_language,
    interface_strings,
    wide_code_blocks,
)
from site_browser import DESKTOP, Visit

PAGES = all_pages()
BY_KEY = {(p.language, p.docname): p for p in PAGES}
TOC_CAPTIONS = [part["caption"] for part in yaml.safe_load((ROOT / "_toc.yml").read_text())["parts"]]
CHAPTERS = {language: [p for p in PAGES if p.sections and p.language == language] for language in LANGUAGES}
# The chapter whose two notebook pages are also photographed on a phone and in dark mode (plots, diagrams).
SHOWN_CHAPTER = "chapters/07_nonlinear_regression"
PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="module", params=PAGES, ids=[page_id(p) for p in PAGES])
def opened(request, browser):
    """(page, visit): the page open in its own tab, loaded, math typeset. (A reader's way from a chapter's
    index to its notebooks and back is tested on the index: test_back_to_the_chapter_index.)"""
    page = request.param
    PAGES_OPENED[page_id(page)] += 1
    visit = Visit(browser, page.url)
    yield page, visit
    visit.close()


def english_only(page):
    """Skip a check of code cells and outputs alone on a Korean page: they are the English page's."""
    if page.language != "en":
        pytest.skip("code cells and outputs are the English page's, byte for byte (tests/test_translations.py): "
                    "checked on the English page")


def test_loads_with_its_title(opened, record_property):
    """The page answers 200 and shows its title."""
    page, visit = opened
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


def check_picture(path, tab, full_page=True):
    """The JPEG at ``path`` decodes, is as large as the page (or the screen), is not one flat colour, and
    shows the page's title: its <h1> area holds dark and light pixels (text on a background)."""
    size = tab.evaluate("""(full) => full ? [document.documentElement.scrollWidth, document.documentElement.scrollHeight]
                                          : [window.innerWidth, window.innerHeight]""", full_page)
    with Image.open(io.BytesIO(path.read_bytes())) as picture:
        picture.load()
        grey = picture.convert("L")
    assert list(grey.size) == size, f"{path.name} is {grey.size[0]} x {grey.size[1]} px, the page {size[0]} x {size[1]}"
    low, high = grey.getextrema()
    assert high - low > 64, f"{path.name} is one flat colour (grey levels {low}-{high})"
    box = tab.locator("main article h1").first.bounding_box()
    scroll = tab.evaluate("() => [window.scrollX, window.scrollY]") if full_page else (0, 0)
    title = grey.crop((int(box["x"] + scroll[0]), int(box["y"] + scroll[1]),
                       int(box["x"] + scroll[0] + box["width"]), int(box["y"] + scroll[1] + box["height"])))
    low, high = title.getextrema()
    assert high - low > 96 and ImageStat.Stat(title).stddev[0] > 10, (
        f"{path.name} shows no text where the title is (grey levels {low}-{high})")


@pytest.mark.skipif(not TAKE_SCREENSHOTS, reason="screenshots are taken on demand: `make screenshots` "
                    "(or SITE_SCREENSHOTS=1 with the pytest command)")
def test_screenshot(opened):
    """A full-page picture for a human to look at (_build/screenshots/), taken before any toggle is opened;
    of SHOWN_CHAPTER's notebooks also a phone screen and a full page in dark mode."""
    page, visit = opened
    visit.tab.screenshot(path=page.screenshot, full_page=True, type="jpeg", quality=75)  # JPEG: quicker than PNG
    check_picture(page.screenshot, visit.tab)
    if page.is_notebook and page.docname.startswith(SHOWN_CHAPTER + "/"):
        phone, dark = (SCREENSHOTS / f"{kind}__{page.screenshot.name}" for kind in ("phone", "dark"))
        visit.tab.set_viewport_size(PHONE)
        try:
            visit.tab.screenshot(path=phone, type="jpeg", quality=75)
            check_picture(phone, visit.tab, full_page=False)
        finally:
            visit.tab.set_viewport_size(DESKTOP)
        set_mode(visit.tab, "dark")
        try:
            visit.tab.screenshot(path=dark, full_page=True, type="jpeg", quality=75)
            check_picture(dark, visit.tab)
        finally:
            set_mode(visit.tab, "light")


def set_mode(tab, mode):
    """Show the page in "light" or "dark" mode, as a reader whose system is set to it sees it."""
    # the theme's buttons fade to their new colours (CSS transitions): axe must measure the colours they
    # end with, so they change at once
    tab.evaluate("""() => document.getElementById("no-transitions") || document.head.insertAdjacentHTML(
        "beforeend", "<style id='no-transitions'>*, *::before, *::after { transition: none !important; }</style>")""")
    tab.emulate_media(color_scheme=mode)
    tab.wait_for_function("(mode) => document.documentElement.dataset.theme === mode", arg=mode)


@cache
def code_cells_html(html_file) -> list[str]:
    """The HTML of a built page's code cells (their input areas)."""
    soup = BeautifulSoup(html_file.read_text(), "html.parser")
    return [str(cell) for cell in soup.select("main .cell_input")]


def test_code_cells_are_the_english_pages(opened):
    """A Korean notebook page's code cells are the English page's, byte for byte, as built: what lets axe
    leave them out there (axe_check)."""
    page, _ = opened
    if page.language == "en" or not page.is_notebook:
        pytest.skip("a Korean notebook page's check")
    english = BY_KEY[("en", page.docname)]
    assert code_cells_html(page.html_file) == code_cells_html(english.html_file)


def axe_check(page, visit, mode, axe_cache, record_property):
    """Show the page in ``mode`` and run axe-core (see test_axe_light_mode), or take its findings from the
    cache when the page is unchanged; record them for the summary table, and fail on any violation.

    On a Korean notebook page axe leaves out the code cells (a third of the time axe takes there): they
    are the English page's, byte for byte (test_code_cells_are_the_english_pages), checked there."""
    exclude = ["main .cell_input"] if page.language != "en" and page.is_notebook else []
    violations, new = axe_cache.run(visit.tab, visit.site_url, mode, set_mode, exclude=exclude,
                                    rules=COLOUR_RULES if mode == "dark" else None)
    record_property("axe", (page_id(page), mode, summary(violations) + ("" if new else " (cached)")))
    if new:
        record_property("axe_cache", new)
    assert violations == [], "\n".join(f"{v['impact']} {v['id']} ({v['help']}): {v['targets'][:4]}" for v in violations)


def test_axe_light_mode(opened, axe_cache, record_property):
    """axe-core, every rule of WCAG 2.0, 2.1 and 2.2 A and AA and its best practices: no violation of any
    impact (the table at the end lists each page's), on the English and the Korean pages alike (a Korean
    page's outputs hold Korean words too: its players' controls, its exercises' starter lines; its code
    cells, the English page's, are checked there)."""
    page, visit = opened
    axe_check(page, visit, "light", axe_cache, record_property)


def test_axe_dark_mode(opened, axe_cache, record_property):
    """In dark mode axe-core's colour rules again find no violation (dark mode changes only the colours;
    see axe.COLOUR_RULES)."""
    page, visit = opened
    axe_check(page, visit, "dark", axe_cache, record_property)


def test_interface_speaks_the_page_language(opened):
    """Every piece of the interface (buttons and their names, toggles, tooltips, accessible names, labels,
    the footer, the header bar and sidebars) is in the page's language: no English word on a Korean page
    (TensorFlow, PyTorch, the language switch's "English", Ctrl and file types excepted), no Korean on an
    English page (but the switch's "한국어"). The book's titles quoted in a name do not count."""
    page, visit = opened
    strings = interface_strings(visit.tab)
    assert len(strings) > 20, "the interface's words were not found"
    wrong = in_another_language(strings, page.language)
    assert wrong == [], f"not in {page.language}:\n" + "\n".join(f"  {where}: {text!r}" for where, text in wrong)


def test_exercise_starters_speak_the_page_language(opened):
    """Under each exercise's starter cell the page shows what the notebook prints before it is answered, in
    the page's language: the stored English line on an English page, the Korean line of helpers.exercises
    on a Korean one (what the Korean notebooks print)."""
    page, visit = opened
    if not page.is_notebook:
        pytest.skip("not a notebook: no exercises")
    shown = visit.tab.locator("main .cell.tag_exercise .cell_output").evaluate_all(
        "outputs => outputs.map(o => [...o.querySelectorAll('pre')].map(pre => pre.textContent).join(''))")
    assert shown == expected_starter_outputs(page)


# What a hidden cell's toggle shows while closed: (in the Exercises section, elsewhere), by language.
TOGGLE_WORDS = {"en": ("Show solution", "Show code"), "ko": ("풀이 보기", "코드 보기")}


def test_hidden_cells_say_what_they_hide(opened):
    """A hidden cell's toggle says what it hides, in the page's language: in the Exercises section a
    solution ("Show solution", "풀이 보기"), elsewhere code ("Show code", "코드 보기"); its accessible name
    is the text it shows (no aria-label of other words)."""
    page, visit = opened
    if not page.hidden_cells:
        pytest.skip("no hidden cells")
    toggles = visit.tab.locator("main .cell.tag_hide-cell details.hide > summary").evaluate_all(
        """summaries => summaries.map(s => [Boolean(s.closest("section#exercises")),
                                             s.querySelector(".collapsed").textContent.trim(),
                                             s.getAttribute("aria-label")])""")
    solution, code = TOGGLE_WORDS[page.language]
    assert len(toggles) == page.hidden_cells
    assert [(shown, label) for _, shown, label in toggles] == [(solution if ex else code, None) for ex, _, _ in toggles]


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
    """Every math element holds MathJax output, none is a TeX error, no raw $...$ is left in the text; the
    collapsed asides (MyST dropdowns) are closed on load, and once opened their math has a size too."""
    _, visit = opened
    asides = visit.tab.locator("main details.sd-dropdown")
    assert all(asides.nth(i).get_attribute("open") is None for i in range(asides.count())), "an aside is open on load"
    visit.tab.evaluate("() => document.querySelectorAll('main details.sd-dropdown').forEach(d => d.open = true)")
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
    english_only(page)
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
    english_only(page)
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
    english_only(page)
    players = visit.tab.locator("main div.animation")
    assert players.count() == page.animations, f"the notebook stores {page.animations} animations"
    for i in range(players.count()):
        player = players.nth(i)
        closed = player.locator("xpath=ancestor::details[not(@open)]")
        if closed.count():  # a player in a collapsed solution
            closed.first.locator("summary").first.click()
        player.scroll_into_view_if_needed()
        frame, slider = player.locator("img").first, player.locator("input.anim-slider")
        visit.tab.wait_for_function(  # a data: URI picture, decoded soon after the player is shown
            "img => img.complete && img.naturalWidth > 0", arg=frame.element_handle(), timeout=10_000
        )
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
    language, as a file; a Korean notebook has the English notebook's code cells and outputs, byte for byte."""
    page, visit = opened
    visit.tab.locator(".dropdown-download-buttons button.dropdown-toggle").click()
    link = visit.tab.locator("a.btn-download-source-button")
    expect(link).to_be_visible()
    assert link.inner_text().strip() == page.source.suffix
    href = link.evaluate("a => a.href")
    assert href == f"{visit.site_url}{page.prefix}_sources/{page.docname}{page.source.suffix}"
    # What the browser gets when the link is clicked (a notebook is saved as a file: not shown as a page)
    response = visit.browser.context.request.get(href)
    assert response.status == 200
    served = response.body()
    if page.is_notebook:
        kind = response.headers.get("content-type", "")
        assert not kind.startswith(("text/", "application/json")), f"served as {kind}: the browser would show it"
        code = [[c for c in json.loads(nb)["cells"] if c["cell_type"] == "code"] for nb in (served, page.source.read_bytes())]
        assert json.dumps(code[0], sort_keys=True) == json.dumps(code[1], sort_keys=True), "code cells or outputs differ"
    assert served == source_text(page).encode(), (
        f"the site's copy of {page.source.name} differs from the source: rebuild with `make book`")


def test_back_to_the_chapter_index(opened):
    """From a chapter's index a reader clicks the link to each of its notebooks, arrives at it (HTTP 200,
    its title), and the browser's Back returns to the index. (Only a chapter index has notebooks to go to.)"""
    page, visit = opened
    if not page.sections:
        pytest.skip("not a chapter index: no notebook links to follow and come back from")
    for docname in page.sections:
        notebook = BY_KEY[(page.language, docname)]
        # Back as soon as its title is shown: the page itself is checked where it is opened (``opened``)
        visit.click_link_to(notebook.url, wait_until="commit")
        assert visit.response.status == 200
        expect(visit.tab).to_have_title(re.compile("^" + re.escape(notebook.title)))
        # Back until the index's DOM is whole: its title is there sooner, but the next notebook's link is
        # looked up in its article (waiting only for the title, a run once found the article not yet parsed)
        visit.tab.go_back(wait_until="domcontentloaded")
        assert visit.tab.url == visit.site_url + page.url, f"Back from {notebook.url} did not return to the index"
        expect(visit.tab).to_have_title(re.compile("^" + re.escape(page.title)))


def test_no_code_block_scrolls_sideways(opened):
    """At 1280 × 900 no code cell, printed output or code block of the page (the solutions and asides
    opened: after the tests of their closed state) is wider than its box: nothing scrolls sideways on a
    desktop screen."""
    page, visit = opened
    wide = wide_code_blocks(visit.tab)
    assert wide == [], "\n".join(f"  {text_px} px in {box_px} px: {line[:90]!r}" for line, text_px, box_px in wide)


def test_korean_words_stay_whole(opened):
    """On a Korean page no word breaks across two lines ("선형회|귀"), on a desktop and on a phone screen
    (`word-break: keep-all`, _ext/static/book.css). The tab is left at phone size for the next test."""
    page, visit = opened
    if page.language != "ko":
        pytest.skip("Korean pages only")
    for size in (DESKTOP, PHONE):
        visit.tab.set_viewport_size(size)
        broken = broken_korean_words(visit.tab)
        assert broken == [], f"at {size['width']} px, words broken across lines: {broken[:10]}"


def test_phone_screen(opened):
    """At 375 × 812 the page does not scroll sideways (wide code, tables and plots scroll in their own box;
    the solutions are open by now), it shows its language switch, and a notebook page its framework switch.
    (Last: the tab stays at this size, saving a page layout.)"""
    page, visit = opened
    visit.tab.set_viewport_size(PHONE)
    wide = visit.tab.evaluate("() => document.documentElement.scrollWidth")
    assert wide <= PHONE["width"], f"the page is {wide} px wide on a {PHONE['width']} px screen"
    expect(visit.tab.locator(".bd-header-article .language-switch")).to_be_in_viewport(ratio=1)
    if page.is_notebook:
        expect(visit.tab.locator(".bd-header-article .twin-switch")).to_be_in_viewport(ratio=1)


def test_no_javascript_errors(opened):
    """Nothing above logged a console error or threw, and the page asked for nothing off the site."""
    _, visit = opened
    assert visit.problems() == []


def test_the_page_checks_can_fail(visit):
    """The checks above catch what they look for: on a Korean page, a button and a tooltip left in English;
    on an English page, a Korean label; a printed line wider than its box."""
    korean = visit(f"ko/{all_pages()[0].docname}.html").tab
    korean.evaluate("""() => document.querySelector("main").insertAdjacentHTML("beforeend",
        '<button>Copy</button><span title="Show code cell content">x</span>')""")
    assert [text for _, text in in_another_language(interface_strings(korean), "ko")] == ["Copy", "Show code cell content"]
    english = visit(all_pages()[0].url).tab
    english.evaluate("""() => document.querySelector(".bd-footer").insertAdjacentHTML("beforeend", "<p>저작권</p>")""")
    assert [text for _, text in in_another_language(interface_strings(english), "en")] == ["저작권"]
    english.evaluate("""() => document.querySelector("main").insertAdjacentHTML("beforeend",
        "<div class='highlight'><pre>print(" + "'x' + ".repeat(40) + "'x')</pre></div>")""")
    assert [line[:9] for line, _, _ in wide_code_blocks(english)] == ["print('x'"]
    korean.set_viewport_size(PHONE)
    korean.evaluate("""() => { document.querySelector("main").insertAdjacentHTML("beforeend",
        '<p id="narrow" style="width: 3em; word-break: normal">선형회귀선형회귀</p>'); }""")
    assert "선형회귀선형회귀" in broken_korean_words(korean)
