"""Check: twins carry the same paragraph ids in the same order, each id once per page.

The ids are the alignment backbone (citations, the language switch, figures, the parallel view),
so a missing, extra, duplicated or reordered id is an error in whichever page has it.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from edition.model.edition import Edition
from edition.model.pages import PageFile
from edition.model.problems import Problem


def check_duplicate_ids(page: PageFile) -> list[Problem]:
    problems = []
    for block_id, count in page.duplicate_ids.items():
        lines = [n for n, line in enumerate(page.text.splitlines(), 1) if f"#{block_id}" in line]
        problems.append(
            Problem(
                page.rel,
                lines[1] if len(lines) > 1 else 1,
                f"paragraph id '#{block_id}' is used {count} times (lines {', '.join(map(str, lines))}); an id must name one paragraph.",
                "give each paragraph its own id, following the page's scheme, in both languages.",
            )
        )
    return problems


def _line_before(page: PageFile, ids: list[str], index: int) -> int:
    """Where an id missing at position ``index`` of ``ids`` belongs: after the id before it."""
    return page.line_of_id(ids[index - 1]) + 1 if index > 0 else page.front_matter.body_line


def compare_ids(original: PageFile, twin: PageFile) -> list[Problem]:
    """Differences between two twins' id sequences, each reported in the page that must change."""
    want = [block.id for block in original.blocks]
    have = [block.id for block in twin.blocks]
    problems: list[Problem] = []
    matcher = SequenceMatcher(a=want, b=have, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        missing = [i for i in want[a1:a2] if i not in have]
        extra = [i for i in have[b1:b2] if i not in want]
        moved = [i for i in have[b1:b2] if i in want]
        for block_id in missing:
            problems.append(
                Problem(
                    twin.rel,
                    _line_before(twin, have, b1),
                    f"paragraph id '#{block_id}' of {original.rel}:{original.line_of_id(block_id)} is missing here.",
                    f"translate that paragraph here and end it with '{{#{block_id}}}', in the same order as in {original.rel}.",
                )
            )
        for block_id in extra:
            problems.append(
                Problem(
                    twin.rel,
                    twin.line_of_id(block_id),
                    f"paragraph id '#{block_id}' is not in its twin {original.rel}.",
                    f"use the id of the matching paragraph in {original.rel}, or add the paragraph there too.",
                )
            )
        for block_id in moved:
            problems.append(
                Problem(
                    twin.rel,
                    twin.line_of_id(block_id),
                    f"paragraph id '#{block_id}' is out of order compared with {original.rel}:{original.line_of_id(block_id)}.",
                    f"put the paragraphs in the same order as in {original.rel}.",
                )
            )
    return problems


def check_paragraph_ids(edition: Edition) -> list[Problem]:
    problems = []
    for page in edition.files:
        problems.extend(check_duplicate_ids(page))
    for original, twin in edition.pairs():
        problems.extend(compare_ids(original, twin))
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return check_paragraph_ids(edition)
