"""The corrections log as readers get it: the Corrections page's list and versions table, the note under
each corrected paragraph, and an Atom feed per language. Everything here is read from the model
(model/errata.py, model/release.py); nothing is checked here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from xml.etree import ElementTree

from edition.model.dom import Content, classes
from edition.model.errata import Erratum, changed_languages, previous_text, recorded
from edition.model.published_words import is_unit
from edition.model.release import EditionInfo, Record, format_date, version_key
from edition.model.roles import LOCALES
from edition.model.strings import Catalogue

ATOM = "http://www.w3.org/2005/Atom"


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


def entry_heading(entry: Erratum, labels: dict[str, str], date: str) -> str:
    """ "Version 1.1.0 (date): paragraph a2-1-1", or, for other published words (a key such as
    policing:note:centres, which is no paragraph), the catalogue's ``entry_words``."""
    label = labels["entry_words"] if is_unit(entry.paragraph) else labels["entry"]
    return label.format(version=entry.version, date=date, id=entry.paragraph)


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
        heading = entry_heading(entry, labels, date)
        lines.append(f'<h2 id="{entry.anchor}">{escape(heading)}</h2>')
        lines.append("")
        title, link = escape(where.title(entry.paragraph)), where.link(entry.paragraph)
        if is_unit(entry.paragraph):  # a key, not words: beside the link (its name stays the page's title)
            lines.append(f"[{title}]({link}) · `{entry.paragraph}`")
        else:
            lines.append(f"[{title} · {entry.paragraph}]({link})")
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
        sub(item, "title", entry_heading(entry, labels, date))
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
