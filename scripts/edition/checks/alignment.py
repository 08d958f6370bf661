"""Check: every sentence of every paragraph is aligned with its twin, and the groups fit the text.

Replaces the old count of English sentences per paragraph: an English sentence lost or slipped in,
or a Chinese one, leaves a sentence outside every group of docs/data/alignment.yml (or a group
without its sentence), and the build names it, its page and line, and the fix. A shape that adds up
but pairs the wrong sentences is refused too, by what the groups hold: a figure of the paragraph
must stand on both sides of its group (edition/checks/numbers.py), and an English group may not be
shorter than ``MIN_RATIO`` or longer than ``MAX_RATIO`` times its Chinese (the edition's
107 groups lie between 1.58 and 8.05 times; tests/test_check_alignment.py measures them). As before, an English
paragraph shorter than ``MIN_LENGTH_RATIO`` times its Chinese has lost text.
"""

from __future__ import annotations

from edition.checks.numbers import chinese_figures, english_figures, spelled_out
from edition.model.aligned_text import Paragraph, paragraphs
from edition.model.alignment import Group, shape_text
from edition.model.edition import Edition
from edition.model.gale_church import Model, propose
from edition.model.pages import PageFile
from edition.model.problems import Problem

MIN_LENGTH_RATIO = 1.2
MIN_RATIO = 1.0
MAX_RATIO = 11.0
PROPOSE = "make sentences"


def line_of(page: PageFile, sentence: str, fallback: int) -> int:
    """The line of the Markdown where ``sentence`` starts (its first words), or ``fallback``."""
    for size in (12, 6):
        head = sentence[:size]
        lines = page.text.splitlines()
        for number in range(min(fallback, len(lines)), 0, -1):
            if head and head in lines[number - 1]:
                return number
    return fallback


def _quote(sentence: str, size: int = 60) -> str:
    return f"“{sentence[:size]}…”" if len(sentence) > size else f"“{sentence}”"


def model_of(edition: Edition) -> Model:
    """The length model measured on the edition's own paragraphs (for the proposals in messages)."""
    return Model.of((p.blocks["zh"].text, p.blocks["en"].text) for p in paragraphs(edition) if "en" in p.blocks)


def _proposal(paragraph: Paragraph, model: Model) -> str:
    return shape_text(propose(paragraph.sentences["zh"], paragraph.sentences["en"], model))


def check_paragraph(paragraph: Paragraph, rel: str, model: Model) -> list[Problem]:
    """What is wrong with one paragraph's alignment (nothing, for an aligned paragraph)."""
    zh, en = paragraph.sentences["zh"], paragraph.sentences["en"]
    zh_page, en_page = paragraph.pages["zh"], paragraph.pages["en"]
    where = f"'{paragraph.name}: {paragraph.id}' in {rel}"
    entry = paragraph.entry
    if entry is None:
        return [
            Problem(
                en_page.rel,
                paragraph.blocks["en"].line,
                f"paragraph '#{paragraph.id}' has no sentence alignment in {rel}.",
                f"add '{paragraph.id}: {_proposal(paragraph, model)}' under '{paragraph.name}:' (the proposal of {PROPOSE}; check that each group pairs a sentence with its translation).",
            )
        ]
    groups = paragraph.groups
    counted = {"zh": sum(len(g.zh) for g in groups), "en": sum(len(g.en) for g in groups)}
    fix = f"if the text is right, write '{paragraph.id}: {_proposal(paragraph, model)}' in {rel} ({PROPOSE} proposes it), checking each group"
    for lang, sentences, page, name in (("zh", zh, zh_page, "Chinese"), ("en", en, en_page, "English")):
        block_line = paragraph.blocks[lang].line
        if counted[lang] < len(sentences):
            left = sentences[counted[lang]]
            return [
                Problem(
                    page.rel,
                    line_of(page, left, block_line),
                    f"{name} sentence {counted[lang] + 1} of '#{paragraph.id}', {_quote(left)}, is aligned with no sentence of its twin: {where} ('{shape_text(entry.shape)}') groups {counted[lang]} of its {len(sentences)} sentences.",
                    f"translate it (or remove what was slipped in); {fix}.",
                )
            ]
        if counted[lang] > len(sentences):
            other = "en" if lang == "zh" else "zh"
            lost_group = next(g for g in groups if max(g.zh if lang == "zh" else g.en) >= len(sentences))
            twin = paragraph.texts(lost_group, other)
            return [
                Problem(
                    page.rel,
                    block_line,
                    f"paragraph '#{paragraph.id}' has {len(sentences)} {name} sentence(s) where {where} ('{shape_text(entry.shape)}') aligns {counted[lang]}: group {lost_group.number} has lost its {name}, the twin of {_quote(twin[0]) if twin else 'nothing'}.",
                    f"restore the lost sentence; {fix}.",
                )
            ]
    problems = [_misfit(paragraph, group, where, fix) for group in groups]
    return [problem for problem in problems if problem]


