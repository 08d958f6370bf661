"""docs/data/alignment.yml written from the text: confirmed shapes kept, new or broken ones proposed.

Used by scripts/align_sentences.py. A paragraph whose recorded shape still fits its sentences (the
alignment check finds nothing) keeps it, so a maintainer's correction of a proposal is never
overwritten; any other paragraph gets the proposal of edition/model/gale_church.py, and is listed for
the maintainer to confirm.
"""

from __future__ import annotations

from edition.checks.alignment import check_paragraph, model_of
from edition.model.aligned_text import paragraphs
from edition.model.alignment import shape_text
from edition.model.edition import Edition
from edition.model.gale_church import propose

HEADER = """\
# The sentence alignment of every paragraph of the text, by page and paragraph id: groups in reading
# order, each "Chinese sentences-English sentences" (1-2: one Chinese sentence rendered by two
# English ones). Sentences are cut at 。！？； and at English full stops (scripts/edition/model/sentences.py);
# a group's address is its paragraph and first Chinese sentence (#a2-2-1.2). The build refuses a
# paragraph whose sentences the groups do not all take in, or whose groups pair the wrong sentences.
# After changing the text, run `make sentences` (scripts/align_sentences.py): it keeps every shape that still
# fits and proposes the others (by punctuation, figures and lengths); confirm each in its diff.
"""


def record(edition: Edition) -> tuple[str, list[str]]:
    """The file's new text, and the paragraphs whose shape was proposed (page: id: shape)."""
    model = model_of(edition)
    lines: dict[str, list[str]] = {}
    proposed: list[str] = []
    for paragraph in paragraphs(edition):
        entry = paragraph.entry
        if entry is not None and not check_paragraph(paragraph, edition.alignment.rel, model):
            shape = shape_text(entry.shape)
        else:
            shape = shape_text(propose(paragraph.sentences["zh"], paragraph.sentences["en"], model))
            proposed.append(f"{paragraph.name}: {paragraph.id}: {shape}")
        lines.setdefault(paragraph.name, []).append(f"  {paragraph.id}: {shape}\n")
    text = HEADER + "".join(f"{name}:\n" + "".join(entries) for name, entries in lines.items())
    return text, proposed
