"""The source's slips and the edition's 〔〕 corrections of them, kept once in docs/data/corrections.yml.

Read here; checked by checks/source_slips.py; listed on the About page by outputs/generated.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edition.model.yaml_data import read_yaml

CORRECTIONS_FILE = "data/corrections.yml"


@dataclass(frozen=True)
class Correction:
    """One correction or insertion (see the header of docs/data/corrections.yml)."""

    page: str
    paragraph: str
    zh: str
    note: str
    what_zh: str
    what_en: str
    line: int


def load_corrections(docs_dir: Path) -> list[Correction]:
    path = docs_dir / CORRECTIONS_FILE
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    data = read_yaml(text) or {}
    lines = text.splitlines()
    found = []
    for entry in data.get("corrections") or []:
        paragraph = str(entry.get("paragraph", ""))
        line = next((n for n, t in enumerate(lines, 1) if t.strip() == f"paragraph: {paragraph}"), 1)
        found.append(
            Correction(
                page=str(entry.get("page", "")),
                paragraph=paragraph,
                zh=str(entry.get("zh") or ""),
                note=str(entry.get("note", "")),
                what_zh=str(entry.get("what_zh") or ""),
                what_en=str(entry.get("what_en") or ""),
                line=line,
            )
        )
    return found
