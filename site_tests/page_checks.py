"""Checks of an open page that several tests share: the words of its interface, its code blocks' width,
and what its exercises' starter cells print.

Each check is a function of a browser tab (or of what it collected), so that a test can also run it on a
page it has spoiled on purpose and see it fail (test_pages.py, the ``*_is_caught`` tests).
"""

import json
import re

from book_pages import pages

# Every piece of the interface's text the page holds, shown or not (a closed menu, a tooltip, a label only a
# screen reader reads): [(where, text), ...]. The book's content is left out: code, math, the notebooks'
# outputs (stored as the English run printed them; an animation player's controls and a copy button are
# interface, a frame's alt text is the output's English text form, marked lang="en"), the links to pages and sections (their
# text is a title or a heading), the asides' titles, the article's prose and headings: all translated with
# the book's text (tests/test_translations.py).
INTERFACE_STRINGS_JS = """() => {
    const found = [];
    const add = (element, what, text) => {
        text = (text || "").replace(/\\s+/g, " ").trim();
        if (!text) return;
        const classes = [...element.classList].slice(0, 2).map(c => "." + c).join("");
        found.push([`${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""}${classes} ${what}`, text]);
    };
    const content = (element) =>
        element.closest("pre, code, .math, mjx-container, script, style")
        || (element.closest(".cell_output") && !element.closest("div.animation, .copybtn"))
        || element.closest("div.animation img");
    const ATTRIBUTES = ["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title",
                        "data-bs-title", "data-bs-original-title", "data-tooltip", "placeholder", "alt"];
    for (const element of document.body.querySelectorAll("*")) {
        if (content(element)) continue;
        for (const name of ATTRIBUTES) {
            if (element.hasAttribute(name)) add(element, `[${name}]`, element.getAttribute(name));
        }
        // (an aside's title, on its toggle, is the book's prose: a message translated with the book's text)
        if (element.matches("button, summary, label, select, [role=button], [role=tab], [role=menuitem]")
            && !element.matches(".sd-summary-title")) {
            // its text with hidden parts (a toggle's other state, an icon's title), without code or math
            const copy = element.cloneNode(true);
            copy.querySelectorAll("pre, code, .math, mjx-container, script, style").forEach(e => e.remove());
            add(element, "text", copy.textContent);
        }
        if (element.matches("input[type=button], input[type=submit], input[type=reset]")) {
            add(element, "value", element.value);
        }
        for (const id of (element.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean)) {
            const label = document.getElementById(id);
            if (label) add(element, `[aria-labelledby=${id}]`, label.textContent);
        }
    }
    // The page's frame around the article: header bar, sidebars, footer, the previous/next links, the
    // "back to top" button, the search dialog. Its text, except the titles of the links to pages and
    // sections and the table of contents' captions.
    const frame = ".bd-header-article, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-footer, .bd-footer-content, "
        + ".bd-footer-article, .prev-next-area, #pst-back-to-top, .skip-link, #pst-search-dialog, .bd-header";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const parent = walker.currentNode.parentElement;
        if (!parent.closest(frame) || content(parent)) continue;
        const titled = "a.reference, .prev-next-title, .caption-text, .logo__title, nav.bd-docs-nav a, .page-toc a";
        if (parent.closest(titled)) continue;
        add(parent, "text", walker.currentNode.textContent);
    }
    return found;
}"""

# Words that are the same in every language: the frameworks' names, the language switch's "English", the
# keyboard's Ctrl (and K: one letter is no word), file types (the download menu: .ipynb, .md, .pdf).
NAMES = {"TensorFlow", "PyTorch", "English", "Ctrl", "PDF", "ipynb", "md", "pdf"}
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def interface_strings(tab) -> list[tuple[str, str]]:
    return [tuple(item) for item in tab.evaluate(INTERFACE_STRINGS_JS)]


def titles(language: str) -> list[str]:
    """What an interface string may quote from the book's content: every page's title (a sidebar toggle is
    named "Contents of <title>"), longest first."""
    return sorted({p.title for p in pages(language)}, key=len, reverse=True)


