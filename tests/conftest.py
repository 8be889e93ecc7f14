"""The time of each slow test file of tests/ (JupyterLab in Chromium, the course zip, the platform matrix...),
printed after the notebook timing table and added to _build/notebook-times.txt, which `make test` shows last."""

from collections import defaultdict

import pytest

from book_files import ROOT

SLOW_FILE_S = 2.0
TIMES_FILE = ROOT / "_build" / "notebook-times.txt"
_file_seconds = defaultdict(float)


def pytest_runtest_logreport(report):
    """Add every phase (module fixtures included) to its test file."""
    path = report.nodeid.split("::")[0]
    if path.startswith("tests/") and path.endswith(".py"):
        _file_seconds[path] += report.duration


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter, config):
    """After the root conftest's notebook table: the test files that took over 2 s, also appended to the
    table's file when this run wrote it (the root conftest sets _suite_wall_s when notebooks ran)."""
    slow = sorted(((seconds, path) for path, seconds in _file_seconds.items() if seconds > SLOW_FILE_S), reverse=True)
    if hasattr(config, "workerinput") or not slow:
        return
    lines = [f"{seconds:7.1f} s  {path}" for seconds, path in slow]
    terminalreporter.section(f"test files over {SLOW_FILE_S:.0f} s")
    for line in lines:
        terminalreporter.write_line(line)
    if hasattr(config, "_suite_wall_s") and TIMES_FILE.exists():
        with TIMES_FILE.open("a") as out:
            out.write("\n".join([f"test files over {SLOW_FILE_S:.0f} s", *lines]) + "\n")
