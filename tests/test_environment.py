"""One source of truth for the pins: requirements.txt; environment.yml installs exactly that file."""

import re

import yaml

from notebooks import ROOT


def pins():
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_requirements_are_exact_pins():
    """name==version, optionally for some platforms only (an environment marker after ';')."""
    for line in pins():
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.\-+]*(; .+)?", line), f"not an exact pin: {line}"
    dev = (ROOT / "requirements-dev.txt").read_text().splitlines()
    for line in (line for line in dev if line.strip() and not line.startswith("#")):
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.\-+]*", line), f"not an exact pin: {line}"


def test_environment_yml_installs_the_same_pins():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    assert "python=3.11" in deps
    assert any(str(d).startswith("graphviz") for d in deps), "the dot program comes from conda-forge graphviz"
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert "-r requirements.txt" in pip_section, "environment.yml must install requirements.txt"
    assert any(p.startswith("-c requirements-lock.txt") for p in pip_section), "and constrain it with the lock"
    pinned_here = [p for p in pip_section if "==" in p]
    for pin in pinned_here:
        assert pin in pins(), f"environment.yml pins {pin}, requirements.txt does not"


def test_key_versions_are_the_supported_ones():
    text = "\n".join(pins())
    assert "tensorflow-cpu==2.21." in text and "torch==2.13.0" in text and "jupyter-book==1.0." in text
