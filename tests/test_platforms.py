"""The pins install on every platform a student may have, and the lock matches the pins.

Needs the package index (PyPI): uv reads the packages' metadata there (cached after the first run).
A failure names the platform, the Python version and, in uv's words, the package that does not fit.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest

from notebooks import ROOT
import sys

sys.path.insert(0, str(ROOT / "scripts"))
import lock  # noqa: E402  (scripts/lock.py: the resolver calls shared with `make lock`)

TARGETS = [(platform, python) for platform in lock.PLATFORMS for python in lock.PYTHONS]


@pytest.fixture(scope="module", autouse=True)
def no_python_downloads():
    """uv resolves for a target Python without having it, but first tries to download a 3.12 or 3.13 it lacks:
    seconds per target wasted (retries where the download site is unreachable), one at a time behind uv's lock."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UV_PYTHON_DOWNLOADS", "never")
        yield


@pytest.fixture(scope="module")
def resolutions():
    """Resolve all targets at once (each a uv process waiting on the network), with the lock as constraints."""
    with ThreadPoolExecutor(max_workers=len(TARGETS)) as pool:
        results = pool.map(lambda target: lock.resolve(*target, constraints=lock.LOCK), TARGETS)
        return dict(zip(TARGETS, results))


@pytest.mark.parametrize("platform,python", TARGETS, ids=[f"{p.replace(' ', '_')}-py{v}" for p, v in TARGETS])
def test_requirements_resolve(resolutions, platform, python):
    result = resolutions[platform, python]
    assert result.returncode == 0, f"{platform}, Python {python}: the pins do not install:\n{result.stderr.strip()}"
    names = {line.split("==")[0] for line in result.stdout.splitlines()}
    assert {"torch", "keras", "jupyterlab"} <= names
    assert names & {"tensorflow", "tensorflow-cpu"}, f"{platform}, Python {python}: no TensorFlow"


def test_lock_is_in_sync_with_the_pins():
    """Resolving requirements.txt within the lock gives exactly the lock: nothing missing, nothing extra."""
    locked = lock.pinned_lines(lock.LOCK.read_text())
    try:
        resolved = lock.reference_lock(constraints=lock.LOCK)
    except RuntimeError as error:
        pytest.fail(f"requirements-lock.txt conflicts with requirements.txt: run `make lock`\n{error}", pytrace=False)
    missing, extra = sorted(set(resolved) - set(locked)), sorted(set(locked) - set(resolved))
    assert not missing and not extra, (
        f"requirements-lock.txt is out of sync with requirements.txt (run `make lock`): "
        f"needed but not locked {missing}; locked but not needed {extra}"
    )


def test_lock_leaves_out_cuda_and_pins_the_cpu_torch():
    text = lock.LOCK.read_text()
    assert "torch==2.13.0\n" in text and "nvidia-" not in text and "triton" not in text
