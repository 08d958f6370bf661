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
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from xml.etree import ElementTree

import yaml

from edition.model.dom import Content, classes
from edition.model.pages import Edition
from edition.model.problems import Problem
from edition.model.release import (
    LANGS,
    SEMVER,
    EditionInfo,
    Record,
    current_texts,
    format_date,
    version_key,
)
from edition.model.roles import LOCALES
from edition.model.strings import Catalogue
from edition.model.yaml_text import read_yaml

ERRATA_FILE = "data/errata.yml"
ERRATA_PAGE = "errata"  # the Corrections page (docs/errata.<lang>.md)
FEED = "errata.atom"  # its Atom feed, at the root of each language
FIELDS = ("paragraph", "version", "date", "what_zh", "what_en")
ATOM = "http://www.w3.org/2005/Atom"


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


def load_errata(docs_dir: Path, rel: str) -> tuple[list[Erratum], list[Problem]]:
    """The log's entries (newest last, as written) and the problems of its shape, each with its line."""
    path = docs_dir / ERRATA_FILE
    if not path.exists():
        return [], [
            Problem(
                rel, 1, "the corrections log is missing.", "restore docs/data/errata.yml ('errata: []' when empty)."
            )
        ]
    text = path.read_text(encoding="utf-8")
    try:
        data = read_yaml(text) or {}
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # each entry's line
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [Problem(rel, mark.line + 1 if mark else 1, f"it does not parse: {error}.", "correct the YAML.")]
    items = data.get("errata") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return [], [
            Problem(
                rel, 1, "the file has no list 'errata'.", "start the list with 'errata:' ('errata: []' when empty)."
            )
        ]
    nodes = next((value.value for key, value in root.value if key.value == "errata"), []) if root else []
    found: list[Erratum] = []
    problems: list[Problem] = []
    for item, node in zip(items, nodes, strict=False):
        line = node.start_mark.line + 1
        if not isinstance(item, dict):
            problems.append(
                Problem(
                    rel,
                    line,
                    "an entry must be a mapping of fields.",
                    f"write it as 'field: value' lines ({', '.join(FIELDS)}).",
                )
            )
            continue
        missing = [name for name in FIELDS if not str(item.get(name) or "").strip()]
        unknown = sorted(set(item) - set(FIELDS))
        if missing or unknown:
            what = "lacks " + ", ".join(missing) if missing else "has the unknown field(s) " + ", ".join(unknown)
            problems.append(
                Problem(rel, line, f"the entry {what}.", f"give exactly these fields: {', '.join(FIELDS)}.")
            )
            continue
        version = str(item["version"])
        if not SEMVER.match(version):
            problems.append(
                Problem(
                    rel,
                    line,
                    f"version '{version}' is not MAJOR.MINOR.PATCH.",
                    "give the version of the release that made the change.",
                )
            )
            continue
        date = item["date"] if isinstance(item["date"], dt.date) else None
        if date is None:
            problems.append(
                Problem(
                    rel, line, f"date '{item['date']}' is not a date.", "write it as YYYY-MM-DD (the release's date)."
                )
            )
            continue
        found.append(
            Erratum(
                str(item["paragraph"]),
                version,
                date,
                {"zh": str(item["what_zh"]).strip(), "en": str(item["what_en"]).strip()},
                line,
            )
        )
    return found, problems


def next_version(version: str) -> str:
    """The version a correction of meaning would be released as: 1.0.0 -> 1.1.0."""
    major, minor, _ = version.split(".")
    return f"{major}.{int(minor) + 1}.0"


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
                f"record the release with 'python scripts/record_release.py {info.version}' (it sets both files), "
                f"or set version and date back to {last.version} and {last.date}.",
            )
        ]
    return []


