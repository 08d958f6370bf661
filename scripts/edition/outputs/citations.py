"""Citations of a page or a paragraph in the formats reference managers import: text, CSL-JSON, RIS, BibLaTeX.

Why: journalists and researchers cite this edition, and a reference manager (Zotero, EndNote,
JabRef, BibLaTeX) needs the fields, not one sentence: who wrote the original (the Department), that
the English is a translation and by whom, the original's title, language and date, and which
version of the edition was read, and when.

Every format is made here, at build time, as a *template*: the paragraph id (and a sentence's
number and quotation), the address and the access date are left as tokens (``{id}``, ``{n}``,
``{quote}``, ``{url}``, ``{accessed}``, …) that the
reader's browser fills in when "Cite" is used (overrides/assets/javascripts/edition.js, by plain
string replacement, as :func:`fill` does here for the tests). The templates go into each page as a
JSON data block (never run: the Content-Security-Policy allows no inline script).

Mappings follow the importers that read them: RIS as Zotero's RIS translator reads it (GOVDOC is
a report; A4 the translator; PB the institution; a name without a comma is an organisation);
BibLaTeX's ``@report`` with ``translator``, ``origtitle``, ``origlanguage``, ``origdate``, ``langid``
and ``related``/``relatedtype = translationof`` pointing at an entry for the original; CSL-JSON as
citeproc reads it.

Titles are kept in sentence case (docs/data/edition.yml), as Zotero and CSL store them, so every
capital after a title's first word is a proper noun's or a fixed one. A sentence-case style (APA,
Harvard) would lower them all, pandoc's citeproc first ("inner mongolia's"): each run of
capitalised words is protected, with braces in BibLaTeX and ``<span class="nocase">`` in CSL-JSON
(:func:`protected`). The original's date is the cited work's own (``issued``/``date``), so it is not
given again as ``original-date``/``origdate`` (Chicago would print "(2017) 2017"). The edition's
publisher (``publisher:`` in edition.yml), when set, is the publisher of what is cited; the
government portal stays the original's publisher.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from edition.model.documents import Work
from edition.model.facts import work_facts
from edition.model.release import MONTHS, EditionInfo, Text, format_date
from edition.model.roles import LOCALES, Roles
from edition.model.strings import fill_facts

FORMATS = ("text", "csl", "ris", "biblatex")
TOKENS = (
    "{id}",
    "{n}",
    "{quote}",
    "{url}",
    "{accessed}",
    "{accessed_iso}",
    "{accessed_ris}",
    "{accessed_y}",
    "{accessed_m}",
    "{accessed_d}",
)
KEY_STEM = "nmg-police-reform-2017"  # a document's key stem when it names none (documents.py: Work.citation_key)
# The file each format downloads as, and its media type.
FILES = {
    "text": ("txt", "text/plain"),
    "csl": ("json", "application/vnd.citationstyles.csl+json"),
    "ris": ("ris", "application/x-research-info-systems"),
    "biblatex": ("bib", "application/x-bibtex"),
}
# A run of words each holding a capital letter ("Inner Mongolia's", "Autonomous Region Public …").
CAPITALISED = re.compile(r"[^\W\d_]*[A-Z][\w'’.-]*(?:\s+[^\W\d_]*[A-Z][\w'’.-]*)*")
LATEX_SPECIAL = re.compile(r"([\\{}#$%&_^~])")
LATEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
_NUMBER = "\u0000{}\u0000"  # stands for a number token inside the JSON until it is serialised


@dataclass(frozen=True)
class Cited:
    """What is cited: a page of the edition in one language, or (``paragraph``) any paragraph of it."""

    lang: str
    roles: Roles  # which language is the original, which the translation (mkdocs.yml's i18n languages)
    page_url: str  # the page's canonical address; paragraphs add #id
    paragraph: bool
    source_url: str  # the original on the government portal
    # The note every format carries (which version, which paragraph), in the citation's language:
    # docs/data/strings.<lang>.yml, citation.note_paragraph or citation.note_page.
    note: str = ""
    # An editorial page's title: the edition's own words are cited (by the edition, as a web page),
    # not the Department's press release (see the ``kind:`` of pages, CONTRIBUTING.md).
    title: str = ""
    # One sentence (an aligned group) of a paragraph: {id} is the paragraph, {n} its sentence
    # (edition/model/alignment.py), and the plain citation opens with the quotation and its twin ({quote}).
    sentence: bool = False

    @property
    def key(self) -> str:
        """The end of the entry's key: the page's, a paragraph's ('-{id}') or a sentence's ('-{id}.{n}')."""
        return "-{id}.{n}" if self.sentence else "-{id}" if self.paragraph else ""


def _stem(info: EditionInfo) -> str:
    """The citation keys' stem of the document cited: each document's own, so two documents' entries
    (and their originals') never share a key in one bibliography."""
    return info.work.citation_key or KEY_STEM


def protected(title: str, wrap: str) -> str:
    """``title`` with each run of capitalised words put in ``wrap`` ("{{{}}}" or a nocase span).

    A capitalised first word standing alone is the sentence's capital, left as it is.
    """

    def protect(match: re.Match[str]) -> str:
        alone = match.start() == 0 and " " not in match[0] and not re.search(r"[A-Z]", match[0][1:])
        return match[0] if alone else wrap.format(match[0])

    return CAPITALISED.sub(protect, title)


def csl_title(title: str) -> str:
    return protected(title, '<span class="nocase">{}</span>')


def _number(token: str) -> str:
    return _NUMBER.format(token)


def note(info: EditionInfo, cited: Cited) -> str:
    """Which version of which edition, and which paragraph ({id} stays a token for the browser)."""
    date = format_date(info.date, cited.lang)
    values = {"{name}": info.name[cited.lang], "{version}": info.version, "{date}": date}
    text = cited.note
    for token, value in values.items():
        text = text.replace(token, value)
    return text


def cited_pair(
    lang: str, roles: Roles, page_url: str, source_url: str, notes: dict[str, str], title: str = ""
) -> tuple[Cited, Cited]:
    """What a page's Cite panel cites: any of its paragraphs, and the page as a whole.

    ``title``: an editorial page's title (its words are the edition's, cited as such).
    """
    paragraph = Cited(lang, roles, page_url, True, source_url, str(notes["note_paragraph"]), title)
    return paragraph, Cited(lang, roles, page_url, False, source_url, str(notes["note_page"]), title)


def _version_date(info: EditionInfo) -> dict[str, Any]:
    return {"date-parts": [[info.date.year, info.date.month, info.date.day]]}


def _editorial_csl(info: EditionInfo, cited: Cited) -> dict[str, Any]:
    lang = cited.lang
    return {
        "id": f"{_stem(info)}-{lang}" + (cited.key or "-page"),
        "type": "webpage",
        "title": csl_title(cited.title),
        "author": [{"literal": info.name[lang]}],
        "container-title": info.name[lang],
        "issued": _version_date(info),
        "language": LOCALES[lang].tag,
        "version": info.version,
        "URL": "{url}",
        "accessed": {"date-parts": [[_number("{accessed_y}"), _number("{accessed_m}"), _number("{accessed_d}")]]},
        "note": note(info, cited),
    }


def csl_item(info: EditionInfo, cited: Cited) -> dict[str, Any]:
    """One CSL-JSON item (the citation style language's data), with tokens for id, address, access date."""
    if cited.title:
        return _editorial_csl(info, cited)
    work, lang = info.work, cited.lang
    issued = {"date-parts": [[work.date.year, work.date.month, work.date.day]]}
    item: dict[str, Any] = {
        "id": f"{_stem(info)}-{lang}" + cited.key,
        "type": "report",
        "title": csl_title(work.title[lang]),
        "author": [{"literal": work.author[lang]}],
        "issued": issued,
        "genre": work.genre[lang],
        **_csl_publisher(info, lang),
        "language": LOCALES[lang].tag,
        "version": info.version,
        "URL": "{url}",
        "accessed": {"date-parts": [[_number("{accessed_y}"), _number("{accessed_m}"), _number("{accessed_d}")]]},
        "note": note(info, cited),
    }
    source = cited.roles.source
    if cited.roles.is_source(lang):
        item["editor"] = [{"literal": info.name[lang]}]
    else:
        item["translator"] = [{"literal": info.name[lang]}]
        item["original-title"] = work.title[source]
        item["original-publisher"] = work.publisher[source]
        item["original-publisher-place"] = work.place[source]
    return item


def _csl_publisher(info: EditionInfo, lang: str) -> dict[str, str]:
    """The edition's publisher when it is set; otherwise the portal that published the original."""
    if info.publisher:
        return {"publisher": info.publisher[lang]}
    return {"publisher": info.work.publisher[lang], "publisher-place": info.work.place[lang]}


def csl_json(info: EditionInfo, cited: Cited) -> str:
    text = json.dumps([csl_item(info, cited)], ensure_ascii=False, indent=2)
    return re.sub(r'"\\u0000(\{[a-z_]+\})\\u0000"', r"\1", text)


def ris(info: EditionInfo, cited: Cited) -> str:
    """A RIS record (TY GOVDOC … ER), lines ending in CR LF as the format's specification has them."""
    work, lang = info.work, cited.lang
    if cited.title:  # the edition's own words: a web page (ELEC) by the edition
        head = [
            ("TY", "ELEC"),
            ("TI", cited.title),
            ("AU", info.name[lang]),
            ("T2", info.name[lang]),
            ("PY", str(info.date.year)),
            ("DA", info.date.strftime("%Y/%m/%d")),
            ("LA", lang),
        ]
    else:
        other, source = cited.roles.other(lang), cited.roles.source
        original = f"{work.title[source]}. {work.publisher[source]}, {work.place[source]}, {work.date.isoformat()}. {cited.source_url}"
        head = [
            ("TY", "GOVDOC"),
            ("TI", work.title[lang]),
            ("TT", work.title[other]),
            ("AU", work.author[lang]),
            *([] if cited.roles.is_source(lang) else [("A4", info.name[lang])]),
            ("PY", str(work.date.year)),
            ("DA", work.date.strftime("%Y/%m/%d")),
            ("M3", work.genre[lang]),
            *_ris_publisher(info, lang),
            ("LA", lang),
            ("OP", original),
        ]
    tail = [("ET", info.version), ("UR", "{url}"), ("Y2", "{accessed_ris}"), ("N1", note(info, cited)), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in [*head, *tail])


def _ris_publisher(info: EditionInfo, lang: str) -> list[tuple[str, str]]:
    if info.publisher:
        return [("PB", info.publisher[lang])]
    return [("PB", info.work.publisher[lang]), ("CY", info.work.place[lang])]


def latex(value: str) -> str:
    """Text for a BibLaTeX field: LaTeX's special characters escaped."""
    return LATEX_SPECIAL.sub(lambda m: LATEX_REPLACEMENTS.get(m[1], "\\" + m[1]), value)


def _entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body},\n}}\n"


