"""The sentence alignment: which Chinese sentences each English sentence renders, kept as data.

``docs/data/alignment.yml`` gives, for every paragraph of the text (page, then paragraph id), the
shape of its alignment: groups in reading order, each "Chinese sentences-English sentences", e.g.
``a2-2-1: 1-1 1-2`` (the first Chinese sentence is the first English one; the second is rendered
by two). The words are never copied: the sentences are cut from the pages (edition/model/sentences.py),
so a reworded sentence needs no change here, and a file of one short line per paragraph merges
cleanly and is rewritten by ``scripts/align_sentences.py`` (which proposes the groups of a new
or changed paragraph by lengths, as Gale and Church align sentences, for a maintainer to confirm).

A group is addressed by its paragraph and the number of its first Chinese sentence:
``#a2-2-1.2``. The Chinese is the source's words verbatim and never re-cut, so the address is
stable, the same in both languages, and survives any rewording or re-splitting of the English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edition.model.yaml_data import Schema, parse

ALIGNMENT_FILE = "data/alignment.yml"
GROUP = re.compile(r"^([1-3])-([1-3])$")
KINDS = ("1-1", "1-2", "2-1", "1-3", "3-1", "2-2")  # the shapes a group may have, commonest first


@dataclass(frozen=True)
class Group:
    """One aligned unit: Chinese sentences ``zh`` and English ``en`` (0-based indices into each)."""

    paragraph: str
    zh: tuple[int, ...]
    en: tuple[int, ...]

    @property
    def number(self) -> int:
        """The 1-based number of its first Chinese sentence: the group's address in the paragraph."""
        return self.zh[0] + 1

    @property
    def anchor(self) -> str:
        return f"{self.paragraph}.{self.number}"

    @property
    def anchors(self) -> list[str]:
        """Every Chinese sentence's address: a 2–1 group answers to both."""
        return [f"{self.paragraph}.{index + 1}" for index in self.zh]

    @property
    def kind(self) -> str:
        return f"{len(self.zh)}-{len(self.en)}"


@dataclass(frozen=True)
class Entry:
    """One paragraph's recorded shape, with the line it is written on."""

    shape: tuple[tuple[int, int], ...]
    line: int


@dataclass
class Alignment:
    """alignment.yml as read: page name -> paragraph id -> entry, and what is wrong with its form."""

    entries: dict[str, dict[str, Entry]]
    problems: list[tuple[int, str, str]]  # (line, message, fix)
    rel: str = f"docs/{ALIGNMENT_FILE}"
    readable: bool = True  # False: the file does not parse, and no paragraph can be judged by it

    def entry(self, page: str, paragraph: str) -> Entry | None:
        return self.entries.get(page, {}).get(paragraph)


def parse_shape(value: object) -> tuple[tuple[int, int], ...] | None:
    """'1-1 1-2' -> ((1, 1), (1, 2)); None if it is not groups of one to three sentences a side."""
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str) or not value.split():
        return None
    found = [GROUP.match(part) for part in value.split()]
    if not all(found):
        return None
    return tuple((int(m[1]), int(m[2])) for m in found if m)


def shape_text(shape: tuple[tuple[int, int], ...]) -> str:
    return " ".join(f"{zh}-{en}" for zh, en in shape)


SHAPE_FIX = (
    "write groups in reading order, each 'Chinese-English' sentence counts from 1 to 3, "
    "separated by spaces, e.g. '1-1 1-2 2-1'."
)
# What alignment.yml holds: page -> paragraph id -> shape (edition/model/yaml_data.py reads and validates it).
SCHEMA = Schema(
    {
        "type": "object",
        "x-fix": "write 'page:' lines, each paragraph under its page.",
        "additionalProperties": {
            "type": "object",
            "x-message": "holds no paragraphs",
            "x-fix": "write '  id: 1-1' lines under it.",
            "additionalProperties": {
                "type": "string",
                "pattern": r"^\s*[1-3]-[1-3](\s+[1-3]-[1-3])*\s*$",
                "x-message": "{value!r} is not a shape of groups",
                "x-fix": SHAPE_FIX,
            },
        },
    }
)


def load_alignment(docs_dir: Path, rel: str | None = None) -> Alignment:
    """Read docs/data/alignment.yml, each entry with its line (a missing file is an empty alignment)."""
    rel = rel or f"docs/{ALIGNMENT_FILE}"
    path = docs_dir / ALIGNMENT_FILE
    if not path.exists():
        return Alignment({}, [], rel)
    file, unreadable = parse(path.read_text(encoding="utf-8"), rel)
    if file is None:  # the data-files check gives the parser's words
        problem = (
            unreadable[0].line,
            "the file does not parse, so no paragraph's alignment can be read.",
            "correct the YAML (see the data-files message).",
        )
        return Alignment({}, [problem], rel, readable=False)
    data = _keys_as_text(file.data or {})
    problems = [(p.line, p.message, p.fix) for p in SCHEMA.problems(file, data)]
    entries: dict[str, dict[str, Entry]] = {}
    for page, paragraphs in data.items() if isinstance(data, dict) else []:
        if not isinstance(paragraphs, dict):
            continue
        entries[page] = {}
        for key, value in paragraphs.items():
            shape = parse_shape(value)
            if shape is not None:
                entries[page][key] = Entry(shape, file.line([page, key]))
    return Alignment(entries, problems, rel)


def _keys_as_text(data: Any) -> Any:
    """Pages and ids as text: YAML reads a key such as ``2017:`` as a number."""
    if not isinstance(data, dict):
        return data
    return {str(key): _keys_as_text(value) for key, value in data.items()}


def groups_of(paragraph: str, shape: tuple[tuple[int, int], ...]) -> list[Group]:
    """The groups a shape makes of a paragraph's sentences (counts past the text are kept: the check names them)."""
    groups, zh, en = [], 0, 0
    for zh_count, en_count in shape:
        groups.append(Group(paragraph, tuple(range(zh, zh + zh_count)), tuple(range(en, en + en_count))))
        zh, en = zh + zh_count, en + en_count
    return groups


def kind_counts(groups: list[Group]) -> dict[str, int]:
    """How many groups of each kind ('1-1': 300, …), commonest kinds first, for the closing figures."""
    counts: dict[str, int] = {}
    for group in groups:
        counts[group.kind] = counts.get(group.kind, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
