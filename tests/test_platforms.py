"""One lock for every platform a student may have: it covers each one, and it matches the requirements.

For every supported platform and Python, uv resolves the requirements as an install there would
(`uv pip compile --python-platform ... --python-version ...`, the lock as constraints), and the lines of
requirements-lock.txt whose environment markers hold there must be exactly that resolution: nothing a
machine needs is left unpinned, nothing is pinned that it does not need. The lock's first part must hold
everything requirements.txt alone pulls in (what a student installs). Needs the package index (PyPI) the
first time: uv reads the packages' metadata there (cached after that). A failure names the platform, the
Python version and, in uv's words, the package that does not fit.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest

import lock

TARGETS = [(platform, python) for platform in lock.PLATFORMS for python in lock.PYTHONS]
IDS = [f"{p.replace(' ', '_').replace('+', '')}-py{v}" for p, v in TARGETS]


@pytest.fixture(scope="module")
def resolutions():
    """Every target resolved twice (the book's set, the student's alone), all at once: each a uv process
    that may wait on the network."""
    jobs = [(target, book) for target in TARGETS for book in (True, False)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = pool.map(lambda job: lock.resolve(*job[0], constraints=lock.LOCK, book=job[1]), jobs)
        return dict(zip(jobs, results))


@pytest.fixture(scope="module")
def parts():
    return lock.lock_parts(lock.LOCK.read_text())


def resolved(result, platform, python):
    assert result.returncode == 0, f"{platform}, Python {python}: the pins do not install:\n{result.stderr.strip()}"
    return lock.pinned_lines(result.stdout)


@pytest.mark.parametrize("platform,python", TARGETS, ids=IDS)
def test_the_lock_covers_the_platform(resolutions, parts, platform, python):
    """What the lock pins for this platform and Python is exactly what installing there needs."""
    needed = resolved(resolutions[(platform, python), True], platform, python)
    locked = lock.for_target(parts[0] + parts[1], platform, python)
    missing, extra = sorted(set(needed) - set(locked)), sorted(set(locked) - set(needed))
    assert not missing and not extra, (
        f"{platform}, Python {python}: needed but not locked {missing}; locked but not needed there {extra}")
    names = {lock.name_of(line) for line in needed}
    assert {"torch", "keras", "jupyterlab", "jupyter-book"} <= names
    assert names & {"tensorflow", "tensorflow-cpu"}, f"{platform}, Python {python}: no TensorFlow"


@pytest.mark.parametrize("platform,python", TARGETS, ids=IDS)
def test_a_student_installs_only_the_first_part(resolutions, parts, platform, python):
    """requirements.txt alone pulls in only lines of the lock's first part, and none of the book's tools."""
    needed = resolved(resolutions[(platform, python), False], platform, python)
    first = lock.for_target(parts[0], platform, python)
    assert not set(needed) - set(first), f"{platform}, Python {python}: not in the notebooks' part: " \
                                         f"{sorted(set(needed) - set(first))}"
    names = {lock.name_of(line) for line in needed}
    assert not names & {"jupyter-book", "sphinx", "nbval", "pytest", "playwright"}, sorted(names)


def test_lock_is_in_sync_with_the_requirements():
    """Resolving the requirements within the lock gives the lock, to the byte: nothing missing, nothing
    extra, the same parts."""
    try:
        fresh = lock.lock_text(constraints=lock.LOCK)
    except RuntimeError as error:
        pytest.fail(f"requirements-lock.txt conflicts with the requirements: run `make lock`\n{error}", pytrace=False)
    locked = lock.LOCK.read_text()
    missing = sorted(set(lock.pinned_lines(fresh)) - set(lock.pinned_lines(locked)))
    extra = sorted(set(lock.pinned_lines(locked)) - set(lock.pinned_lines(fresh)))
    assert fresh == locked, (
        f"requirements-lock.txt is out of sync with requirements.txt and requirements-dev.txt (run `make lock`): "
        f"needed but not locked {missing}; locked but not needed {extra}")


def test_lock_leaves_out_cuda_and_keeps_the_cpu_torch():
    """PyPI's Linux torch asks for CUDA packages (GBs); the lock pins none of them, on no platform."""
    text = lock.LOCK.read_text()
    lines = lock.pinned_lines(text)
    torch_pin = next(line for line in lock.REQUIREMENTS.read_text().splitlines() if line.startswith("torch=="))
    assert torch_pin in lines, f"{torch_pin} (requirements.txt) must be locked for every platform, without a marker"
    cuda = [line for line in text.splitlines() if lock.CUDA_ONLY.match(line)]
    assert not cuda, f"the lock pins CUDA packages: {cuda}"
    cpu_build = torch_pin.split("==")[1] + "+cpu"
    assert cpu_build in text and "download.pytorch.org/whl/cpu" in text, f"the header must say how ({cpu_build})"


def test_the_checks_can_fail(tmp_path):
    """A lock missing a package, or pinning one a platform does not need, is caught by the same checks."""
    first, second = lock.lock_parts(lock.LOCK.read_text())
    python = lock.PYTHONS[0]
    needed = lock.for_target(first + second, "Windows x86_64", python)
    without_colorama = [line for line in first + second if not line.startswith("colorama==")]
    assert "colorama==0.4.6" in needed
    assert "colorama==0.4.6" not in lock.for_target(without_colorama, "Windows x86_64", python)
    assert "colorama==0.4.6" not in lock.for_target(first + second, "Linux x86_64", python)
    broken = tmp_path / "lock.txt"
    broken.write_text(lock.LOCK.read_text().replace("numpy==2.4.6", "numpy==2.4.5"))
    with pytest.raises(RuntimeError, match="numpy"):
        lock.universal([lock.REQUIREMENTS], constraints=broken)
