"""Shared fixtures: the real site built once per run, the tiny fixture project, copies of the project.

The real site is built once for the whole run, by `mkdocs build --strict` in a process of its own
started as soon as the tests are collected, and its three PDFs right after it in the same process
(scripts/build_pdfs.py, as `make build` does): they build while the unit and fixture tests run, and
every pytest-xdist worker reads the same folder (the first worker to collect starts it, under a
lock; the others wait for its result only when a test needs the site). Tests are ordered so that
those that need the site come last, the browser tests last of all (see ``pytest_collection_modifyitems``).
"""

from __future__ import annotations

import fcntl
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

from building import BUILDER, REPOSITORY_URL, ROOT, SITE_URL, Build, copy_project, fixture_project

pytest_plugins = ["browser_support"]  # fixtures of the browser tests (tests/test_browser_*.py)

__all__ = ["BUILDER", "REPOSITORY_URL", "ROOT", "SITE_URL", "Build"]

REAL_SITE_TIMEOUT = 600  # seconds: the site and its PDFs take about 25 on this machine's two cores
# The build's shell: each step's output to a file, then its exit code written in one step (the file
# appears only once the step is over, whatever its result); the site first, then the PDFs.
_STEP = '{command} > "$0/{name}.txt" 2>&1; echo $? > "$0/{name}.tmp"; mv "$0/{name}.tmp" "$0/{name}.returncode"'


def shared_folder(config: pytest.Config) -> Path:
    """A folder of this run that every xdist worker sees (the run's base temporary folder)."""
    base = config._tmp_path_factory.getbasetemp()  # the tmpdir plugin's factory, as tmp_path_factory
    return base.parent if hasattr(config, "workerinput") else base


def start_real_site_build(config: pytest.Config) -> Path:
    """Start `mkdocs build --strict` (or `properdocs build --strict`, see ``BUILDER``) of the real
    project once per run; the folder it writes to."""
    folder = shared_folder(config) / "real-site"
    with (shared_folder(config) / "real-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not folder.exists():
            folder.mkdir()
            site = [sys.executable, "-m", BUILDER, "build", "--strict", "--site-dir", str(folder / "site")]
            pdfs = [sys.executable, "scripts/build_pdfs.py", "--out", str(folder / "pdf")]
            script = "; ".join(
                _STEP.format(command=shlex.join(command), name=name)
                for name, command in (("site", site), ("pdf", pdfs))
            )
            subprocess.Popen(
                ["/bin/sh", "-c", script, str(folder)],
                cwd=ROOT,
                env={
                    **os.environ,
                    "SITE_URL": SITE_URL,
                    "EDITION_REPOSITORY_URL": REPOSITORY_URL,
                    "NO_MKDOCS_2_WARNING": "1",
                },
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
    return folder


def _needs_real_site(item: pytest.Item) -> bool:
    return not {"built_site", "pdfs"}.isdisjoint(getattr(item, "fixturenames", ()))


def real_build_step(request: pytest.FixtureRequest, name: str) -> tuple[int, str, Path]:
    """Wait for one step of the real build ("site" or "pdf") to finish: its exit code, output and folder.

    A step that failed fails the test that waits for it, with the step's messages, and stops the run
    after that test: every test of the site would otherwise fail on the same messages (hundreds of
    errors, each printing them). Under xdist each process stops the same way.
    """
    folder = start_real_site_build(request.config)
    done = folder / f"{name}.returncode"
    deadline = time.monotonic() + REAL_SITE_TIMEOUT
    while not done.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"the real build's {name} step did not finish in {REAL_SITE_TIMEOUT} s (output: {folder})")
        time.sleep(0.05)
    returncode, output = int(done.read_text()), (folder / f"{name}.txt").read_text(encoding="utf-8")
    if returncode != 0:
        command = f"{BUILDER} build --strict" if name == "site" else "scripts/build_pdfs.py"
        request.session.shouldstop = f"the real site's {name} step ({command}) failed: the error above has its messages"
        pytest.fail(
            f"the real site's {name} step ({command}) failed; fix what it says and run `make test` again:\n\n{output}",
            pytrace=False,
        )
    return returncode, output, folder / name


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """Unit and fixture tests first, then the site tests, browser tests last, and in each of these
    the heavy ones first; start the site's build.

    The order is the same in every xdist worker (the scheduler requires it), and a stable sort
    keeps each file's tests in their order otherwise.
    """
    items.sort(
        key=lambda item: (
            item.get_closest_marker("browser") is not None,
            _needs_real_site(item),
            item.get_closest_marker("heavy") is None,
        )
    )
    if any(_needs_real_site(item) for item in items):
        start_real_site_build(config)


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest) -> Build:
    """The real site, built once for the whole run (``mkdocs build --strict``, as `make build`)."""
    return Build(*real_build_step(request, "site"))


@pytest.fixture
def tiny_project(tmp_path: Path) -> Path:
    """The tiny project (tests/fixtures/tiny/, with the real mkdocs.yml's settings), for a test to break."""
    return fixture_project(tmp_path / "project")


@pytest.fixture(scope="session")
def project_passes(request: pytest.FixtureRequest) -> None:
    """The project as it stands passes the build's checks of its model: a test that changes a copy of
    it and looks for one problem could only fail obscurely otherwise (a newcomer's one unlogged change
    failed six such tests, "too many values to unpack"). One failure names the problems, and the run
    stops after it, as for the real build."""
    from edition.checks.registry import checks
    from project import EDITION

    problems = [problem for check in checks("model") for problem in check.run(EDITION)]
    if problems:
        request.session.shouldstop = "the project does not pass its own checks: the error above names them"
        shown = "\n".join(f"  {problem}" for problem in problems[:10])
        more = f"\n  … and {len(problems) - 10} more" if len(problems) > 10 else ""
        pytest.fail(
            f"the project does not pass its own checks, so the tests that change a copy of it cannot run; "
            f"fix these (`make build` names them all) and run `make test` again:\n{shown}{more}",
            pytrace=False,
        )


@pytest.fixture
def project_copy(tmp_path: Path, project_passes: None) -> Path:
    """A copy of the real project that a test may change, as a pull request could (the project
    itself passing its checks first: ``project_passes``)."""
    return copy_project(tmp_path / "project")