def _misfit(paragraph: Paragraph, group: Group, where: str, fix: str) -> Problem | None:
    """A group whose sentences cannot be translations of each other: a figure apart, or lengths far off."""
    zh_text = "".join(paragraph.texts(group, "zh"))
    en_text = " ".join(paragraph.texts(group, "en"))
    zh_all = {f.key for f in chinese_figures(paragraph.blocks["zh"].text)}
    en_paragraph = paragraph.blocks["en"].text
    en_all = {f.key for f in english_figures(en_paragraph)} | spelled_out(en_paragraph)
    zh_here = {f.key: f.written for f in chinese_figures(zh_text)}
    en_here = {f.key: f.written for f in english_figures(en_text)}
    why = ""
    apart = [
        written
        for key, written in zh_here.items()
        if key in en_all and key not in en_here and key not in spelled_out(en_text)
    ]
    if apart:
        why = f"its Chinese has the figure {apart[0]}, which its English lacks (it stands in another group)"
    elif away := [written for key, written in en_here.items() if key in zh_all and key not in zh_here]:
        why = f"its English has the figure {away[0]}, which its Chinese lacks (it stands in another group)"
    elif zh_text and not MIN_RATIO <= len(en_text) / len(zh_text) <= MAX_RATIO:
        ratio = len(en_text) / len(zh_text)
        why = f"its English is {ratio:.1f} times as long as its Chinese (a group's is {MIN_RATIO} to {MAX_RATIO} times)"
    if not why:
        return None
    page = paragraph.pages["en"]
    first = paragraph.texts(group, "en")
    return Problem(
        page.rel,
        line_of(page, first[0], paragraph.blocks["en"].line) if first else paragraph.blocks["en"].line,
        f"paragraph '#{paragraph.id}' is misaligned at group {group.number} ({group.kind}: {_quote(zh_text, 30)} with {_quote(en_text, 50)}): {why}; {where}.",
        f"{fix}.",
    )


def check_alignment(edition: Edition) -> list[Problem]:
    alignment = edition.alignment
    rel = alignment.rel
    problems = [Problem(rel, line, message, fix) for line, message, fix in alignment.problems]
    if not alignment.readable:
        return problems  # one message, not one per paragraph
    model = model_of(edition)
    seen: set[tuple[str, str]] = set()
    for paragraph in paragraphs(edition):
        seen.add((paragraph.name, paragraph.id))
        problems += check_paragraph(paragraph, rel, model)
        zh_text, en_text = paragraph.blocks["zh"].text, paragraph.blocks["en"].text
        if zh_text and len(en_text) < MIN_LENGTH_RATIO * len(zh_text):
            problems.append(
                Problem(
                    paragraph.pages["en"].rel,
                    paragraph.blocks["en"].line,
                    f"paragraph '#{paragraph.id}' is {len(en_text)} characters long, less than {MIN_LENGTH_RATIO} times its Chinese twin ({len(zh_text)}): text is missing.",
                    f"translate every sentence of {paragraph.pages['zh'].rel}:{paragraph.blocks['zh'].line}.",
                )
            )
    paired = {original.name for original, _ in edition.pairs()}
    for name, entries in alignment.entries.items():
        for block_id, entry in entries.items():
            # (a page left out of the pairs for a repeated id: the paragraph id check names it)
            if (name, block_id) not in seen and (name in paired or not any(f.name == name for f in edition.files)):
                problems.append(
                    Problem(
                        rel,
                        entry.line,
                        f"'{name}: {block_id}' names no paragraph of the text.",
                        f"remove the line (or run {PROPOSE}).",
                    )
                )
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return check_alignment(edition)
