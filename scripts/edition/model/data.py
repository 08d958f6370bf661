"""The edition's data, kept once in ``docs/data/*.yml``: figures, measures and the glossary.

Pages, downloads and checks are all generated from these three files, never copied by hand.
Every entry keeps the line it starts on, so a problem names ``docs/data/figures.yml:LINE``.
Reading never raises: what cannot be read becomes a :class:`Problem` of the check that owns the
file (figures, measures, glossary), and the entry is left out of pages and downloads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from edition.model.problems import Problem

DATA_DIR = "data"  # under docs_dir; mkdocs.yml keeps the YAML itself out of the site (exclude_docs)
FIGURES_FILE = "figures.yml"
MEASURES_FILE = "measures.yml"
GLOSSARY_FILE = "glossary.yml"

TERM_KINDS = ("institution", "post", "unit", "person", "place", "slogan", "term", "publication")
NOT_FIGURE_REASONS = ("date", "name")
QUALIFIERS = ("more than",)
ENTRY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The languages the data files write each text in (their `zh:`/`en:` keys, also releases.json's): a
# schema, not roles; which language is the original is edition.model.roles.Roles, from mkdocs.yml.
LANGS = ("zh", "en")
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: ten times faster

# Problems that make a whole file unusable start with this, so its checks report them and stop:
# checking a paragraph against data that could not be read only buries the one real message.
UNUSABLE = "the file cannot be used: "

Text = dict[str, str]  # the same words in both languages: {"zh": ..., "en": ...}


@dataclass(frozen=True)
class Figure:
    """A quantity of the source, as it stands in a paragraph of each language."""

    id: str
    value: Decimal
    qualifier: str | None  # "more than" for 多/余/以上/超过
    unit: Text
    label: Text  # a short caption of what is counted (the edition's words)
    area: str
    paragraph: str
    zh: str  # the literal phrase of the Chinese paragraph
    en: str  # the literal phrase of the English paragraph
    key: bool  # shown on the home page
    line: int
    kind: str = "figure"


@dataclass(frozen=True)
class NotFigure:
    """An Arabic numeral of the Chinese text that is a date or part of a name, not a figure."""

    id: str
    reason: str
    area: str
    paragraph: str
    zh: str
    line: int
    en: str | None = None
    kind: str = "not_figures entry"


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn from figures of the same unit."""

    id: str
    title: Text
    figures: list[str]
    key: bool
    line: int


@dataclass(frozen=True)
class Measure:
    """A concrete measure announced, as named in a paragraph of each language."""

    id: str
    area: str
    paragraph: str
    zh: str
    en: str
    line: int
    kind: str = "measure"


@dataclass(frozen=True)
class Term:
    """A glossary term: its Chinese, its one English rendering, the other English forms accepted."""

    id: str
    zh: str
    en: str
    also: tuple[str, ...]  # plural, adjectival or short forms that count as the rendering
    kind: str
    note: Text
    line: int
    avoid: tuple[str, ...] = ()  # renderings the translation once used or could slip into: refused anywhere

    @property
    def english_forms(self) -> tuple[str, ...]:
        return (self.en, *self.also)


@dataclass
class Data:
    """Everything read from docs/data, and what was wrong with it, per file."""

    figures: list[Figure] = field(default_factory=list)
    not_figures: list[NotFigure] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    problems: dict[str, list[Problem]] = field(default_factory=dict)  # file name -> problems

    def unusable(self, name: str) -> list[Problem]:
        """The problems that stop ``name`` (e.g. "figures.yml") from being read at all; [] if none."""
        return [p for p in self.problems.get(name, []) if p.message.startswith(UNUSABLE)]

    def figure(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures if f.id == figure_id), None)


