"""Fixtures for the site tests: the built site served on 127.0.0.1 and a headless system Chromium.

Run them with `make test-site` (it builds the site and installs Chromium first). A missing build or a
missing browser is a failure with one line saying what to do, never a skip.
"""

import os
import re
import subprocess
import sys
import time

import pytest

from axe import AxeCache
from book_pages import HTML, PAGES_OPENED, SCREENSHOTS, TAKE_SCREENSHOTS, all_pages, page_id
from site_browser import CHROMIUM, CHROMIUM_ARGS, Browser, Visit

# The suite's time, a benchmark: it is printed at the end, and fails the run only far beyond the machine's
# noise (each run varies by about 25 %), at twice the expected time. Expected: a fixed part (the browsers, the
# cross-page tests) plus a cost per page (each page of each edition loaded once and checked; axe-core's
# findings come from _build/ when the page is unchanged). Measured on the shared 2-core machine (AMD EPYC),
# two xdist workers, a fresh clone's `make test` (no axe-core findings cached): 317-356 s for the 56 pages
# of both editions (460 s in one process; 375-393 s while pytest 9.2 had each page opened by both workers).
SITE_TESTS_FIXED_S = 20.0
SITE_TESTS_PER_PAGE_S = 5.5
SITE_TESTS_EXPECTED_S = SITE_TESTS_FIXED_S + SITE_TESTS_PER_PAGE_S * len(all_pages())
SITE_TESTS_LIMIT_S = 2 * SITE_TESTS_EXPECTED_S
AXE_CACHE = HTML.parent / "site-tests-axe-cache.json"
# slot -> entry: the axe-core answers this run computed, sent with record_property("axe_cache", ...).
AXE_NEW: dict[str, dict] = {}
_start = time.perf_counter()
# docname -> {column: bytes}, sent by the tests with record_property("page_size", ...), shown at the end.
PAGE_SIZES: dict[str, dict[str, int]] = {}
# docname -> {mode: violations summary}, sent by test_pages.py with record_property("axe", ...).
AXE_RESULTS: dict[str, dict[str, str]] = {}


def pytest_sessionstart(session):
    """Stop at once, with one clear line, when the browser or an up-to-date build is missing."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.exit(
            f"site tests: no Chromium at {CHROMIUM}: install it (Debian/Ubuntu: 'sudo apt-get install chromium'; "
            "`make test-site` does it when run as root) or set CHROMIUM=/path/to/chromium",
            returncode=1,
        )
    missing = [p.url for p in all_pages() if not p.html_file.exists()]
    if missing:
        pytest.exit(f"site tests: {HTML} lacks {', '.join(missing)}: build the site with `make book`", returncode=1)
    stale = [p.url for p in all_pages() if p.html_file.stat().st_mtime < p.source.stat().st_mtime]
    if stale:
        pytest.exit(f"site tests: {', '.join(stale)} older than its source: rebuild with `make book`", returncode=1)
    if TAKE_SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for old in SCREENSHOTS.glob("*.jpg"):
            old.unlink()


@pytest.fixture(scope="session")
def site_url():
    """Serve the built site with `python -m http.server` on a free port of 127.0.0.1; stop it afterwards."""
    log = open(HTML.parent / "site-tests-server.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(HTML)],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    try:
        first_line = server.stdout.readline()  # "Serving HTTP on 127.0.0.1 port 41234 (http://...) ..."
        port = re.search(r" port (\d+)", first_line)
        if not port:
            pytest.fail(f"the test web server did not start: {first_line!r}", pytrace=False)
        yield f"http://127.0.0.1:{port.group(1)}/"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def browser(site_url):
    """The system Chromium, headless, with one browser context for all the visits."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        browser = Browser(chromium, site_url)
        yield browser
        browser.close()
        chromium.close()


@pytest.fixture(scope="session")
def axe_cache(browser):
    """axe-core's findings by page content (site_tests/axe.py), kept in _build/ between runs."""
    return AxeCache(AXE_CACHE, HTML, browser.browser_version)


@pytest.fixture
def visit(browser):
    """Open site paths in new tabs: ``visit("intro.html")``. After the test every tab it opened must have
    logged no JavaScript error (console or uncaught), had no failed request and asked for nothing outside
    the site: the test fails otherwise (at its teardown), so no test has to remember to check."""
    opened = []

    def open_path(path, finish=True):
        opened.append(Visit(browser, path, finish))
        return opened[-1]

    yield open_path
    problems = [f"the tab opened at {v.path}: {problem}" for v in opened for problem in v.problems()]
    for v in opened:
        v.close()
    if problems:
        pytest.fail("JavaScript errors or requests off the site:\n" + "\n".join(problems), pytrace=False)


