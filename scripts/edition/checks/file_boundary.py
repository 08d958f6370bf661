"""Check: the build reads and publishes only files the repository holds, of the kinds the edition publishes.

Why: MkDocs follows symbolic links when it collects docs/ (``os.walk(followlinks=True)``) and copies
every file it finds to the site. A link in a pull request to ``/etc/passwd`` or
``/proc/self/environ`` (the build's environment, with CI's tokens) would be published at the link's
path; a link under overrides/ or source/ would make a template or the reference text something no
reviewer saw. So, under ``docs/``, ``overrides/`` and ``source/``, walked without following links:

- no symbolic link, and nothing that is not a plain file or folder (a FIFO, a device);
- no path that resolves outside the repository;
- under ``docs/``, only the file types in ``PUBLISHED`` (pages, the site's CSS/JS, images, the data
  files under docs/data/). Standalone HTML and XML are refused (a page is Markdown, checked and
  sanitised as a page); SVG is published only after the sanitiser's check (edition/checks/content_safety.py).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from edition.model.problems import Problem

if TYPE_CHECKING:
    from edition.model.edition import Edition

FOLDERS = ("docs", "overrides", "source")
PUBLISHED = {
    ".md": "a page (rendered, checked and sanitised)",
    ".css": "the site's stylesheet (checked: no resource from another host)",
    ".js": "the site's script (checked: no address of another host)",
    ".svg": "an image (sanitised as a page is: no script, no resource from elsewhere)",
    ".png": "an image",
    ".jpg": "an image",
    ".jpeg": "an image",
    ".webp": "an image",
    ".gif": "an image",
    ".ico": "the site's icon",
}
DATA = {".yml": "a data file (read by the build, not published)", ".json": "the release record"}
DATA_DIR = "docs/data"
REFUSED = {
    ".html": "a page written as HTML is published as it is, past the checks every Markdown page gets",
    ".htm": "a page written as HTML is published as it is, past the checks every Markdown page gets",
    ".xhtml": "a page written as XHTML is published as it is, past the checks every Markdown page gets",
    ".xml": "an XML file can carry a stylesheet that turns it into a page with script (xml-stylesheet)",
    ".xsl": "an XSLT stylesheet turns XML into a page with script",
    ".xslt": "an XSLT stylesheet turns XML into a page with script",
}


def _entries(root: Path, folder: str) -> Iterator[Path]:
    """Every file and folder under ``root/folder``, links not followed."""
    base = root / folder
    if not base.exists() and not base.is_symlink():
        return
    yield base
    for current, folders, files in os.walk(base, followlinks=False):
        for name in sorted(folders) + sorted(files):
            yield Path(current) / name


def check_tree(root: Path, folders: tuple[str, ...] = FOLDERS) -> list[Problem]:
    """The files under each of ``folders`` of the project at ``root``."""
    problems: list[Problem] = []
    real_root = root.resolve()
    for folder in folders:
        for path in _entries(root, folder):
            rel = path.relative_to(root).as_posix()
            problem = _entry_problem(path, rel, real_root)
            if problem is not None:
                problems.append(problem)
    return problems


def _entry_problem(path: Path, rel: str, real_root: Path) -> Problem | None:
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        target = os.readlink(path)
        return Problem(
            rel,
            1,
            f"this is a symbolic link (to '{target}'): the build would read or publish whatever it points to, which the repository does not hold.",
            "replace the link with the file itself (git rm the link, add the file), or remove it.",
        )
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return Problem(rel, 1, "this is not a plain file or folder (a pipe or a device).", "remove it.")
    if not path.resolve().is_relative_to(real_root):
        return Problem(
            rel,
            1,
            "this path resolves outside the repository.",
            "keep every file of the edition inside the repository.",
        )
    if stat.S_ISDIR(mode) or not rel.startswith("docs/"):
        return None
    suffix = path.suffix.lower()
    if suffix in PUBLISHED or (suffix in DATA and rel.startswith(f"{DATA_DIR}/")):
        return None
    reason = REFUSED.get(suffix, f"the file type '{suffix or path.name}' is not one the edition publishes")
    kinds = ", ".join(sorted(PUBLISHED))
    return Problem(
        rel,
        1,
        f"docs/ publishes every file it holds, and this one is refused: {reason}.",
        f"write a page as Markdown (NAME.zh.md and NAME.en.md); files under docs/ may be {kinds}, and .yml/.json under {DATA_DIR}/ only.",
    )


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return check_tree(edition.root)
