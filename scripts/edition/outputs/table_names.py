"""Every table of a page is named: by the heading it stands under (WCAG 1.3.1, 4.1.2).

A screen reader's list of tables said "table" for each, with nothing to tell them apart. A table
with no caption and no name of its own (``aria-label``, ``aria-labelledby``) is labelled by the
nearest heading above it, so it is announced as "Figures, table" and found by that name; a
table before any heading is left as it is. Added to every built page's content by the edition
plugin, so Markdown tables and generated ones alike are named without their authors' help.
"""

from __future__ import annotations

from edition.model.dom import Content, attribute

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def name_tables(content: Content) -> bool:
    """Each unnamed table labelled by the id of the heading before it, in place; True if any was."""
    heading_id: str | None = None
    changed = False
    for element in content.body.css(", ".join((*HEADINGS, "table"))):
        if element.tag in HEADINGS:
            heading_id = attribute(element, "id") or heading_id
            continue
        named = element.css_first("caption") is not None or any(
            attribute(element, name) is not None for name in ("aria-label", "aria-labelledby")
        )
        if heading_id and not named:
            element.attrs["aria-labelledby"] = heading_id
            changed = True
    return changed
