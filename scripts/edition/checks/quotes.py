"""Check: a data entry's Chinese and English phrases stand, word for word, in the paragraph it cites.

Figures and measures both quote the text: ``zh`` must stand in the Chinese paragraph ``#paragraph``
of the entry's area, and ``en`` in its English twin. When the text and the data part ways (a
translator rewords a sentence, or a figure is mistyped), the build names the page, the line and the
data entry, so the maintainer corrects whichever is wrong.
"""

from __future__ import annotations

import re
from typing import Protocol

from edition.model.edition import Edition
from edition.model.pages import Block, PageFile
from edition.model.problems import Problem

SPACES = re.compile(r"\s+")


class CitedEntry(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def area(self) -> str: ...
    @property
    def paragraph(self) -> str: ...
    @property
    def zh(self) -> str: ...
    @property
    def en(self) -> str | None: ...
    @property
    def line(self) -> int: ...
    @property
    def kind(self) -> str: ...


def flat(text: str) -> str:
    """Text with runs of white space as one space: line breaks in a paragraph do not count."""
    return SPACES.sub(" ", text).strip()


def find_block(page: PageFile | None, block_id: str) -> Block | None:
    if page is None:
        return None
    return next((block for block in page.blocks if block.id == block_id), None)


def check_cited(edition: Edition, entries: list[CitedEntry], data_rel: str) -> list[Problem]:
    """Each entry's phrases stand in its paragraph, in each language it gives."""
    problems: list[Problem] = []
    areas = edition.areas
    for entry in entries:
        where = f"{entry.kind} '{entry.id}' ({data_rel}:{entry.line})"
        if entry.area not in areas:
            problems.append(
                Problem(
                    data_rel,
                    entry.line,
                    f"{where} has area '{entry.area}', which no document describes.",
                    f"use one of {', '.join(areas)} (the 'areas:' of docs/data/documents/*.yml).",
                )
            )
            continue
        name = areas[entry.area]
        for lang, phrase in (
            (edition.default_language, entry.zh),
            *((lang, entry.en) for lang in edition.languages[1:]),
        ):
            if phrase is None:
                continue
            page = edition.page(name, lang)
            block = find_block(page, entry.paragraph)
            if page is None or block is None:
                problems.append(
                    Problem(
                        data_rel,
                        entry.line,
                        f"{where} cites paragraph '#{entry.paragraph}', which is not on the {lang} page of area '{entry.area}' (docs/{name}.{lang}.md).",
                        f"give the id of the paragraph the phrase stands in, and the area of its page ({', '.join(f'{a}: {p}' for a, p in areas.items())}).",
                    )
                )
                break
            if flat(phrase) not in flat(block.text):
                problems.append(
                    Problem(
                        page.rel,
                        block.line,
                        f"paragraph '#{entry.paragraph}' no longer contains «{phrase}», the {lang} of {where}.",
                        f"restore those words in the paragraph, or, if the new wording is right, copy it into '{'zh' if lang == edition.default_language else 'en'}' of that entry in {data_rel}.",
                    )
                )
    return problems
