"""The edition's data, kept once in ``docs/data/*.yml``: figures, measures and the glossary.

Pages, downloads and checks are all generated from these three files, never copied by hand.
Each file is read by the project's one YAML reader (edition/model/yaml_data.py) and its shape
checked by a JSON Schema below (fields, types, texts, ``{zh: …, en: …}`` pairs, ids, kinds), so a
problem names ``docs/data/figures.yml:LINE``, the line of the offending key or entry, and the fix.
What a schema cannot say is checked here after it: an id or a Chinese term given twice, a value
that is not a number, a chart naming figures that do not exist or mixing units.
Reading never raises: what cannot be read becomes a :class:`Problem` of the check that owns the
file (figures, measures, glossary), and the entry is left out of pages and downloads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from edition.model.problems import Problem
from edition.model.yaml_data import Schema, YamlFile, in_each_language, parse, read_file

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

# Problems that make a whole file unusable start with this, so its checks report them and stop:
# checking a paragraph against data that could not be read only buries the one real message.
# (yaml_data.parse and read_file say it of a file that does not parse or does not exist.)
WHAT = "the file"
UNUSABLE = f"{WHAT} cannot be used: "

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
    files: dict[str, YamlFile] = field(default_factory=dict, repr=False)  # file name -> the file as parsed

    def unusable(self, name: str) -> list[Problem]:
        """The problems that stop ``name`` (e.g. "figures.yml") from being read at all; [] if none."""
        return [p for p in self.problems.get(name, []) if p.message.startswith(UNUSABLE)]

    def figure(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures if f.id == figure_id), None)


# What each file holds, entry by entry: JSON Schemas read by edition/model/yaml_data.py, whose
# ``x-fix`` is the fix a message gives, ``x-message`` what it says of a value that does not fit.
TEXT = {"type": ["string", "number"], "pattern": r"\S", "x-message": "has no text"}  # a number: its digits
WORDING = {"type": "string", "pattern": r"\S", "x-message": "has no text"}
ID = {
    "type": "string",
    "pattern": ENTRY_ID.pattern,
    "x-message": "is not lowercase words joined by hyphens",
    "x-fix": "give it an id such as 'id-card-offices'; never change a published one.",
}
KEY = {
    "type": "boolean",
    "x-message": "is neither true nor false",
    "x-fix": "write 'key: true' to show it on the home page, or leave 'key' out.",
}


def _text(key: str, what: str) -> dict[str, Any]:
    return {**TEXT, "x-fix": f"write '{key}: ' and {what}."}


def _both(key: str) -> dict[str, Any]:
    """The same words in both languages: ``{zh: …, en: …}`` and no other key."""
    return in_each_language(
        LANGS,
        WORDING,
        f"write '{key}: {{zh: ..., en: ...}}'.",
        x_message="is not written in both languages",
        # in a flow mapping an unquoted comma ends the value: the rest turns into keys
        x_unknown_fix=f"put a text holding a comma in quotes: '{key}: {{zh: ..., en: \"..., ...\"}}'.",
    )


def _wordings(key: str, what: str, example: str) -> dict[str, Any]:
    """A term's optional list of English wordings (``also``, ``avoid``)."""
    return {
        "type": "array",
        "items": WORDING,
        "x-message": f"is not a list of {what}",
        "x-fix": f"write '{key}: [{example}]' or leave it out.",
    }


def _entry(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": [key for key in properties if key not in optional],
        "additionalProperties": False,
        "x-message": "is not a mapping of fields",
        "x-fix": "write the entry as 'field: value' lines.",
    }


