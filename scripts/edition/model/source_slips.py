"""The source's slips and the edition's 〔〕 corrections of them, kept once in docs/data/corrections.yml.

Read here (its shape is :data:`SCHEMA`'s); checked by checks/source_slips.py; listed on the About
page by outputs/generated.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edition.model.documents import TEXT
from edition.model.problems import Problem
from edition.model.yaml_data import YamlFile, good_entries, list_file, read_file

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


FIELDS = ("page", "paragraph", "zh", "note", "what_zh", "what_en")
ENTRY = {
    "type": "object",
    "x-fix": f"write it as 'field: value' lines ({', '.join(FIELDS)}).",
    "properties": {
        "page": {**TEXT, "x-fix": "name the page the correction stands in (its file's name, e.g. 'overview')."},
        "paragraph": {**TEXT, "x-fix": "name the id of the paragraph the correction stands in."},
        "zh": {
            "type": ["string", "null"],
            "x-fix": "copy the phrase, 〔〕 included, as it stands in the Chinese paragraph ('' for a correction made by layout only).",
        },
        "note": {**TEXT, "x-fix": "name the footnote's key ([^key] on that page)."},
        "what_zh": {"type": ["string", "null"], "x-fix": "say what was corrected, in Chinese."},
        "what_en": {**TEXT, "x-fix": "say what was corrected, in English."},
    },
    "required": list(FIELDS),
    "additionalProperties": False,
}
# What corrections.yml holds (edition/model/yaml_data.py reads and validates it).
SCHEMA, ENTRY_SCHEMA = list_file(
    "corrections", ENTRY, "start the list with 'corrections:' ('corrections: []' when empty)."
)


def read_corrections(docs_dir: Path, rel: str) -> tuple[list[Correction], list[Problem], YamlFile | None]:
    """The file's entries, each with its line, what is wrong with its shape (a missing file lists none),
    and the file as parsed."""
    path = docs_dir / CORRECTIONS_FILE
    if not path.exists():
        return [], [], None
    file, unreadable = read_file(path, rel, "the list of corrections")
    if file is None:
        return [], unreadable, None
    data = file.data
    found = [
        Correction(
            page=entry["page"],
            paragraph=entry["paragraph"],
            zh=entry["zh"] or "",
            note=entry["note"],
            what_zh=entry["what_zh"] or "",
            what_en=entry["what_en"],
            line=file.line(["corrections", index, "paragraph"]),
        )
        for index, entry in good_entries(data, "corrections", ENTRY_SCHEMA)
    ]
    return found, SCHEMA.problems(file, data), file
