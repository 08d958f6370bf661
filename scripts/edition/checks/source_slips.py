"""The edition's corrections of the source (〔〕 insertions), kept once in docs/data/corrections.yml.

Check: the file has its shape (model/source_slips.py's schema); every 〔…〕 of the Chinese text is
listed, in its paragraph, with a footnote the page carries; every entry's phrase stands in its
paragraph. A 〔〕 "correction" that changes a name, or any other words, without an entry and a note
is refused. The list on the About page is generated from the same file (``<!-- corrections: list -->``),
so the page and the text cannot disagree.
"""

from __future__ import annotations

import re

from edition.model.dom import attribute
from edition.model.edition import Edition
from edition.model.pages import Block, PageFile
from edition.model.problems import Problem
from edition.model.source_slips import CORRECTIONS_FILE, Correction

INSERTION = re.compile(r"〔[^〔〕]*〕")


def corrections_rel(edition: Edition) -> str:
    return f"{edition.docs_dir.relative_to(edition.root).as_posix()}/{CORRECTIONS_FILE}"


def check_corrections(edition: Edition, corrections: list[Correction]) -> list[Problem]:
    rel = corrections_rel(edition)
    lang = edition.default_language
    problems: list[Problem] = []
    for entry in corrections:
        page = edition.page(entry.page, lang)
        block = next((b for b in page.blocks if b.id == entry.paragraph), None) if page else None
        if page is None or block is None:
            problems.append(
                Problem(
                    rel,
                    entry.line,
                    f"'{entry.page}' has no paragraph '#{entry.paragraph}'.",
                    "name the page and paragraph the correction stands in.",
                )
            )
            continue
        if entry.zh and entry.zh not in block.text:
            problems.append(
                Problem(
                    rel,
                    entry.line,
                    f"'{entry.zh}' does not stand in paragraph '#{entry.paragraph}' of {page.rel}.",
                    "copy the phrase, 〔〕 included, as it stands in the paragraph.",
                )
            )
        problems.extend(_note_problems(page, block, entry))
    listed: dict[tuple[str, str], list[str]] = {}
    for entry in corrections:
        listed.setdefault((entry.page, entry.paragraph), []).append(entry.zh)
    for name in edition.names:
        page = edition.page(name, lang)
        for block in page.blocks if page else []:
            phrases = listed.get((name, block.id), [])
            for match in INSERTION.finditer(block.text):
                if not any(match.group(0) in phrase and phrase in block.text for phrase in phrases):
                    problems.append(
                        Problem(
                            page.rel,
                            block.line,
                            f"'{match.group(0)}' in paragraph '#{block.id}' is a correction of the source that {rel} does not list.",
                            f"keep the source's words; if a correction is needed, add an entry to {rel} (page, paragraph, the phrase with its 〔〕, a footnote key) and the footnote to this page.",
                        )
                    )
    return problems


def _note_problems(page: PageFile, block: Block, entry: Correction) -> list[Problem]:
    """The entry's footnote exists and its marker stands in the block the entry names (a note on a
    heading is marked on that heading, not at the end of the next paragraph)."""
    note_id = f"fn:{entry.note}"
    markers = [a for a in page.html.body.css("a[href]") if attribute(a, "href") == f"#{note_id}"]
    if not markers or note_id not in page.by_id:
        return [
            Problem(
                page.rel,
                block.line,
                f"the correction in paragraph '#{entry.paragraph}' has no footnote [^{entry.note}] on this page.",
                f"add [^{entry.note}] after the correction and '[^{entry.note}]: …' (what the source has and why it is corrected) at the end of the page.",
            )
        ]
    element = page.by_id.get(entry.paragraph)
    if element is not None and element.css_first(f'a[href="#{note_id}"]') is None:
        return [
            Problem(
                page.rel,
                block.line,
                f"the footnote [^{entry.note}] of the correction in '#{entry.paragraph}' is marked outside that block, so a reader meets it at the wrong place.",
                f"put [^{entry.note}] inside the block {{#{entry.paragraph}}} (on a heading: at the end of its text, before the {{#…}}), and nowhere else.",
            )
        ]
    return []


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return edition.correction_problems + check_corrections(edition, edition.corrections)
