"""The one reader of the edition's YAML: safe, every key once, every node's line kept, shapes checked by a schema.

Why one: every data file, record and front matter is read here, so a key written twice, a value of
the wrong shape or a missing field is refused the same way wherever it is written, and every
message names the line of the offending key or entry. PyYAML's composed node tree keeps each
node's position (libyaml's C parser where PyYAML has it: ten times faster than a pure-Python
reader, which matters for a build's time); only its safe loaders are used, so YAML from a pull
request cannot build objects. The shape of each file is a JSON Schema (jsonschema, Draft 2020-12)
beside the code that reads it; a schema node may carry ``x-fix``, the fix a message gives when
that node is not met, ``x-message``, what the message says of a value that does not meet it in place
of jsonschema's words ("has no text" rather than "None is not of type 'string'"; ``{value!r}``: the
value; a pattern's regular expression tells a maintainer little), and ``x-unknown-fix``, the fix for
a key it does not allow. What a schema cannot say (a figure's value is a number, a chart names
figures that exist) stays in the reader of that file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError

from edition.model.problems import Problem

Path_ = tuple[str | int, ...]  # a place in the data: keys and list indexes


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping gives the same key twice."""


class UniqueKeys:
    """A safe loader's mapping constructor that refuses a key given twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[attr-defined]
            try:
                duplicate = key in seen
            except TypeError:
                continue  # an unhashable key: the base constructor reports it
            if duplicate:
                first = seen[key].start_mark.line + 1
                raise DuplicateKeyError(
                    None, None, f"found the key '{key}' a second time (first on line {first})", key_node.start_mark
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class UniqueKeyLoader(UniqueKeys, yaml.SafeLoader):
    """PyYAML's safe loader, refusing a repeated key: its messages name the offending character."""


class FastUniqueKeyLoader(UniqueKeys, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same on libyaml, for the common case of a file that parses."""


def _load(text: str, loader: type) -> tuple[Any, yaml.Node | None]:
    """The data and its node tree, from one parse."""
    reader = loader(text)
    try:
        root = reader.get_single_node()
        return (reader.construct_document(root) if root is not None else None), root
    finally:
        reader.dispose()


def read_yaml(text: str) -> Any:
    """Parse YAML data the way this project reads it (safe, unique keys); raises yaml.YAMLError.

    libyaml first; if it refuses the text, PyYAML's own parser again, for its clearer message.
    """
    return _parse(text)[0]


def _parse(text: str) -> tuple[Any, yaml.Node | None]:
    try:
        return _load(text, FastUniqueKeyLoader)
    except DuplicateKeyError:
        raise
    except yaml.YAMLError:
        return _load(text, UniqueKeyLoader)


@dataclass
class YamlFile:
    """One file's data, with the line of every key and list entry, for messages."""

    rel: str  # from the project root, as messages name it
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)  # a place -> the line of its key or entry

    def line(self, place: Iterable[str | int] = ()) -> int:
        """The line of ``place``, or of the deepest part of it the file has (1: the whole file)."""
        place = tuple(place)
        while place and place not in self.lines:
            place = place[:-1]
        return self.lines.get(place, 1)

    def problem(self, place: Iterable[str | int], message: str, fix: str) -> Problem:
        return Problem(self.rel, self.line(place), message, fix)


