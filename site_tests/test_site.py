"""Tests across pages: the table of contents, math somewhere in the book, and the search box.
(Moving from a chapter's index to its notebooks and back is tested in test_pages.py.)"""

from book_pages import pages

PAGES = pages()
BY_NAME = {p.docname: p for p in PAGES}
CHAPTERS = [p for p in PAGES if p.sections]
SEARCH_TERM = "GradientTape"  # taught in chapter 2 (TensorFlow)


def test_toc_has_chapters_with_notebooks():
    assert len(CHAPTERS) >= 2
    for chapter in CHAPTERS:
        assert any(BY_NAME[s].is_notebook for s in chapter.sections), f"{chapter.docname} has no notebook"


def test_some_page_has_math():
    """The math tests mean something: the book has math (chapter 2 onwards)."""
    assert any('class="math' in p.html_file.read_text() for p in PAGES)


def test_search_finds_a_term_from_a_chapter(visit):
    """Type a term into the search box, press Enter: the results list the pages that teach it."""
    teaching = {p.url for p in PAGES if SEARCH_TERM in p.source.read_text()}
    assert teaching, f"no page mentions {SEARCH_TERM}: pick another search term"
    v = visit(PAGES[0].url)
    v.tab.locator(".search-button-field").first.click()
    box = v.tab.locator("#pst-search-dialog input[name=q]")
    box.fill(SEARCH_TERM)
    box.press("Enter")
    v.tab.wait_for_url("**/search.html?q=*")
    results = v.tab.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=20_000)
    found = {href.split("?")[0].split("#")[0].removeprefix(v.site_url)
             for href in results.evaluate_all("links => links.map(a => a.href)")}
    assert teaching & found, f"searching {SEARCH_TERM} found {sorted(found)}, not {sorted(teaching)}"
    assert v.errors == [] and v.outside == []
