"""What each page's head tells machines: reference managers, Google Scholar, search engines, link previews.

Why: without it Zotero's connector saves a page as an untitled web page and a link preview shows
nothing of what the page is. Each page says: the work (the Department's press release of 28
September 2017, its title in the page's language), who wrote it, who published the original and
where, the page's language, the edition's version and date, and for the translation's pages (English)
that they are a translation (by the edition) of the original's page (Chinese), which in turn names its
translation. Which language is which is ``PageMeta.roles``, from mkdocs.yml (edition/model/roles.py).

- Highwire Press ``citation_*`` tags, as Google Scholar asks for them and as Zotero's "Embedded
  Metadata" translator maps them (title, author, date, language, publisher/institution: a report).
  The author is an organisation, written in Scholar's inverted "Last, First" form with no first
  name (``Name,``), which Zotero reads as one name instead of splitting off "Department" as a
  surname. On a translated page the author and the translator are ``DC.creator`` and
  ``z.translators`` instead of ``citation_author`` (:func:`zotero_creators` says why): Zotero
  then saves the page with its translator, as tests/test_metadata.py checks field by field.
- An editorial page (Home, About) is the edition's own words, and its head says so, as its Cite
  panel does: a web page (no report institution) titled as the page, by the edition, published
  with the edition's first release, and JSON-LD ``WebPage`` ``about`` the Department's report.
- schema.org JSON-LD (``Report``): ``inLanguage``, ``author``, ``translator``,
  ``translationOfWork``/``workTranslation`` linking the two languages' pages, ``isBasedOn`` the
  original's address, ``datePublished``, ``dateModified``, ``version``.
- Open Graph ``article:*`` and the other language's locale, and a Twitter summary card (the page's
  ``og:title``, ``og:description`` and ``og:url`` are written by overrides/main.html).

Values are escaped here: attribute values with :func:`html.escape`, the JSON-LD with ``<``, ``>``
and ``&`` as JSON escapes, so nothing in a title can close the element or open another.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import Any

from edition.model.release import EditionInfo
from edition.model.roles import LOCALES, Roles


@dataclass(frozen=True)
class PageMeta:
    """One page as its head describes it."""

    lang: str
    title: str  # the page's own title (front matter)
    description: str
    url: str  # canonical, absolute
    twin_lang: str
    twin_url: str  # the same page in the other language
    home_url: str  # the home page of this language
    pdf_url: str  # the PDF of this language
    site_name: str
    roles: Roles  # which language is the original, which the translation (mkdocs.yml's i18n languages)
    # An editorial page (Home, About: ``kind: editorial``) is the edition's own words: its head
    # describes a web page by the edition, about the work, as its Cite panel cites it.
    editorial: bool = False


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can end it or start markup."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def highwire(info: EditionInfo, page: PageMeta) -> list[tuple[str, str]]:
    """Highwire Press tags; the author only on pages without a translator (see :func:`zotero_creators`)."""
    work, lang = info.work, page.lang
    publisher = info.publisher[lang] if info.publisher else None  # the edition's, when it names one
    if page.editorial:  # a web page by the edition (no report institution: Zotero saves a web page)
        return [
            ("citation_title", page.title),
            ("citation_author", info.name[lang] + ","),
            ("citation_publication_date", (info.first_date or info.date).strftime("%Y/%m/%d")),
            ("citation_online_date", info.date.strftime("%Y/%m/%d")),
            ("citation_language", LOCALES[lang].tag),
            ("citation_publisher", publisher or info.name[lang]),
            ("citation_public_url", page.url),
        ]
    tags = [("citation_title", work.title[lang])]
    if page.roles.is_source(lang):
        tags.append(("citation_author", work.author[lang] + ","))
    tags += [
        ("citation_publication_date", work.date.strftime("%Y/%m/%d")),
        ("citation_online_date", info.date.strftime("%Y/%m/%d")),
        ("citation_language", LOCALES[lang].tag),
        ("citation_publisher", publisher or work.publisher[lang]),
        ("citation_technical_report_institution", publisher or work.publisher[lang]),
        ("citation_public_url", page.url),
        ("citation_pdf_url", page.pdf_url),
    ]
    return tags


def zotero_creators(info: EditionInfo, page: PageMeta) -> list[tuple[str, str]]:
    """A translation's author and translator, where Zotero's "Embedded Metadata" translator reads both.

    That translator (zotero/translators, Embedded Metadata.js) takes creators from Highwire's
    ``citation_author``/``citation_editor`` when there are any, and then drops every creator it
    read as RDF from the page's ``DC.*``/``z.*`` tags except to mark an editor: a translator given
    beside ``citation_author`` never reaches Zotero. Without ``citation_author`` it keeps the RDF
    creators: ``DC.creator`` as the author and ``z.translators`` (Zotero's own namespace, which the
    RDF translator reads for every creator type it has no other property for) as the translator.
    So a translated page names its author that way and has no ``citation_author``. The trailing
    comma makes Zotero read each name as one organisation (``cleanAuthor(…, useComma)``), not split
    off its last word as a surname.
    """
    if page.roles.is_source(page.lang) or page.editorial:
        return []
    return [("DC.creator", info.work.author[page.lang] + ","), ("z.translators", info.name[page.lang] + ",")]


def json_ld(info: EditionInfo, page: PageMeta) -> dict[str, Any]:
    work, lang, other = info.work, page.lang, page.twin_lang

    def author(code: str) -> dict[str, str]:
        return {"@type": "GovernmentOrganization", "name": work.author[code]}

    edition = {"@type": "Organization", "name": info.name[lang], "url": page.home_url}
    if page.editorial:
        return {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "@id": page.url,
            "url": page.url,
            "name": page.title,
            "description": page.description,
            "inLanguage": LOCALES[lang].tag,
            "author": edition,
            "publisher": edition,
            "datePublished": (info.first_date or info.date).isoformat(),
            "dateModified": info.date.isoformat(),
            "version": info.version,
            "about": {"@type": "Report", "name": work.title[lang], "author": author(lang), "url": work.url},
            "isPartOf": {"@type": "WebSite", "name": page.site_name, "url": page.home_url},
        }
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Report",
        "@id": page.url,
        "url": page.url,
        "name": work.title[lang],
        "headline": page.title[:110],
        "description": page.description,
        "inLanguage": LOCALES[lang].tag,
        "author": author(lang),
        "publisher": edition,
        "datePublished": (work.date if page.roles.is_source(lang) else info.first_date or info.date).isoformat(),
        "dateModified": info.date.isoformat(),
        "version": info.version,
        "isBasedOn": work.url,
        "isPartOf": {"@type": "WebSite", "name": page.site_name, "url": page.home_url},
        "associatedMedia": {"@type": "MediaObject", "contentUrl": page.pdf_url, "encodingFormat": "application/pdf"},
    }
    twin = {
        "@type": "Report",
        "@id": page.twin_url,
        "url": page.twin_url,
        "name": work.title[other],
        "inLanguage": LOCALES[other].tag,
        "author": author(other),
    }
    translator = {"@type": "Organization", "name": info.name[page.roles.translation]}
    if page.roles.is_source(lang):
        data["workTranslation"] = {**twin, "translator": translator}
    else:
        data["translator"] = translator
        data["translationOfWork"] = {**twin, "datePublished": work.date.isoformat()}
    return data


def open_graph(info: EditionInfo, page: PageMeta) -> list[tuple[str, str, str]]:
    """(attribute, name, content): Open Graph uses property=, Twitter name=."""
    return [
        ("property", "og:locale:alternate", LOCALES[page.twin_lang].tag.replace("-", "_")),
        (
            "property",
            "article:published_time",
            (info.first_date or info.date if page.editorial else info.work.date).isoformat(),
        ),
        ("property", "article:modified_time", info.date.isoformat()),
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", page.title),
        ("name", "twitter:description", page.description),
    ]


def head_html(info: EditionInfo, page: PageMeta, cite_data: dict[str, Any] | None = None) -> str:
    """The tags for one page's <head>, escaped; with the Cite menu's data block when given."""
    named = [*highwire(info, page), *zotero_creators(info, page)]
    tags = [f'<meta name="{name}" content="{escape(value)}">' for name, value in named]
    tags += [
        f'<meta {attribute}="{name}" content="{escape(value)}">' for attribute, name, value in open_graph(info, page)
    ]
    tags.append(f'<script type="application/ld+json">{script_json(json_ld(info, page))}</script>')
    if cite_data is not None:
        tags.append(f'<script id="__edition_cite" type="application/json">{script_json(cite_data)}</script>')
    return "\n".join(tags)
