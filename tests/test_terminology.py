"""The Korean edition uses one word for one idea: the terminology table locales/ko/terminology.md.

Every row of the table gives the Korean form to use and, in the column *not this*, the forms a translation
must not use (regular expressions). A translation that uses one fails here, naming the message and the form
to use. Translators can list every hit:

    .venv/bin/python tests/test_terminology.py locales/ko/LC_MESSAGES/*.po

Left out of the check: code spans, math, link targets, text in double quotes (a lecture's own words keep the
lecture's spelling), the phrases of the column *except in*, and a Korean form the English message itself
quotes. A translation equal to its English (the glossary's Korean columns) is not checked.
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "locales" / "ko" / "terminology.md"
LC_MESSAGES = ROOT / "locales" / "ko" / "LC_MESSAGES"
CATALOGS = ("chapters", "intro", "reference")

CODE = re.compile(r"`[^`]+`")
MATH = re.compile(r"\$\$.+?\$\$|\$[^$]+\$", re.S)
LINK_TARGET = re.compile(r"\]\([^)\s]+\)")
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
CELL_SPLIT = re.compile(r"(?<!\\)\|")


@dataclass
class Term:
    english: str
    korean: str
    lectures: str
    banned: list  # compiled regular expressions
    allowed: list  # phrases in which a banned form is fine


def read_table(path: Path = TABLE) -> list:
    """The rows of every table in the file whose header has a column *not this*."""
    terms, columns = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            columns = None
            continue
        cells = [cell.strip().replace("\\|", "|") for cell in CELL_SPLIT.split(line.strip())[1:-1]]
        if columns is None:
            columns = [cell.lower() for cell in cells]
            continue
        if set("".join(cells)) <= set("-: "):
            continue  # the |---| line under the header
        row = dict(zip(columns, cells))
        if "not this" not in row:
            continue
        terms.append(Term(
            english=row["english"],
            korean=row["korean (use this)"],
            lectures=row["in the lectures"],
            banned=[re.compile(p) for p in re.findall(r"`([^`]+)`", row["not this"])],
            allowed=re.findall(r"`([^`]+)`", row.get("except in", "")),
        ))
    return terms


def prose(text: str) -> str:
    """A translation without what the check leaves out: code, math, link targets, quoted lecture text."""
    for pattern in (CODE, MATH, QUOTED):
        text = pattern.sub(" ", text)
    return LINK_TARGET.sub("]", text)


def variants(msgid: str, msgstr: str, terms: list) -> list:
    """The banned forms a translation uses: [(form found, term)]."""
    if msgstr == msgid:
        return []
    found = []
    for term in terms:
        text = prose(msgstr)
        for phrase in term.allowed:
            text = text.replace(phrase, " ")
        for pattern in term.banned:
            for match in pattern.finditer(text):
                form = match.group(0)
                if HANGUL.search(form) and form in msgid:
                    continue  # the English quotes this Korean spelling itself
                found.append((form, term))
    return found


def problems(path: Path, terms: list) -> list:
    """One line per banned form in a catalog: the message, the form and the form to use."""
    with open(path, "rb") as f:
        catalog = read_po(f)
    lines = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        for form, term in variants(message.id, message.string, terms):
            lines.append(f"{path.name}: {message.id[:70]!r}: {form!r} -> use {term.korean} ({term.english})")
    return lines


@pytest.fixture(scope="module")
def terms():
    return read_table()


def test_the_table_has_the_terms_of_the_issue(terms):
    """Each row names the Korean form and how the lectures write it; the patterns compile (read_table)."""
    english = " / ".join(term.english for term in terms)
    for idea in ("train", "shape", "unit", "network", "model", "fused", "argument", "deterministic",
                 "loop", "minimum", "backward pass", "true value", "second derivative", "per cent"):
        assert idea in english, f"{TABLE.name} has no row for {idea!r}"
    for term in terms:
        assert term.korean and term.lectures, f"{TABLE.name}: row {term.english!r} lacks a Korean form or lectures"
    assert sum(len(term.banned) for term in terms) > 50


@pytest.mark.parametrize("catalog", CATALOGS)
def test_translations_use_the_table_forms(terms, catalog):
    found = problems(LC_MESSAGES / f"{catalog}.po", terms)
    assert not found, f"{len(found)} form(s) that {TABLE.name} replaces:\n" + "\n".join(found[:20])


def test_the_glossary_korean_column_uses_the_table_forms(terms):
    """reference/glossary.md (column Korean) and the table agree."""
    rows = [line.split("|") for line in (ROOT / "reference" / "glossary.md").read_text().splitlines()
            if line.startswith("| ") and not line.startswith("| English")]
    korean = [row[2].strip() for row in rows if len(row) > 2]
    assert len(korean) > 50
    bad = [(word, form) for word in korean for form, _ in variants("", word, terms)]
    assert not bad, f"the glossary's Korean column uses forms the table replaces: {bad}"


def test_the_check_catches_a_variant_and_spares_quotes_and_code(terms):
    """The check can fail, says what to use, and leaves alone what it should."""
    found = variants("Train the network.", "네트워크를 학습시킵니다.", terms)
    assert [(form, term.korean) for form, term in found] == [("학습", "훈련, 훈련하다")]
    found = variants("a hidden unit", "은닉 유닛; 끝", terms)
    assert sorted(form for form, _ in found) == [";", "유닛"]
    assert variants("the learning rate", "학습률(learning rate)", terms) == []
    assert variants("x", "강의는 \"학습과정 시각화\"라고 씁니다", terms) == []  # a lecture quote
    assert variants("x", "`tensor.shape`와 $shape$", terms) == []  # code and math
    assert variants("its shape", "형상(shape)", terms) == []  # the gloss at first use
    assert [form for form, _ in variants("its shape", "형태(shape)", terms)] == ["shape"]
    assert variants("fixed start values (초기값)", "초기값", terms) == []  # the English quotes it
    assert [form for form, _ in variants("5 %", "5 %", terms) + variants("5 %", "5 %씩", terms)] == ["5 %"]


if __name__ == "__main__":
    table = read_table()
    hits = [line for arg in sys.argv[1:] for line in problems(Path(arg), table)]
    print("\n".join(hits) or "no form the table replaces")
    sys.exit(1 if hits else 0)
