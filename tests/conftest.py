"""Shared fixtures: the site built once per test run, and throwaway copies of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest_plugins = ["browser_support"]  # fixtures of the browser tests (tests/test_browser_*.py)

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://edition.example.org/police-reform/"
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "scripts", "source"]


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


# The builder of every test build: MkDocs, or ProperDocs when `make test-properdocs` sets it.
BUILDER = os.environ.get("EDITION_BUILDER", "mkdocs")


def run_build(project: Path, site: Path) -> Build:
    """`mkdocs build --strict` of a project folder, as a maintainer or CI would run it."""
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", BUILDER, "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once for the whole run into a temporary folder."""
    build = run_build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project that a test may break, as a pull request could."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / part)
    return tmp_path
