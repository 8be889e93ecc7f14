"""Suite-wide hooks (at the repo root so they see the notebooks under chapters/ too):
a per-notebook timing table, and the time budgets enforced.

Budgets (see README): no notebook over 60 s, the whole suite under 5 minutes on 2 cores.
"""

import time
from collections import defaultdict
from pathlib import Path

NOTEBOOK_BUDGET_S = 60.0
SUITE_BUDGET_S = 300.0
TIMES_FILE = Path(__file__).parent / "_build" / "notebook-times.txt"

_notebook_seconds = defaultdict(float)
_start = time.perf_counter()


def pytest_runtest_logreport(report):
    """Add every phase (kernel start-up included, it runs in the first cell's setup) to its notebook."""
    path = report.nodeid.split("::")[0]
    if path.endswith(".ipynb"):
        _notebook_seconds[path] += report.duration


def budget_violations(notebook_seconds, wall_seconds):
    """Return a list of human-readable budget violations (empty when everything is in budget)."""
    problems = [
        f"{path} took {seconds:.1f} s (budget {NOTEBOOK_BUDGET_S:.0f} s)"
        for path, seconds in notebook_seconds.items()
        if seconds > NOTEBOOK_BUDGET_S
    ]
    if wall_seconds > SUITE_BUDGET_S:
        problems.append(f"the suite took {wall_seconds:.0f} s (budget {SUITE_BUDGET_S:.0f} s)")
    return problems


def pytest_sessionfinish(session, exitstatus):
    """Fail an otherwise green run that broke a time budget."""
    if hasattr(session.config, "workerinput") or not _notebook_seconds:
        return
    session.config._suite_wall_s = time.perf_counter() - _start
    problems = budget_violations(_notebook_seconds, session.config._suite_wall_s)
    session.config._budget_problems = problems
    if problems and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not _notebook_seconds or hasattr(config, "workerinput"):
        return
    lines = [f"{seconds:7.1f} s  {path}" for path, seconds in sorted(_notebook_seconds.items(), key=lambda i: -i[1])]
    lines.append(f"{sum(_notebook_seconds.values()):7.1f} s  all notebooks (summed over workers)")
    lines.append(f"{config._suite_wall_s:7.1f} s  suite wall time")
    lines += [f"OVER BUDGET: {problem}" for problem in config._budget_problems]
    terminalreporter.section("notebook execution times")
    for line in lines:
        terminalreporter.write_line(line, red=line.startswith("OVER BUDGET"))
    # `make test` prints this file again at the very end, after the site tests.
    TIMES_FILE.parent.mkdir(exist_ok=True)
    TIMES_FILE.write_text("\n".join(["notebook execution times (budgets: 60 s each, 300 s suite)", *lines]) + "\n")
