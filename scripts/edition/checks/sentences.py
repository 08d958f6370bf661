"""Check: no English paragraph of the text lost (or gained) a sentence.

The Chinese is compared sentence by sentence with the captured source; the English is a
translation, so no rule can say how many sentences a paragraph must have (a long Chinese sentence
is often two or three in English). The number of sentences of each English paragraph is therefore
recorded in ``docs/data/sentences.yml`` (a file maintainers review, see .github/CODEOWNERS), and
the build compares it with the text: a sentence deleted from inside a paragraph, or one slipped in,
changes the count and is refused, naming the paragraph. A deliberate split or merge of sentences
updates the record in the same pull request. As a second rule, derived from the text alone, an
English paragraph may not be shorter than ``MIN_LENGTH_RATIO`` times its Chinese twin (the
current text is at least 1.58 times as long; a translation about half as long has lost text).
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.model.pages import Edition, PageFile
from edition.model.problems import Problem
from edition.model.yaml_text import read_yaml

SENTENCES_FILE = "data/sentences.yml"
MIN_LENGTH_RATIO = 1.2
# A full stop, question or exclamation mark (and any closing quotes or brackets) followed by a
# space and the start of a sentence, or by the end of the text.
SENTENCE_END = re.compile(r"""(?<=[.!?])["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9*]|\s*$)""")
ABBREVIATIONS = ("No.", "Nos.", "e.g.", "i.e.", "Mr.", "Ms.", "Dr.", "St.", "para.", "cf.", "vs.", "approx.")
ENUMERATOR = re.compile(r"^\(?\d+[.)]?$")  # "2." of a heading "2. Policing": not a sentence


def _continues(previous: str) -> bool:
    """Whether the piece before a full stop is not a sentence of its own (an abbreviation, a heading number)."""
    return previous.endswith(ABBREVIATIONS) or bool(ENUMERATOR.match(previous))


def english_sentences(text: str) -> list[str]:
    """The sentences of an English paragraph (abbreviations such as 'No.' do not end one)."""
    sentences: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        piece = text[start : match.end()].strip()
        if not piece:
            continue
        if sentences and _continues(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest and sentences and _continues(sentences[-1]):
        sentences[-1] = f"{sentences[-1]} {rest}"
    elif rest:
        sentences.append(rest)
    return sentences


def load_record(docs_dir: Path) -> dict[str, dict[str, int]]:
    """The recorded sentence counts: page name -> paragraph id -> count."""
    path = docs_dir / SENTENCES_FILE
    if not path.exists():
        return {}
    data = read_yaml(path.read_text(encoding="utf-8")) or {}
    return {str(name): {str(k): int(v) for k, v in (ids or {}).items()} for name, ids in data.items()}


def current_counts(edition: Edition, lang: str | None = None) -> dict[str, dict[str, int]]:
    """The sentence counts of the text as it stands (what the record must say); the translation's by default."""
    lang = lang or edition.roles.translation
    counts: dict[str, dict[str, int]] = {}
    for name in edition.names:
        page = edition.page(name, lang)
        if page is not None and page.blocks:
            counts[name] = {block.id: len(english_sentences(block.text)) for block in page.blocks}
    return counts


RECORD_HEADER = """\
# Sentences of each English paragraph of the text, by page and paragraph id: the build refuses a
# paragraph whose count differs (a sentence lost or added; see scripts/edition/checks/sentences.py).
# Change a count only with the translation that splits or merges sentences on purpose.
# Reviewed by the maintainers (.github/CODEOWNERS).
"""


def record_text(counts: dict[str, dict[str, int]]) -> str:
    """The record file for ``counts`` (see ``current_counts``), pages and paragraphs in text order."""
    lines = [
        f"{name}:\n" + "".join(f"  {block_id}: {n}\n" for block_id, n in ids.items()) for name, ids in counts.items()
    ]
    return RECORD_HEADER + "".join(lines)


def paragraph_problem(english: str, chinese: str, recorded: int | None) -> str | None:
    """Why an English paragraph is refused (None if it is fine)."""
    count = len(english_sentences(english))
    if recorded is not None and count < recorded:
        return f"has {count} sentence(s) where {recorded} are recorded: a sentence was lost"
    if recorded is not None and count > recorded:
        return f"has {count} sentences where {recorded} are recorded: a sentence was added"
    if chinese and len(english) < MIN_LENGTH_RATIO * len(chinese):
        return f"is {len(english)} characters long, less than {MIN_LENGTH_RATIO} times its Chinese twin ({len(chinese)}): text is missing"
    return None


def check_sentences(edition: Edition, lang: str | None = None) -> list[Problem]:
    """The translation's paragraphs (``lang``, the translation by default) against the sentence record."""
    lang = lang or edition.roles.translation
    record = load_record(edition.docs_dir)
    record_rel = f"{edition.docs_dir.relative_to(edition.root).as_posix()}/{SENTENCES_FILE}"
    problems: list[Problem] = []
    for original, twin in edition.pairs():
        if twin.lang != lang or not twin.blocks:
            continue
        recorded = record.get(twin.name, {})
        chinese = {block.id: block.text for block in original.blocks}
        for block in twin.blocks:
            if block.id not in recorded:
                problems.append(_unrecorded(twin, block.id, block.text, record_rel))
                continue
            why = paragraph_problem(block.text, chinese.get(block.id, ""), recorded[block.id])
            if why:
                problems.append(
                    Problem(
                        twin.rel,
                        block.line,
                        f"paragraph '#{block.id}' {why} ({record_rel}, {twin.name}: {block.id}).",
                        f"translate every sentence of {original.rel}:{original.line_of_id(block.id)}; if you split or merged sentences on purpose, set '{block.id}: {len(english_sentences(block.text))}' under '{twin.name}:' in {record_rel} (or run make sentences).",
                    )
                )
        ids = {block.id for block in twin.blocks}
        for stale in sorted(set(recorded) - ids):
            problems.append(
                Problem(record_rel, 1, f"'{twin.name}: {stale}' names no paragraph of {twin.rel}.", "remove the line.")
            )
    return problems


def _unrecorded(page: PageFile, block_id: str, text: str, record_rel: str) -> Problem:
    return Problem(
        page.rel,
        page.line_of_id(block_id),
        f"paragraph '#{block_id}' has no recorded sentence count in {record_rel}.",
        f"add '{block_id}: {len(english_sentences(text))}' under '{page.name}:' in {record_rel}.",
    )


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py): every translation against the source language."""
    return [problem for lang in edition.translations for problem in check_sentences(edition, lang)]
