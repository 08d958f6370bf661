"""Small builders for check tests: a docs folder from a dict of pages, loaded as an Edition."""

from __future__ import annotations

import shutil
from pathlib import Path

from edition.model.documents import DOCUMENTS_DIR
from edition.model.edition import Edition, load_edition

ROOT = Path(__file__).resolve().parents[1]

MARKDOWN = {"extensions": ["attr_list", "footnotes", "toc", "tables", "md_in_html"]}


def page(title: str, body: str, description: str = "A page.", kind: str | None = None) -> str:
    """A page; without ``kind`` its front matter has none (the model then takes it for a source page)."""
    kind_line = f"kind: {kind}\n" if kind else ""
    return f"---\n{kind_line}title: {title}\ndescription: {description}\n---\n\n{body.strip()}\n"


def edition_from(tmp_path: Path, files: dict[str, str], nav: list[str] | None = None) -> Edition:
    """The pages of ``files`` in a docs folder, with the project's documents (their areas) unless ``files`` gives its own."""
    docs = tmp_path / "docs"
    for name, text in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    if not any(name.startswith(DOCUMENTS_DIR) for name in files):
        shutil.copytree(ROOT / "docs" / DOCUMENTS_DIR, docs / DOCUMENTS_DIR, dirs_exist_ok=True)
    return load_edition(tmp_path, docs, ["zh", "en"], nav or [], MARKDOWN)