def check_errata(
    edition: Edition,
    record: Record,
    errata: list[Erratum],
    errata_rel: str,
    record_rel: str,
    today: dt.date | None = None,
) -> list[Problem]:
    """The text equals the last release, every recorded change is logged, every entry is a recorded change."""
    last = record.last
    if last is None or record.problems:
        return []
    today = today or dt.date.today()
    problems: list[Problem] = []
    current = current_texts(edition)
    released = record.state()
    logged = {(e.paragraph, e.version) for e in errata}
    location: dict[str, tuple[str, int]] = {}
    for lang in LANGS:
        for pid, (_, page, block) in current.get(lang, {}).items():
            location.setdefault(pid, (page.rel, block.line))
    suggestion = next_version(last.version)

    # 1. The text as it stands is the text of the last release.
    for lang in LANGS:
        name = LOCALES[lang].name
        for pid, (text, page, block) in current.get(lang, {}).items():
            before = released.get(lang, {}).get(pid)
            if before == text:
                continue
            pending = sorted(
                (
                    e.version
                    for e in errata
                    if e.paragraph == pid and version_key(e.version) > version_key(last.version)
                ),
                key=version_key,
            )
            if before is None:
                problems.append(
                    Problem(
                        page.rel,
                        block.line,
                        f"paragraph '#{pid}' ({name}) is in no release yet: a citation could not name a version that holds it.",
                        f"record a release with 'python scripts/record_release.py {suggestion}' (a new paragraph needs no entry in {errata_rel}).",
                    )
                )
            elif pending:
                problems.append(
                    Problem(
                        page.rel,
                        block.line,
                        f"paragraph '#{pid}' ({name}) differs from version {last.version}; {errata_rel} logs the change for {pending[-1]}, which is not recorded yet.",
                        f"record the release: 'python scripts/record_release.py {pending[-1]}'.",
                    )
                )
            else:
                problems.append(
                    Problem(
                        page.rel,
                        block.line,
                        f"paragraph '#{pid}' ({name}) differs from its text in version {last.version}, the last release, and {errata_rel} has no entry for the change: "
                        "a published paragraph changes only in a new release, with an entry in the corrections log.",
                        f"if the change is meant, add to {errata_rel}: '- paragraph: {pid}', 'version: {suggestion}', 'date: {today.isoformat()}', "
                        f"'what_zh: …', 'what_en: …' (what changed and why), then run 'python scripts/record_release.py {suggestion}'; "
                        f"otherwise restore the text of version {last.version}.",
                    )
                )
    # 2. A published paragraph never disappears.
    for lang in LANGS:
        for pid in released.get(lang, {}):
            if pid not in current.get(lang, {}):
                problems.append(
                    Problem(
                        record_rel,
                        1,
                        f"paragraph '#{pid}' ({LOCALES[lang].name}), published in version {last.version}, is no longer in the pages.",
                        "restore it: a published paragraph id is never removed or renamed (CONTRIBUTING.md, 'Paragraph ids').",
                    )
                )
    # 3. Every change a release recorded is logged with that release's version.
    changed_in: dict[str, set[str]] = {}
    for index, release in enumerate(record.releases[1:], start=1):
        before_state = record.state(index - 1)
        changed = changed_in.setdefault(release.version, set())
        where: dict[str, tuple[str, int]] = {}
        for lang, paragraphs in release.paragraphs.items():
            for pid in paragraphs:
                if pid in before_state.get(lang, {}):
                    changed.add(pid)
                    if pid in current.get(lang, {}):
                        _, page, block = current[lang][pid]
                        where.setdefault(pid, (page.rel, block.line))
        for pid in sorted(changed):
            if (pid, release.version) not in logged:
                rel, line = where.get(pid, location.get(pid, (record_rel, 1)))
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"release {release.version} changed paragraph '#{pid}', but {errata_rel} has no entry for it in {release.version}.",
                        f"add '- paragraph: {pid}', 'version: {release.version}', 'date: {release.date.isoformat()}', 'what_zh: …', 'what_en: …' to {errata_rel}.",
                    )
                )
    # 4. Every entry is a change a release made (or the next release will record).
    seen: set[tuple[str, str]] = set()
    for entry in errata:
        key = (entry.paragraph, entry.version)
        if key in seen:
            problems.append(
                Problem(
                    errata_rel,
                    entry.line,
                    f"'#{entry.paragraph}' is logged twice for {entry.version}.",
                    "merge the two entries into one.",
                )
            )
        seen.add(key)
        if entry.paragraph not in location:
            problems.append(
                Problem(
                    errata_rel,
                    entry.line,
                    f"there is no paragraph '#{entry.paragraph}'.",
                    "give the id of the changed paragraph (after # in its address).",
                )
            )
            continue
        index = record.version(entry.version)
        if index is None:
            if version_key(entry.version) <= version_key(last.version):
                problems.append(
                    Problem(
                        errata_rel,
                        entry.line,
                        f"version {entry.version} was never released.",
                        "give the version of the release that made the change.",
                    )
                )
            continue  # a pending change: part 1 asks for the release to be recorded
        release = record.releases[index]
        if index == 0 or entry.paragraph not in changed_in.get(entry.version, set()):
            problems.append(
                Problem(
                    errata_rel,
                    entry.line,
                    f"release {entry.version} did not change paragraph '#{entry.paragraph}'.",
                    "check the paragraph id and the version: the entry must name a change that release made.",
                )
            )
        if entry.date != release.date:
            problems.append(
                Problem(
                    errata_rel,
                    entry.line,
                    f"the date {entry.date} is not the date of release {entry.version} ({release.date}).",
                    f"write 'date: {release.date.isoformat()}'.",
                )
            )
    return problems


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


