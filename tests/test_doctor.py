"""The setup doctor (python -m helpers.doctor): OK in the project's environment, and it names what is wrong."""

import subprocess
import sys

from helpers import doctor


def test_the_project_environment_is_ok():
    result = subprocess.run([sys.executable, "-m", "helpers.doctor"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("setup OK")
    assert "  numpy            2.4.6          ok" in result.stdout


def test_a_wrong_version_and_a_missing_dot_are_named(tmp_path, monkeypatch, capsys):
    pins = tmp_path / "requirements.txt"
    pins.write_text("numpy==1.0.0\nnot-a-package-here==1.2\ntorch==9.9; sys_platform == 'nowhere'\n")
    monkeypatch.setattr(doctor, "requirements_file", lambda: pins)
    monkeypatch.setattr(doctor.shutil, "which", lambda name: None)
    assert doctor.main() == 1
    out = capsys.readouterr().out
    assert "numpy 2.4.6 is installed, the book pins 1.0.0: digits may differ" in out
    assert "not-a-package-here is not installed (pinned 1.2)" in out
    assert "torch" not in out  # its marker does not hold here
    assert "Graphviz's dot program is missing" in out
