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

from jsonschema import Draft202012Validator, ValidationError
from ruamel.yaml import YAML, CommentedMap
from ruamel.yaml.error import YAMLError

from edition.model.problems import Problem

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

    @property
    def citation_key(self) -> str:
        return self.key or self.id


def documents_rel(docs_dir: Path, root: Path) -> str:
    path = docs_dir / DOCUMENTS_DIR
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


BILINGUAL_SCHEMA = {
    "type": "object",
    "properties": {lang: {"type": "string", "minLength": 1, "pattern": r"\S"} for lang in LANGS},
    "required": list(LANGS),
    "additionalProperties": False,
}
TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
# What a document's file holds: the schema its file is validated against (jsonschema), field by field.
SCHEMA = {
    "type": "object",
    "properties": {
        **{key: BILINGUAL_SCHEMA for key in BILINGUAL},
        "date": {"type": "string", "format": "date"},
        "language": TEXT,
        "url": {**TEXT, "pattern": r"^https?://\S+$"},
        "text": TEXT,  # a .txt file of the project: checks/documents.py
        "areas": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}},
        "key": {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$"},
    },
    "required": [*BILINGUAL, "date", "language", "url", "text"],
    "additionalProperties": False,
}
FIXES = {
    **{key: f"give '{key}:' with 'zh:' and 'en:' lines, each some text." for key in BILINGUAL},
    "date": "write the document's date as YYYY-MM-DD.",
    "language": "write the document's language, e.g. 'language: zh'.",
    "url": "write the original's address, 'url: https://…'.",
    "text": "name the project's copy of its text from the project root, 'text: source/<file>.txt'.",
    "areas": "write 'areas:' with lines like 'a1: reform-work' (an area's name, then its page's name).",
    "key": "write the stem of its citation keys in lowercase words joined by '-', or leave 'key:' out (its id).",
}
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _plain(node: Any) -> Any:
    """ruamel's round-trip values as JSON's (a date as its ISO text), for the schema."""
    if isinstance(node, dict):
        return {str(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    return node.isoformat() if isinstance(node, dt.date) else node


def _line(tree: Any, path: list[Any]) -> int:
    """The line of the deepest key of ``path`` that the file has (ruamel keeps each key's position)."""
    line, node = 1, tree
    for key in path:
        if not isinstance(node, CommentedMap) or key not in node:
            break
        line, node = node.lc.key(key)[0] + 1, node[key]
    return line


def _message(error: ValidationError) -> tuple[str, str]:
    """What is wrong, in the words of this project's messages, and the fix, for one schema error."""
    field = str(error.path[0]) if error.path else ""
    if error.validator == "required":
        [missing] = re.findall(r"'([^']+)' is a required property", error.message)
        if error.path:
            return f"'{field}' needs a zh and an en value.", FIXES[field]
        return f"'{missing}' is missing.", FIXES[missing]
    return f"'{'.'.join(map(str, error.path))}' is not valid: {error.message}.", FIXES.get(field, "correct it.")


def read_document(text: str, doc_id: str, rel: str) -> tuple[Work | None, list[Problem]]:
    """One document's file, or the problems that stop it from being used (each with its line).

    Read with ruamel.yaml (every key's line kept) and validated against :data:`SCHEMA` with
    jsonschema: the shape is the schema's, the messages name the key's line and the fix.
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
    try:
        tree = YAML(typ="rt", pure=True).load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(rel, mark.line + 1 if mark else 1, f"it does not parse: {error}.", "correct the YAML.")]
    if not isinstance(tree, CommentedMap):
        return None, [
            Problem(rel, 1, "a document's file must be a mapping of fields.", f"write its fields: {', '.join(FIELDS)}.")
        ]
    data = _plain(tree)
    for error in VALIDATOR.iter_errors(data):
        if error.validator == "additionalProperties" and not error.path:  # one problem per unknown key, at its line
            for key in [key for key in tree if key not in FIELDS]:
                problems.append(
                    Problem(rel, _line(tree, [key]), f"unknown field '{key}'.", f"use only {', '.join(FIELDS)}.")
                )
            continue
        message, fix = _message(error)
        problems.append(Problem(rel, _line(tree, list(error.path)), message, fix))
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