def _file(lists: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A file of named lists of entries, and nothing else."""
    return {
        "type": "object",
        "properties": {
            name: {
                "type": "array",
                "items": entry,
                "x-message": "is not a list of entries",
                "x-fix": f"write '{name}:' followed by its entries, each starting with '- ' ('{name}: []' if none).",
            }
            for name, entry in lists.items()
        },
        "required": list(lists),
        "additionalProperties": False,
    }


CITED = {  # where an entry's phrase stands; an area is one of the documents' areas: checks/quotes.py
    "area": _text("area", "the area of its paragraph, e.g. a3"),
    "paragraph": _text("paragraph", "the id of the paragraph it stands in, e.g. a3-1-2"),
    "zh": _text("zh", "the Chinese phrase, word for word as it stands in the paragraph"),
    "en": _text("en", "the English phrase, word for word as it stands in the English twin"),
}
VALUE_FIX = "write the number in full, without separators or 万/亿 (28万 -> 280000)."
FIGURES = Schema(
    _file(
        {
            "figures": _entry(
                {
                    "id": ID,
                    "value": {"x-fix": VALUE_FIX},  # a number of any precision: read as a Decimal below
                    "qualifier": {
                        "enum": list(QUALIFIERS),
                        "x-fix": f"use one of {', '.join(QUALIFIERS)}, or leave it out.",
                    },
                    "unit": _both("unit"),
                    "label": _both("label"),
                    **CITED,
                    "key": KEY,
                },
                optional=("qualifier", "key"),
            ),
            "not_figures": _entry(
                {
                    "reason": {
                        "enum": list(NOT_FIGURE_REASONS),
                        "x-fix": f"set 'reason' to one of {', '.join(NOT_FIGURE_REASONS)}.",
                    },
                    **{key: CITED[key] for key in ("area", "paragraph", "zh")},
                }
            ),
            "charts": _entry(
                {
                    "id": ID,
                    "title": _both("title"),
                    "figures": {
                        "type": "array",
                        "items": {"type": "string", "x-message": "is not a figure's id"},
                        "minItems": 2,
                        "x-message": "is not a list of at least two figure ids",
                        "x-fix": "write 'figures: [id-one, id-two]'.",
                    },
                    "key": KEY,
                },
                optional=("key",),
            ),
        }
    ),
    {"figures": "figure", "charts": "chart"},
)
MEASURES = Schema(_file({"measures": _entry({"id": ID, **CITED})}), "measure")
GLOSSARY = Schema(
    _file(
        {
            "terms": _entry(
                {
                    "id": ID,
                    "zh": _text("zh", "the Chinese term"),
                    "en": _text("en", "its one English rendering"),
                    "kind": {"enum": list(TERM_KINDS), "x-fix": f"set 'kind' to one of {', '.join(TERM_KINDS)}."},
                    "note": _both("note"),
                    "also": _wordings("also", "English forms", "plural form, other form"),
                    "avoid": _wordings("avoid", "English wordings", "wrong rendering, other wrong rendering"),
                },
                optional=("also", "avoid"),
            )
        }
    ),
    "term",
)

Entries = list[tuple[int, dict[str, Any]]]  # the entries of a list that can be used, with their indexes


def _checked(file: YamlFile, schema: Schema) -> tuple[dict[str, Entries], list[Problem]]:
    """The entries of each list of ``file`` that meet ``schema``, and the problems of those that do not."""
    lists = tuple(schema.schema["properties"])
    if not isinstance(file.data, dict):
        return {}, [
            file.problem(
                (),
                f"{UNUSABLE}it must be a mapping with the lists {', '.join(lists)}.",
                f"start each list with its name, e.g. '{lists[0]}:'.",
            )
        ]
    problems = schema.problems(file)
    broken = (
        {tuple(error.absolute_path)[:2] for error in schema.validator.iter_errors(file.data)} if problems else set()
    )
    entries = {
        name: [(index, entry) for index, entry in enumerate(items) if (name, index) not in broken]
        for name in lists
        if isinstance(items := file.data.get(name), list)
    }
    return entries, problems


def _repeated(file: YamlFile, name: str, key: str, said: str, fix: str, problems: list[Problem]) -> set[int]:
    """The indexes of the entries of list ``name`` whose ``key`` repeats an earlier entry's, each a problem at its line.

    ``said`` is the message, formatted with the ``value`` and the two lines it stands on (``first``, ``line``).
    """
    seen: dict[str, int] = {}
    repeated = set()
    items = file.data.get(name) if isinstance(file.data, dict) else None
    for index, entry in enumerate(items if isinstance(items, list) else []):
        value = entry.get(key) if isinstance(entry, dict) else None
        if not isinstance(value, str):
            continue  # the schema's to report
        place = (name, index, key)
        value, line = value.strip(), file.line(place)
        if value in seen:
            problems.append(file.problem(place, said.format(value=value, first=seen[value], line=line), fix))
            repeated.add(index)
        else:
            seen[value] = line
    return repeated


def _repeated_ids(file: YamlFile, name: str, what: str, problems: list[Problem]) -> set[int]:
    said = f"{what} id '{{value}}' is used twice (lines {{first}} and {{line}})."
    return _repeated(file, name, "id", said, "give each entry its own id; never reuse a published one.", problems)


def _in_order(problems: list[Problem]) -> list[Problem]:
    """The schema's problems and those found after it, as the file reads."""
    return sorted(problems, key=lambda problem: problem.line)


def _words(value: Any) -> str:
    return str(value).strip()


def _pair(value: dict[str, str]) -> Text:
    return {lang: value[lang].strip() for lang in LANGS}


def _cited(file: YamlFile, name: str, index: int, entry: dict[str, Any]) -> dict[str, Any]:
    """Where an entry's phrase stands: its area, paragraph, Chinese (and English) phrase, and the entry's line."""
    found = {key: _words(entry[key]) for key in CITED if key in entry}
    return {**found, "line": file.line((name, index))}


def _number(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def read_figures(text: str, rel: str) -> tuple[list[Figure], list[NotFigure], list[Chart], list[Problem]]:
    file, problems = parse(text, rel, WHAT)
    return _figures(file) if file else ([], [], [], problems)


def _figures(file: YamlFile) -> tuple[list[Figure], list[NotFigure], list[Chart], list[Problem]]:
    entries, problems = _checked(file, FIGURES)
    if not isinstance(file.data, dict):
        return [], [], [], problems
    repeated = _repeated_ids(file, "figures", "figure", problems)
    figures: list[Figure] = []
    for index, entry in entries.get("figures", []):
        value = _number(entry["value"])
        if value is None:
            problems.append(
                file.problem(
                    ("figures", index, "value"),
                    f"figure '{entry['id']}' has value {entry['value']!r}, which is not a number.",
                    VALUE_FIX,
                )
            )
        elif index not in repeated:
            figures.append(
                Figure(
                    id=entry["id"],
                    value=value,
                    qualifier=entry.get("qualifier"),
                    unit=_pair(entry["unit"]),
                    label=_pair(entry["label"]),
                    key=entry.get("key", False),
                    **_cited(file, "figures", index, entry),
                )
            )
    not_figures = []
    for index, entry in entries.get("not_figures", []):
        cited = _cited(file, "not_figures", index, entry)
        not_figures.append(NotFigure(id=cited["zh"], reason=entry["reason"], **cited))  # named by its phrase
    charts = _charts(file, entries.get("charts", []), figures, problems)
    return figures, not_figures, charts, _in_order(problems)


def _charts(file: YamlFile, entries: Entries, figures: list[Figure], problems: list[Problem]) -> list[Chart]:
    """The charts whose figures exist and share a unit."""
    listed = file.data.get("figures")
    all_figures = listed if isinstance(listed, list) else []
    named = {entry["id"] for entry in all_figures if isinstance(entry, dict) and isinstance(entry.get("id"), str)}
    known = {figure.id: figure for figure in figures}
    repeated = _repeated_ids(file, "charts", "chart", problems)
    charts = []
    for index, entry in entries:
        members, place = entry["figures"], ("charts", index, "figures")
        missing = [member for member in members if member not in named]
        units = sorted({known[member].unit["en"] for member in members if member in known})
        if missing:
            problems.append(
                file.problem(
                    place,
                    f"chart '{entry['id']}' names figures that do not exist: {', '.join(missing)}.",
                    "use ids from the 'figures' list.",
                )
            )
        elif len(units) > 1:
            problems.append(
                file.problem(
                    place,
                    f"chart '{entry['id']}' mixes units ({', '.join(units)}); bars of different units cannot be compared.",
                    "chart figures of one unit only.",
                )
            )
        elif index not in repeated and all(member in known for member in members):  # else: a figure's own problem
            charts.append(
                Chart(
                    entry["id"],
                    _pair(entry["title"]),
                    list(members),
                    entry.get("key", False),
                    file.line(("charts", index)),
                )
            )
    return charts


def read_measures(text: str, rel: str) -> tuple[list[Measure], list[Problem]]:
    file, problems = parse(text, rel, WHAT)
    return _measures(file) if file else ([], problems)


def _measures(file: YamlFile) -> tuple[list[Measure], list[Problem]]:
    entries, problems = _checked(file, MEASURES)
    repeated = _repeated_ids(file, "measures", "measure", problems)
    measures = [
        Measure(id=entry["id"], **_cited(file, "measures", index, entry))
        for index, entry in entries.get("measures", [])
        if index not in repeated
    ]
    return measures, _in_order(problems)


def read_glossary(text: str, rel: str) -> tuple[list[Term], list[Problem]]:
    file, problems = parse(text, rel, WHAT)
    return _glossary(file) if file else ([], problems)


def _glossary(file: YamlFile) -> tuple[list[Term], list[Problem]]:
    entries, problems = _checked(file, GLOSSARY)
    repeated = _repeated_ids(file, "terms", "term", problems)
    repeated |= _repeated(
        file,
        "terms",
        "zh",
        "the Chinese term {value} is listed twice (lines {first} and {line}).",
        "keep one entry per Chinese term; put other English forms in its 'also' list.",
        problems,
    )
    terms = [
        Term(
            entry["id"],
            _words(entry["zh"]),
            _words(entry["en"]),
            tuple(form.strip() for form in entry.get("also", [])),
            entry["kind"],
            _pair(entry["note"]),
            file.line(("terms", index)),
            tuple(form.strip() for form in entry.get("avoid", [])),
        )
        for index, entry in entries.get("terms", [])
        if index not in repeated
    ]
    return terms, _in_order(problems)


def load_data(docs_dir: Path, root: Path) -> Data:
    """Read the three data files; a missing file is a problem of its check, not an exception."""
    data = Data()

    def read(name: str) -> YamlFile | None:
        file, data.problems[name] = read_file(docs_dir / DATA_DIR / name, data_file(root, docs_dir, name), WHAT)
        if file is not None:
            data.files[name] = file
        return file

    if file := read(FIGURES_FILE):
        data.figures, data.not_figures, data.charts, data.problems[FIGURES_FILE] = _figures(file)
    if file := read(MEASURES_FILE):
        data.measures, data.problems[MEASURES_FILE] = _measures(file)
    if file := read(GLOSSARY_FILE):
        data.terms, data.problems[GLOSSARY_FILE] = _glossary(file)
    return data


def data_file(root: Path, docs_dir: Path, name: str) -> str:
    """The project-relative path of a data file, for messages: docs/data/figures.yml."""
    path = docs_dir / DATA_DIR / name
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def paragraph_link(entry: Figure | Measure, areas: dict[str, str]) -> str:
    """'policing/#a2-1-1': where the entry's paragraph is, relative to a language's root (``areas``: Edition.areas)."""
    return f"{areas[entry.area]}/#{entry.paragraph}"
