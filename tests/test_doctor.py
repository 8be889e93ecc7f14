"""The setup doctor (python -m helpers.doctor): OK in the project's environment, and it names what is wrong,
telling what will not run (exit status 1) from what will run with another last digit (exit status 0)."""

import subprocess
import sys

from helpers import doctor

NUMPY_PIN = next(version for name, version in doctor.pins(doctor.requirements_file()) if name == "numpy")


def test_the_project_environment_is_ok():
    result = subprocess.run([sys.executable, "-m", "helpers.doctor"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("setup OK")
    assert f"  numpy            {NUMPY_PIN:<14} ok" in result.stdout


def test_a_wrong_version_runs_with_a_warning(tmp_path, monkeypatch, capsys):
    pins = tmp_path / "requirements.txt"
    pins.write_text("numpy==1.0.0\ntorch==9.9; sys_platform == 'nowhere'\n")
    monkeypatch.setattr(doctor, "requirements_file", lambda: pins)
    monkeypatch.setattr(doctor.shutil, "which", lambda name: "/usr/bin/dot")
    assert doctor.main() == 0
    out = capsys.readouterr().out
    assert "Will run, but a last digit may differ from the book:" in out
    assert f"numpy {NUMPY_PIN} is installed, the book pins 1.0.0: digits may differ" in out
    assert "torch" not in out  # its marker does not hold here
    assert out.rstrip().endswith("setup OK, with the differences above")


def test_a_missing_package_and_a_missing_dot_will_not_run(tmp_path, monkeypatch, capsys):
    pins = tmp_path / "requirements.txt"
    pins.write_text("not-a-package-here==1.2\n")
    monkeypatch.setattr(doctor, "requirements_file", lambda: pins)
    monkeypatch.setattr(doctor.shutil, "which", lambda name: None)
    assert doctor.main() == 1
    out = capsys.readouterr().out
    assert "Will not run, to fix:" in out
    assert "not-a-package-here is not installed (pinned 1.2): run the setup commands of the README" in out
    assert "Graphviz's dot program is missing" in out


def test_an_unsupported_python_will_not_run(monkeypatch, capsys):
    monkeypatch.setattr(doctor, "SUPPORTED_PYTHONS", ((3, 99),))
    assert doctor.main() == 1
    out = capsys.readouterr().out
    assert f"Python {sys.version_info[0]}.{sys.version_info[1]} is not supported: use 3.99" in out


def test_the_supported_pythons_come_from_pyproject():
    low, high = doctor.SUPPORTED_PYTHONS[0], doctor.SUPPORTED_PYTHONS[-1]
    text = (doctor.Path(doctor.__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert f'requires-python = ">={low[0]}.{low[1]},<{high[0]}.{high[1] + 1}"' in text
