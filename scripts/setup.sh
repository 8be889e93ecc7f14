#!/usr/bin/env bash
# Create the project's virtual environment (.venv) with the pinned packages, and make sure the
# graphviz 'dot' program is there. Safe to run again: it only does what is missing.
# Called by `make book` and `make test`: the notebooks' packages (requirements.txt) and the book's
# tools on top (requirements-dev.txt), every package they pull in at its version in
# requirements-lock.txt. `scripts/setup.sh --notebooks` (called by `make lab` and `make doctor`, and by
# the course zip's Makefile, whose folder has no requirements-dev.txt) installs only the notebooks'.
# `scripts/setup.sh --browser` (called by `make test-site`) also makes sure the system Chromium the site
# tests drive is there, with a Korean font for the page screenshots.
# `scripts/setup.sh --python 3.13 --venv .venv-3.13` (called by `make test-python PY=3.13`) sets up another
# environment, with the same pins, on that Python (found on the PATH, or among pyenv's versions).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--browser" ]; then
  # The default path is site_tests/site_browser.py's (the site tests read $CHROMIUM the same way).
  CHROMIUM=${CHROMIUM:-$(sed -n 's/^CHROMIUM = os.environ.get("CHROMIUM", "\(.*\)")$/\1/p' site_tests/site_browser.py)}
  [ -n "$CHROMIUM" ] || { echo "setup: site_tests/site_browser.py names no default Chromium" >&2; exit 2; }
  if [ ! -x "$CHROMIUM" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing Chromium and a Korean font with apt-get (a minute or two, once)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum >/dev/null
      [ -x "$CHROMIUM" ] || { echo "setup: Chromium was installed but $CHROMIUM is still missing: set CHROMIUM=/path/to/chromium" >&2; exit 1; }
    else
      echo "setup: the site tests need Chromium at $CHROMIUM: install it (Debian/Ubuntu: 'sudo apt-get install chromium fonts-nanum') or set CHROMIUM=/path/to/chromium" >&2
      exit 1
    fi
  fi
  exit 0
fi

# The supported Pythons, from pyproject.toml's requires-python (">=3.11,<3.14" -> 3.11 3.12 3.13), the
# reference (the stored outputs are verified with it) first: .python-version.
SUPPORTED=$(sed -n 's/^requires-python = ">=3\.\([0-9]*\),<3\.\([0-9]*\)".*/\1 \2/p' pyproject.toml |
            { read -r low high; for ((minor = low; minor < high; minor++)); do printf '3.%s ' "$minor"; done; })
REFERENCE=$(cat .python-version 2>/dev/null || echo "${SUPPORTED%% *}")
[ -n "$SUPPORTED" ] || { echo "setup: pyproject.toml has no requires-python = \">=3.X,<3.Y\"" >&2; exit 2; }
VENV=.venv
WANT=""  # --python X.Y: that Python version; by default the reference, else another supported one
BOOK=requirements-dev.txt  # the book's tools too, unless --notebooks (or the folder has none: the course zip)
[ -f "$BOOK" ] || BOOK=""
while [ $# -gt 0 ]; do
  case "$1" in
    --python) WANT=$2; shift 2 ;;
    --venv) VENV=$2; shift 2 ;;
    --notebooks) BOOK=""; shift ;;
    *) echo "setup: unknown argument '$1' (usage: setup.sh [--browser | --notebooks | --python X.Y --venv DIR])" >&2; exit 2 ;;
  esac
done
case " $SUPPORTED" in
  *" ${WANT:-$REFERENCE} "*) ;;
  *) echo "setup: --python $WANT: the book supports Python ${SUPPORTED% }" >&2; exit 2 ;;
esac
# One stamp per set: the notebooks' packages, and the book's tools with them.
if [ -n "$BOOK" ]; then STAMP="$VENV/.installed"; else STAMP="$VENV/.installed-notebooks"; fi