def biblatex(info: EditionInfo, cited: Cited) -> str:
    """A BibLaTeX ``@report``; the translation's also carries the entry of the original it translates.

    An editorial page's words are an ``@online`` entry by the edition (``organization``: braced, one name).
    """
    work, lang = info.work, cited.lang
    if cited.title:
        fields = [
            ("author", "{" + latex(info.name[lang]) + "}"),
            ("title", protected(latex(cited.title), "{{{}}}")),
            ("organization", latex(info.name[lang])),
            ("date", info.date.isoformat()),
            ("langid", LOCALES[lang].biblatex),
            ("version", info.version),
            ("url", "{url}"),
            ("urldate", "{accessed_iso}"),
            ("addendum", _tokens_kept(latex(note(info, cited)))),
        ]
        return _entry("online", f"{_stem(info)}-{lang}" + (cited.key or "-page"), fields)
    key = f"{_stem(info)}-{lang}" + cited.key
    original_key = f"{_stem(info)}-original"
    fields = _report_fields(work, lang, info.publisher)
    source = cited.roles.source
    translated = not cited.roles.is_source(lang)
    if translated:
        fields += [
            ("translator", "{" + latex(info.name[lang]) + "}"),
            ("origtitle", latex(work.title[source])),
            ("origlanguage", LOCALES[source].biblatex),
        ]
    else:
        fields.append(("editor", "{" + latex(info.name[lang]) + "}"))
    fields += [
        ("langid", LOCALES[lang].biblatex),
        ("version", info.version),
        ("url", "{url}"),
        ("urldate", "{accessed_iso}"),
        ("addendum", _tokens_kept(latex(note(info, cited)))),
    ]
    if translated:
        fields += [("related", original_key), ("relatedtype", "translationof")]
    entry = _entry("report", key, fields)
    if not translated:
        return entry
    original = [*_report_fields(work, source), ("langid", LOCALES[source].biblatex), ("url", cited.source_url)]
    return entry + "\n" + _entry("report", original_key, original)