def labels_of(catalogue: Catalogue) -> dict[str, str]:
    """The Corrections page's and feeds' words in one language (docs/data/strings.<lang>.yml, ``errata``),
    placeholders left in, with each language's short name as ``language_<code>``."""
    labels = {key: str(value) for key, value in catalogue.section("errata").items()}
    names = catalogue.section("labels").get("language_column") or {}
    labels |= {f"language_{code}": str(name) for code, name in names.items()}
    return labels


@dataclass(frozen=True)
class Where:
    """How to name and link a paragraph from a generated page: its page's title and a link target."""

    title: Callable[[str], str]  # paragraph id -> the title of its page
    link: Callable[[str], str]  # paragraph id -> a Markdown link target


def errata_list(errata: list[Erratum], record: Record, lang: str, where: Where, labels: dict[str, str]) -> str:
    """The Corrections page's list (Markdown with a little HTML), newest first; or the note that there is none."""
    shown = recorded(errata, record)
    lines: list[str] = []
    if not shown:
        first = record.releases[0] if record.releases else None
        if first:
            lines.append(labels["none"].format(version=first.version, date=format_date(first.date, lang)))
        return "\n".join(lines) + "\n"
    for entry in shown:
        date = format_date(entry.date, lang) if entry.date else ""
        heading = labels["entry"].format(version=entry.version, date=date, id=entry.paragraph)
        lines.append(f'<h2 id="{entry.anchor}">{escape(heading)}</h2>')
        lines.append("")
        lines.append(f"[{escape(where.title(entry.paragraph))} · {entry.paragraph}]({where.link(entry.paragraph)})")
        lines.append("")
        lines.append(escape(entry.what[lang]))
        lines.append("")
        for changed in changed_languages(entry, record):
            before = previous_text(entry, record, changed) or ""
            after = record.text_at(entry.version, changed, entry.paragraph) or ""
            name = labels[f"language_{changed}"]
            index = record.version(entry.version) or 1
            earlier = record.releases[index - 1].version
            parts = [
                f'<p class="edition-erratum-label">{escape(labels["before"].format(language=name, version=earlier))}</p>',
                f'<blockquote lang="{changed}"><p>{escape(before)}</p></blockquote>',
                f'<p class="edition-erratum-label">{escape(labels["after"].format(language=name, version=entry.version))}</p>',
                f'<blockquote lang="{changed}"><p>{escape(after)}</p></blockquote>',
            ]
            lines.append('<div class="edition-erratum-texts">' + "".join(parts) + "</div>")
            lines.append("")
    return "\n".join(lines)