class _Reader:
    """Reads one YAML file's entries, turning every shape error into a Problem with its line."""

    def __init__(self, rel: str, problems: list[Problem]) -> None:
        self.rel = rel
        self.problems = problems

    def problem(self, line: int, message: str, fix: str) -> None:
        self.problems.append(Problem(self.rel, line, message, fix))

    def sections(self, text: str, names: tuple[str, ...]) -> dict[str, list[tuple[dict[str, Any], int]]]:
        """The file's top-level lists, each entry with the line it starts on."""
        loader = LOADER(text)  # parse once: the node tree gives the lines, its construction the values
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            detail = getattr(error, "problem", None) or str(error)
            self.problem(
                mark.line + 1 if mark else 1,
                f"{UNUSABLE}it does not parse: YAML error: {detail}.",
                "correct the YAML (quote values that contain ': ' or start with a quote or a '*').",
            )
            return {}
        finally:
            loader.dispose()
        if not isinstance(data, dict) or root is None:
            self.problem(
                1,
                f"{UNUSABLE}it must be a mapping with the lists {', '.join(names)}.",
                "start each list with its name, e.g. 'figures:'.",
            )
            return {}
        nodes = {key.value: value for key, value in root.value}
        key_lines = {key.value: key.start_mark.line + 1 for key, _ in root.value}
        result: dict[str, list[tuple[dict[str, Any], int]]] = {}
        for name in names:
            items = data.get(name)
            node = nodes.get(name)
            if not isinstance(items, list) or node is None:
                self.problem(
                    1,
                    f"the file has no list '{name}'.",
                    f"add '{name}:' followed by its entries, each starting with '- '.",
                )
                continue
            entries = []
            for item, item_node in zip(items, node.value, strict=True):
                line = item_node.start_mark.line + 1
                if isinstance(item, dict):
                    entries.append((item, line))
                else:
                    self.problem(
                        line,
                        f"an entry of '{name}' must be a mapping of fields, not {type(item).__name__}.",
                        "write the entry as 'field: value' lines.",
                    )
            result[name] = entries
        for name in sorted(set(data) - set(names)):
            self.problem(key_lines.get(name, 1), f"unknown list '{name}'.", f"use only {', '.join(names)}.")
        return result

    def text(self, entry: dict[str, Any], key: str, line: int, required: bool = True) -> str | None:
        value = entry.get(key)
        if value is None and not required:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.problem(line, f"entry '{entry.get('id', '?')}' has no '{key}' text.", f"add '{key}: ...' to it.")
            return None
        return value.strip()

    def both(self, entry: dict[str, Any], key: str, line: int) -> Text | None:
        value = entry.get(key)
        if not isinstance(value, dict) or any(
            not isinstance(value.get(lang), str) or not value[lang].strip() for lang in LANGS
        ):
            self.problem(
                line,
                f"entry '{entry.get('id', '?')}' needs '{key}' in both languages.",
                f"write '{key}: {{zh: ..., en: ...}}'.",
            )
            return None
        extra = sorted(str(name) for name in value if name not in LANGS)
        if extra:  # in a flow mapping an unquoted comma ends the value: the rest turns into keys
            self.problem(
                line,
                f"entry '{entry.get('id', '?')}' has '{key}' keys other than zh and en: {', '.join(extra)}.",
                f"put a text holding a comma in quotes: '{key}: {{zh: ..., en: \"..., ...\"}}'.",
            )
            return None
        return {lang: value[lang].strip() for lang in LANGS}

    def choice(self, entry: dict[str, Any], key: str, line: int, allowed: tuple[str, ...] | list[str]) -> str | None:
        value = entry.get(key)
        if value not in allowed:
            self.problem(
                line,
                f"entry '{entry.get('id', '?')}' has {key} {value!r}, which is not one of {', '.join(map(str, allowed))}.",
                f"set '{key}' to one of them.",
            )
            return None
        return value

    def ids(self, entries: list[tuple[dict[str, Any], int]], what: str) -> None:
        """Every entry needs a unique id of lowercase words joined by hyphens."""
        seen: dict[str, int] = {}
        for entry, line in entries:
            entry_id = entry.get("id")
            if not isinstance(entry_id, str) or not ENTRY_ID.match(entry_id):
                self.problem(
                    line,
                    f"{what} entry has id {entry_id!r}; ids are lowercase words joined by hyphens.",
                    "give it an id such as 'id-card-offices'.",
                )
                entry["id"] = None
            elif entry_id in seen:
                self.problem(
                    line,
                    f"{what} id '{entry_id}' is used twice (lines {seen[entry_id]} and {line}).",
                    "give each entry its own id; never reuse a published one.",
                )
                entry["id"] = None
            else:
                seen[entry_id] = line


