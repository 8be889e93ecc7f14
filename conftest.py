"""Suite-wide hooks (at the repo root so they see the notebooks under chapters/ too): a per-notebook timing
table, with the time budgets as benchmarks; nbval's kernels talk over Unix sockets, not TCP ports.

The budget figures are printed next to every time. This machine's speed varies by about ±25 % from run to
run, so a time over its budget is only flagged in the table; the run fails when a notebook or the suite
takes over FAIL_FACTOR times its budget, far beyond that noise.
"""

import os
import shutil
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path

import nbval.kernel
from jupyter_client.manager import KernelManager

# The budget figures, in seconds (README, "Testing"). Measured on the reference machine (Linux x86_64, 2 cores)
# on 2026-12-01: `pytest` as `make test` runs it, Python 3.11, slowest notebook 34 s (chapter 7), whole run 281 s;
# `pytest chapters` on Python 3.12 and 3.13 while other jobs loaded the machine: slowest 60-73 s, suite 278-372 s.
NOTEBOOK_BUDGET_S = 60.0  # each notebook, kernel start-up included
SUITE_BUDGET_S = 300.0  # the whole pytest run, wall time
FAIL_FACTOR = 2.0  # a run fails only beyond this multiple of a budget (the noise is ±25 %)
TIMES_FILE = Path(__file__).parent / "_build" / "notebook-times.txt"

_notebook_seconds = defaultdict(float)
_start = time.perf_counter()


class UnixSocketKernelManager(KernelManager):
    """A kernel manager whose kernel listens on Unix sockets (ZeroMQ's ipc transport) instead of TCP ports.

    Over TCP, jupyter_client picks five free ports and closes them, and the kernel binds them a moment later.
    With two xdist workers starting kernels, and every open connection drawing ports from the same range, a
    port can be taken in between: the kernel exits at once ("Kernel died before replying to kernel_info";
    nbval sends its stderr to /dev/null). Seen once, in a fresh clone's `make test-threads`, where every cell
    of the notebook then errored. A socket file with this kernel's own name cannot be taken by anyone else.
    """

    folder = ""  # set by pytest_configure: one temporary folder per pytest process, removed at its end

    def __init__(self, **kwargs):
        super().__init__(transport="ipc", ip=os.path.join(self.folder, f"kernel-{uuid.uuid4().hex[:8]}"), **kwargs)


def pytest_configure(config):
    """nbval starts its kernels with UnixSocketKernelManager (not on Windows: ZeroMQ has no ipc there)."""
    if os.name == "posix":
        UnixSocketKernelManager.folder = tempfile.mkdtemp(prefix="nbval-sockets-")
        nbval.kernel.KernelManager = UnixSocketKernelManager


def pytest_unconfigure(config):
    if UnixSocketKernelManager.folder:
        shutil.rmtree(UnixSocketKernelManager.folder, ignore_errors=True)


def pytest_runtest_logreport(report):
    """Add every phase (kernel start-up included, it runs in the first cell's setup) to its notebook."""
    path = report.nodeid.split("::")[0]
    if path.endswith(".ipynb"):
        _notebook_seconds[path] += report.duration


def over_budget(notebook_seconds, wall_seconds):
    """(line, fails) for each notebook, and the suite, over its budget figure; fails: over FAIL_FACTOR times it."""
    by_time = sorted(notebook_seconds.items(), key=lambda item: -item[1])
    timed = [(path, seconds, NOTEBOOK_BUDGET_S) for path, seconds in by_time]
    timed.append(("the suite (wall time)", wall_seconds, SUITE_BUDGET_S))
    found = []
    for what, seconds, budget in timed:
        if seconds > budget:
            fails = seconds > FAIL_FACTOR * budget
            verdict = f"over {FAIL_FACTOR:.0f}x: the run fails" if fails else f"within {FAIL_FACTOR:.0f}x: noted only"
            line = f"{what} took {seconds:.1f} s, {seconds / budget:.1f}x its {budget:.0f} s budget ({verdict})"
            found.append((line, fails))
    return found


def pytest_sessionfinish(session, exitstatus):
    """Fail an otherwise green run in which a notebook or the suite took over FAIL_FACTOR times its budget."""
    if hasattr(session.config, "workerinput") or not _notebook_seconds:
        return
    session.config._suite_wall_s = time.perf_counter() - _start
    session.config._over_budget = over_budget(_notebook_seconds, session.config._suite_wall_s)
    if any(fails for _, fails in session.config._over_budget) and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """The table: every notebook's time against its budget figure, the suite's, then what went over."""
    if not _notebook_seconds or hasattr(config, "workerinput"):
        return
    header = (f"notebook execution times (budgets: {NOTEBOOK_BUDGET_S:.0f} s each, {SUITE_BUDGET_S:.0f} s suite;"
              f" a run fails over {FAIL_FACTOR:.0f}x a budget)")
    lines = [f"{seconds:7.1f} s  {seconds / NOTEBOOK_BUDGET_S:4.0%} of {NOTEBOOK_BUDGET_S:.0f} s  {path}"
             for path, seconds in sorted(_notebook_seconds.items(), key=lambda item: -item[1])]
    lines.append(f"{sum(_notebook_seconds.values()):7.1f} s  all notebooks (summed over workers)")
    wall = config._suite_wall_s
    lines.append(f"{wall:7.1f} s  {wall / SUITE_BUDGET_S:4.0%} of {SUITE_BUDGET_S:.0f} s  suite wall time")
    terminalreporter.section("notebook execution times")
    for line in [header, *lines]:
        terminalreporter.write_line(line)
    for line, fails in config._over_budget:
        terminalreporter.write_line(f"OVER BUDGET: {line}", red=fails, yellow=not fails)
    # `make test` prints this file again at the very end, after the site tests.
    TIMES_FILE.parent.mkdir(exist_ok=True)
    over = [f"OVER BUDGET: {line}" for line, _ in config._over_budget]
    TIMES_FILE.write_text("\n".join([header, *lines, *over]) + "\n")