def _tokens_kept(text: str) -> str:
    """LaTeX-escaped text with the browser's tokens ({id}, {n}) left as tokens."""
    return text.replace(r"\{id\}", "{id}").replace(r"\{n\}", "{n}")


def _report_fields(work: Work, lang: str, publisher: Text | None = None) -> list[tuple[str, str]]:
    """The press release as a BibLaTeX report names it, in one language (the entry and the original's).

    ``publisher``: the edition's, the institution of what is cited (the original's entry has none).
    """
    head = [
        ("author", "{" + latex(work.author[lang]) + "}"),  # braced: an organisation, not a person's name
        ("title", protected(latex(work.title[lang]), "{{{}}}")),
        ("date", work.date.isoformat()),
        ("type", latex(work.genre[lang])),
    ]
    if publisher:
        return [*head, ("institution", latex(publisher[lang]))]
    return [*head, ("institution", latex(work.publisher[lang])), ("location", latex(work.place[lang]))]


def plain(template: str, info: EditionInfo, lang: str) -> str:
    """The plain citation (docs/data/strings.<lang>.yml, ``page.citation``) with the version, its date and the document."""
    filled = fill_work(template, info.work, lang)
    return filled.replace("{version}", info.version).replace("{date}", format_date(info.date, lang))


def fill_work(template: str, work: Work, lang: str) -> str:
    """A string with the document's placeholders filled in: {work_author}, {work_title}, {work_date}, {work_publisher}."""
    return fill_facts(template, work_facts(work, lang))


