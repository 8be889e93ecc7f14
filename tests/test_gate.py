"""The nbval gate can fail: a notebook copy with one stored output changed must fail it.

Runs nbval in a subprocess on two copies of a small notebook: the untouched copy must pass and the
copy with one changed output must fail, on exactly that cell.
"""

import json
import re
import shutil
import subprocess
import sys

from book_files import ROOT

NOTEBOOK = ROOT / "chapters" / "01_tensors" / "pytorch.ipynb"


def test_changed_output_fails_nbval(tmp_path):
    untouched = tmp_path / "untouched.ipynb"
    changed = tmp_path / "changed.ipynb"
    shutil.copy(NOTEBOOK, untouched)
    data = json.loads(NOTEBOOK.read_text())
    key_cell = next(c for c in data["cells"] if "key-results" in c.get("metadata", {}).get("tags", []))
    text = "".join(key_cell["outputs"][0]["text"])
    key_cell["outputs"][0]["text"] = text.replace("6.0", "7.0")
    assert key_cell["outputs"][0]["text"] != text, "the test must really change an output"
    changed.write_text(json.dumps(data))

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-p", "no:xdist", "-p", "no:cacheprovider",
         "--nbval", "--nbval-current-env", f"--nbval-sanitize-with={ROOT / 'tests' / 'sanitize.cfg'}",
         "--rootdir", str(tmp_path), "-q", str(untouched), str(changed)],
        cwd=NOTEBOOK.parent, capture_output=True, text=True, timeout=300,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 1, result.stdout[-3000:]
    assert re.search(r"\b1 failed\b", summary), summary
    assert "FAILED" in result.stdout and "changed.ipynb" in result.stdout
    assert "untouched.ipynb::" not in "".join(
        line for line in result.stdout.splitlines() if line.startswith("FAILED")
    ), "the untouched copy must pass"
