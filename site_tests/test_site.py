"""Tests across pages: the table of contents, math somewhere in the book, and the search box in both
editions. (Moving from a chapter's index to its notebooks and back is tested in test_pages.py.)"""

import pytest

from book_pages import pages, source_text

PAGES = pages()
BY_NAME = {p.docname: p for p in PAGES}
CHAPTERS = [p for p in PAGES if p.sections]
# (edition, term): an API name taught in chapter 2 (TensorFlow), and the lectures' word for gradient descent
# (chapter 3 onwards) on the Korean site, which Sphinx indexes with its default word splitter
SEARCHES = [("en", "GradientTape"), ("ko", "경사하강법")]


def test_toc_has_chapters_with_notebooks():
    assert len(CHAPTERS) >= 2
    for chapter in CHAPTERS:
        assert any(BY_NAME[s].is_notebook for s in chapter.sections), f"{chapter.docname} has no notebook"


def test_some_page_has_math():
    """The math tests mean something: the book has math (chapter 2 onwards)."""
    assert any('class="math' in p.html_file.read_text() for p in PAGES)


def teaching_pages(language, term):
    """The pages whose text (in ``language``) has ``term``."""
    found = set()
    for page in pages(language):
        if term in source_text(page):
            found.add(page.url)
    return found


@pytest.mark.parametrize(("language", "term"), SEARCHES)
def test_search_finds_a_term_from_a_chapter(visit, language, term):
    """Type a term into the search box, press Enter: the results list the pages that teach it."""
    teaching = teaching_pages(language, term)
    assert teaching, f"no page mentions {term}: pick another search term"
    v = visit(pages(language)[0].url)
    v.tab.locator(".search-button-field").first.click()
    box = v.tab.locator("#pst-search-dialog input[name=q]")
    box.fill(term)
    box.press("Enter")
    v.tab.wait_for_url("**/search.html?q=*")
    results = v.tab.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=20_000)
    found = {href.split("?")[0].split("#")[0].removeprefix(v.site_url)
             for href in results.evaluate_all("links => links.map(a => a.href)")}
    assert teaching & found, f"searching {term} found {sorted(found)}, not {sorted(teaching)}"
    assert all(url.startswith(pages(language)[0].prefix) for url in found), "results from the other edition"
