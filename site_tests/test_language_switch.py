"""The English | 한국어 switch (_ext/book_i18n.py): every page links the same page in the other language; with
JavaScript it opens it at the section being read, and the reader's language is remembered for the home page.
The Korean pages keep the English pages' section ids (Sphinx translates a heading, not its id)."""

import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from book_pages import HTML, all_pages, page_id, pages
from test_budgets import local_target
from test_twin_switch import switch_at_section

PAGES = all_pages()
NOTEBOOKS = [p.docname for p in pages() if p.is_notebook]
HANGUL = re.compile("[가-힣]")
KEY = "dl-book-language"


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_page_links_itself_in_the_other_language(page):
    """<html lang> is the page's language; the switch, labelled in it, links this page in English and in
    Korean (each link in its own language), and marks the current one."""
    soup = BeautifulSoup(page.html_file.read_text(), "html.parser")
    assert soup.html["lang"] == page.language
    switch = soup.find("nav", class_="language-switch")
    assert switch, "no language switch"
    assert switch["aria-label"] == {"en": "Language", "ko": "언어"}[page.language]
    links = switch.find_all("a")
    assert [(a["lang"], a.get_text()) for a in links] == [("en", "English"), ("ko", "한국어")]
    for a in links:
        language = a["lang"]
        assert a["hreflang"] == a["data-language"] == language
        target, _ = local_target(page.url, a["href"])
        assert target == f"{'' if language == 'en' else language + '/'}{page.docname}.html"
        assert (HTML / target).is_file()
        assert (a.get("aria-current") == "page") == (language == page.language)


@pytest.mark.parametrize("docname", NOTEBOOKS)
def test_korean_notebook_page_has_the_same_sections_translated(docname):
    """The same section ids in the same order (the switch's #section lands on the same section), Korean
    headings, and the framework switch's section links in Korean."""
    english, korean = (BeautifulSoup((HTML / prefix / f"{docname}.html").read_text(), "html.parser")
                       for prefix in ("", "ko"))
    assert [s.get("id") for s in english.find_all("section")] == [s.get("id") for s in korean.find_all("section")]
    headings = [h2.get_text().rstrip("#") for h2 in korean.select("section > h2")]
    assert headings and all(HANGUL.search(h) for h in headings if h.split(". ", 1)[-1] not in ("PyTorch", "TensorFlow"))
    twin_links = [p.get_text() for p in korean.find_all("p", class_="twin-link")]
    assert len(twin_links) == len(english.find_all("p", class_="twin-link")) > 0
    assert all(text.startswith("⇄ 이 절을 ") for text in twin_links), twin_links[:3]


def test_switch_opens_the_other_language_at_the_section_being_read(visit):
    """English notebook at section 3 -> 한국어 -> the Korean page at section 3, with its Korean heading in
    view; back to English from section 5."""
    docname = NOTEBOOKS[len(NOTEBOOKS) // 2]
    v = visit(f"{docname}.html")
    try:
        for k, prefix in [(3, "ko/"), (5, "")]:
            section_id, url = switch_at_section(v, k, ".language-switch")
            assert url == f"{v.site_url}{prefix}{docname}.html#{section_id}"
            heading = v.tab.locator(f"section#{section_id} > h2")
            expect(heading).to_be_in_viewport()
            assert bool(HANGUL.search(heading.inner_text())) == (prefix == "ko/")
    finally:
        v.tab.evaluate(f"() => localStorage.removeItem('{KEY}')")


def test_home_page_opens_in_the_remembered_language(visit):
    """After choosing 한국어, the home page entered from outside the book opens in Korean; after choosing
    English, the Korean home page opens in English; with no choice, each stays as it is."""
    v = visit("intro.html")
    try:
        for choice, entered, lands in [("ko", "intro.html", "ko/intro.html"), ("en", "ko/intro.html", "intro.html")]:
            with v.tab.expect_navigation():
                v.tab.locator(f".language-switch a[data-language={choice}]").click()
            home = visit(entered)  # a new tab: no referrer, as from a bookmark or another site
            home.tab.wait_for_url(home.site_url + lands)
        v.tab.evaluate(f"() => localStorage.removeItem('{KEY}')")
        for entered in ("intro.html", "ko/intro.html"):
            stay = visit(entered)
            # The redirect is started by a deferred script, before the load event. Once no request has been
            # made for 500 ms, a redirect, however slow its page, has shown up as a second document request.
            stay.tab.wait_for_load_state("networkidle")
            assert stay.navigations == [stay.site_url + entered], "the home page opened another page"
            assert stay.tab.url == stay.site_url + entered
    finally:
        v.tab.evaluate(f"() => localStorage.removeItem('{KEY}')")
