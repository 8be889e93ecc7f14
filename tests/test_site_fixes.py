"""The theme and Sphinx fixes of _ext/site_fixes.py fail the build, naming themselves, when an upgrade makes
them match nothing, and the Sphinx workaround when Sphinx is not a version with the bug."""

from types import SimpleNamespace

import pytest
from sphinx.errors import ExtensionError

import site_fixes


def built(found, pages=("intro", "chapters/03/tensorflow"), docs=("intro", "chapters/03/tensorflow")):
    env = SimpleNamespace(site_fixes_found=found, site_fixes_pages=set(pages), found_docs=set(docs))
    return SimpleNamespace(env=env, builder=SimpleNamespace(format="html"))


def test_a_fix_that_found_nothing_in_a_full_build_fails_it():
    with pytest.raises(ExtensionError, match="drop_duplicate_scripts found nothing to fix"):
        site_fixes.fail_if_a_fix_found_nothing(built({"drop_duplicate_scripts": 0}), None)


def test_fixes_that_found_something_pass_and_a_partial_build_is_not_judged():
    site_fixes.fail_if_a_fix_found_nothing(built({"drop_duplicate_scripts": 3}), None)
    partial = built({"drop_duplicate_scripts": 0}, pages=("intro",))
    site_fixes.fail_if_a_fix_found_nothing(partial, None)


def test_the_sphinx_workaround_names_its_bug_on_another_sphinx(monkeypatch):
    monkeypatch.setattr(site_fixes.sphinx, "version_info", (9, 0, 0, "final", 0))
    with pytest.raises(ExtensionError, match="sphinx-doc/sphinx#13402"):
        site_fixes.start_counting(SimpleNamespace(env=SimpleNamespace()))