def in_another_language(strings, language: str) -> list[tuple[str, str]]:
    """The interface strings that are not in ``language``: on a Korean page, any with an English word (two
    letters or more, not one of NAMES); on an English page, any with Hangul (but the switch's "한국어").
    The book's titles quoted in a string are left out first."""
    quoted = titles(language)
    wrong = []
    for where, text in strings:
        rest = text
        for title in quoted:
            rest = rest.replace(title, " ")
        if language == "ko":
            bad = [w for w in re.findall(r"[A-Za-z][A-Za-z'’]+", rest) if w not in NAMES]
        else:
            bad = HANGUL.findall(rest.replace("한국어", " "))
        if bad:
            wrong.append((where, text))
    return wrong


# Every <pre> of the article (code cells, printed outputs, code blocks of the prose) that scrolls sideways:
# its text is wider than its box. [(its first line, scroll width, box width), ...]
WIDE_PRE_JS = """() => [...document.querySelectorAll("main pre")]
    .filter(pre => pre.scrollWidth > pre.clientWidth)
    .map(pre => [pre.textContent.split("\\n").reduce((a, b) => b.length > a.length ? b : a, ""),
                 pre.scrollWidth, pre.clientWidth])"""


def wide_code_blocks(tab) -> list[tuple[str, int, int]]:
    """The page's code blocks and printed outputs that scroll sideways, with every hidden one shown (the
    solutions and the asides opened): [(longest line, text width, box width), ...]."""
    tab.evaluate("() => document.querySelectorAll('main details').forEach(d => d.open = true)")
    return [tuple(item) for item in tab.evaluate(WIDE_PRE_JS)]


def starter_line(exercise_id: str, language: str) -> str:
    """What ``helpers.exercises.check(exercise_id, ...)`` prints before the exercise is answered, in
    ``language`` (the Korean course zip's helpers answer in Korean)."""
    from helpers import exercises  # installed with the book (pip install -e .)

    return exercises.starter_line(exercise_id, language)


def stored_starter_outputs(page) -> list[str]:
    """The printed output stored under each starter cell (tagged ``exercise``) of the page's notebook."""
    cells = json.loads(page.source.read_text())["cells"]
    return ["".join("".join(o.get("text", "")) for o in c.get("outputs", []))
            for c in cells if "exercise" in c.get("metadata", {}).get("tags", [])]


EXERCISE_ID = re.compile(r"^Exercise (\S+): ")


def expected_starter_outputs(page) -> list[str]:
    """What the page must show under each starter cell: the stored output on an English page; on a Korean
    page the Korean line helpers.exercises prints for the same exercise."""
    stored = stored_starter_outputs(page)
    if page.language == "en":
        return stored
    expected = []
    for output in stored:
        found = EXERCISE_ID.match(output)
        assert found and output == starter_line(found[1], "en"), f"not a starter's output: {output!r}"
        expected.append(starter_line(found[1], page.language))
    return expected


# Every place where a line ends between two Hangul syllables of one word ("선형회|귀"): for each text node
# with Hangul, the position of each syllable that follows another; a syllable lower than its neighbour
# starts a new line.
BROKEN_KOREAN_WORDS_JS = """() => {
  const hangul = /[\\uac00-\\ud7a3]/, found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const top = (node, i) => { range.setStart(node, i); range.setEnd(node, i + 1);
                             const rects = range.getClientRects(); return rects.length ? rects[0].top : null; };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    if (!hangul.test(text) || !node.parentElement.checkVisibility()) continue;
    for (let i = 1; i < text.length; i++) {
      if (!hangul.test(text[i - 1]) || !hangul.test(text[i])) continue;
      const before = top(node, i - 1), after = top(node, i);
      if (before !== null && after !== null && after > before + 2) {
        const start = text.lastIndexOf(" ", i) + 1, end = text.indexOf(" ", i);
        found.push(text.slice(start, end < 0 ? undefined : end));
      }
    }
  }
  return found;
}"""


def broken_korean_words(tab) -> list[str]:
    """The Korean words the page breaks across two lines (none, with `word-break: keep-all`)."""
    return tab.evaluate(BROKEN_KOREAN_WORDS_JS)