def _cited_fields(reader: _Reader, entry: dict[str, Any], line: int, english: bool) -> dict[str, Any] | None:
    area = reader.text(entry, "area", line)  # one of the documents' areas: checks/quotes.py
    paragraph = reader.text(entry, "paragraph", line)
    zh = reader.text(entry, "zh", line)
    en = reader.text(entry, "en", line) if english else None
    if entry.get("id") is None or None in (area, paragraph, zh) or (english and en is None):
        return None
    return {"id": entry["id"], "area": area, "paragraph": paragraph, "zh": zh, "en": en, "line": line}


def read_figures(text: str, rel: str) -> tuple[list[Figure], list[NotFigure], list[Chart], list[Problem]]:
    problems: list[Problem] = []
    reader = _Reader(rel, problems)
    sections = reader.sections(text, ("figures", "not_figures", "charts"))
    figures: list[Figure] = []
    reader.ids(sections.get("figures", []), "figure")
    for entry, line in sections.get("figures", []):
        cited = _cited_fields(reader, entry, line, english=True)
        unit = reader.both(entry, "unit", line)
        label = reader.both(entry, "label", line)
        qualifier = entry.get("qualifier")
        if qualifier is not None and qualifier not in QUALIFIERS:
            reader.problem(
                line,
                f"figure '{entry.get('id')}' has qualifier {qualifier!r}.",
                f"use one of {', '.join(QUALIFIERS)}, or leave it out.",
            )
            continue
        try:
            value = Decimal(str(entry.get("value")))
            if not value.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            reader.problem(
                line,
                f"figure '{entry.get('id')}' has value {entry.get('value')!r}, which is not a number.",
                "write the number in full, without separators or 万/亿 (28万 -> 280000).",
            )
            continue
        if cited and unit and label:
            figures.append(
                Figure(value=value, qualifier=qualifier, unit=unit, label=label, key=entry.get("key") is True, **cited)
            )
    not_figures: list[NotFigure] = []
    for entry, line in sections.get("not_figures", []):
        entry["id"] = str(entry.get("zh", "?"))  # named by its phrase in messages
        cited = _cited_fields(reader, entry, line, english=False)
        reason = reader.choice(entry, "reason", line, NOT_FIGURE_REASONS)
        if cited and reason:
            del cited["en"]
            not_figures.append(NotFigure(reason=reason, **cited))
    charts: list[Chart] = []
    reader.ids(sections.get("charts", []), "chart")
    known = {figure.id: figure for figure in figures}
    for entry, line in sections.get("charts", []):
        title = reader.both(entry, "title", line)
        members = entry.get("figures")
        if not isinstance(members, list) or len(members) < 2:
            reader.problem(
                line,
                f"chart '{entry.get('id')}' needs a list of at least two figure ids.",
                "write 'figures: [id-one, id-two]'.",
            )
            continue
        missing = [m for m in members if m not in known]
        if missing:
            reader.problem(
                line,
                f"chart '{entry.get('id')}' names figures that do not exist: {', '.join(map(str, missing))}.",
                "use ids from the 'figures' list.",
            )
            continue
        if len({known[m].unit["en"] for m in members}) > 1:
            reader.problem(
                line,
                f"chart '{entry.get('id')}' mixes units ({', '.join(sorted({known[m].unit['en'] for m in members}))}); bars of different units cannot be compared.",
                "chart figures of one unit only.",
            )
            continue
        if title and entry.get("id"):
            charts.append(Chart(entry["id"], title, list(members), entry.get("key") is True, line))
    return figures, not_figures, charts, problems


