"""The facts the interface strings name, kept once: never typed into a string (checks/interface_facts.py).

A document's facts ({work_author}, {work_title}, {work_date}, {work_publisher}) come from
docs/data/documents/<id>.yml and are filled in per page, for the page's own document
(outputs/citations.py, ``fill_work``); the edition's own ({edition_name}, {site_name}) are the same on
every page and are filled in wherever a string is read (``Catalogue.fill``, model/strings.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from edition.model.release import format_date

if TYPE_CHECKING:
    from edition.model.documents import Work
    from edition.model.project import Project
    from edition.model.release import EditionInfo
    from edition.model.strings import Catalogue

FACTS = ("work_author", "work_title", "work_date", "work_publisher", "edition_name", "site_name")
EDITION_FACTS = ("edition_name", "site_name")  # the same on every page; the others are the page's document's


def facts(info: EditionInfo | None, lang: str, site_name: str) -> dict[str, str]:
    """The facts a string of ``lang`` may name, as that language writes them."""
    found = {"site_name": site_name} if site_name else {}
    if info is None:
        return found
    return found | work_facts(info.work, lang) | {"edition_name": info.name[lang]}


def work_facts(work: Work, lang: str) -> dict[str, str]:
    """A document's facts, as ``lang`` writes them: what a page of that document fills in."""
    return {
        "work_author": work.author[lang],
        "work_title": work.title[lang],
        "work_date": format_date(work.date, lang),
        "work_publisher": work.publisher[lang],
    }


def site_names(project: Project) -> dict[str, str]:
    """Each language's site name (mkdocs.yml, the i18n plugin's overrides)."""
    default = str(project.settings.get("site_name") or "")
    return {language.locale: str(language.settings.get("site_name") or default) for language in project.languages}


def give_facts(strings: dict[str, Catalogue], info: EditionInfo | None, project: Project) -> None:
    """Each catalogue knows the facts its strings name (the one loader, edition/model/edition.py, calls this
    before the edition is made)."""
    names = site_names(project)
    for lang, catalogue in strings.items():
        known = facts(info, lang, names.get(lang, ""))
        catalogue.facts = {name: value for name, value in known.items() if name in EDITION_FACTS}
