"""Checks of the Korean translation (locales/ko/LC_MESSAGES/*.po) that a reader would otherwise catch.

A translated message must keep what is not prose exactly as the English has it: inline code, math,
link targets, MyST roles and every number (a number in the text is the number in an output; Korean may
add a digit where the English spells a number out). The
tests (test_translations.py) apply ``problems`` to every message; translators can run

    .venv/bin/python tests/translations.py locales/ko/LC_MESSAGES/chapters.po

to list the messages that are untranslated, fuzzy or break one of these rules.
"""

import re
import sys
from collections import Counter
from pathlib import Path

from babel.messages.pofile import read_po

CODE = re.compile(r"`[^`]+`")  # inline code, including a role's argument
MATH = re.compile(r"\$\$.+?\$\$|\$[^$]+\$")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")  # [text](target)
ROLE = re.compile(r"\{[a-z][a-z:-]*\}(?=`)")  # {download}`...`
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Sphinx parses a translation as Markdown on its own: text starting like this would become a list, a quote
# or a heading instead of the paragraph or title it replaces (and then Sphinx keeps the English).
BLOCK_START = re.compile(r"\d+[.)] |[-*+>] |#")


def spans(text: str) -> dict:
    """The parts of a message that must not change in translation, each as a multiset."""
    code = CODE.findall(text)
    rest = CODE.sub(" ", text)
    math = MATH.findall(rest)
    prose = MATH.sub(" ", rest)
    return {
        "inline code": Counter(c for c in code if not ROLE.search(c)),
        "math": Counter(math),
        "link targets": Counter(LINK_TARGET.findall(text)),
        "roles": Counter(ROLE.findall(text)),
        "numbers": Counter(NUMBER.findall(LINK_TARGET.sub("]", prose))),
    }


def problems(msgid: str, msgstr: str) -> list:
    """What a translation changed that it must keep: e.g. ["numbers: missing 0.1, extra 0.2"]."""
    found = []
    want, have = spans(msgid), spans(msgstr)
    for kind in want:
        missing, extra = want[kind] - have[kind], have[kind] - want[kind]
        if kind == "numbers":
            extra = Counter()  # Korean may write a number the English spells out ("a second" -> "1초")
        if missing or extra:
            parts = [f"missing {' '.join(missing.elements())}" if missing else "",
                     f"extra {' '.join(extra.elements())}" if extra else ""]
            found.append(f"{kind}: " + ", ".join(p for p in parts if p))
    if BLOCK_START.match(msgstr):
        found.append(f"starts with {BLOCK_START.match(msgstr)[0]!r}, which Markdown reads as a list, quote or heading: "
                     "escape it with a backslash (a heading number: 1\\. Title)")
    if MATH.sub(" ", CODE.sub(" ", msgstr)).count("**") % 2:  # x**2 in code is not bold
        found.append("an unpaired ** (bold)")
    return found


def read_catalog(path: Path):
    with open(path, "rb") as f:
        return read_po(f, abort_invalid=True)


def report(path: Path) -> int:
    """Print the messages of one .po file that need work; return how many."""
    catalog = read_catalog(path)
    count = 0
    for message in catalog:
        if not message.id:
            continue
        where = message.locations[0][0] if message.locations else "?"
        if not message.string:
            print(f"UNTRANSLATED ({where}): {message.id[:100]}")
        elif message.fuzzy:
            print(f"FUZZY ({where}): {message.id[:100]}")
        else:
            issues = problems(message.id, message.string)
            if not issues:
                continue
            print(f"CHECK ({where}): {message.id[:100]}\n    -> " + "\n    -> ".join(issues))
        count += 1
    print(f"{path}: {count} message(s) need work, {len([m for m in catalog if m.id])} in all")
    return count


if __name__ == "__main__":
    sys.exit(1 if sum(report(Path(p)) for p in sys.argv[1:]) else 0)
