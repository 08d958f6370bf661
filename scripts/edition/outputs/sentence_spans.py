"""Each aligned group of sentences as a ``<span>`` of its paragraph, addressable and paired with its twin.

On a text page every group becomes ``<span class="edition-s" id="a2-2-1.2" data-s="a2-2-1.2">``:
``#a2-2-1.2`` opens the page at the group whose first Chinese sentence is the paragraph's second
(the same address in both languages, so the language switch, which keeps the #id, keeps it); a
group of two Chinese sentences also answers to the second's address (an empty ``edition-s__alias``
span carries it). On a side-by-side page both columns are wrapped: the reader's language carries the
addresses, the other column ``<lang>-`` ids, and each span names its twin with
``aria-describedby``, so a screen reader reads the twin after the sentence. Spans are focusable
(``tabindex="0"``), described by what Enter does (``HINT_ID``, so a screen reader says it):
overrides/assets/javascripts/edition-sentences.js, loaded on first use,
highlights the twin and opens a sentence's original or translation and its citation.

The sentences are cut from the element's own text with the rules of edition/model/sentences.py and
grouped by docs/data/alignment.yml; a paragraph whose text does not fit its recorded shape is left
as it is (the alignment check has refused the build). Footnote markers stay with the sentence
they follow. A group boundary inside inline markup (an emphasis running across two sentences)
moves to the start of that markup, so no element is split.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.model.aligned_text import Paragraph
from edition.model.alignment import Group
from edition.model.dom import Content, Node, children, strings
from edition.model.pages import is_marker, reader_text
from edition.model.sentences import sentence_spans

CLASS = "edition-s"
HINT_ID = "edition-s-hint"  # the page's one hidden description of what a sentence does on Enter


def add_hint(content: Content, text: str) -> None:
    """The hidden description every sentence names (aria-describedby), once per page."""
    content.body.insert_child(content.element("span", {"id": HINT_ID, "hidden": ""}, text))


@dataclass(frozen=True)
class Ids:
    """How one wrapping names its spans: ``prefix`` before each address ('' for the reader's
    language), and the prefix of the twin's spans when the twin is on the page (side by side)."""

    prefix: str = ""
    twin_prefix: str | None = None


def _length(node: Node) -> int:
    if node.is_text_node:
        return len(node.text_content or "")
    return 0 if is_marker(node) else sum(len(text) for text in strings(node, is_marker))


def boundaries(element: Node, paragraph: Paragraph, lang: str, source: str) -> list[int] | None:
    """Where each group after the first starts, in the element's text; None if the text does not fit the shape."""
    text = reader_text(element)
    raw = "".join(strings(element, is_marker))
    lead = len(raw) - len(raw.lstrip())
    spans = sentence_spans(text, lang, source)
    groups = paragraph.groups
    indices = [group.zh if lang == source else group.en for group in groups]
    if not groups or sum(len(found) for found in indices) != len(spans):
        return None
    return [lead + spans[found[0]][0] for found in indices[1:]]


def _pieces(element: Node, cuts: list[int]) -> list[tuple[int, int, str | Node]]:
    """The element's children as (group, length, piece): text cut at the group boundaries."""
    pieces: list[tuple[int, int, str | Node]] = []
    position = 0
    for child in list(children(element)):
        size = _length(child)
        if child.is_text_node:
            text, start = child.text_content or "", position
            for cut in [c for c in cuts if position < c < position + size]:
                pieces.append((start, cut - start, text[start - position : cut - position]))
                start = cut
            pieces.append((start, position + size - start, text[start - position :]))
        else:
            # A boundary inside inline markup moves to its start: the element goes to the next group.
            cuts[:] = [position if position < c < position + size else c for c in cuts]
            pieces.append((position, size, child))
        position += size
    return [
        (sum(1 for c in cuts if c < start or (c == start and size > 0)), size, piece) for start, size, piece in pieces
    ]


def wrap(content: Content, element: Node, paragraph: Paragraph, lang: str, source: str, ids: Ids) -> bool:
    """Wrap each group of ``element`` (a paragraph or heading of ``lang``) in its span; True if done."""
    cuts = boundaries(element, paragraph, lang, source)
    if cuts is None:
        return False
    originals = list(children(element))
    pieces = _pieces(element, cuts)
    groups = paragraph.groups
    if not originals:
        return False
    first = originals[0]
    for index, group in enumerate(groups):
        span = content.element("span", _attributes(group, ids))
        if not ids.prefix:
            for alias in group.anchors[1:]:
                span.insert_child(content.element("span", {"class": f"{CLASS}__alias", "id": alias}))
        for number, _, piece in pieces:
            if number == index:
                span.insert_child(piece)
        first.insert_before(span)
    for node in originals:
        node.decompose()
    return True


def _attributes(group: Group, ids: Ids) -> dict[str, str]:
    # Focusable, and described by what Enter does (HINT_ID, the page's sentence_hint, which the
    # plugin adds): a sentence holds links and terms, so it cannot be a button itself (a control
    # inside a control); side by side, by its twin first.
    attrs = {"class": CLASS, "id": f"{ids.prefix}{group.anchor}", "data-s": group.anchor, "tabindex": "0"}
    twin = f"{ids.twin_prefix}{group.anchor} " if ids.twin_prefix is not None else ""
    attrs["aria-describedby"] = f"{twin}{HINT_ID}"
    return attrs


def wrap_page(content: Content, found: dict[str, Paragraph], lang: str, source: str) -> bool:
    """A text page: every aligned paragraph's groups wrapped; True if any was."""
    by_id = content.by_id()
    done = False
    for block_id, paragraph in found.items():
        element = by_id.get(block_id)
        if element is not None:
            done = wrap(content, element, paragraph, lang, source, Ids()) or done
    return done


def wrap_parallel(content: Content, found: dict[str, Paragraph], lang: str, source: str) -> bool:
    """A side-by-side page: both cells of every row wrapped, each span described by its twin."""
    done = False
    for row in content.body.css(".edition-parallel__row[id]"):
        paragraph = found.get(str(row.attributes.get("id") or ""))
        if paragraph is None:
            continue
        for cell in row.css(".edition-parallel__cell[lang]"):
            code = str(cell.attributes.get("lang") or "")
            block = next((child for child in children(cell) if child.is_element_node), None)
            if block is None or code not in paragraph.sentences:
                continue
            other = next(c for c in paragraph.sentences if c != code)
            ids = Ids("" if code == lang else f"{code}-", "" if other == lang else f"{other}-")
            done = wrap(content, block, paragraph, code, source, ids) or done
    return done
