"""A setup doctor: ``python -m helpers.doctor`` (or ``make doctor``) checks a student's machine.

It prints, one line each: Python, the operating system and processor (with the vector instructions
NumPy found), every pinned package against the version the book pins, Graphviz's ``dot`` program, and
whether the stored outputs were verified on a machine like this one. Then its verdict: what will run but
may print another last digit than the book (a package at another version), and what will not run (an
unsupported Python, a missing package, no ``dot``) with what to do; "setup OK" unless something will not
run, and only then exit status 1. It imports neither TensorFlow nor
PyTorch (it reads their installed versions), so it runs in a second.
"""

from __future__ import annotations

import platform
import re
import shutil
import sys
from importlib import metadata
from pathlib import Path


def supported_pythons() -> tuple:
    """The Python versions the book supports, ((3, 11), (3, 12), ...), from ``requires-python`` in
    pyproject.toml (the one place that says it; read as text, so an unsupported Python can read it too)."""
    here = Path(__file__).resolve().parents[1] / "pyproject.toml"
    text = here.read_text() if here.exists() else f'requires-python = "{metadata.metadata("dl-foundations-helpers")["Requires-Python"]}"'
    low, high = map(int, re.search(r'requires-python = ">=3\.(\d+),<3\.(\d+)"', text).groups())
    return tuple((3, minor) for minor in range(low, high))


SUPPORTED_PYTHONS = supported_pythons()
# Where the strict test suite (nbval: every stored output, byte for byte) ran on the stored outputs: the
# record this doctor compares a machine with, and which the book's provenance page shows (_ext/provenance.py).
# Add a row when it has passed somewhere new. "outcome" is a key of _ext/provenance.py's OUTCOMES.
VERIFIED_ON = (
    {"system": "Linux", "machine": "x86_64", "processor": "AMD EPYC, 2 cores", "instructions": "AVX2, FMA3",
     "python": "3.11.7", "command": "make test", "outcome": "re-executed", "date": "2026-12-01"},
    {"system": "Linux", "machine": "x86_64", "processor": "AMD EPYC, 2 cores", "instructions": "AVX2, FMA3",
     "python": "3.11.7", "command": "make test-threads", "outcome": "threads", "date": "2026-12-01"},
    {"system": "Linux", "machine": "x86_64", "processor": "AMD EPYC, 2 cores", "instructions": "AVX2, FMA3",
     "python": "3.12.1", "command": "make test-python PY=3.12", "outcome": "passed", "date": "2026-12-01"},
    {"system": "Linux", "machine": "x86_64", "processor": "AMD EPYC, 2 cores", "instructions": "AVX2, FMA3",
     "python": "3.13.0", "command": "make test-python PY=3.13", "outcome": "passed", "date": "2026-12-01"},
    {"system": "Linux", "machine": "x86_64", "processor": "Intel", "instructions": "AVX2, FMA3, AVX-512",
     "python": "3.11", "command": "make execute", "outcome": "intel-frame", "date": "2026-12-01"},
)
REFERENCE = VERIFIED_ON[0]  # where the stored outputs were made
_PYTHONS = sorted({".".join(r["python"].split(".")[:2]) for r in VERIFIED_ON if r["processor"] == REFERENCE["processor"]})
VERIFIED = (f"{REFERENCE['system']} {REFERENCE['machine']} with Python {', '.join(_PYTHONS)} "
            f"({REFERENCE['processor'].split(',')[0]}: {REFERENCE['instructions']})")
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^;\s]+)\s*(?:;\s*(.+))?$")


def requirements_file() -> Path | None:
    """requirements.txt next to the helpers package (the repository or the course zip), if there."""
    found = Path(__file__).resolve().parents[1] / "requirements.txt"
    return found if found.exists() else None


def pins(path: Path) -> list[tuple[str, str]]:
    """(package, version) of every ``name==version`` line of ``path`` whose environment marker holds here."""
    from packaging.markers import Marker

    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.split("#")[0].strip())
        if match and (match[3] is None or Marker(match[3]).evaluate()):
            found.append((match[1], match[2]))
    return found


def cpu_features() -> str:
    """The vector instructions that matter for the book's digits, as NumPy found them."""
    try:
        from numpy._core._multiarray_umath import __cpu_features__ as features
    except ImportError:
        return "unknown (NumPy is not installed)"
    wanted = ["AVX2", "FMA3", "AVX512F", "ASIMD"]
    return ", ".join(name for name in wanted if features.get(name)) or "none of AVX2, FMA3, AVX-512, NEON"


def findings() -> tuple[list[str], list[str], list[str]]:
    """(lines to print, differences: what will run but may print another last digit than the book, problems:
    what will not run, each with what to do)."""
    lines, differences, problems = [], [], []
    version = sys.version_info[:2]
    lines.append(f"Python      {platform.python_version()} ({sys.executable})")
    if version not in SUPPORTED_PYTHONS:
        problems.append(f"Python {version[0]}.{version[1]} is not supported: use "
                        + ", ".join(f"{major}.{minor}" for major, minor in SUPPORTED_PYTHONS))
    lines.append(f"system      {platform.system()} {platform.release()}, {platform.machine()}")
    lines.append(f"processor   {platform.processor() or platform.machine()}; vector instructions: {cpu_features()}")
    path = requirements_file()
    if path is None:
        problems.append("requirements.txt was not found next to helpers/: run this in the course folder")
    else:
        for name, pinned in pins(path):
            try:
                installed = metadata.version(name)
            except metadata.PackageNotFoundError:
                problems.append(f"{name} is not installed (pinned {pinned}): run the setup commands of the README")
                lines.append(f"  {name:<16} missing (pinned {pinned})")
                continue
            same = installed.split("+")[0] == pinned
            lines.append(f"  {name:<16} {installed:<14} {'ok' if same else f'pinned {pinned}'}")
            if not same:
                differences.append(f"{name} {installed} is installed, the book pins {pinned}: digits may differ "
                                   "(to match the book: run the setup commands of the README again)")
    dot = shutil.which("dot")
    lines.append(f"graphviz    {'dot at ' + dot if dot else 'dot not found'}")
    if not dot:
        problems.append("Graphviz's dot program is missing: the diagrams need it (see the README)")
    reference = platform.system() == "Linux" and platform.machine() in ("x86_64", "AMD64") and \
        version in SUPPORTED_PYTHONS
    lines.append(f"verified    the stored outputs were checked on {VERIFIED}")
    lines.append("            " + ("this machine is of that kind" if reference else
                                  "on this machine a last digit may differ, and that is expected"))
    return lines, differences, problems


def main() -> int:
    """Print the findings; exit status 1 only when something will not run."""
    lines, differences, problems = findings()
    print("\n".join(lines))
    if differences:
        print("\nWill run, but a last digit may differ from the book:\n"
              + "\n".join(f"- {difference}" for difference in differences))
    if problems:
        print("\nWill not run, to fix:\n" + "\n".join(f"- {problem}" for problem in problems))
        return 1
    print("\nsetup OK" if not differences else "\nsetup OK, with the differences above")
    return 0


if __name__ == "__main__":
    sys.exit(main())
