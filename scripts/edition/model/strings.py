"""The interface strings: one catalogue per language (docs/data/strings.<lang>.yml), checked at build.

Every word the edition's own furniture shows (the Cite control, search, the generated pages'
headings, the downloads' column meanings) comes from these files, so a translation of the interface
is one file, and the check below makes a missing or extra key fail the build, naming the key and
the line, instead of silently hiding a feature. The catalogue of the source language is the
reference: every other language has exactly its keys and, in each string, the same placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edition.model.problems import Problem
from edition.model.yaml_data import Schema, YamlFile, parse

STRINGS_FILE = "data/strings.{lang}.yml"  # under docs/
PLACEHOLDER = re.compile(r"\{(\w*)\}")


class MissingStringError(KeyError):
    """A key the code asks for is in no catalogue (the strings check names it in the build)."""


@dataclass
class Catalogue:
    """One language's strings, as nested sections (``page``, ``labels``, ``columns`` …)."""

    lang: str
    rel: str  # the file, relative to the project root
    tree: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # dotted key -> line in the file
    problems: list[Problem] = field(default_factory=list)  # what stops it being used: unparsable, or not its shape
    # The edition-wide facts the strings name ({edition_name}, {site_name}), from docs/data/edition.yml
    # and mkdocs.yml (edition/checks/interface_facts.py): filled in wherever a string is read, never
    # typed in the file. A document's facts ({work_title} …) are the page's own, filled in per page
    # (edition/outputs/citations.py, fill_work).
    facts: dict[str, str] = field(default_factory=dict)
    file: YamlFile | None = field(default=None, repr=False, compare=False)  # as parsed, for its words' lines

    @property
    def error(self) -> Problem | None:
        """The first thing that stops the catalogue being used, if any."""
        return self.problems[0] if self.problems else None

    def fill(self, text: str) -> str:
        """``text`` with the facts' placeholders filled (the others are left for the code that fills them)."""
        return fill_facts(text, self.facts)

    def section(self, name: str) -> dict[str, Any]:
        value = self.tree.get(name)
        return _filled(value, self.fill) if isinstance(value, dict) else {}

    def get(self, key: str, **values: object) -> str:
        """The string at a dotted key ('labels.value'), its placeholders filled from the facts and ``values``."""
        node: Any = self.tree
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise MissingStringError(f"{self.rel}: no string '{key}'")
            node = node[part]
        text = self.fill(str(node))
        return text.format(**values) if values else text

    def flat(self) -> dict[str, str]:
        """Every string as written in the file (the templates, facts' placeholders included)."""
        return dict(_flatten(self.tree))

    def flat_filled(self) -> dict[str, str]:
        """Every string as readers get it, the edition-wide facts filled in."""
        return {key: self.fill(value) for key, value in self.flat().items()}


def fill_facts(text: str, facts: dict[str, str]) -> str:
    """``text`` with each ``{name}`` of ``facts`` replaced; other placeholders are left as they are
    (``str.format`` would need them all). The one filler of facts: the catalogue's, a page's
    document's (outputs/citations.py) and the release record's (model/published_words.py)."""
    for name, value in facts.items():
        text = text.replace("{" + name + "}", value)
    return text


def _filled(value: Any, fill: Any) -> Any:
    if isinstance(value, dict):
        return {key: _filled(item, fill) for key, item in value.items()}
    return fill(value) if isinstance(value, str) else value


def _flatten(tree: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{dotted}.")
        else:
            yield dotted, "" if value is None else str(value)


def _strings(depth: int) -> dict[str, Any]:
    """A string (some text), or a section of them down to ``depth`` levels more."""
    node: dict[str, Any] = {
        "type": "string",
        "minLength": 1,
        "pattern": r"\S",
        "x-message": "{value!r} is not a string (some text)",
        "x-fix": "give the string's text.",
    }
    if depth:
        node["type"] = ["object", "string"]
        node["additionalProperties"] = _strings(depth - 1)
        node["x-message"] = "{value!r} is not a string (some text) or a section of strings"
        node["x-fix"] = "give the string's text, or the section's strings as indented 'key: text' lines under it."
    return node


# What a catalogue holds: sections of strings, nested (edition/model/yaml_data.py reads and validates it).
# Which keys it must have, and the placeholders of each, is checks/strings.py's.
SCHEMA = Schema(
    {
        "type": "object",
        "x-message": "{value!r} is not sections of strings",
        "x-fix": "write the catalogue's sections of strings (see strings.zh.yml).",
        "additionalProperties": {
            **_strings(3),
            "type": "object",
            "x-message": "{value!r} is not a section of strings",
            "x-fix": "write the section's strings as indented 'key: text' lines under it.",
        },
    }
)


def read_catalogue(text: str, lang: str, rel: str) -> Catalogue:
    """Parse one catalogue with the project's YAML reader, keeping each key's line for messages."""
    file, unreadable = parse(text, rel, "the string catalogue")
    if file is None:
        return Catalogue(lang, rel, problems=unreadable)
    tree = file.data if file.data is not None else {}
    problems = SCHEMA.problems(file, tree)
    lines = {".".join(map(str, place)): line for place, line in file.lines.items()}
    return Catalogue(lang, rel, tree if isinstance(tree, dict) else {}, lines, problems, file=file)


def load_catalogues(root: Path, docs_dir: Path, languages: list[str]) -> dict[str, Catalogue]:
    """Every language's catalogue; a missing file is a catalogue with an error, reported by the check."""
    catalogues = {}
    for lang in languages:
        path = docs_dir / STRINGS_FILE.format(lang=lang)
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if not path.is_file():
            problem = Problem(
                rel,
                1,
                f"there is no interface string catalogue for the language '{lang}'.",
                f"copy {STRINGS_FILE.format(lang=languages[0])} there and translate every string.",
            )
            catalogues[lang] = Catalogue(lang, rel, problems=[problem])
            continue
        catalogues[lang] = read_catalogue(path.read_text(encoding="utf-8"), lang, rel)
    return catalogues
