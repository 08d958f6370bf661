"""Check: on a page of the text, every block carries a paragraph id written by hand.

The checks of the text (source text, figures, glossary, alignment) work paragraph by paragraph,
through the ``{#id}`` of each block; a block without one would reach readers unread by any of them.
A page of the text is one with at least one such id (the seven pages of the press release, in both
languages). Allowed without an id: the page's title (its first ``#`` heading) and the footnotes.
"""

from __future__ import annotations

from edition.checks.content_safety import LineFinder
from edition.model.dom import Node, attribute, children, classes, strings
from edition.model.edition import Edition
from edition.model.pages import PageFile
from edition.model.problems import Problem


def _words(node: Node) -> str:
    """The element's texts, each stripped, joined by spaces."""
    return " ".join(text.strip() for text in strings(node) if text.strip())


def unread_blocks(page: PageFile) -> list[tuple[str, str]]:
    """(element, text) of each top-level block of a text page without an explicit id."""
    explicit = set(page.explicit_ids)
    found: list[tuple[str, str]] = []
    title_seen = False
    for node in children(page.html.body):
        if node.is_text_node:
            text = (node.text_content or "").strip()
            if text:
                found.append(("text", text))
            continue
        if not node.is_element_node:
            continue
        node_id = attribute(node, "id")
        if node.tag == "h1" and not title_seen and node_id not in explicit:
            title_seen = True
            continue
        if node.tag == "div" and "footnote" in classes(node):
            continue
        words = _words(node) if node_id not in explicit else ""
        if words:
            found.append((node.tag or "", words))
    return found


def check_block_ids(edition: Edition) -> list[Problem]:
    problems = []
    for page in edition.files:
        if not page.blocks:
            continue  # an editorial page (About, the data pages, the parallel stubs)
        finder = LineFinder(page.text, page.front_matter.body_line)
        for element, text in unread_blocks(page):
            words = text.split("\n")[0]
            problems.append(
                Problem(
                    page.rel,
                    finder.find((words[:24], words[:12], words[:6])),
                    f"this <{element}> has no paragraph id, so no check reads it: '{words[:50]}'.",
                    "end it with the '{#id}' of the paragraph it translates or reproduces, in both languages (see CONTRIBUTING.md, Paragraph ids); a note goes in a footnote.",
                )
            )
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return check_block_ids(edition)
