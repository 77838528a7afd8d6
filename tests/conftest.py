"""Shared fixtures and the test markers.

* ``nlp``: the default pipeline (spaCy model plus claimex's components), loaded once per session.
  Tests share it: they must not change it (``nlp.meta`` included) without putting it back.
* ``polnear_dev``: the PolNeAR dev split (skips the test where it is not found): ``$CLAIMEX_SHARED``, else
  ``shared/`` beside the checkout or beside the folder holding it (a git worktree).
* Markers (registered in pyproject): ``model`` for tests that load the spaCy model, ``subprocess`` for
  tests that start claimex in another process, ``slow`` for the few that take more than a few seconds.
  ``pytest -m "not model and not subprocess"`` runs the pure tests alone, in seconds.

The markers are kept honest: a test not marked ``model`` that loads the model (``spacy.load``) fails,
and so does one not marked ``subprocess`` that starts claimex or Python, each with a message naming the marker.

Property tests (hypothesis) draw the same examples on every run, so that a run passes or fails for the code
alone; ``HYPOTHESIS_PROFILE=explore`` draws new ones (and keeps what fails in ``.hypothesis/``).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import spacy
from hypothesis import settings

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parents[1]
_REAL_SPACY_LOAD = spacy.load
_REAL_POPEN_INIT = subprocess.Popen.__init__
_allowed = {"model": True, "subprocess": True}  # outside a test's setup/call/teardown: anything goes


def _guarded_load(*args, **kwargs):
    if not _allowed["model"]:
        raise AssertionError("this test loads the spaCy model: mark it @pytest.mark.model (or use the nlp fixture)")
    return _REAL_SPACY_LOAD(*args, **kwargs)


def _guarded_popen_init(self, *args, **kwargs):
    # Only claimex or Python started by a test counts: libraries run helpers of their own
    # (platform.processor() runs `uname -p` inside Dask), and failing those would hang them.
    command = args[0] if args else kwargs.get("args")
    program = Path(str(command[0] if isinstance(command, (list, tuple)) else command).split()[0]).name
    # claimex's own HTML helper (claimex.io.html_worker) is part of reading a page, started by whichever test
    # reads HTML first and then kept: it does not count, or a test would pass or fail by the order of the run.
    helper = isinstance(command, (list, tuple)) and "claimex.io.html_worker" in map(str, command)
    if not _allowed["subprocess"] and not helper and (program == "claimex" or program.startswith("python")):
        raise AssertionError("this test starts claimex in a process: mark it @pytest.mark.subprocess")
    _REAL_POPEN_INIT(self, *args, **kwargs)


def pytest_configure(config: pytest.Config) -> None:
    spacy.load = _guarded_load
    subprocess.Popen.__init__ = _guarded_popen_init


def pytest_unconfigure(config: pytest.Config) -> None:
    spacy.load = _REAL_SPACY_LOAD
    subprocess.Popen.__init__ = _REAL_POPEN_INIT


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that uses the ``nlp`` fixture (directly or through another fixture) needs the model."""
    for item in items:
        if "nlp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    # Module- and session-scoped fixtures are set up inside the first test that uses them, so the
    # allowance follows the test being run, fixtures included.
    _allowed["model"] = item.get_closest_marker("model") is not None
    _allowed["subprocess"] = item.get_closest_marker("subprocess") is not None
    try:
        return (yield)
    finally:
        _allowed["model"] = _allowed["subprocess"] = True


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline, as ``claimex extract`` loads it."""
    from claimex.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def polnear_dev() -> Path:
    """PolNeAR's dev split (text/ and attributions/)."""
    candidates = [Path(os.environ["CLAIMEX_SHARED"])] if os.environ.get("CLAIMEX_SHARED") else []
    candidates += [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for shared in candidates:
        if (shared / "polnear" / "dev").is_dir():
            return shared / "polnear" / "dev"
    pytest.skip("PolNeAR dev not found: set CLAIMEX_SHARED to the shared data folder")
