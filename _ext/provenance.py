"""Sphinx extension: the provenance page's tables, generated whenever the site is built.

reference/provenance.md holds the prose; each ``{provenance}`` directive there becomes a table made from
the repository itself, nothing typed by hand:

- ``pins``: Python and every pinned package (requirements.txt, requirements-dev.txt), with the
  platforms each pin is for;
- ``platforms``: where the strict test suite ran on the stored outputs (the record in helpers/doctor.py,
  which `make doctor` compares a student's machine with);
- ``notebooks``: for each notebook, the last commit that changed its stored outputs (git history);
- ``lock``: every package of requirements-lock.txt, with the platforms and Pythons its line is for.

The page is read afresh on every build (its data change without its source changing). The tables' words
are the extension's own (``WORDS``, Korean in the Korean edition); their cells are data, not messages
(nodes without a source are not translated, so no version number becomes a message to translate).
"""

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
import lock  # noqa: E402  (scripts/lock.py: the lock's parts, its markers per platform)
from helpers import doctor  # noqa: E402  (VERIFIED_ON: where the outputs were verified)

PAGE = "reference/provenance"
KO = {
    "package": "패키지",
    "version": "버전",
    "for": "용도",
    "where": "적용되는 곳",
    "the notebooks": "노트북 실행",
    "the book and its tests": "책 빌드와 테스트",
    "every supported platform": "지원하는 모든 플랫폼",
    "no supported platform": "지원하는 플랫폼 없음",
    "Python {versions}": "Python {versions}",
    "the reference, where the outputs were made": "기준 버전(출력을 만든 곳)",
    "the interpreter": "인터프리터",
    "machine (vector instructions)": "머신(벡터 명령어)",
    "what ran": "실행한 것",
    "result": "결과",
    "date": "날짜",
    "notebook": "노트북",
    "outputs last changed": "출력이 마지막으로 바뀐 때",
    "commit": "커밋",
    "not committed yet (file changed {date})": "아직 커밋되지 않음(파일 수정 {date})",
    "unknown: not a git checkout": "알 수 없음: git 저장소가 아님",
    "unknown: a shallow clone of the repository": "알 수 없음: 저장소의 얕은 복제(shallow clone)",
}
# helpers.doctor.VERIFIED_ON's outcomes, in both languages
OUTCOMES = {
    "re-executed": ("the stored outputs were made here (every notebook re-executed); then every one passed",
                    "모든 노트북을 여기서 다시 실행해 출력을 저장했고, 모든 출력이 통과했습니다"),
    "passed": ("every stored output passed", "저장된 모든 출력이 통과했습니다"),
    "threads": ("every stored output passed, with every thread pool at 1 and at 8 threads",
                "모든 스레드 풀을 1개와 8개로 두고도 저장된 모든 출력이 통과했습니다"),
    "intel-frame": ("made the earlier outputs; checked on the AMD machine, all but one came out the same: "
                    "frame 3 of chapter 8's Adam animation (TensorFlow), from a training one float32 ulp "
                    "apart, which the drawing now rounds away (helpers.plots.drawn)",
                    "이전 출력을 만든 곳입니다. AMD 머신에서 확인하니 하나만 빼고 모두 같았습니다: 8장 Adam "
                    "애니메이션(TensorFlow)의 3번째 프레임으로, 학습 결과가 float32 ulp 하나만큼 달랐고, 이제는 "
                    "그림을 그릴 때 그 차이를 반올림해 없앱니다(helpers.plots.drawn)"),
}


def word(env, text: str, **fields) -> str:
    """One of the tables' words, in the language being built."""
    if env.config.language == "ko":
        text = KO[text]
    return text.format(**fields)


def table(headers: list[str], rows: list[list], widths: list[int] | None = None) -> nodes.table:
    """A docutils table; a cell is a string or a node."""
    group = nodes.tgroup(cols=len(headers))
    for width in widths or [1] * len(headers):
        group += nodes.colspec(colwidth=width)
    head, body = nodes.thead(), nodes.tbody()
    for cells, part in [([headers], head), (rows, body)]:
        for cells_of_row in cells:
            row = nodes.row()
            for cell in cells_of_row:
                entry = nodes.entry()
                entry += cell if isinstance(cell, nodes.Node) else nodes.paragraph(text=str(cell))
                row += entry
            part += row
    group += head
    group += body
    return nodes.table("", group, classes=["provenance"])


def literal(text: str) -> nodes.paragraph:
    return nodes.paragraph("", "", nodes.literal(text=text))


def where(env, line: str) -> str:
    """The supported platforms and Pythons a requirement line (with its marker) is for, in words."""
    name = line.split(";")[0].strip()
    held = {(platform, python) for platform in lock.PLATFORMS for python in lock.PYTHONS
            if name in lock.for_target([line], platform, python)}
    if len(held) == len(lock.PLATFORMS) * len(lock.PYTHONS):
        return word(env, "every supported platform")
    if not held:
        return word(env, "no supported platform")
    by_platform = {platform: tuple(py for py in lock.PYTHONS if (platform, py) in held) for platform in lock.PLATFORMS}
    if len(set(by_platform.values())) == 1:  # every platform, some Pythons
        return word(env, "Python {versions}", versions=", ".join(next(iter(by_platform.values()))))
    parts = []
    for platform in lock.PLATFORMS:
        pythons = [python for python in lock.PYTHONS if (platform, python) in held]
        if len(pythons) == len(lock.PYTHONS):
            parts.append(platform)
        elif pythons:
            parts.append(f"{platform} ({word(env, 'Python {versions}', versions=', '.join(pythons))})")
    return "; ".join(parts)


