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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from edition.model.problems import Problem
from edition.model.yaml_text import read_yaml

DOCUMENTS_DIR = "data/documents"  # under docs_dir; one <id>.yml per document
DOCUMENT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BILINGUAL = ("title", "author", "publisher", "place", "genre")
LANGS = ("zh", "en")  # the languages each field is written in (as in the data files)
FIELDS = (*BILINGUAL, "date", "language", "url", "text", "areas")
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


def documents_rel(docs_dir: Path, root: Path) -> str:
    path = docs_dir / DOCUMENTS_DIR
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return next((n for n, line in enumerate(text.splitlines(), 1) if pattern.match(line)), 1)


def read_document(text: str, doc_id: str, rel: str) -> tuple[Work | None, list[Problem]]:
    """One document's file, or the problems that stop it from being used (each with its line)."""
    problems: list[Problem] = []

    def problem(key: str, message: str, fix: str) -> None:
        problems.append(Problem(rel, _line_of(text, key), message, fix))

    if not DOCUMENT_ID.match(doc_id):
        problem(
            "title",
            f"the document id '{doc_id}' (the file's name) is not lowercase words joined by '-'.",
            "rename the file, e.g. press-release-2017-09-28.yml.",
        )
    try:
        data = read_yaml(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(rel, mark.line + 1 if mark else 1, f"it does not parse: {error}.", "correct the YAML.")]
    if not isinstance(data, dict):
        return None, [
            Problem(rel, 1, "a document's file must be a mapping of fields.", f"write its fields: {', '.join(FIELDS)}.")
        ]
    for key in sorted(set(data) - set(FIELDS)):
        problem(key, f"unknown field '{key}'.", f"use only {', '.join(FIELDS)}.")
    values: dict[str, Any] = {}
    for key in BILINGUAL:
        value = data.get(key)
        if not isinstance(value, dict) or any(not str(value.get(lang) or "").strip() for lang in LANGS):
            problem(key, f"'{key}' needs a zh and an en value.", f"give '{key}:' with 'zh:' and 'en:' lines.")
            values[key] = {lang: "" for lang in LANGS}
        else:
            values[key] = {lang: str(value[lang]).strip() for lang in LANGS}
    date = data.get("date")
    if not isinstance(date, dt.date):
        problem("date", "'date' is not a date (YYYY-MM-DD).", "write the document's date as YYYY-MM-DD.")
        date = dt.date(1970, 1, 1)
    for key in ("language", "url", "text"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problem(
                key,
                f"'{key}' is missing.",
                {
                    "language": "write the document's language, e.g. 'language: zh'.",
                    "url": "write the original's address, 'url: https://…'.",
                    "text": "name the project's copy of its text, 'text: source/<file>.txt'.",
                }[key],
            )
    areas = data.get("areas") or {}
    if not isinstance(areas, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in areas.items()):
        problem(
            "areas",
            "'areas' must map each area name to its page's name.",
            "write 'areas:' with lines like 'a1: reform-work'.",
        )
        areas = {}
    if problems:
        return None, problems
    work = Work(
        **values,
        date=date,
        url=data["url"].strip(),
        id=doc_id,
        language=data["language"].strip(),
        text=data["text"].strip(),
        areas=dict(areas),
    )
    return work, []


def load_documents(docs_dir: Path, root: Path) -> tuple[dict[str, Work], list[Problem]]:
    """Every document's file, by id (the file's name), with what is wrong with each."""
    found: dict[str, Work] = {}
    problems: list[Problem] = []
    folder = docs_dir / DOCUMENTS_DIR
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        rel = f"{documents_rel(docs_dir, root)}/{path.name}"
        work, wrong = read_document(path.read_text(encoding="utf-8"), path.stem, rel)
        problems += wrong
        if work is not None:
            found[work.id] = work
    return found, problems
