"""Which language is the original and which the translation, and what each locale is called.

Why: citations, metadata, feeds, PDFs and the About page all decide "the original's field" or "the
translator's name" by a page's language. The roles are set in one place, the i18n plugin's
``languages:`` in mkdocs.yml: the default language (the site's root) is the source, the other the
translation (:func:`roles_of`, read as ``Project.roles`` / ``Edition.roles``). How a locale is
named and written (its BCP 47 tag, BibLaTeX name, date pattern, separators) is one table,
:data:`LOCALES`, keyed by locale, so no module keeps its own copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Roles:
    """The source (original) language and the translation's, as locales ('zh', 'en')."""

    source: str
    translation: str

    def is_source(self, lang: str) -> bool:
        """Whether a page in ``lang`` is the original (not the translation)."""
        return lang == self.source

    def other(self, lang: str) -> str:
        """The language a page's twin is in: the translation of the original, or the original of it."""
        return self.translation if lang == self.source else self.source


def roles_of(locales: Sequence[str]) -> Roles:
    """The roles from the site's languages, default (source) first, as ``site_languages`` orders them.

    The edition is one original and one translation: any other number of languages has no roles.
    """
    if len(locales) != 2:
        raise ValueError(
            f"the edition needs two languages, the source (default) and its translation; got {list(locales)}"
        )
    return Roles(source=locales[0], translation=locales[1])


@dataclass(frozen=True)
class Locale:
    """How one locale is named and written, wherever the edition writes it."""

    tag: str  # BCP 47: html lang, citation_language, inLanguage, xml:lang, Open Graph (with '_')
    biblatex: str  # BibLaTeX's langid / origlanguage
    name: str  # in the build's messages, which are in English
    date: str  # how a date is written (format_date here, edition.js in the browser)
    separator: str  # between items of a run-in list
    colon: str  # between a label and its text
    label_limit: int  # characters of a chart's label that fit on one line
    unit_space: str  # between a figure and its unit: '4.5万余人', 'more than 45,000 officers'


LOCALES: dict[str, Locale] = {
    "zh": Locale("zh-CN", "chinese", "Chinese", "{y}年{m}月{d}日", "；", "：", 24, ""),
    "en": Locale("en-GB", "english", "English", "{d} {month} {y}", "; ", ": ", 48, " "),
}
