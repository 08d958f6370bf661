"""Following links inside the built site: does each one reach a real page and a real anchor?"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup


@cache
def _ids(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(str(element["id"]) for element in soup.find_all(id=True))


def target_of(base: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link from folder ``base`` points to (None: another host)."""
    url = urlparse(href)
    if url.scheme or url.netloc:
        return None
    path = (base / unquote(url.path)) if url.path else base / "index.html"
    if url.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path.resolve(), url.fragment


def is_broken(base: Path, href: str) -> str | None:
    """Why a link from folder ``base`` does not reach its target, or None if it does."""
    target = target_of(base, href)
    if target is None:
        return None
    path, fragment = target
    if not path.exists():
        return f"{href}: no file {path}"
    if fragment and path.suffix == ".html" and fragment not in _ids(path):
        return f"{href}: no id '{fragment}' in {path}"
    return None


def broken_links(site: Path, page: Path, selector: str = "article a[href]") -> list[str]:
    """Every link of a built page (within ``selector``) that misses its page or anchor."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    problems = []
    for link in soup.select(selector):
        if reason := is_broken(page.parent, link["href"]):
            problems.append(f"{page.relative_to(site)}: {reason}")
    return problems