def read_measures(text: str, rel: str) -> tuple[list[Measure], list[Problem]]:
    problems: list[Problem] = []
    reader = _Reader(rel, problems)
    entries = reader.sections(text, ("measures",)).get("measures", [])
    reader.ids(entries, "measure")
    measures = []
    for entry, line in entries:
        cited = _cited_fields(reader, entry, line, english=True)
        if cited:
            measures.append(Measure(**cited))
    return measures, problems


def _english_list(reader: _Reader, entry: dict, key: str, line: int, what: str, example: str) -> tuple[str, ...] | None:
    """A term's optional list of English wordings (``also``, ``avoid``), or None after reporting it malformed."""
    forms = entry.get(key, [])
    if not isinstance(forms, list) or not all(isinstance(form, str) and form.strip() for form in forms):
        reader.problem(
            line,
            f"term '{entry.get('id')}' has an '{key}' that is not a list of {what}.",
            f"write '{key}: [{example}]' or leave it out.",
        )
        return None
    return tuple(form.strip() for form in forms)


def read_glossary(text: str, rel: str) -> tuple[list[Term], list[Problem]]:
    problems: list[Problem] = []
    reader = _Reader(rel, problems)
    entries = reader.sections(text, ("terms",)).get("terms", [])
    reader.ids(entries, "term")
    terms = []
    seen_zh: dict[str, int] = {}
    for entry, line in entries:
        zh = reader.text(entry, "zh", line)
        en = reader.text(entry, "en", line)
        kind = reader.choice(entry, "kind", line, TERM_KINDS)
        note = reader.both(entry, "note", line)
        also = _english_list(reader, entry, "also", line, "English forms", "plural form, other form")
        avoid = _english_list(
            reader, entry, "avoid", line, "English wordings", "wrong rendering, other wrong rendering"
        )
        if also is None or avoid is None:
            continue
        if zh and zh in seen_zh:
            reader.problem(
                line,
                f"the Chinese term {zh} is listed twice (lines {seen_zh[zh]} and {line}).",
                "keep one entry per Chinese term; put other English forms in its 'also' list.",
            )
            continue
        if zh:
            seen_zh[zh] = line
        if entry.get("id") and zh and en and kind and note:
            terms.append(Term(entry["id"], zh, en, also, kind, note, line, avoid))
    return terms, problems


def load_data(docs_dir: Path, root: Path) -> Data:
    """Read the three data files; a missing file is a problem of its check, not an exception."""
    data = Data()

    def read(name: str) -> tuple[str, str] | None:
        path = docs_dir / DATA_DIR / name
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if not path.exists():
            data.problems[name] = [
                Problem(
                    rel,
                    1,
                    f"{UNUSABLE}it does not exist.",
                    "restore it from the repository (git checkout -- " + rel + ").",
                )
            ]
            return None
        return path.read_text(encoding="utf-8"), rel

    if loaded := read(FIGURES_FILE):
        data.figures, data.not_figures, data.charts, data.problems[FIGURES_FILE] = read_figures(*loaded)
    if loaded := read(MEASURES_FILE):
        data.measures, data.problems[MEASURES_FILE] = read_measures(*loaded)
    if loaded := read(GLOSSARY_FILE):
        data.terms, data.problems[GLOSSARY_FILE] = read_glossary(*loaded)
    return data


def data_file(root: Path, docs_dir: Path, name: str) -> str:
    """The project-relative path of a data file, for messages: docs/data/figures.yml."""
    path = docs_dir / DATA_DIR / name
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def paragraph_link(entry: Figure | Measure, areas: dict[str, str]) -> str:
    """'policing/#a2-1-1': where the entry's paragraph is, relative to a language's root (``areas``: Edition.areas)."""
    return f"{areas[entry.area]}/#{entry.paragraph}"
