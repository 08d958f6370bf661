"""The text sentence by sentence: every paragraph's sentences in both languages, grouped as aligned.

Read from the page model (the blocks as readers see them) and docs/data/alignment.yml, once, for
the check (edition/checks/alignment.py), the proposal tool, the sentence spans of the pages and
the downloads: all of them see the same sentences and the same groups.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from edition.model.alignment import Entry, Group, groups_of
from edition.model.edition import Edition
from edition.model.pages import Block, PageFile
from edition.model.sentences import split


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or heading) of a page pair, cut into sentences, with its recorded alignment."""

    name: str  # the page, e.g. "policing"
    id: str
    pages: dict[str, PageFile]  # language -> page
    blocks: dict[str, Block]  # language -> the block
    sentences: dict[str, list[str]]  # language -> its sentences
    entry: Entry | None

    @property
    def groups(self) -> list[Group]:
        return groups_of(self.id, self.entry.shape) if self.entry else []

    def texts(self, group: Group, lang: str) -> list[str]:
        """The sentences of one side of a group (``zh``: the source's, any other: the translation's)."""
        indices = group.zh if lang == "zh" else group.en
        found = self.sentences[lang]
        return [found[i] for i in indices if i < len(found)]


def paragraphs(edition: Edition) -> Iterator[Paragraph]:
    """Every paragraph of every page that exists in both languages, in navigation and text order."""
    source = edition.default_language
    for original, twin in edition.pairs():
        if not original.blocks:
            continue
        twins = {block.id: block for block in twin.blocks}
        for block in original.blocks:
            other = twins.get(block.id)
            if other is None:
                continue  # the paragraph id check names a paragraph missing from a twin
            yield Paragraph(
                original.name,
                block.id,
                {source: original, twin.lang or "": twin},
                {source: block, twin.lang or "": other},
                {lang: split(b.text, lang, source) for lang, b in ((source, block), (twin.lang or "", other))},
                edition.alignment.entry(original.name, block.id),
            )


def by_page(edition: Edition) -> dict[str, dict[str, Paragraph]]:
    """Page name -> paragraph id -> paragraph, for the pages' sentence spans."""
    found: dict[str, dict[str, Paragraph]] = {}
    for paragraph in paragraphs(edition):
        found.setdefault(paragraph.name, {})[paragraph.id] = paragraph
    return found
