"""Alt text: every picture a notebook page shows says what it shows.

(axe-core in light and dark mode, and the phone-sized screen, are checked in test_pages.py, in the tab
each page is open in there; the keyboard in test_keyboard.py.)
"""

import json

import pytest
from bs4 import BeautifulSoup

from book_pages import all_pages, page_id

NOTEBOOKS = [p for p in all_pages() if p.is_notebook]  # English and Korean


def stored_text_forms(page) -> dict[str, list[str]]:
    """The text forms (text/plain) the notebook stores beside its images and its animation players."""
    found = {"images": [], "animations": []}
    for cell in json.loads(page.source.read_text())["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            text = " ".join("".join(data.get("text/plain", "")).split())
            if any(mime.startswith("image/") for mime in data):
                found["images"].append(text)
            elif '<div class="animation">' in "".join(data.get("text/html", "")):
                found["animations"].append(text)
    return found


@pytest.mark.parametrize("page", NOTEBOOKS, ids=[page_id(p) for p in NOTEBOOKS])
def test_pictures_say_what_they_show(page):
    """Every plot, diagram and animation frame has alt text, and it is what the notebook stores as the
    output's text form (made by the helpers to say what the picture shows, e.g. "Figure: ...",
    "Diagram: ...", "Animation: ..."), not a Python repr such as "<Figure size 432x288 with 1 Axes>". On a
    Korean page these English texts are marked lang="en", so a screen reader reads them in English."""
    stored = stored_text_forms(page)
    soup = BeautifulSoup(page.html_file.read_text(), "html.parser")
    lang = "en" if page.language != "en" else None
    pictures = [img for img in soup.find_all("img") if img.get("lang") == lang]
    images = [img["alt"] for img in pictures if "_images/" in img.get("src", "")]
    frames = [img["alt"] for img in pictures if img.get("id", "").startswith("_anim_img")]
    not_saying = [t for t in stored["images"] + stored["animations"] if not t or t.startswith("<")]
    assert not_saying == [], f"{page.source.name} stores text forms that do not say what a picture shows"
    assert images == stored["images"], "an image's alt text is not its stored text form"
    assert frames == stored["animations"], "an animation's frame alt text is not its stored text form"