# The reference Python first, then the other supported ones.
# Looked for on the PATH, then among the interpreters pyenv installed (newest patch release first).
find_python() {
  local versions=${WANT:-$REFERENCE ${SUPPORTED/$REFERENCE /}} version candidate pyenv_root
  pyenv_root=$(pyenv root 2>/dev/null || true)
  for candidate in $(for version in $versions; do echo "python$version"; done) python3 python \
                   $(for version in $versions; do ls -d "$pyenv_root"/versions/"$version".*/bin/python"$version" 2>/dev/null | sort -Vr; done); do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit("%d.%d" % sys.version_info[:2] not in sys.argv[1:])' $versions 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

# On Linux, PyPI's torch asks for GBs of CUDA libraries (requirements-lock.txt leaves them out): take
# the CPU build (torch's +cpu version), from PyTorch's own index when it can be reached (a machine with that
# wheel on local disk needs no index). Without either, torch comes from PyPI with its CUDA libraries.
# The index is scripts/lock.py's TORCH_CPU_INDEX.
pip_index_args() {
  local index host
  index=$(sed -n 's/^TORCH_CPU_INDEX = "\(.*\)"$/\1/p' scripts/lock.py)
  host=${index#https://}; host=${host%%/*}
  if [ "$(uname -s)" = "Linux" ] && [ -n "$index" ] && [ -z "${PIP_EXTRA_INDEX_URL:-}" ] &&
     python3 -c 'import socket, sys; socket.getaddrinfo(sys.argv[1], 443)' "$host" 2>/dev/null; then
    echo "--extra-index-url $index"
  fi
}

# uv does not read pip's settings (pip.conf, PIP_* variables): the ones that say where packages come from
# are handed to it, so that it installs from the same places as pip would ("--find-links DIR ...", and
# SSL_CERT_FILE=... for a certificate); --index-strategy unsafe-best-match searches every index, as pip does.
pip_settings() {
  "$VENV/bin/python" -m pip config list 2>/dev/null | sed -n "s/^[^.]*\.\([a-z-]*\)='\(.*\)'$/\1 \2/p"
}
uv_args_from_pip() {
  local key values value
  pip_settings | while read -r key values; do
    for value in $values; do
      case "$key" in
        index-url | extra-index-url | find-links | constraint) echo "--$key $value" ;;
      esac
    done
  done
}
uv_env_from_pip() {
  pip_settings | sed -n 's/^cert \(.*\)$/SSL_CERT_FILE=\1/p' | tail -n 1
}

if ! command -v dot >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing graphviz (the 'dot' program) with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null
  else
    echo "setup: graphviz's 'dot' program is missing: install it (Debian/Ubuntu: 'sudo apt-get install graphviz', macOS: 'brew install graphviz') and run this again" >&2
    exit 1
  fi
fi

PINS="requirements.txt requirements-lock.txt $BOOK pyproject.toml"
if [ ! -f "$STAMP" ] || [ -n "$(find $PINS -newer "$STAMP")" ]; then
  PYTHON=$(find_python) || { echo "setup: Python ${WANT:-one of ${SUPPORTED% }} is required and was not found" >&2; exit 1; }
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  echo "setup: installing the pinned packages${BOOK:+ and the book tools} into $VENV (a few minutes the first time)"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  # requirements-lock.txt pins every package they pull in, on every platform (its markers choose).
  if [ -n "$BOOK" ]; then
    # The book's tools include uv (pinned): it installs the same packages as pip, and sooner (it fetches,
    # unpacks and compiles in parallel: a fresh clone's setup took 63 s on 2 cores, with pip 126 s).
    "$VENV/bin/python" -m pip install --quiet uv -c requirements-lock.txt
    # shellcheck disable=SC2046
    env $(uv_env_from_pip) "$VENV/bin/uv" pip install --quiet --python "$VENV/bin/python" --compile-bytecode \
      --index-strategy unsafe-best-match $(uv_args_from_pip) $(pip_index_args) \
      -r requirements.txt -r "$BOOK" -c requirements-lock.txt
    "$VENV/bin/uv" pip install --quiet --python "$VENV/bin/python" --no-deps --editable .
  else
    # shellcheck disable=SC2046
    "$VENV/bin/python" -m pip install --quiet $(pip_index_args) -r requirements.txt -c requirements-lock.txt
    "$VENV/bin/python" -m pip install --quiet --no-deps --editable .
  fi
  # Build matplotlib's font cache now: its one-time notice would otherwise land in a notebook.
  "$VENV/bin/python" -c "import matplotlib.pyplot" >/dev/null 2>&1
  touch "$STAMP"
  [ -z "$BOOK" ] || touch "$VENV/.installed-notebooks"  # the book's set holds the notebooks'
fi