def pytest_runtest_logreport(report):
    for name, value in report.user_properties:
        if name == "page_size":
            docname, sizes = value
            PAGE_SIZES.setdefault(docname, {}).update(sizes)
        if name == "axe":
            docname, mode, found = value
            AXE_RESULTS.setdefault(docname, {})[mode] = found
        if name == "axe_cache":
            AXE_NEW.update(value)


@pytest.hookimpl(optionalhook=True)  # an xdist hook: the main process, as each worker stops
def pytest_testnodedown(node, error):
    PAGES_OPENED.update(getattr(node, "workeroutput", {}).get("pages_opened", {}))  # none from a crashed worker


def pages_opened_twice():
    """The pages opened more than once for their checks, over all test processes (each opening is another
    page load): their checks were split, e.g. because xdist ignored the pages' xdist_group marks."""
    return {page: times for page, times in PAGES_OPENED.items() if times > 1}


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput"):  # an xdist worker: hand its count to the main process
        session.config.workeroutput["pages_opened"] = dict(PAGES_OPENED)
        return
    session.config._site_wall_s = time.perf_counter() - _start
    if AXE_NEW:  # the main process (with or without xdist) alone writes the cache
        AxeCache.save(AXE_CACHE, AXE_NEW)
    too_slow = session.config._site_wall_s > SITE_TESTS_LIMIT_S
    if (too_slow or pages_opened_twice()) and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    write = terminalreporter.write_line
    if PAGE_SIZES:
        terminalreporter.section("site pages (KB)")
        write(f"{'page':<44} {'html':>7} {'images':>7} {'weight':>7} {'all files':>10}")
        order = [page_id(p) for p in all_pages()]
        for docname, size in sorted(PAGE_SIZES.items(), key=lambda item: order.index(item[0])):
            kb = {k: f"{v / 1024:.0f}" if v is not None else "-" for k, v in size.items()}
            write(f"{docname:<44} {kb.get('html', '-'):>7} {kb.get('images', '-'):>7} "
                  f"{kb.get('weight', '-'):>7} {kb.get('all_files', '-'):>10}")
        write("weight = HTML (with its inline data: URIs, e.g. animation frames) + the files its <img>/<source>")
        write("tags load from outside _static/ (budget 3 MB); all files = every byte the page loads, counted by")
        write("the browser, with the theme and MathJax files shared by all pages (what a first visit costs).")
    if AXE_RESULTS:
        terminalreporter.section("axe-core: WCAG 2.0-2.2 A/AA and best-practice violations per page "
                                 "(impact, elements, rule)")
        write(f"{'page':<44} {'light (all rules)':<30} dark (colour rules)")
        order = [page_id(p) for p in all_pages()]
        for docname, found in sorted(AXE_RESULTS.items(), key=lambda item: order.index(item[0])):
            write(f"{docname:<44} {found.get('light', '-'):<30} {found.get('dark', '-')}")
        write("every violation fails the tests, whatever its impact.")
    if AXE_RESULTS:
        cached = sum(found.endswith("(cached)") for modes in AXE_RESULTS.values() for found in modes.values())
        ran = sum(len(modes) for modes in AXE_RESULTS.values()) - cached
        write(f"axe-core ran {ran} times; {cached} findings of unchanged pages came from "
              f"{AXE_CACHE} (delete it to run them all again)")
    if TAKE_SCREENSHOTS:
        write(f"screenshots in {SCREENSHOTS}")
    twice = pages_opened_twice()
    if twice:
        write(f"FAILED: {len(twice)} pages were opened more than once for their checks (a page's checks must stay "
              "in one test process: with pytest-xdist's --dist loadgroup, its xdist_group; pytest-xdist#1386: "
              f"loadgroup ignores the groups under pytest 9.2): {sorted(twice)[:4]} ...", red=True, bold=True)
    wall = getattr(config, "_site_wall_s", time.perf_counter() - _start)
    over = wall > SITE_TESTS_LIMIT_S
    write(f"site tests: {wall:.1f} s for {len(all_pages())} pages (expected about {SITE_TESTS_EXPECTED_S:.0f} s = "
          f"{SITE_TESTS_FIXED_S:.0f} s + {SITE_TESTS_PER_PAGE_S:.1f} s x page; fails above {SITE_TESTS_LIMIT_S:.0f} s)"
          + (": TOO SLOW" if over else ""), red=over, bold=True)


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads the groups into the test ids
def pytest_collection_modifyitems(items):
    """Under xdist (--dist loadgroup, site_tests/pytest.ini), a page's checks stay together in one worker, in their order."""
    for item in items:
        params = getattr(item, "callspec", None) and item.callspec.params
        if params and "opened" in params:
            item.add_marker(pytest.mark.xdist_group(page_id(params["opened"])))
