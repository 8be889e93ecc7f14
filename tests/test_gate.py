"""The nbval gate can fail: a notebook copy with one stored output changed must fail it.

Runs nbval in a subprocess on a copy of the start of a chapter notebook (its setup cell up to its first
seeded random draw, so the test takes seconds, not a whole notebook) with one digit of that draw changed:
exactly that cell must fail, on its output, and every other cell of the copy must pass. (The untouched
notebook passes in the suite itself; a second, untouched copy here cost a kernel start and proved no more.)
"""

import json
import os
import re
import stat
import subprocess
import sys

import pytest
from nbval.kernel import CURRENT_ENV_KERNEL_NAME, RunningKernel

from book_files import ROOT

NOTEBOOK = ROOT / "chapters" / "01_tensors" / "pytorch.ipynb"
DRAW = "torch.randn("  # the first cell that prints seeded random numbers


def test_changed_output_fails_nbval(tmp_path):
    changed = tmp_path / "changed.ipynb"
    data = json.loads(NOTEBOOK.read_text())
    draw = next(i for i, c in enumerate(data["cells"]) if DRAW in "".join(c["source"]))
    data["cells"] = data["cells"][: draw + 1]
    output = data["cells"][draw]["outputs"][0]
    text = "".join(output["text"])
    first_number = re.search(r"-?\d+\.\d+", text)
    last_digit = first_number.end() - 1
    output["text"] = text[:last_digit] + str((int(text[last_digit]) + 1) % 10) + text[last_digit + 1:]
    assert output["text"] != text, "the test must really change an output"
    changed.write_text(json.dumps(data))

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-p", "no:xdist", "-p", "no:cacheprovider",
         "--nbval", "--nbval-current-env", f"--nbval-sanitize-with={ROOT / 'tests' / 'sanitize.cfg'}",
         "--color=no", "--rootdir", str(tmp_path), "-q", str(changed)],
        cwd=NOTEBOOK.parent, capture_output=True, text=True, timeout=120,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 1, result.stdout[-3000:]
    code_cells = sum(c["cell_type"] == "code" for c in data["cells"])
    assert re.search(rf"\b1 failed, {code_cells - 1} passed\b", summary), summary
    # The short summary adds " - <reason>" to a FAILED line only when the terminal is wide enough for it,
    # so the failing cell is read from the line's test id alone.
    failed = re.findall(r"^FAILED \S*?([^/\s]+::Cell \d+)", result.stdout, flags=re.MULTILINE)
    code_cell = sum(c["cell_type"] == "code" for c in data["cells"][:draw])  # nbval counts code cells from 0
    assert failed == [f"changed.ipynb::Cell {code_cell}"], failed
    assert "Cell outputs differ" in result.stdout, "the cell must fail on its output, not on running it"


@pytest.mark.skipif(os.name != "posix", reason="ZeroMQ has no Unix sockets (ipc) on Windows")
def test_nbval_kernels_listen_on_unix_sockets():
    """The gate's kernels take no TCP port another process could take first (the root conftest.py)."""
    kernel = RunningKernel(CURRENT_ENV_KERNEL_NAME)
    try:
        assert kernel.km.transport == "ipc", kernel.km.transport
        sockets = [f"{kernel.km.ip}-{port}" for port in (kernel.km.shell_port, kernel.km.iopub_port)]
        assert all(stat.S_ISSOCK(os.stat(path).st_mode) for path in sockets), sockets
    finally:
        kernel.stop()
