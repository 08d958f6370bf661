"""The corrections log of the edition (docs/data/errata.yml): every change to a published paragraph.

Not the 〔〕 corrections of the source's own slips (docs/data/corrections.yml, edition/checks/source_slips.py):
these are the edition's corrections of itself, once a paragraph has been published in a release.

Why: a citation names a version (edition/model/release.py). If a published paragraph could change
without a trace, a citation would silently point at other words. So the build compares the text
with the last recorded release and refuses any difference: a paragraph changes only in a new
release, recorded by ``scripts/record_release.py``, and every paragraph a release changed needs an
entry here (paragraph, version, date, what changed and why, in both languages). The log becomes the
Corrections page (with the wording before and after), an Atom feed per language, and a note under
each corrected paragraph.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from edition.model.documents import TEXT, Work
from edition.model.problems import Problem
from edition.model.release import DATE, LANGS, VERSION, EditionInfo, Record, as_text, version_key
from edition.model.yaml_data import YamlFile, good_entries, list_file, read_file

ERRATA_FILE = "data/errata.yml"
ERRATA_PAGE = "errata"  # the Corrections page (docs/errata.<lang>.md)
FEED = "errata.atom"  # its Atom feed, at the root of each language
FIELDS = ("paragraph", "version", "date", "what_zh", "what_en")


@dataclass(frozen=True)
class Erratum:
    """One change to a published paragraph, in the release that made it."""

    paragraph: str
    version: str
    date: dt.date | None
    what: dict[str, str]
    line: int

    @property
    def anchor(self) -> str:
        """The entry's id on the Corrections page: 'v1-1-0-a3-1-2'."""
        return f"v{self.version.replace('.', '-')}-{self.paragraph}"


ENTRY = {
    "type": "object",
    "x-fix": f"write it as 'field: value' lines ({', '.join(FIELDS)}).",
    "properties": {
        "paragraph": {**TEXT, "x-fix": "name the paragraph's id (or the key of the published words) it changed."},
        "version": {**VERSION, "x-fix": "give the version of the release that made the change."},
        "date": {**DATE, "x-fix": "write it as YYYY-MM-DD (the release's date)."},
        "what_zh": {**TEXT, "x-fix": "say what changed and why, one sentence in Chinese."},
        "what_en": {**TEXT, "x-fix": "say what changed and why, one sentence in English."},
    },
    "required": list(FIELDS),
    "additionalProperties": False,
}
# What errata.yml holds (edition/model/yaml_data.py reads and validates it).
SCHEMA, ENTRY_SCHEMA = list_file("errata", ENTRY, "start the list with 'errata:' ('errata: []' when empty).")


def load_errata(docs_dir: Path, rel: str) -> tuple[list[Erratum], list[Problem]]:
    """The log's entries (newest last, as written) and the problems of its shape, each with its line."""
    file, unreadable = read_file(docs_dir / ERRATA_FILE, rel, "the corrections log")
    if file is None:
        return [], unreadable
    data = file.data
    if isinstance(data, dict) and isinstance(data.get("errata"), list):
        items = [
            {k: as_text(v) for k, v in item.items()} if isinstance(item, dict) else item for item in data["errata"]
        ]
        data = {**data, "errata": items}
    found = [
        Erratum(
            item["paragraph"].strip(),
            item["version"],
            dt.date.fromisoformat(item["date"]),
            {"zh": item["what_zh"].strip(), "en": item["what_en"].strip()},
            file.line(["errata", index]),
        )
        for index, item in good_entries(data, "errata", ENTRY_SCHEMA)
    ]
    return found, SCHEMA.problems(file, data)


def check_release(info: EditionInfo, record: Record, edition_rel: str, record_rel: str) -> list[Problem]:
    """edition.yml's version and date are those of the last recorded release."""
    last = record.last
    if last is None or record.problems:
        return []
    if info.version != last.version or info.date != last.date:
        return [
            Problem(
                edition_rel,
                1,
                f"the edition says version {info.version} of {info.date}, but the last recorded release ({record_rel}) is {last.version} of {last.date}.",
                f"record the release with 'make release VERSION={info.version}' (it sets both files), "
                f"or set version and date back to {last.version} and {last.date}.",
            )
        ]
    return []


def recorded(errata: list[Erratum], record: Record) -> list[Erratum]:
    """The entries of released versions, newest first (pending ones are not shown to readers)."""
    shown = [e for e in errata if record.version(e.version) is not None]
    return sorted(shown, key=lambda e: (version_key(e.version), e.paragraph), reverse=True)


def changed_languages(entry: Erratum, record: Record) -> list[str]:
    index = record.version(entry.version)
    if index is None:
        return []
    return [lang for lang in LANGS if entry.paragraph in record.releases[index].paragraphs.get(lang, {})]


def previous_text(entry: Erratum, record: Record, lang: str) -> str | None:
    index = record.version(entry.version)
    return None if not index else record.state(index - 1).get(lang, {}).get(entry.paragraph)


def paths(docs_dir: Path, root: Path) -> dict[str, str]:
    """The project-relative paths of the three files, for messages."""
    from edition.model.release import EDITION_FILE, RELEASES_FILE

    def rel(name: str) -> str:
        path = docs_dir / name
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    return {"edition": rel(EDITION_FILE), "record": rel(RELEASES_FILE), "errata": rel(ERRATA_FILE)}


def load_all(
    docs_dir: Path,
    root: Path,
    documents: tuple[dict[str, Work], list[Problem]] | None = None,
    edition_read: tuple[YamlFile | None, list[Problem]] | None = None,
) -> tuple[EditionInfo | None, Record, list[Erratum], list[Problem], list[Problem]]:
    """edition.yml (``edition_read``: as parsed already), releases.json and errata.yml, with the problems
    of each ('release' and 'errata' checks)."""
    from edition.model.release import load_edition_info, load_record, with_first_date

    rel = paths(docs_dir, root)
    info, info_problems = load_edition_info(docs_dir, rel["edition"], root, documents, edition_read)
    record = load_record(docs_dir, rel["record"])
    errata, errata_problems = load_errata(docs_dir, rel["errata"])
    release_problems = info_problems + record.problems
    if info is not None:
        release_problems += check_release(info, record, rel["edition"], rel["record"])
        info = with_first_date(info, record)
    return info, record, errata, release_problems, errata_problems


@dataclass(frozen=True)
class Versions:
    """edition.yml, releases.json and errata.yml as one build reads them, with what is wrong with each."""

    info: EditionInfo | None
    record: Record
    errata: list[Erratum]
    release_problems: list[Problem]
    errata_problems: list[Problem]
    paths: dict[str, str]
    edition_file: YamlFile | None = field(default=None, repr=False)  # edition.yml as parsed, for its words' lines


def read_versions(
    docs_dir: Path, root: Path, documents: tuple[dict[str, Work], list[Problem]] | None = None
) -> Versions:
    """The three files as one build reads them (``Edition.versions``: read once per build by load_edition)."""
    from edition.model.release import read_edition_file

    rel = paths(docs_dir, root)
    edition_read = read_edition_file(docs_dir, rel["edition"])
    return Versions(*load_all(docs_dir, root, documents, edition_read), rel, edition_read[0])