def versions_table(record: Record, errata: list[Erratum], lang: str, labels: dict[str, str]) -> str:
    """Every release: version, date, and the paragraphs it corrected (Markdown table)."""
    rows = [f"| {labels['version']} | {labels['date']} | {labels['corrected']} |", "| --- | --- | --- |"]
    for index, release in reversed(list(enumerate(record.releases))):
        ids = sorted({e.paragraph for e in errata if e.version == release.version})
        listed = ", ".join(f"[{pid}](#v{release.version.replace('.', '-')}-{pid})" for pid in ids)
        rows.append(
            f"| {release.version} | {format_date(release.date, lang)} | {listed or (labels['first'] if index == 0 else '—')} |"
        )
    return "\n".join(rows) + "\n"


def note_parts(entry: Erratum, lang: str, template: str) -> tuple[str, str]:
    """The note's linked words ('Corrected in 1.1.0 (1 December 2026)') and the rest (': …')."""
    date = format_date(entry.date, lang) if entry.date else ""
    text = template.format(version=entry.version, date=date, what="\0")
    before, _, after = text.partition("\0")
    linked = before.rstrip(": ：")
    return linked.strip(), before[len(linked) :] + entry.what[lang] + after


def note_html(entries: list[Erratum], lang: str, template: str, link: str) -> str:
    """The note under a corrected paragraph: 'Corrected in 1.1.0 (1 December 2026): …', linked to its entry."""
    notes = []
    for entry in sorted(entries, key=lambda e: version_key(e.version)):
        linked, rest = note_parts(entry, lang, template)
        notes.append(
            f'<p class="edition-erratum" role="note"><a href="{escape(link)}#{entry.anchor}">{escape(linked)}</a>'
            f"{escape(rest)}</p>"
        )
    return "".join(notes)


def add_notes_to(content: Content, errata: list[Erratum], record: Record, lang: str, template: str, link: str) -> bool:
    """Put each recorded correction's note under its paragraph in a page's ``content``; True if any was added.

    On a side-by-side page the paragraph is a row of both languages (edition/outputs/parallel.py): the note
    goes inside the row, across both columns, so it stays with the paragraph it concerns.
    """
    by_paragraph: dict[str, list[Erratum]] = {}
    for entry in recorded(errata, record):
        by_paragraph.setdefault(entry.paragraph, []).append(entry)
    by_id = content.by_id() if by_paragraph else {}
    added = False
    for pid, entries in by_paragraph.items():
        element = by_id.get(pid)
        if element is None:
            continue
        notes = []
        for entry in sorted(entries, key=lambda e: version_key(e.version)):
            linked, rest = note_parts(entry, lang, template)
            note = content.element("p", {"class": "edition-erratum", "role": "note"})
            note.insert_child(content.element("a", {"href": f"{link}#{entry.anchor}"}, linked))
            if rest:
                note.insert_child(rest)
            notes.append(note)
        if "edition-parallel__row" in classes(element):
            for note in notes:
                element.insert_child(note)
        else:
            for note in reversed(notes):
                element.insert_after(note)
        added = True
    return added


