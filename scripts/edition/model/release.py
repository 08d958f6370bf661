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

Nothing here raises on bad data: what cannot be read becomes a :class:`Problem` naming the file.
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

import yaml

from edition.model.data import LANGS
from edition.model.documents import ADD, Work, load_documents
from edition.model.problems import Problem
from edition.model.roles import LOCALES
from edition.model.yaml_data import read_yaml

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


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return next((n for n, line in enumerate(text.splitlines(), 1) if pattern.match(line)), 1)


def load_edition_info(
    docs_dir: Path,
    rel: str,
    root: Path | None = None,
    loaded: tuple[dict[str, Work], list[Problem]] | None = None,
) -> tuple[EditionInfo | None, list[Problem]]:
    """docs/data/edition.yml and the documents it edits (``loaded``: as Edition.loaded_documents read them), or the problems."""
    path = docs_dir / EDITION_FILE
    if not path.exists():
        return None, [
            Problem(rel, 1, "the file is missing.", "restore docs/data/edition.yml (version, date, name, document).")
        ]
    text = path.read_text(encoding="utf-8")
    try:
        data = read_yaml(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(rel, mark.line + 1 if mark else 1, f"it does not parse: {error}.", "correct the YAML.")]
    problems: list[Problem] = []
    version = str(data.get("version", ""))
    if not SEMVER.match(version):
        problems.append(
            Problem(
                rel,
                _line_of(text, "version"),
                f"version '{version}' is not a semantic version (MAJOR.MINOR.PATCH).",
                "set it with 'make release VERSION=X.Y.Z', which records the release too.",
            )
        )
    date = _date(data.get("date"))
    if date is None:
        problems.append(
            Problem(
                rel,
                _line_of(text, "date"),
                "date is not a date (YYYY-MM-DD).",
                "write the release's date as YYYY-MM-DD.",
            )
        )

    def text_field(source: dict[str, Any], key: str, where: str) -> Text:
        value = source.get(key) or {}
        if not isinstance(value, dict) or any(not str(value.get(lang) or "").strip() for lang in LANGS):
            problems.append(
                Problem(
                    rel,
                    _line_of(text, where),
                    f"'{key}' needs a zh and an en value.",
                    f"give '{key}:' with 'zh:' and 'en:' lines.",
                )
            )
            return {lang: "" for lang in LANGS}
        return {lang: str(value[lang]).strip() for lang in LANGS}

    name = text_field(data, "name", "name")
    documents, document_problems = loaded or load_documents(docs_dir, root or docs_dir.parent)
    problems += document_problems
    main = str(data.get("document") or "")
    work = documents.get(main)
    if work is None and not document_problems:
        problems.append(
            Problem(
                rel,
                _line_of(text, "document"),
                f"'document: {main}' names no document described in docs/data/documents/.",
                f"name one of {', '.join(sorted(documents)) or 'them'}, or describe it: {ADD}.",
            )
        )
    publisher = text_field(data, "publisher", "publisher") if data.get("publisher") else None
    if problems:
        return None, problems
    assert work is not None
    return EditionInfo(version, date or dt.date(1970, 1, 1), name, work, publisher=publisher, documents=documents), []


def load_record(docs_dir: Path, rel: str) -> Record:
    """docs/data/releases.json as a :class:`Record` (with problems if it cannot be read)."""
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
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        releases = []
        for entry in data["releases"]:
            date = _date(entry["date"])
            if date is None or not SEMVER.match(str(entry["version"])):
                raise ValueError(f"release {entry.get('version')!r} has no valid version or date")
            paragraphs = {
                str(lang): {str(k): str(v) for k, v in texts.items()} for lang, texts in entry["paragraphs"].items()
            }
            releases.append(Release(str(entry["version"]), date, paragraphs))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        return Record(
            problems=[
                Problem(
                    rel,
                    1,
                    f"the record of releases cannot be read ({error}).",
                    "restore it from git; it is written only by scripts/record_release.py.",
                )
            ]
        )
    record = Record(releases)
    for before, after in itertools.pairwise(releases):
        if version_key(after.version) <= version_key(before.version) or after.date < before.date:
            record.problems.append(
                Problem(
                    rel,
                    1,
                    f"release {after.version} ({after.date}) does not come after {before.version} ({before.date}).",
                    "restore the file from git; versions and dates only grow.",
                )
            )
    return record


def record_release(record: Record, texts: dict[str, dict[str, str]], version: str, date: dt.date) -> Release:
    """The release that publishes ``texts`` as ``version``: every paragraph the first time, then what changed."""
    if not SEMVER.match(version):
        raise ValueError(f"'{version}' is not a semantic version (MAJOR.MINOR.PATCH)")
    last = record.last
    if last is not None and version_key(version) <= version_key(last.version):
        raise ValueError(f"version {version} must come after the last release, {last.version}")
    if last is not None and date < last.date:
        raise ValueError(f"date {date} is before the last release's, {last.date}")
    before = record.state()
    paragraphs = {
        lang: {pid: text for pid, text in texts.get(lang, {}).items() if before.get(lang, {}).get(pid) != text}
        for lang in LANGS
    }
    return Release(version, date, {lang: found for lang, found in paragraphs.items() if found})


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