def _lines(node: yaml.Node | None, data: Any, place: Path_, found: dict[Path_, int]) -> None:
    """Every key's and entry's line, by walking the composed node tree once beside the data it made.

    A place is named by the data's own keys, as the schema's errors name it: ``1: x`` is the number 1
    and ``on: y`` True, not the text of the key. (A mapping whose data does not pair one to one with
    its nodes, as a merge key ``<<`` makes, is named by its keys' text.)
    """
    if isinstance(node, yaml.MappingNode):
        paired = isinstance(data, dict) and len(data) == len(node.value)
        keys = list(data) if paired else [getattr(key, "value", None) for key, _ in node.value]
        for key, (key_node, value) in zip(keys, node.value, strict=True):
            if not paired and not isinstance(key_node, yaml.ScalarNode):
                continue
            inner = (*place, key)
            found[inner] = key_node.start_mark.line + 1
            _lines(value, data.get(key) if isinstance(data, dict) else None, inner, found)
    elif isinstance(node, yaml.SequenceNode):
        items = data if isinstance(data, list) and len(data) == len(node.value) else [None] * len(node.value)
        for index, (item, value) in enumerate(zip(node.value, items, strict=True)):
            inner = (*place, index)
            found[inner] = item.start_mark.line + 1
            _lines(item, value, inner, found)


def parse(text: str, rel: str, what: str = "the file") -> tuple[YamlFile | None, list[Problem]]:
    """``text`` as YAML, with its lines; or the one problem that stops it being read (with its line)."""
    try:
        data, root = _parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        detail = getattr(error, "problem", None) or str(error)
        return None, [
            Problem(
                rel,
                mark.line + 1 if mark else 1,
                f"{what} cannot be used: it does not parse: YAML error: {detail}.",
                "correct the YAML (each key once; quote values that contain ': ' or start with a quote, '*' or '&').",
            )
        ]
    found: dict[Path_, int] = {}
    _lines(root, data, (), found)
    return YamlFile(rel, data, found), []


def read_file(path: Path, rel: str, what: str = "the file") -> tuple[YamlFile | None, list[Problem]]:
    """The file at ``path`` (named ``rel`` in messages) read by :func:`parse`; a missing file is a problem."""
    if not path.is_file():
        return None, [
            Problem(rel, 1, f"{what} cannot be used: it does not exist.", f"restore it (git checkout -- {rel}).")
        ]
    return parse(path.read_text(encoding="utf-8"), rel, what)


