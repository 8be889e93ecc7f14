"""The "run locally" path, end to end: JupyterLab from this environment, driven in a headless Chromium.

A JupyterLab server is started from the project's environment on 127.0.0.1 (a free port, a token, no
browser of its own, `--allow-root` when root, its own temporary runtime/config/data folders) with the
environment a student has: no pytest variables, no TF_* or PYTHONHASHSEED of the developer's shell.
It serves COPIES of chapter notebooks, outputs and execution counts cleared, in a temporary folder (so
Lab's autosave never touches the repository; the copies import `helpers` from the editable install).
Each copy is opened in Chromium (Playwright, the site tests' launch arguments), Run -> Run All Cells
is clicked in the menu, and once the kernel is idle every code cell must have an execution count, no
cell may show an error (or stderr) output, and the chapter's key results, as stored in the notebook,
must appear. A copy with `1/0` injected must be reported as failing by the same check.
"""

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from book_files import ROOT, read, tagged_stdout
from site_browser import CHROMIUM, CHROMIUM_ARGS

NOTEBOOKS = ["chapters/01_tensors/tensorflow.ipynb", "chapters/01_tensors/pytorch.ipynb"]
BROKEN_FROM = "chapters/01_tensors/pytorch.ipynb"
BROKEN = "broken/pytorch.ipynb"  # the copy of BROKEN_FROM with `1/0` in its first code cell
TOKEN = "course-lab-test"
RUN_TIMEOUT_S = 90


def lab_path(notebook: str) -> str:
    """Where the copy of a chapter notebook sits under Lab's root: 01_tensors/pytorch.ipynb."""
    return str(Path(notebook).relative_to("chapters"))


def student_copy(source: Path, dest: Path, fail_in_code_cell: int | None = None) -> Path:
    """Copy a notebook with outputs and execution counts cleared; optionally put `1/0` first in one code cell."""
    nb = read(source)
    code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    for cell in code_cells:
        cell.outputs, cell.execution_count = [], None
    if fail_in_code_cell is not None:
        code_cells[fail_in_code_cell].source = "1/0\n" + code_cells[fail_in_code_cell].source
    dest.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, dest)
    return dest


def student_env(tmp: Path) -> dict:
    """This process's environment without pytest's and the Makefile's variables, with Jupyter's
    per-user folders in ``tmp``."""
    drop = ("PYTEST_", "TF_CPP_MIN_LOG_LEVEL", "TF_ENABLE_ONEDNN_OPTS", "PYTHONHASHSEED")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    for name in ("JUPYTER_RUNTIME_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR"):
        env[name] = str(tmp / name.lower())
    return env


