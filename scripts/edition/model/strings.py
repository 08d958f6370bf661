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
from typing import TYPE_CHECKING, Any

import yaml

from edition.model.problems import Problem

if TYPE_CHECKING:
    pass

STRINGS_FILE = "data/strings.{lang}.yml"  # under docs/
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
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
    error: Problem | None = None
    # The edition-wide facts the strings name ({edition_name}, {site_name}), from docs/data/edition.yml
    # and mkdocs.yml (edition/checks/interface_facts.py): filled in wherever a string is read, never
    # typed in the file. A document's facts ({work_title} …) are the page's own, filled in per page
    # (edition/outputs/citations.py, fill_work).
    facts: dict[str, str] = field(default_factory=dict)

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


def _key_lines(node: yaml.Node, prefix: str = "") -> Iterator[tuple[str, int]]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            dotted = f"{prefix}{key_node.value}"
            yield dotted, key_node.start_mark.line + 1
            yield from _key_lines(value_node, f"{dotted}.")


def read_catalogue(text: str, lang: str, rel: str) -> Catalogue:
    """Parse one catalogue with PyYAML, keeping each key's line for messages."""
    try:
        tree = yaml.load(text, Loader=LOADER) or {}
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = Problem(rel, line, f"the string catalogue does not parse: {error}", "fix the YAML.")
        return Catalogue(lang, rel, error=problem)
    if not isinstance(tree, dict):
        problem = Problem(rel, 1, "the string catalogue must be a mapping of sections.", "see strings.zh.yml.")
        return Catalogue(lang, rel, error=problem)
    return Catalogue(lang, rel, tree, dict(_key_lines(node)) if node is not None else {})


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
            catalogues[lang] = Catalogue(lang, rel, error=problem)
            continue
        catalogues[lang] = read_catalogue(path.read_text(encoding="utf-8"), lang, rel)
    return catalogues
