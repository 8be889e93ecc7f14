"""The Korean edition cannot drift from the English one.

- Every English message of the book (extracted afresh with Sphinx's gettext builder) is in
  locales/ko/LC_MESSAGES/<catalog>.po, translated, not fuzzy (a message whose English changed), and no
  translation is left for a message the English no longer has (obsolete).
- Every translation keeps the English message's code, math, link targets, roles and numbers.
- The Korean notebooks the Korean site offers for download have the English notebooks' code cells and
  outputs, byte for byte, and every markdown message of them is translated.
"""

import json
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import book_i18n
import build_book
from book_files import ROOT
from translations import problems

LC_MESSAGES = ROOT / "locales" / "ko" / "LC_MESSAGES"
CATALOGS = ("chapters", "intro", "reference")
NOTEBOOKS = sorted(ROOT.glob("chapters/*/*.ipynb"))
REFRESH = "run `make translations`, then translate what it marks (CONTRIBUTING.md, Translating)"


def read(path: Path):
    with open(path, "rb") as f:
        return read_po(f)


@pytest.fixture(scope="module")
def pot_dir(tmp_path_factory):
    """The English messages as they are now (a gettext build, a few seconds)."""
    return build_book.extract_messages(tmp_path_factory.mktemp("gettext"), quiet=True)


def test_one_catalog_per_top_level_folder(pot_dir):
    assert sorted(p.stem for p in pot_dir.glob("*.pot")) == sorted(CATALOGS)
    # (sphinx.po: the site's interface, the theme's words, not a catalog of pages; _ext/book_i18n.py)
    assert sorted(p.stem for p in LC_MESSAGES.glob("*.po") if p.stem != "sphinx") == sorted(CATALOGS)


@pytest.mark.parametrize("catalog", CATALOGS)
def test_catalog_has_every_english_message_and_no_other(pot_dir, catalog):
    english = {m.id for m in read(pot_dir / f"{catalog}.pot") if m.id}
    po = read(LC_MESSAGES / f"{catalog}.po")
    korean = {m.id for m in po if m.id}
    new, gone = english - korean, korean - english
    assert not new, f"{catalog}.po lacks {len(new)} English message(s), e.g. {sorted(new)[0][:80]!r}: {REFRESH}"
    assert not gone, f"{catalog}.po translates {len(gone)} message(s) the English no longer has: {REFRESH}"
    assert not po.obsolete, f"{catalog}.po has {len(po.obsolete)} obsolete message(s) (#~): delete them"


@pytest.mark.parametrize("catalog", CATALOGS)
def test_every_message_is_translated_and_not_fuzzy(catalog):
    messages = [m for m in read(LC_MESSAGES / f"{catalog}.po") if m.id]
    untranslated = [m.id for m in messages if not m.string]
    fuzzy = [m.id for m in messages if m.string and m.fuzzy]
    assert not untranslated and not fuzzy, (
        f"locales/ko/LC_MESSAGES/{catalog}.po: {len(untranslated)} untranslated, {len(fuzzy)} fuzzy "
        f"(English changed) of {len(messages)}; first: {(untranslated + fuzzy)[0][:80]!r}"
    )


@pytest.mark.parametrize("catalog", CATALOGS)
def test_translations_keep_code_math_links_and_numbers(catalog):
    bad = {m.id[:70]: problems(m.id, m.string) for m in read(LC_MESSAGES / f"{catalog}.po") if m.id and m.string}
    bad = {message: found for message, found in bad.items() if found}
    assert not bad, f"{catalog}.po: {len(bad)} translation(s) changed what must stay:\n" + "\n".join(
        f"  {message!r}: {'; '.join(found)}" for message, found in list(bad.items())[:10]
    )


def test_the_checks_catch_a_changed_number_code_or_math():
    """The rules above can fail (a translation that changes any of these is caught)."""
    assert problems("the mean is 0.5", "평균은 0.4입니다") == ["numbers: missing 0.5"]
    assert problems("about a second", "약 1초") == []
    assert problems("run `fit(x)`", "`fit(y)` 실행") == ["inline code: missing `fit(x)`, extra `fit(y)`"]
    assert problems("$a^2$ grows", "$a^3$이 커집니다") == ["math: missing $a^2$, extra $a^3$"]
    assert problems("[chapter 1](a.md)", "[1장](b.md)") == ["link targets: missing a.md, extra b.md"]
    assert problems("1. Setup", "1. 준비")[0].startswith("starts with '1. '")
    assert problems("**Note** `x**2`", "**참고 `x**2`") == ["an unpaired ** (bold)"]
    assert problems("1. Setup", "1\\. 준비") == problems("`x**2` is $x^2$", "`x**2`는 $x^2$") == []


@pytest.fixture(scope="module")
def messages():
    return book_i18n.catalog_messages("ko")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "chapters")))
def test_korean_notebook_has_the_same_code_and_outputs(path, messages):
    english = json.loads(path.read_text(encoding="utf-8"))
    korean = json.loads(book_i18n.notebook_json(book_i18n.translate_notebook(english, messages)))
    assert korean["metadata"] == english["metadata"] and len(korean["cells"]) == len(english["cells"])
    for index, (en, ko) in enumerate(zip(english["cells"], korean["cells"])):
        if en["cell_type"] == "markdown":
            assert ko.keys() == en.keys() and ko["metadata"] == en["metadata"], f"cell {index}"
        else:
            assert json.dumps(ko, sort_keys=True) == json.dumps(en, sort_keys=True), f"code cell {index} changed"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "chapters")))
def test_korean_notebook_markdown_is_all_translated(path, messages):
    """Read back, every message of the Korean notebook's markdown is a translation (or a message that
    reads the same in both languages, such as a number or a code name)."""
    notebook = book_i18n.translate_notebook(json.loads(path.read_text(encoding="utf-8")), messages)
    parser = book_i18n.markdown_parser()
    translations = {text.replace("\\.", ".") for text in messages.values()}
    english_left = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for token in parser.parse("".join(cell["source"])):
            text = token.content.replace("\n", " ").strip()
            if token.type == "inline" and text and text not in translations:
                english_left.append(text)
    assert not english_left, f"{len(english_left)} message(s) left in English, e.g. {english_left[0][:80]!r}"


def test_translate_markdown_keeps_the_markup_around_each_message():
    source = "## 1. Setup\n\nA *short*\nparagraph.\n\n- an item\n\n| a | b |\n|---|---|\n| 1 | two |\n\n$$x$$\n"
    messages = {"1. Setup": "1\\. 준비", "A *short* paragraph.": "*짧은* 문단.", "an item": "항목",
                "a": "가", "b": "나", "two": "둘"}
    assert book_i18n.translate_markdown(source, messages) == (
        "## 1. 준비\n\n*짧은* 문단.\n\n- 항목\n\n| 가 | 나 |\n|---|---|\n| 1 | 둘 |\n\n$$x$$\n"
    )
