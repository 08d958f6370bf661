"""The edition's version, the facts a citation is made from, and the record of what each release published.

Why: a citation names a version of this edition, so a version must identify the words cited. The
version and its date live once, in ``docs/data/edition.yml`` (with the original's title, author,
publisher, place and date, and the edition's name: what every citation format and metadata tag is
built from). The text of every release is kept in ``docs/data/releases.json``, written only by
``scripts/record_release.py``: the first release with every paragraph of both languages, each later
one with the paragraphs it changed or added. So the text of any paragraph at any version can be
shown (the Corrections page shows the wording a citation of an earlier version quotes), and the
build can compare the text with the last release (edition/checks/errata.py). Beside the paragraphs the
record holds every other published word as units with keys that cannot be ids ("about:text",
"overview:note:fgf", "strings:page.citation"; edition/model/published_words.py), compared the same way.

Nothing here raises on bad data: what cannot be read becomes a :class:`Problem` naming the file and
the line (each file's shape is a JSON Schema, :data:`EDITION_SCHEMA` and :data:`RECORD_SCHEMA`, read
and validated as every data file is, by edition/model/yaml_data.py).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from edition.model.data import LANGS
from edition.model.documents import ADD, TEXT, Work, bilingual, load_documents
from edition.model.problems import Problem
from edition.model.roles import LOCALES
from edition.model.yaml_data import Schema, YamlFile, parse, read_file

EDITION_FILE = "data/edition.yml"
RELEASES_FILE = "data/releases.json"
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
RECORD_NOTE = (
    "The text of every release of the edition, written by scripts/record_release.py; never edit it by hand. "
    "The first release holds every paragraph of both languages, each later one the paragraphs it changed or added."
)

Text = dict[str, str]


@dataclass(frozen=True)
class EditionInfo:
    """This edition: its name, its current version and that version's date, and the documents it edits.

    ``work`` is the document a page describes: the edition's main document (edition.yml's
    ``document:``) as loaded, the page's own document in a page's copy (:meth:`for_document`).
    """

    version: str
    date: dt.date
    name: Text
    work: Work
    first_date: dt.date | None = None  # the date of the first release (from the record)
    # The body that publishes and maintains the edition (edition.yml ``publisher:``), if one is named.
    publisher: Text | None = None
    documents: dict[str, Work] = field(default_factory=dict)  # docs/data/documents/<id>.yml, by id

    def for_document(self, document: str | None) -> EditionInfo:
        """This edition as a page of ``document`` cites it (the main document if it names none)."""
        work = self.documents.get(document or "", self.work)
        return self if work is self.work else replace(self, work=work)


@dataclass(frozen=True)
class Release:
    """One recorded release: its version, its date, and the paragraph texts it published or changed."""

    version: str
    date: dt.date
    paragraphs: dict[str, dict[str, str]]  # language -> paragraph id -> text


@dataclass
class Record:
    """docs/data/releases.json, read: the releases in order, and what was wrong with the file."""

    releases: list[Release] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def last(self) -> Release | None:
        return self.releases[-1] if self.releases else None

    def state(self, upto: int | None = None) -> dict[str, dict[str, str]]:
        """Every paragraph's text as of release ``upto`` (an index; the last release by default)."""
        end = len(self.releases) if upto is None else upto + 1
        texts: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
        for release in self.releases[:end]:
            for lang, paragraphs in release.paragraphs.items():
                texts.setdefault(lang, {}).update(paragraphs)
        return texts

    def version(self, version: str) -> int | None:
        """The index of a recorded version, or None."""
        return next((i for i, release in enumerate(self.releases) if release.version == version), None)

    def text_at(self, version: str, lang: str, paragraph: str) -> str | None:
        index = self.version(version)
        return None if index is None else self.state(index).get(lang, {}).get(paragraph)


def version_key(version: str) -> tuple[int, int, int]:
    """'1.10.0' -> (1, 10, 0), for ordering versions (a version that is not x.y.z sorts first)."""
    match = SEMVER.match(version)
    return (int(match[1]), int(match[2]), int(match[3])) if match else (-1, -1, -1)


def normalise(text: str) -> str:
    """A paragraph's text as compared between releases: whitespace runs count as one space."""
    return " ".join(text.split())


