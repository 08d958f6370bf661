"""The source documents: one file each, docs/data/documents/<id>.yml, named by the pages that hold them.

Why: a citation, the metadata of a page, its PDF and its source line describe the document the
page reproduces. With one original written into edition.yml, a second document's pages were cited
as the first. Each document's file gives its title, author, publisher, place, genre (in both
languages), date, language, original address, the project's captured copy of its text (compared by
checks/source_text.py) and, optionally, its ``areas``: the ``area`` names figures and measures use,
each with the page it lives on, in reading order.

A ``kind: source`` page names its document in its front matter (``document: <id>``); the check
checks/documents.py refuses a source page whose document has no file here. edition.yml's
``document:`` names the document the edition's own pages (About, Figures …) are cited with.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from edition.model.problems import Problem
from edition.model.yaml_data import Schema, in_each_language, parse

DOCUMENTS_DIR = "data/documents"  # under docs_dir; one <id>.yml per document
DOCUMENT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BILINGUAL = ("title", "author", "publisher", "place", "genre")
LANGS = ("zh", "en")  # the languages each field is written in (as in the data files)
FIELDS = (*BILINGUAL, "date", "language", "url", "text", "areas", "key")
ADD = "make document ID=<id>"  # the maintainer's command that writes a new document's file

Text = dict[str, str]


@dataclass(frozen=True)
class Work:
    """A source document, as every citation, metadata tag, PDF and source line names it."""

    title: Text
    author: Text
    publisher: Text
    place: Text
    genre: Text
    date: dt.date
    url: str = ""  # the original's address
    id: str = ""  # its file's name: docs/data/documents/<id>.yml
    language: str = "zh"
    text: str = ""  # the project's copy of its text, from the project root (source/….txt)
    areas: dict[str, str] = field(default_factory=dict)  # area name -> page name, in reading order
    key: str = ""  # the stem of its citation keys (CSL ids, BibLaTeX keys, download names); default: its id
    # The captured text itself, read with the document (``captured_text``): None when ``text`` is not
    # a .txt file of the project (checks/documents.py refuses it; nothing outside the project is read).
    words: str | None = field(default=None, repr=False)

    @property
    def citation_key(self) -> str:
        return self.key or self.id


def documents_rel(docs_dir: Path, root: Path) -> str:
    path = docs_dir / DOCUMENTS_DIR
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}


def bilingual(key: str) -> dict[str, Any]:
    """A field written in both languages, each some text (the documents' and edition.yml's)."""
    return in_each_language(LANGS, TEXT, f"give '{key}:' with 'zh:' and 'en:' lines, each some text.")


# What a document's file holds, field by field (edition/model/yaml_data.py reads and validates it).
SCHEMA = Schema(
    {
        "type": "object",
        "x-fix": f"write its fields: {', '.join(FIELDS)}.",
        "properties": {
            **{key: bilingual(key) for key in BILINGUAL},
            "date": {"type": "string", "format": "date", "x-fix": "write the document's date as YYYY-MM-DD."},
            "language": {**TEXT, "x-fix": "write the document's language, e.g. 'language: zh'."},
            "url": {**TEXT, "pattern": r"^https?://\S+$", "x-fix": "write the original's address, 'url: https://…'."},
            "text": {  # a .txt file of the project: checks/documents.py
                **TEXT,
                "x-fix": "name the project's copy of its text from the project root, 'text: source/<file>.txt'.",
            },
            "areas": {
                "type": "object",
                "additionalProperties": {"type": "string", "minLength": 1},
                "x-fix": "write 'areas:' with lines like 'a1: reform-work' (an area's name, then its page's name).",
            },
            "key": {
                "type": "string",
                "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
                "x-fix": "write the stem of its citation keys in lowercase words joined by '-', or leave 'key:' out (its id).",
            },
        },
        "required": [*BILINGUAL, "date", "language", "url", "text"],
        "additionalProperties": False,
    }
)


def _iso(value: Any) -> Any:
    """YAML reads an unquoted 2017-09-28 as a date; the schema checks the ISO text."""
    return value.isoformat() if isinstance(value, dt.date) else value


def read_document(text: str, doc_id: str, rel: str) -> tuple[Work | None, list[Problem]]:
    """One document's file, or the problems that stop it from being used (each with its line).

    Read and validated against :data:`SCHEMA` by the one YAML reader (edition/model/yaml_data.py):
    the shape is the schema's, the messages name the key's line and the fix.
    """
    problems: list[Problem] = []
    if not DOCUMENT_ID.match(doc_id):
        problems.append(
            Problem(
                rel,
                1,
                f"the document id '{doc_id}' (the file's name) is not lowercase words joined by '-'.",
                "rename the file, e.g. press-release-2017-09-28.yml.",
            )
        )
    file, unreadable = parse(text, rel, "a document's file")
    if file is None:
        return None, unreadable
    if not isinstance(file.data, dict):
        return None, [
            Problem(rel, 1, "a document's file must be a mapping of fields.", f"write its fields: {', '.join(FIELDS)}.")
        ]
    data = {key: _iso(value) for key, value in file.data.items()}
    problems += SCHEMA.problems(file, data)
    problems.sort(key=lambda problem: problem.line)
    if problems:
        return None, problems
    work = Work(
        **{key: {lang: data[key][lang].strip() for lang in LANGS} for key in BILINGUAL},
        date=dt.date.fromisoformat(data["date"]),
        url=data["url"].strip(),
        id=doc_id,
        language=data["language"].strip(),
        text=data["text"].strip(),
        areas=dict(data.get("areas") or {}),
        key=str(data.get("key") or ""),
    )
    return work, []


def captured_text(root: Path, text: str) -> str | None:
    """The words of a document's ``text:`` file, if it names a .txt file of the project (a relative
    path without '..'); None otherwise, and then nothing is read."""
    path = PurePosixPath(text)
    if path.is_absolute() or ".." in path.parts or path.suffix != ".txt" or not (root / path).is_file():
        return None
    return (root / path).read_text(encoding="utf-8")


def load_documents(docs_dir: Path, root: Path) -> tuple[dict[str, Work], list[Problem]]:
    """Every document's file, by id (the file's name), with its captured text and what is wrong with each."""
    found: dict[str, Work] = {}
    problems: list[Problem] = []
    folder = docs_dir / DOCUMENTS_DIR
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        rel = f"{documents_rel(docs_dir, root)}/{path.name}"
        work, wrong = read_document(path.read_text(encoding="utf-8"), path.stem, rel)
        problems += wrong
        if work is not None:
            found[work.id] = replace(work, words=captured_text(root, work.text))
    return found, problems
