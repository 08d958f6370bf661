"""Facts in the interface strings come from one data file, checked against the source's metadata.

Why: the citation templates, the source line under every page and the About page's example name
the original's author, title, publisher and date and the edition's name. Typed into each string of
each language, a date could change in one (the press conference "of 29 September") and nothing
would notice. So:

- the facts live once, in docs/data/documents/<id>.yml (each document), docs/data/edition.yml (``name``) and mkdocs.yml
  (``site_name`` of each language); the strings say ``{work_author}``, ``{work_title}``,
  ``{work_date}``, ``{work_publisher}``, ``{edition_name}``, ``{site_name}``, filled in wherever a
  string is read (edition/model/facts.py: the edition's own by ``Catalogue.fill``, a document's per page by
  ``fill_work`` in edition/outputs/citations.py);
- no interface string types one of those facts, or any date (``typed_facts``);
- every date typed into mkdocs.yml's words (the site's description) is the original's date;
- the main document's file agrees with the source's own record: source/README.md (its table of
  title, publisher, URL, date and place) and the captured text itself (its title line and its
  "时间:… 地点:…" line); its ``url`` is the README's URL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from edition.model.documents import DOCUMENTS_DIR, documents_rel
from edition.model.facts import facts, site_names
from edition.model.problems import Problem

if TYPE_CHECKING:
    from edition.model.edition import Edition
    from edition.model.strings import Catalogue

SOURCE_README = "source/README.md"
DATES = {
    "en": re.compile(
        r"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b"
        r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}\b"
        r"|\b\d{4}-\d{2}-\d{2}\b"
    ),
    "zh": re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{2}-\d{2}"),
}
FIX_TYPED = "write the placeholder instead ({names}); the fact lives once, in docs/data/documents/<id>.yml (a document's), docs/data/edition.yml (the edition's name) or mkdocs.yml (site_name)."


def typed_facts(catalogue: Catalogue, known: dict[str, str]) -> Iterator[Problem]:
    """Strings of ``catalogue`` that type a fact (``known``: every language's facts) or a date."""
    for key, text in catalogue.flat().items():
        typed = [name for name, value in known.items() if len(value) >= 4 and value in text]
        dates = DATES.get(catalogue.lang, DATES["en"]).findall(text) + DATES[
            "zh" if catalogue.lang != "zh" else "en"
        ].findall(text)
        if typed:
            yield Problem(
                catalogue.rel,
                catalogue.lines.get(key, 1),
                f"the interface string '{key}' types the fact(s) {', '.join(repr(known[n]) for n in typed)}, which would then be kept twice and could differ.",
                FIX_TYPED.format(names=", ".join("{" + n.split(":")[0] + "}" for n in typed)),
            )
        elif dates:
            yield Problem(
                catalogue.rel,
                catalogue.lines.get(key, 1),
                f"the interface string '{key}' types the date {dates[0]!r}: a date in an interface string is a fact, kept once.",
                FIX_TYPED.format(names="{work_date} for the press conference's date; {date} for the version's"),
            )


def readme_fields(text: str) -> dict[str, tuple[str, int]]:
    """source/README.md's first table, the main document's record: field -> (value, line). A table
    further down (a maintainer describing another document the same way) is not read as this one's."""
    found: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r"^\|\s*([^|]+?)\s*\|\s*(.+?)\s*\|\s*$", line)
        if match is None and found:
            break  # the end of the first table
        if match and not set(match[1]) <= {"-", " "}:
            found.setdefault(match[1].lower(), (match[2], number))
    return found