def as_text(value: Any) -> Any:
    """YAML reads an unquoted 2017-09-28 as a date, 1.0 as a number; the schemas check the text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


VERSION = {
    "type": "string",
    "pattern": SEMVER.pattern,
    "x-message": "{value!r} is not a semantic version (MAJOR.MINOR.PATCH)",
}
DATE = {"type": "string", "format": "date", "x-message": "{value!r} is not a date (YYYY-MM-DD)"}

BOTH = "needs a zh and an en value, not {value!r}"
# What edition.yml holds (edition/model/yaml_data.py reads and validates it).
EDITION_SCHEMA = Schema(
    {
        "type": "object",
        "x-fix": "write its fields: version, date, name, publisher (optional) and document.",
        "properties": {
            "version": {**VERSION, "x-fix": "set it with 'make release VERSION=X.Y.Z', which records the release too."},
            "date": {**DATE, "x-fix": "write the release's date as YYYY-MM-DD."},
            "name": {**bilingual("name"), "x-message": BOTH},
            "publisher": {**bilingual("publisher"), "type": ["object", "null"], "x-message": BOTH},  # empty: none
            "document": {**TEXT, "x-fix": f"name the edition's main document (docs/data/documents/<id>.yml; {ADD})."},
        },
        "required": ["version", "date", "name", "document"],
        "additionalProperties": False,
    }
)

# What releases.json holds: written by scripts/record_release.py (record_json), never by hand.
RECORD_FIX = "restore it from git; it is written only by scripts/record_release.py."
RECORD_SCHEMA = Schema(
    {
        "type": "object",
        "x-fix": RECORD_FIX,
        "properties": {
            "note": {"type": "string"},
            "releases": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "version": VERSION,
                        "date": DATE,
                        "paragraphs": {  # language -> unit or paragraph id -> text
                            "type": "object",
                            "additionalProperties": {"type": "object", "additionalProperties": {"type": "string"}},
                        },
                    },
                    "required": ["version", "date", "paragraphs"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["releases"],
        "additionalProperties": False,
    },
    "release",
)


def read_edition_file(docs_dir: Path, rel: str) -> tuple[YamlFile | None, list[Problem]]:
    """docs/data/edition.yml parsed (with its lines), or why it cannot be."""
    return read_file(docs_dir / EDITION_FILE, rel, "the edition's file")


def load_edition_info(
    docs_dir: Path,
    rel: str,
    root: Path | None = None,
    loaded: tuple[dict[str, Work], list[Problem]] | None = None,
    read: tuple[YamlFile | None, list[Problem]] | None = None,
) -> tuple[EditionInfo | None, list[Problem]]:
    """docs/data/edition.yml and the documents it edits (``loaded``: as load_edition read them, edition/model/edition.py), or the problems.

    Its shape is :data:`EDITION_SCHEMA`'s; that its document is described is checked here. ``read``:
    the file as :func:`read_edition_file` parsed it (else it is read here).
    """
    file, unreadable = read or read_edition_file(docs_dir, rel)
    if file is None:
        return None, unreadable
    data = {key: as_text(value) for key, value in file.data.items()} if isinstance(file.data, dict) else file.data
    problems = EDITION_SCHEMA.problems(file, data)
    documents, document_problems = loaded or load_documents(docs_dir, root or docs_dir.parent)
    problems += document_problems
    main = str(data.get("document") or "") if isinstance(data, dict) else ""
    work = documents.get(main)
    if work is None and main and not document_problems:
        problems.append(
            file.problem(
                ["document"],
                f"'document: {main}' names no document described in docs/data/documents/.",
                f"name one of {', '.join(sorted(documents)) or 'them'}, or describe it: {ADD}.",
            )
        )
    if problems or work is None:
        return None, problems
    texts = {key: {lang: data[key][lang].strip() for lang in LANGS} for key in ("name", "publisher") if data.get(key)}
    return EditionInfo(
        data["version"],
        dt.date.fromisoformat(data["date"]),
        texts["name"],
        work,
        publisher=texts.get("publisher"),
        documents=documents,
    ), []


def load_record(docs_dir: Path, rel: str) -> Record:
    """docs/data/releases.json as a :class:`Record` (with problems if it cannot be read).

    JSON, read by json.loads; its shape is :data:`RECORD_SCHEMA`'s. Only when something is wrong is
    the text read again by the YAML reader (JSON is YAML), for the line of each problem.
    """
    path = docs_dir / RELEASES_FILE
    if not path.exists():
        return Record(
            problems=[
                Problem(
                    rel,
                    1,
                    "the record of releases is missing: no citation version can be checked.",
                    "record the first release: make release VERSION=1.0.0",
                )
            ]
        )
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except ValueError as error:
        line = getattr(error, "lineno", 1)
        return Record(problems=[Problem(rel, line, f"the record of releases cannot be read ({error}).", RECORD_FIX)])
    if not RECORD_SCHEMA.validator.is_valid(data):
        return Record(problems=RECORD_SCHEMA.problems(_json_lines(text, rel, data), data))
    releases = [
        Release(entry["version"], dt.date.fromisoformat(entry["date"]), entry["paragraphs"])
        for entry in data["releases"]
    ]
    out_of_order = [
        (index, before, after)
        for index, (before, after) in enumerate(itertools.pairwise(releases), 1)
        if version_key(after.version) <= version_key(before.version) or after.date < before.date
    ]
    file = _json_lines(text, rel, data) if out_of_order else None
    return Record(
        releases,
        [
            file.problem(
                ["releases", index],
                f"release {after.version} ({after.date}) does not come after {before.version} ({before.date}).",
                "restore the file from git; versions and dates only grow.",
            )
            for index, before, after in out_of_order
            if file is not None
        ],
    )


def _json_lines(text: str, rel: str, data: Any) -> YamlFile:
    """``data`` with the line of each key and entry of ``text``, JSON read as YAML (for messages only)."""
    file, _ = parse(text, rel)
    return YamlFile(rel, data, file.lines if file else {})


def next_version(version: str) -> str:
    """The version a correction of meaning would be released as: 1.0.0 -> 1.1.0."""
    major, minor, _ = version.split(".")
    return f"{major}.{int(minor) + 1}.0"


def changed_texts(record: Record, texts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """The paragraphs and units of published words of ``texts`` that differ from the record (by language)."""
    before = record.state()
    paragraphs = {
        lang: {pid: text for pid, text in texts.get(lang, {}).items() if before.get(lang, {}).get(pid) != text}
        for lang in LANGS
    }
    return {lang: found for lang, found in paragraphs.items() if found}


def record_release(record: Record, texts: dict[str, dict[str, str]], version: str, date: dt.date) -> Release:
    """The release that publishes ``texts`` as ``version``: every paragraph the first time, then what changed.

    Refused (ValueError, its message ending with the command to run) if ``version`` or ``date`` goes back.
    """
    last = record.last
    if not SEMVER.match(version):
        suggestion = next_version(last.version) if last else "1.0.0"
        raise ValueError(
            f"'{version}' is not a semantic version (MAJOR.MINOR.PATCH): make release VERSION={suggestion}"
        )
    if last is not None and version_key(version) <= version_key(last.version):
        raise ValueError(
            f"version {version} must come after the last release, {last.version}: make release VERSION={next_version(last.version)}"
        )
    if last is not None and date < last.date:
        raise ValueError(
            f"date {date} is before the last release's, {last.date}: make release VERSION={version} DATE={last.date}"
        )
    return Release(version, date, changed_texts(record, texts))


def record_json(releases: Iterable[Release]) -> str:
    """The record file's text (stable order, one release after another, UTF-8 as written)."""
    data = {
        "note": RECORD_NOTE,
        "releases": [{"version": r.version, "date": r.date.isoformat(), "paragraphs": r.paragraphs} for r in releases],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def set_version(edition_yml: str, version: str, date: dt.date) -> str:
    """edition.yml's text with its ``version:`` and ``date:`` lines replaced (comments kept)."""
    text = re.sub(r"(?m)^version:.*$", f"version: {version}", edition_yml, count=1)
    return re.sub(r"(?m)^date:.*$", f"date: {date.isoformat()}", text, count=1)


def with_first_date(info: EditionInfo, record: Record) -> EditionInfo:
    """``info`` knowing when the edition was first released (for metadata: the translation's publication)."""
    first = record.releases[0].date if record.releases else info.date
    return replace(info, first_date=first)


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(date: dt.date, lang: str) -> str:
    """A date as the page's language writes it: 2026年11月28日, 28 November 2026."""
    # The build (here) and the browser (edition.js, for the access date, given the pattern in each
    # page's Cite data) fill in the same pattern, LOCALES[lang].date.
    return LOCALES[lang].date.format(y=date.year, m=date.month, d=date.day, month=MONTHS[date.month - 1])
