"""The TensorFlow | PyTorch switch (_ext/twin_switch.py): it opens the twin notebook at the section being
read, each ## heading links to the same section of the twin, and the reader's choice is remembered."""


import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from book_pages import pages

PAGES = pages()
BY_NAME = {p.docname: p for p in PAGES}
CHAPTERS = [p for p in PAGES if p.sections]
TWINS = [(c.docname.rpartition("/")[0] + "/tensorflow", c.docname.rpartition("/")[0] + "/pytorch") for c in CHAPTERS
         if {s.rpartition("/")[2] for s in c.sections} >= {"tensorflow", "pytorch"}]
def h2_sections(page):
    """[(id, heading text, twin href, twin id)] of a built notebook page, in order: each <section> with an <h2>,
    and the twin link (<p class="twin-link">) right under the heading."""
    found = []
    for h2 in BeautifulSoup(page.html_file.read_text(), "html.parser").select("section > h2"):
        anchor = h2.find("a", class_="headerlink")
        if anchor:
            anchor.extract()  # its "#"
        title = h2.get_text()
        link = h2.find_next_sibling()
        href, _, twin_id = (link.a["href"] if link and "twin-link" in link.get("class", []) else "").partition("#")
        found.append((h2.parent["id"], title, href, twin_id))
    return found


def name(docname):
    return docname.rpartition("/")[2]


@pytest.mark.parametrize("docname,twin", TWINS + [(b, a) for a, b in TWINS], ids=lambda d: d)
def test_heading_links_reach_the_same_section(docname, twin):
    """Every ## heading links to the twin page's ## section with the same heading, which exists."""
    here, there = h2_sections(BY_NAME[docname]), h2_sections(BY_NAME[twin])
    assert here and len(here) == len(there), f"{docname} has {len(here)} ## sections, its twin {len(there)}"
    twin_ids = {section_id: title for section_id, title, _, _ in there}
    for section_id, title, href, twin_id in here:
        assert href == f"{name(twin)}.html", f"section {title!r} has no link to its twin (or a wrong one: {href!r})"
        assert twin_ids.get(twin_id) == title, f"section {title!r} links to #{twin_id}, not to the same section"


def heading(tab, k):
    return tab.locator("article section > h2").nth(k)


def read_section(tab, k):
    """Scroll so the reader is inside the k-th ## section, a little below its heading; return its id."""
    tab.evaluate("""(k) => {
        const h2 = document.querySelectorAll("article section > h2")[k];
        h2.scrollIntoView({behavior: "instant"});
        window.scrollBy({top: 120, behavior: "instant"});
        return new Promise(painted => requestAnimationFrame(() => requestAnimationFrame(painted)));
    }""", k)
    # the section at the top of the view, just under the sticky header bar, as the reader sees it
    return tab.evaluate("""() => {
        const y = document.querySelector(".bd-header-article").getBoundingClientRect().bottom + 5;
        const box = document.querySelector("article").getBoundingClientRect(), x = box.left + box.width / 2;
        let section = document.elementFromPoint(x, y).closest("section");
        while (section && !section.querySelector(":scope > h2")) section = section.parentElement.closest("section");
        return section && section.id;
    }""")


def switch_at_section(visit, k, switch=".twin-switch"):
    """Read the k-th section, click the other choice of ``switch`` (the framework switch, or the language
    switch); return (section id, new tab url)."""
    tab = visit.tab
    section_id = read_section(tab, k)
    assert section_id == heading(tab, k).evaluate("h => h.parentElement.id"), "could not scroll into the section"
    box = tab.locator(f"{switch} a:not([aria-current])").bounding_box()
    with tab.expect_navigation():  # a mouse click where it is (locator.click() would scroll the page first)
        tab.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    visit.settle()
    return section_id, tab.url


def test_switch_opens_the_twin_at_the_section_being_read(visit):
    """TensorFlow page scrolled to section k -> the switch -> PyTorch page with section k in view; back the
    other way from another section; and again after a reload."""
    tf, pt = TWINS[len(TWINS) // 2]
    v = visit(BY_NAME[tf].url)
    for k, (expected_page, other) in enumerate([(pt, tf), (tf, pt), (pt, tf)], start=3):
        if k == 5:
            v.tab.reload()
            v.settle()
        section_id, url = switch_at_section(v, k)
        assert url == f"{v.site_url}{expected_page}.html#{section_id}"
        expect(v.tab.locator(f"section#{section_id} > h2")).to_be_in_viewport()
        assert v.tab.locator(".twin-switch a[aria-current=page]").inner_text() == name(expected_page).replace(
            "tensorflow", "TensorFlow").replace("pytorch", "PyTorch")


def first_notebook_link(tab):
    return tab.locator("article a[href$='tensorflow.html'], article a[href$='pytorch.html']").first.get_attribute("href")


def test_remembered_framework_comes_first(visit):
    """Having read a PyTorch page, the chapter pages list PyTorch first and the intro's chapter table
    leads to the PyTorch notebooks; reading TensorFlow again turns both back."""
    tf, pt = TWINS[0]
    chapter = BY_NAME[BY_NAME[tf].chapter]
    v = visit(BY_NAME[pt].url)
    for framework in ("pytorch", "tensorflow", "pytorch"):
        v.goto(BY_NAME[tf.replace("tensorflow", framework)].url)
        v.goto(chapter.url)
        assert first_notebook_link(v.tab) == f"{framework}.html"
        v.goto("intro.html")
        table_links = v.tab.locator("article table a").evaluate_all("links => links.map(a => a.href)")
        folder = v.site_url + chapter.docname.rpartition("/")[0]
        assert f"{folder}/{framework}.html" in table_links and f"{folder}/index.html" not in table_links


def test_links_work_without_javascript(browser):
    """With JavaScript off, the switch and the heading links are plain links to the twin, and the chapter
    pages list TensorFlow first."""
    tf, pt = TWINS[0]
    context = browser.context.browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(browser.site_url + BY_NAME[tf].url)
        tab.locator(".twin-switch a:not([aria-current])").click()
        tab.wait_for_url(browser.site_url + BY_NAME[pt].url)
        link = tab.locator("article .twin-link a").nth(1)
        target = link.get_attribute("href")
        link.click()
        tab.wait_for_url(browser.site_url + f"{tf}.html#" + target.partition("#")[2])
        tab.goto(browser.site_url + BY_NAME[BY_NAME[tf].chapter].url)
        assert first_notebook_link(tab) == "tensorflow.html"
    finally:
        context.close()