class Schema:
    """A JSON Schema for one kind of file, and how its errors are told (``x-fix`` on any node).

    Each schema is checked against Draft 2020-12's own metaschema by a test
    (tests/test_check_data_files.py, over ``SCHEMAS``), not here: the schemas are the code's
    constants, and checking them here cost every build (and every maintainer's script) 55 ms.
    """

    def __init__(self, schema: dict[str, Any], name: str | Mapping[str, str] = "") -> None:
        SCHEMAS.append(self)
        self.schema = schema
        # how an entry is named in messages: "figure"; or per list, {"figures": "figure", "charts": "chart"}
        self.name = name
        self.validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    def problems(self, file: YamlFile, data: Any = None, place: Path_ = ()) -> list[Problem]:
        """What in ``file`` (or in ``data`` found at ``place`` of it) does not meet the schema, each at its line."""
        data = file.data if data is None else data
        found = []
        for error in sorted(self.validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
            for detail in _leaves(error):
                found.append(self._problem(file, data, place, detail))
        unique = {(p.line, p.message): p for p in found}  # one problem per line and message
        return sorted(unique.values(), key=lambda p: p.line)

    def _problem(self, file: YamlFile, data: Any, place: Path_, error: ValidationError) -> Problem:
        at = (*place, *error.absolute_path)
        where = describe(data, tuple(error.absolute_path), self.name)
        fix = _fix(self.schema, error)
        if error.validator == "required":
            missing = re.findall(r"'([^']+)' is a required property", error.message)[0]
            return Problem(file.rel, file.line(at), f"{where} has no '{missing}'.", _property_fix(error, missing, fix))
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = error.schema.get("properties", {})
            unknown = sorted(str(key) for key in error.instance if key not in allowed)
            line = file.line((*at, unknown[0])) if unknown else file.line(at)
            known = ", ".join(allowed) or "none"
            fix = error.schema.get("x-unknown-fix", f"use only {known}.")
            return Problem(file.rel, line, f"{where} has unknown key(s): {', '.join(unknown)}.", fix)
        said = error.schema.get("x-message") if isinstance(error.schema, dict) else None
        if not said:
            return Problem(file.rel, file.line(at), f"{where}: {_said(error)}.", fix)
        # "'version': '1.0' is not …" when the words start with the value, "'id' is not …" otherwise
        text = said.format(value=error.instance)
        return Problem(
            file.rel, file.line(at), f"{where}: {text}." if said.startswith("{value") else f"{where} {text}.", fix
        )


SCHEMAS: list[Schema] = []  # every Schema made (the modules make theirs when imported)


def in_each_language(langs: Sequence[str], text: dict[str, Any], fix: str, **notes: str) -> dict[str, Any]:
    """The schema of the same words written once per language (``{zh: …, en: …}``, no other key), each
    a ``text``; ``notes``: the node's other ``x-`` annotations (``x_message=`` for ``x-message``)."""
    return {
        "type": "object",
        "properties": {lang: text for lang in langs},
        "required": list(langs),
        "additionalProperties": False,
        "x-fix": fix,
        **{name.replace("_", "-"): note for name, note in notes.items()},
    }


def list_file(key: str, entry: dict[str, Any], fix: str) -> tuple[Schema, Schema]:
    """The schema of a file that is one list of entries under ``key``, and its entry's own (to keep the
    good entries of a file with a bad one: :func:`good_entries`)."""
    whole = {
        "type": "object",
        "x-fix": fix,
        "properties": {key: {"type": "array", "items": entry}},
        "required": [key],
        "additionalProperties": False,
    }
    return Schema(whole), Schema(entry)


def good_entries(data: Any, key: str, entry: Schema) -> Iterator[tuple[int, Any]]:
    """The entries of the list ``data[key]`` that meet ``entry``, with their indexes."""
    items = data.get(key) if isinstance(data, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        if entry.validator.is_valid(item):
            yield index, item


def _leaves(error: ValidationError) -> Iterator[ValidationError]:
    """The errors that say what is wrong: of a oneOf/anyOf, the best match's own ones."""
    if error.context and error.validator in ("anyOf", "oneOf"):
        from jsonschema.exceptions import best_match

        yield from _leaves(best_match(error.context))
    else:
        yield error


def _said(error: ValidationError) -> str:
    """jsonschema's message, made shorter for long values."""
    value = repr(error.instance)
    if len(value) > 60 and error.validator not in ("required", "additionalProperties"):
        return error.message.replace(value, value[:57] + "...'")
    return error.message


def _fix(schema: dict[str, Any], error: ValidationError) -> str:
    """The deepest ``x-fix`` on the way from the schema's root to the node that was not met."""
    fix, node = schema.get("x-fix", "correct it."), schema
    for step in error.absolute_schema_path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "x-fix" in node:
            fix = node["x-fix"]
    return fix


def _property_fix(error: ValidationError, missing: str, fallback: str) -> str:
    prop = error.schema.get("properties", {}).get(missing, {})
    return prop.get("x-fix", fallback) if isinstance(prop, dict) else fallback


def describe(data: Any, place: Sequence[str | int], name: str | Mapping[str, str] = "") -> str:
    """A place in the data as a maintainer reads it: "figure 'id-card-offices', 'unit'" rather than "figures/3/unit".

    ``name`` names an entry of any list, or of each list by its key (``{"charts": "chart"}``).
    """
    parts: list[str] = []
    node = data
    previous: str | int = ""
    for step in place:
        entry_name = name.get(str(previous), "") if isinstance(name, Mapping) else name
        previous = step
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            parts.append(f"'{step}'")
            break
        if isinstance(step, int):
            label = node.get("id") if isinstance(node, dict) else None
            of_list = parts.pop() if parts else ""  # "term 'a'" says more than "'terms', entry 3"
            parts.append(
                f"{entry_name or 'entry'} '{label}'" if label else f"entry {step + 1} of {of_list or 'the list'}"
            )
        else:
            parts.append(f"'{step}'")
    return ", ".join(parts) if parts else "the file"