def requirement_lines(path: Path) -> list[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def pins_table(env) -> nodes.table:
    pythons = []  # in the record's order; "3.11" is left out where "3.11.7" is there
    for record in doctor.VERIFIED_ON:
        version = record["python"]
        if version not in pythons and not any(v.startswith(version + ".") for v in (r["python"] for r in doctor.VERIFIED_ON)):
            pythons.append(version)
    rows = [[literal("Python"), ", ".join(pythons), word(env, "the interpreter"),
             f"{pythons[0]}: {word(env, 'the reference, where the outputs were made')}"]]
    for path, part in [(lock.REQUIREMENTS, "the notebooks"), (lock.BOOK_REQUIREMENTS, "the book and its tests")]:
        for line in requirement_lines(path):
            name, _, version = line.split(";")[0].strip().partition("==")
            rows.append([literal(name), version, word(env, part), where(env, line)])
    return table([word(env, "package"), word(env, "version"), word(env, "for"), word(env, "where")], rows,
                 [3, 2, 2, 4])


def lock_table(env) -> nodes.table:
    notebooks, book = lock.lock_parts(lock.LOCK.read_text(encoding="utf-8"))
    rows = []
    for lines, part in [(notebooks, "the notebooks"), (book, "the book and its tests")]:
        for line in lines:
            name, _, version = line.split(";")[0].strip().partition("==")
            rows.append([literal(name), version, word(env, part), where(env, line)])
    return table([word(env, "package"), word(env, "version"), word(env, "for"), word(env, "where")], rows,
                 [3, 2, 2, 4])


def platforms_table(env) -> nodes.table:
    rows = []
    for record in doctor.VERIFIED_ON:
        outcome = OUTCOMES[record["outcome"]][1 if env.config.language == "ko" else 0]
        machine = f"{record['system']} {record['machine']}, {record['processor']} ({record['instructions']})"
        rows.append([machine, record["python"], literal(record["command"]), outcome, record["date"]])
    headers = [word(env, "machine (vector instructions)"), "Python", word(env, "what ran"), word(env, "result"),
               word(env, "date")]
    return table(headers, rows, [3, 1, 2, 5, 2])


def git(*args: str, root: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def stored_outputs(text: str) -> str:
    """What executing a notebook writes: every code cell's outputs and execution count, as one string."""
    cells = json.loads(text)["cells"]
    return json.dumps([[c.get("execution_count"), c.get("outputs")] for c in cells if c["cell_type"] == "code"])


def outputs_last_changed(env, path: Path, root: Path = ROOT) -> tuple[str, str]:
    """(date, commit) of the last commit that changed the notebook's stored outputs, or a reason why
    that is not known. A change not yet committed counts, dated by the file."""
    relative = path.relative_to(root).as_posix()
    try:
        if git("rev-parse", "--is-shallow-repository", root=root).strip() == "true":
            return word(env, "unknown: a shallow clone of the repository"), ""
        commits = git("log", "--format=%H %h %cs", "--", relative, root=root).split("\n")
    except (OSError, subprocess.CalledProcessError):
        return word(env, "unknown: not a git checkout"), ""
    commits = [line.split() for line in commits if line]
    current = stored_outputs(path.read_text(encoding="utf-8"))
    if not commits or current != stored_outputs(git("show", f"{commits[0][0]}:{relative}", root=root)):
        changed = datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%d")
        return word(env, "not committed yet (file changed {date})", date=changed), ""
    # newest first: the first commit whose outputs differ from the version before it
    for (_, short, date), older in zip(commits, [*commits[1:], None]):
        if older is None or stored_outputs(git("show", f"{older[0]}:{relative}", root=root)) != current:
            return date, short
    raise AssertionError("unreachable: the oldest commit always counts")


def notebooks_table(env) -> nodes.table:
    rows = []
    for notebook in sorted(ROOT.glob("chapters/[0-9][0-9]_*/*.ipynb")):
        docname = notebook.relative_to(ROOT).with_suffix("").as_posix()
        link = addnodes.pending_xref("", nodes.inline(text=docname), refdomain="std", reftype="doc",
                                     reftarget=f"/{docname}", refexplicit=False, refwarn=True)
        date, commit = outputs_last_changed(env, notebook)
        rows.append([nodes.paragraph("", "", link), date, literal(commit) if commit else ""])
    return table([word(env, "notebook"), word(env, "outputs last changed"), word(env, "commit")], rows, [6, 3, 2])


class Provenance(SphinxDirective):
    """```{provenance} pins``` (or platforms, notebooks, lock): one generated table."""

    required_arguments = 1
    option_spec = {"class": directives.class_option}
    TABLES = {"pins": pins_table, "platforms": platforms_table, "notebooks": notebooks_table, "lock": lock_table}

    def run(self):
        which = self.arguments[0]
        if which not in self.TABLES:
            raise self.error(f"provenance: unknown table {which!r}; choose from {sorted(self.TABLES)}")
        for source in (lock.REQUIREMENTS, lock.BOOK_REQUIREMENTS, lock.LOCK, Path(doctor.__file__)):
            self.env.note_dependency(str(source))
        return [self.TABLES[which](self.env)]


def always_outdated(app, env, added, changed, removed):
    """The page's data (the git history above all) change without its source changing: read it again."""
    return [PAGE] if PAGE in env.found_docs else []


def setup(app):
    app.add_directive("provenance", Provenance)
    app.connect("env-get-outdated", always_outdated)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
