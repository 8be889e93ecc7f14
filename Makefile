# The README's two commands: `make book` builds the site, `make test` runs every test.
# Both set up the pinned environment (.venv) first when it is missing or out of date.
VENV := .venv
BIN := $(VENV)/bin
# TensorFlow's settings (quiet C++ logs, no oneDNN fused kernels, AVX2 at most) are set in one place,
# helpers/tf_utils.py, before TensorFlow loads: in a notebook's kernel, a test or a script alike.

.PHONY: setup book test test-notebooks test-site test-threads browser lab doctor execute lock translations clean

## The pinned environment .venv: the notebooks' packages (requirements.txt) and the book's tools on top
## (requirements-dev.txt), at the versions of requirements-lock.txt. `make lab` and `make doctor` need only
## the notebooks' (scripts/setup.sh --notebooks), as a student does.
setup:
	@bash scripts/setup.sh

## Build the static site from the notebooks' stored outputs, warnings are errors: English into _build/html,
## the Korean edition (the same sources, prose from locales/ko/) into _build/html/ko.
## First the course downloads (_build/dl-foundations-course.zip and its Korean twin: notebooks, helpers,
## pins, README), which intro.md links, so the site serves a copy of them.
book: setup
	@$(BIN)/python scripts/make_course_zip.py
	$(BIN)/python scripts/build_book.py

## Run every test: unit, structure, parity, the nbval gate over every notebook (strict), timings;
## then the site tests; then the notebook timing table again, so it is the last thing printed.
## (Chromium first: the JupyterLab test of the first suite drives it too.)
test: setup browser
	$(BIN)/python -m pytest
	@$(MAKE) --no-print-directory test-site
	@echo; cat _build/notebook-times.txt

## The built site in a headless Chromium (site_tests/, their own pytest.ini): builds the site first
## (Sphinx rebuilds only what changed) and installs Chromium when it is missing.
test-site: book browser
	$(BIN)/python -m pytest -c site_tests/pytest.ini site_tests

## Full-page screenshots of every page, both editions, into _build/screenshots/ for a human to look at
## (the site tests skip them otherwise); each picture is checked (size, not blank, shows the title).
.PHONY: screenshots
screenshots: book browser
	SITE_SCREENSHOTS=1 $(BIN)/python -m pytest -c site_tests/pytest.ini site_tests/test_pages.py -k test_screenshot

## The notebook suite twice more, with every thread pool (TensorFlow, PyTorch, OpenMP, OpenBLAS, MKL) at 1 and
## at 8 threads, as on a student's laptop: the stored outputs must not depend on the number of threads.
## (PyTorch takes its count from tests/threads_startup.py, an IPython start-up file, right after it loads.)
THREAD_VARS = TF_NUM_INTRAOP_THREADS TF_NUM_INTEROP_THREADS OMP_NUM_THREADS OPENBLAS_NUM_THREADS MKL_NUM_THREADS BOOK_THREADS
test-threads: setup
	@for n in 1 8; do \
	  ipython_dir=$$(mktemp -d) && mkdir -p $$ipython_dir/profile_default/startup && \
	  cp tests/threads_startup.py $$ipython_dir/profile_default/startup/ && \
	  echo "test-threads: the notebook suite with $$n thread(s) in every pool" && \
	  env IPYTHONDIR=$$ipython_dir $(foreach v,$(THREAD_VARS),$(v)=$$n) $(BIN)/python -m pytest chapters -q || exit 1; \
	done

browser:
	@bash scripts/setup.sh --browser

## Open the notebooks in JupyterLab (pinned in requirements.txt: the notebooks' packages are all it sets up).
## As root (containers, WSL, cloud machines) Jupyter refuses to start without --allow-root, so it is added
## then. More options: `make lab LAB_ARGS="--no-browser --port=8899"`.
LAB_ARGS ?=
lab:
	@bash scripts/setup.sh --notebooks
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS) chapters

## Check this machine's setup: Python, processor, the pinned packages, Graphviz (python -m helpers.doctor).
doctor:
	@bash scripts/setup.sh --notebooks
	$(BIN)/python -m helpers.doctor

## Re-execute notebooks and store their outputs: `make execute NB=chapters/01_tensors/pytorch.ipynb`.
execute: setup
	$(BIN)/python scripts/execute_notebooks.py $(NB)

## After editing requirements.txt or requirements-dev.txt: pin everything they pull in, for every supported
## platform and Python, in requirements-lock.txt (uv's universal resolution, scripts/lock.py). It needs only
## uv from an existing .venv (setting up first would fail: a changed pin contradicts the old lock), then
## installs what the new lock pins.
lock:
	@[ -x $(BIN)/uv ] || bash scripts/setup.sh
	$(BIN)/python scripts/lock.py
	@bash scripts/setup.sh

## After editing English text: extract its messages (_build/gettext/*.pot) and update locales/ko/LC_MESSAGES/*.po.
## A changed message becomes "fuzzy", a new one untranslated; tests/test_translations.py fails until each is
## translated (CONTRIBUTING.md, "Translating").
translations: setup
	$(BIN)/python scripts/build_book.py gettext
	$(BIN)/sphinx-intl update --pot-dir _build/gettext --locale-dir locales --language ko --line-width -1 --no-obsolete

## The notebook suite on another Python, in its own environment .venv-$(PY) with the same pins:
## `make test-python PY=3.13` (3.11-3.13; python$(PY) from the PATH, or pyenv's). On Linux x86_64 without
## download.pytorch.org, torch comes from PyPI with its CUDA libraries (GBs).
.PHONY: test-python
PY ?=
test-python:
	@[ -n "$(PY)" ] || { echo "usage: make test-python PY=3.13" >&2; exit 2; }
	@bash scripts/setup.sh --python $(PY) --venv $(VENV)-$(PY)
	$(VENV)-$(PY)/bin/python -m pytest chapters

clean:
	rm -rf _build