def atom_feed(
    errata: list[Erratum],
    record: Record,
    info: EditionInfo,
    lang: str,
    urls: dict[str, str],
    labels: dict[str, str],
    paragraph_url: Callable[[str], str],
) -> bytes:
    """The corrections log as an Atom feed (RFC 4287) in one language.

    ``urls``: 'self' (the feed), 'page' (the Corrections page). Entries are the recorded
    corrections, newest first; the feed's ``updated`` is the last release's date.
    """
    ElementTree.register_namespace("", ATOM)

    def sub(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    def stamp(date: dt.date) -> str:
        return f"{date.isoformat()}T00:00:00Z"

    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": LOCALES[lang].tag})
    sub(feed, "id", urls["self"])
    sub(feed, "title", labels["title"].format(name=info.name[lang]))
    sub(feed, "subtitle", labels["subtitle"])
    last = record.last
    sub(feed, "updated", stamp(last.date if last else info.date))
    author = sub(feed, "author")
    sub(author, "name", info.name[lang])
    sub(author, "uri", urls["home"])
    sub(feed, "link", rel="self", type="application/atom+xml", href=urls["self"])
    sub(feed, "link", rel="alternate", type="text/html", href=urls["page"])
    for entry in recorded(errata, record):
        item = sub(feed, "entry")
        sub(item, "id", f"{urls['page']}#{entry.anchor}")
        date = format_date(entry.date, lang) if entry.date else ""
        sub(item, "title", labels["entry"].format(version=entry.version, date=date, id=entry.paragraph))
        sub(item, "updated", stamp(entry.date or info.date))
        sub(item, "link", rel="alternate", type="text/html", href=paragraph_url(entry.paragraph))
        sub(item, "link", rel="related", type="text/html", href=f"{urls['page']}#{entry.anchor}")
        parts = [entry.what[lang]]
        for changed in changed_languages(entry, record):
            name = labels[f"language_{changed}"]
            index = record.version(entry.version) or 1
            parts.append(
                labels["before"].format(language=name, version=record.releases[index - 1].version)
                + " "
                + (previous_text(entry, record, changed) or "")
            )
            parts.append(
                labels["after"].format(language=name, version=entry.version)
                + " "
                + (record.text_at(entry.version, changed, entry.paragraph) or "")
            )
        sub(item, "summary", entry.what[lang])
        sub(item, "content", "\n\n".join(parts), type="text")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(
        feed, encoding="utf-8", xml_declaration=False
    )


def paths(docs_dir: Path, root: Path) -> dict[str, str]:
    """The project-relative paths of the three files, for messages."""
    from edition.model.release import EDITION_FILE, RELEASES_FILE

    def rel(name: str) -> str:
        path = docs_dir / name
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    return {"edition": rel(EDITION_FILE), "record": rel(RELEASES_FILE), "errata": rel(ERRATA_FILE)}


def load_all(
    docs_dir: Path, root: Path, source_url: str = ""
) -> tuple[EditionInfo | None, Record, list[Erratum], list[Problem], list[Problem]]:
    """edition.yml, releases.json and errata.yml, with the problems of each ('release' and 'errata' checks)."""
    from edition.model.release import load_edition_info, load_record, with_first_date

    rel = paths(docs_dir, root)
    info, info_problems = load_edition_info(docs_dir, rel["edition"], source_url)
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


def read_versions(docs_dir: Path, root: Path, source_url: str = "") -> Versions:
    """The three files as one build reads them (``Edition.versions`` keeps this once per build)."""
    return Versions(*load_all(docs_dir, root, source_url), paths(docs_dir, root))


def check_release_files(edition: Edition) -> list[Problem]:
    """The "release" check: edition.yml has a version, a date and the original's facts; it is the last release."""
    return edition.versions.release_problems


def check(edition: Edition) -> list[Problem]:
    """The "errata" check: the log reads, and the text is the last release's except for logged changes.

    Comparing needs a readable edition.yml and releases.json: while they have problems (the
    "release" check names them) only the log's own shape is checked.
    """
    found = edition.versions
    problems = list(found.errata_problems)
    if found.info is not None and not found.release_problems:
        problems += check_errata(edition, found.record, found.errata, found.paths["errata"], found.paths["record"])
    return problems
