"""The GitHub Actions workflow is valid (actionlint, pinned in requirements-dev.txt) and runs the README's commands."""

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from book_files import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert found, "actionlint is not installed: run `make setup` (it installs requirements-dev.txt)"
    return found


def test_workflows_pass_actionlint():
    assert WORKFLOWS, "no workflow in .github/workflows"
    result = subprocess.run([actionlint(), "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, f"actionlint:\n{result.stdout}{result.stderr}"


def test_actionlint_can_fail(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.no_such }}\n")
    result = subprocess.run([actionlint(), "-no-color", str(broken)], capture_output=True, text=True)
    assert result.returncode == 1 and "no_such" in result.stdout


def test_ci_runs_the_readme_test_command_and_publishes_main():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    triggers = workflow[True]  # YAML reads the key `on` as True
    assert {"push", "pull_request"} <= set(triggers)
    steps = workflow["jobs"]["test"]["steps"]
    assert any(step.get("run") == "bash .ci/run" for step in steps)
    python = next(step["with"] for step in steps if "setup-python" in step.get("uses", ""))
    assert python == {"python-version-file": ".python-version"}, "CI runs the reference Python, from .python-version"
    assert workflow["jobs"]["publish"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


README_TEST_COMMAND = ["make", "test"]


def command_lines(script: str) -> list[list[str]]:
    """The commands of a shell script or code block, one per line, as words (comments and blank lines left out)."""
    return [words for line in script.splitlines() if (words := shlex.split(line, comments=True))]


def test_ci_runs_the_readme_test_command_and_builds_the_book_once():
    """.ci/run runs the README's test command as a command line of its own (not in a comment, nothing added),
    and builds the book once: `make test` builds the course zips and the site, so no second build follows."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"^## The two commands\n.*?^```bash\n(.*?)^```", readme, re.S | re.M)
    assert block, "README.md has no bash block under '## The two commands'"
    assert README_TEST_COMMAND in command_lines(block.group(1)), "the README's two commands lack `make test`"
    ci = command_lines((ROOT / ".ci" / "run").read_text())
    assert README_TEST_COMMAND in ci, f".ci/run does not run `make test` as a command line: {ci}"
    dry_run = subprocess.run(["make", "-n", "test"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert "scripts/make_course_zip.py" in dry_run and "scripts/build_book.py" in dry_run, "`make test` builds no book"
    again = [words for words in ci if words[:2] == ["make", "book"] or "scripts/build_book.py" in words]
    assert not again, f".ci/run builds the book a second time after `make test`: {again}"