class LabServer:
    """`jupyter lab` from this environment, serving ``root_dir``; started at once, stopped by stop()."""

    def __init__(self, root_dir: Path, tmp: Path):
        lab = Path(sys.executable).parent / "jupyter-lab"
        if not lab.exists():
            pytest.fail(f"JupyterLab is not installed in {sys.prefix}: run `make setup` (requirements.txt pins it)",
                        pytrace=False)
        self.env = student_env(tmp)
        self.log_path = tmp / "lab.log"
        args = [str(lab), "--no-browser", "--ServerApp.ip=127.0.0.1", "--ServerApp.port=0",
                f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={root_dir}"]
        if os.geteuid() == 0:
            args.append("--allow-root")
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(args, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        self.url = self._wait_until_up()

    def _wait_until_up(self, timeout_s: float = 60) -> str:
        """Read the port from the server's runtime file and wait until its API answers; return its URL."""
        info_file = Path(self.env["JUPYTER_RUNTIME_DIR"]) / f"jpserver-{self.process.pid}.json"
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"jupyter lab exited ({self.process.returncode}):\n{self.log()}", pytrace=False)
            if info_file.exists():
                url = f"http://127.0.0.1:{json.loads(info_file.read_text())['port']}/"
                try:
                    self.api("GET", "api/status", url)
                    return url
                except OSError:
                    pass
            time.sleep(0.2)
        pytest.fail(f"jupyter lab did not answer within {timeout_s:.0f} s:\n{self.log()}", pytrace=False)

    def api(self, method: str, path: str, url: str | None = None):
        """Call the server's REST API with the token; return the decoded JSON (None when empty)."""
        request = urllib.request.Request(f"{url or self.url}{path}", method=method,
                                         headers={"Authorization": f"token {TOKEN}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log(self) -> str:
        return self.log_path.read_text()[-3000:]

    def stop(self):
        """Shut down its kernels, then the server (SIGTERM, then SIGKILL to its process group)."""
        try:
            for kernel in self.api("GET", "api/kernels"):
                self.api("DELETE", f"api/kernels/{kernel['id']}")
        except OSError:
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, 9)
            self.process.wait()


@dataclass
class LabRun:
    """What the notebook showed in Lab after Run All Cells: one prompt per code cell, every output's
    text, and the text of error/stderr outputs."""
    prompts: list[str]
    outputs: str
    errors: list[str]
    seconds: float


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A Lab server over a temporary folder holding the copies (real ones and one with a failing cell)."""
    tmp = tmp_path_factory.mktemp("lab")
    work = tmp / "notebooks"
    for name in NOTEBOOKS:
        student_copy(ROOT / name, work / lab_path(name))
    student_copy(ROOT / BROKEN_FROM, work / BROKEN, fail_in_code_cell=0)
    server = LabServer(work, tmp)
    server.notebooks = [*map(lab_path, NOTEBOOKS), BROKEN]
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    """The system Chromium, headless; a missing one fails with a line saying what to do."""
    chromium, chromium_args = CHROMIUM, CHROMIUM_ARGS  # the site tests' (site_tests/site_browser.py)
    if not os.access(chromium, os.X_OK):
        pytest.fail(f"no Chromium at {chromium}: run `make browser` (installs it as root) or set CHROMIUM=/path",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=chromium_args)
        context = launched.new_context(viewport={"width": 1280, "height": 900})
        yield context
        context.close()
        launched.close()


# In the page: the one notebook panel's code-cell prompts ("[3]:", "[*]:", "[ ]:") and the kernel status.
PROMPTS_JS = "() => Array.from(document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputArea-prompt'), e => e.textContent.trim())"
FINISHED_JS = """() => {
  const status = document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator');
  const prompts = (PROMPTS)();
  return status && status.dataset.status === 'idle' && prompts.some(p => /\\d/.test(p))
         && !prompts.some(p => p.includes('*'));
}""".replace("PROMPTS", PROMPTS_JS)
# Ready: the notebook's kernel is started and connected (before that the indicator says idle for "No Kernel",
# and Run All would open the Select Kernel dialog).
KERNEL_READY_JS = """() => {
  const name = document.querySelector('.jp-NotebookPanel-toolbar .jp-KernelName');
  const status = document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator');
  return name && status && name.textContent.trim() !== 'No Kernel' && status.dataset.status === 'idle';
}"""
OUTPUTS_JS = "sel => Array.from(document.querySelectorAll('.jp-NotebookPanel ' + sel), e => e.textContent)"


def open_and_run_all(context, lab: LabServer, path: str):
    """Open ``path`` (relative to Lab's root) in a new tab and a fresh workspace, wait until its kernel is
    connected and idle, and click Run -> Run All Cells. Return the tab and the time it was opened."""
    start = time.perf_counter()
    tab = context.new_page()
    workspace = re.sub(r"\W", "-", path)
    tab.goto(f"{lab.url}lab/workspaces/{workspace}/tree/{path}?token={TOKEN}")
    tab.wait_for_selector(".jp-NotebookPanel .jp-CodeCell", timeout=60_000)
    tab.wait_for_function(KERNEL_READY_JS, timeout=60_000, polling=250)
    assert tab.locator(".jp-NotebookPanel").count() == 1, "Lab opened more than the one notebook"
    tab.click(".lm-MenuBar-itemLabel:text-is('Run')")
    tab.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    return tab, start


def finished_run(tab, start: float) -> LabRun:
    """Wait until the tab's kernel is idle with no cell queued; return what the notebook shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        tab.wait_for_function(FINISHED_JS, timeout=RUN_TIMEOUT_S * 1000, polling=250)
    except PlaywrightTimeout:
        pytest.fail(f"{tab.url}: Run All Cells did not finish within {RUN_TIMEOUT_S} s; "
                    f"prompts {' '.join(tab.evaluate(PROMPTS_JS))}", pytrace=False)
    return LabRun(
        prompts=tab.evaluate(PROMPTS_JS),
        outputs="\n".join(tab.evaluate(OUTPUTS_JS, ".jp-OutputArea-output")),
        errors=tab.evaluate(OUTPUTS_JS, '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'),
        seconds=time.perf_counter() - start,
    )


@pytest.fixture(scope="module")
def lab_runs(lab, browser):
    """Every copy opened in its own tab and run at once (the kernels overlap); {Lab path: LabRun}."""
    started = {path: open_and_run_all(browser, lab, path) for path in lab.notebooks}
    runs = {path: finished_run(tab, start) for path, (tab, start) in started.items()}
    for tab, _ in started.values():
        tab.close()
    return runs


def problems(run: LabRun, notebook: Path) -> list[str]:
    """What is wrong with a Lab run of ``notebook`` (empty when it ran like the stored notebook)."""
    nb = read(notebook)
    found = []
    code_cells = sum(cell.cell_type == "code" for cell in nb.cells)
    if len(run.prompts) != code_cells:
        found.append(f"Lab shows {len(run.prompts)} code cells, the notebook has {code_cells}")
    unrun = [i + 1 for i, prompt in enumerate(run.prompts) if not re.fullmatch(r"\[\d+\]:", prompt)]
    if unrun:
        found.append(f"code cells without an execution count: {unrun}")
    found += [f"error output: {' '.join(text.split())[:300]}" for text in run.errors]
    key = tagged_stdout(nb, "key-results")
    if not key or key not in run.outputs:
        found.append(f"the stored key results did not appear:\n{key}")
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[lab_path(n).replace("/", "-") for n in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(lab_runs, notebook):
    """Run All Cells in Lab: every cell runs, none shows an error, the key results are the stored ones."""
    run = lab_runs[lab_path(notebook)]
    print(f"{notebook}: opened and ran in JupyterLab in {run.seconds:.1f} s")
    found = problems(run, ROOT / notebook)
    assert not found, f"{notebook} in JupyterLab:\n" + "\n".join(found)


def test_a_failing_cell_is_caught(lab_runs):
    """The check can fail: a copy with `1/0` in its first code cell is reported, with the error shown."""
    found = problems(lab_runs[BROKEN], ROOT / BROKEN_FROM)
    assert any("ZeroDivisionError" in problem for problem in found), found
    assert any("without an execution count" in problem for problem in found), found
    assert any("key results did not appear" in problem for problem in found), found


# A student answers exercise 1 of chapter 1 in each twin: the right answer, then a typical wrong one.
ANSWERS = {  # notebook: (a right answer, a wrong answer, the hint the wrong one must get)
    "chapters/01_tensors/tensorflow.ipynb": ("answer = tf.Variable([[0.5] * 3, [1.0] * 3])", "answer = tf.ones((2, 3))",
                                             "every entry is 1: now subtract 0.5 from the first row"),
    "chapters/01_tensors/pytorch.ipynb": ("answer = torch.tensor([[0.5] * 3, [1.0] * 3])", "answer = torch.ones((2, 3))",
                                          "every entry is 1: now subtract 0.5 from the first row"),
}
STARTER_CHECK = 'exercises.check("1.1", answer)'


def answer_exercise(tab, code: str) -> str:
    """Replace the starter cell's text by ``code`` plus its check line, run it, and return its output text."""
    cell = tab.locator(".jp-NotebookPanel .jp-CodeCell", has_text=STARTER_CHECK).first
    prompt = cell.locator(".jp-InputArea-prompt")
    before = prompt.inner_text().strip()
    cell.locator(".cm-content").click()
    tab.keyboard.press("Control+a")
    tab.keyboard.insert_text(f"{code}\n{STARTER_CHECK}")  # typed as one insertion: no auto-closed brackets
    tab.keyboard.press("Control+Enter")
    # done when the prompt shows a new execution count (it goes [n] -> [*] -> [m])
    tab.wait_for_function("([el, before]) => { const t = el.textContent.trim(); return /\\d/.test(t) && t !== before; }",
                          arg=[prompt.element_handle(), before], timeout=30_000, polling=250)
    output = cell.locator(".jp-OutputArea-output")
    return output.inner_text()


@pytest.mark.parametrize("notebook", list(ANSWERS), ids=[lab_path(n).replace("/", "-") for n in ANSWERS])
def test_a_student_answers_an_exercise(lab_runs, lab, browser, notebook):
    """After Run All, the browser types a right answer into the starter cell and sees the ✓, then a wrong one
    and sees its hint (the notebook's kernel still holds the chapter's state)."""
    right, wrong, hint = ANSWERS[notebook]
    tab = browser.new_page()
    workspace = "answer-" + re.sub(r"\W", "-", lab_path(notebook))
    tab.goto(f"{lab.url}lab/workspaces/{workspace}/tree/{lab_path(notebook)}?token={TOKEN}")
    tab.wait_for_selector(".jp-NotebookPanel .jp-CodeCell", timeout=60_000)
    tab.wait_for_function(KERNEL_READY_JS, timeout=60_000, polling=250)
    try:
        shown = answer_exercise(tab, right)
        assert shown.strip() == "Exercise 1.1: ✓ right", shown
        shown = answer_exercise(tab, wrong)
        assert shown.strip() == f"Exercise 1.1: {hint}", shown
    finally:
        tab.close()