def templates(info: EditionInfo, cited: Cited, plain_template: str) -> dict[str, str]:
    """Every format's template for one page (or its paragraphs), tokens left for the browser."""
    found = {
        "text": plain(plain_template, info, cited.lang),
        "csl": csl_json(info, cited),
        "ris": ris(info, cited),
        "biblatex": biblatex(info, cited),
    }
    if "{accessed}" not in found["text"]:
        raise ValueError(
            "the plain citation (page.citation of the string catalogue) must say when it was accessed: add {accessed}"
        )
    return found


def page_data(
    info: EditionInfo,
    lang: str,
    roles: Roles,
    page_url: str,
    source_url: str,
    strings: dict[str, str],
    notes: dict[str, str],
    title: str = "",
) -> dict[str, Any]:
    """The data block of one page: templates for its paragraphs and for the page, and how to write dates.

    ``strings``: the page's furniture (the plain citations); ``notes``: the catalogue's ``citation``
    section (docs/data/strings.<lang>.yml).
    """
    paragraph, whole = cited_pair(lang, roles, page_url, source_url, notes, title)
    sentence = Cited(lang, roles, page_url, True, source_url, str(notes["note_sentence"]), title, sentence=True)
    return {
        "paragraph": templates(info, paragraph, strings["citation"]),
        "sentence": templates(info, sentence, strings["citation_sentence"]),
        "page": templates(info, whole, strings["citation_page"]),
        "file": f"{_stem(info)}-{lang}",
        "files": {name: {"extension": ext, "type": kind} for name, (ext, kind) in FILES.items()},
        "date": LOCALES[lang].date,
        "months": list(MONTHS),
    }


def fill(
    template: str, accessed: dt.date, lang: str, url: str, paragraph: str = "", sentence: str = "", quote: str = ""
) -> str:
    """A template with its tokens filled in, exactly as edition.js fills it in the browser."""
    shown = format_date(accessed, lang)
    values = {
        "{id}": paragraph,
        "{n}": sentence,
        "{quote}": quote,
        "{url}": url,
        "{accessed}": shown,
        "{accessed_iso}": accessed.isoformat(),
        "{accessed_ris}": accessed.strftime("%Y/%m/%d"),
        "{accessed_y}": str(accessed.year),
        "{accessed_m}": str(accessed.month),
        "{accessed_d}": str(accessed.day),
    }
    for token, value in values.items():
        template = template.replace(token, value)
    return template