def check_against_source(edition: Edition) -> list[Problem]:
    """The main document's description (docs/data/documents/<id>.yml) against source/README.md, which
    records that document, and against the captured text."""
    info = edition.versions.info
    readme_path = edition.root / SOURCE_README
    if info is None or not readme_path.is_file():
        return []
    work = info.work
    path = edition.docs_dir / DOCUMENTS_DIR / f"{work.id}.yml"
    if not path.is_file():
        return []  # the "documents" check names it
    rel = documents_rel(edition.docs_dir, edition.root) + f"/{work.id}.yml"
    edition_text = path.read_text(encoding="utf-8")
    fields = readme_fields(readme_path.read_text(encoding="utf-8"))
    source_text = work.words or ""
    problems: list[Problem] = []

    def line_of(needle: str) -> int:
        return next((n for n, line in enumerate(edition_text.splitlines(), 1) if needle in line), 1)

    def disagree(what: str, ours: str, theirs: str, where: str, needle: str) -> None:
        problems.append(
            Problem(
                rel,
                line_of(needle),
                f"the original's {what} is '{ours}' here, but {where} has '{theirs}'.",
                f"correct {rel} to the source's record ({SOURCE_README} and the captured text are the reference, and read-only).",
            )
        )

    title = fields.get("title", ("", 0))[0]
    if title and title != work.title["zh"]:
        disagree("title", work.title["zh"], title, SOURCE_README, work.title["zh"][:8] or "title:")
    if source_text and not any(line.strip() == work.title["zh"] for line in source_text.splitlines()[:5]):
        disagree("title", work.title["zh"], "another title line", "the captured text", work.title["zh"][:8] or "title:")
    date_place = fields.get("date and place", ("", 0))[0]
    iso = re.search(r"\d{4}-\d{2}-\d{2}", date_place)
    if iso and dt.date.fromisoformat(iso[0]) != work.date:
        disagree("date", work.date.isoformat(), iso[0], SOURCE_README, "date:")
    captured = re.search(r"时间[:：]\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*地点[:：]\s*(\S+)", source_text)
    if captured:
        when = dt.date(int(captured[1]), int(captured[2]), int(captured[3]))
        if when != work.date:
            disagree("date", work.date.isoformat(), when.isoformat(), "the captured text", "date:")
        if not captured[4].startswith(work.place["zh"]):
            disagree("place", work.place["zh"], captured[4], "the captured text", "place:")
    if date_place and work.place["zh"] not in date_place:
        disagree("place", work.place["zh"], date_place, SOURCE_README, "place:")
    publisher = fields.get("publisher", ("", 0))[0]
    if publisher and not publisher.startswith(work.publisher["zh"]):
        disagree("publisher", work.publisher["zh"], publisher, SOURCE_README, "publisher:")
    url = fields.get("url", ("", 0))[0]
    if url and work.url != url:
        disagree("address", work.url, url, SOURCE_README, "url:")
    return problems


def check_config_dates(edition: Edition) -> list[Problem]:
    """A date typed into mkdocs.yml's words (site_description …) is the original's date."""
    info = edition.versions.info
    if info is None:
        return []
    from edition.model.release import MONTHS

    problems = []
    allowed = {
        f"{info.work.date.day} {MONTHS[info.work.date.month - 1]} {info.work.date.year}",
        f"{info.work.date.year}年{info.work.date.month}月{info.work.date.day}日",
        info.work.date.isoformat(),
    }
    for number, line in enumerate(edition.project.config_text.splitlines(), start=1):
        for typed in dict.fromkeys(typed for pattern in DATES.values() for typed in pattern.findall(line)):
            if re.sub(r"\s+", " ", typed) not in allowed and typed.replace(" ", "") not in allowed:
                problems.append(
                    Problem(
                        edition.project.config_rel,
                        number,
                        f"the date {typed!r} is not the press conference's ({info.work.date.isoformat()}, docs/data/edition.yml).",
                        "write the original's date, or leave the date out.",
                    )
                )
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    if edition.versions.info is None:
        return []  # the "release" check names what is wrong with edition.yml
    names = site_names(edition.project)
    known: dict[str, str] = {}
    for lang in edition.strings:
        known |= {
            f"{name}:{lang}": value for name, value in facts(edition.versions.info, lang, names.get(lang, "")).items()
        }
    problems: list[Problem] = []
    for catalogue in edition.strings.values():
        if catalogue.error is None:
            problems += typed_facts(catalogue, known)
    return problems + check_against_source(edition) + check_config_dates(edition)
