"""The permalink and "cite" action beside every id-carrying paragraph and heading.

Rendered into the page's HTML at build time, so the link to a paragraph works without JavaScript
and a screen reader announces it in the page's language ("本段链接：a2-1-1", "Link to paragraph
a2-1-1"); each accessible name begins with the visible text (the id, "引用"/"Cite"). The cite
button is rendered ``hidden``: overrides/assets/javascripts/edition.js shows it and copies the
citation. Where the site knows its repository, "Report a mistake" links to the correction form
filled in for the paragraph (edition/outputs/report.py; edition.js adds the current wording). Everything sits in ``.edition-tools``, which the edition checks and the
search index leave out of a paragraph's text.

A paragraph holds its tools; a heading does not: whatever is inside a heading is its accessible
name, and a screen reader's list of headings read "2. Vigorously advancing … Link to paragraph a2
Cite paragraph a2". A heading and its tools are wrapped together instead
(``<div class="edition-heading"><h2 id=…>…</h2><span class="edition-tools">…</span></div>``): the
tools come right after the heading in reading order, and the wrapper, which has no box of its own
(the heading's margins collapse through it), places them under the heading as a paragraph's are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from edition.model.dom import Content, Node

HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCK_TAGS = {"p", *HEADING_TAGS}


@dataclass(frozen=True)
class ToolLabels:
    permalink_label: str = "Link to paragraph {id}"  # the link's accessible name; it shows the id
    cite: str = "Cite"  # the button's visible text
    cite_label: str = "Cite paragraph {id}"  # the button's accessible name
    report: str = "Report a mistake"  # the report link's visible text
    report_label: str = "Report a mistake in paragraph {id}"  # its accessible name
    # The correction form's address for a paragraph id (edition/outputs/report.py); None: no repository known.
    report_href: Callable[[str], str] | None = None


def tools_for(content: Content, block_id: str, labels: ToolLabels) -> Node:
    """``<span class="edition-tools">`` with the permalink and the (hidden) cite button."""
    tools = content.element("span", {"class": "edition-tools", "data-search-exclude": ""})
    link_attrs = {
        "class": "edition-permalink",
        "href": f"#{block_id}",
        "aria-label": labels.permalink_label.format(id=block_id),
    }
    tools.insert_child(content.element("a", link_attrs, block_id))
    button_attrs = {
        "type": "button",
        "class": "edition-cite",
        "aria-label": labels.cite_label.format(id=block_id),
        "hidden": "",
    }
    tools.insert_child(content.element("button", button_attrs, labels.cite))
    if labels.report_href is not None:
        report_attrs = {
            "class": "edition-report",
            "href": labels.report_href(block_id),
            "aria-label": labels.report_label.format(id=block_id),
        }
        tools.insert_child(" ")
        tools.insert_child(content.element("a", report_attrs, labels.report))
    return tools


def add_paragraph_tools(html: str, block_ids: Iterable[str], labels: ToolLabels) -> str:
    """``html`` with the tools appended inside each listed paragraph, and after each listed heading
    (the two wrapped in ``div.edition-heading``)."""
    content = Content(html)
    add_tools_to(content, block_ids, labels)
    return content.html()


def add_tools_to(content: Content, block_ids: Iterable[str], labels: ToolLabels) -> None:
    """``add_paragraph_tools`` on a parsed page, in place (the plugin parses each page once)."""
    by_id = content.by_id()
    for block_id in block_ids:
        element = by_id.get(block_id)
        if element is None or element.tag not in BLOCK_TAGS or has_tools(element):
            continue
        tools = tools_for(content, block_id, labels)
        if element.tag in HEADING_TAGS:
            # lexbor inserts a copy of a node: the wrapper is made whole, then takes the heading's place.
            wrapper = content.element("div", {"class": "edition-heading"})
            wrapper.insert_child(element)
            wrapper.insert_child(tools)
            element.insert_before(wrapper)
            element.decompose()
        else:
            element.insert_child(" ")
            element.insert_child(tools)


def has_tools(element: Node) -> bool:
    """Whether the block has its tools already: inside it (a paragraph) or beside it (a heading)."""
    if element.css_first(".edition-tools") is not None:
        return True
    parent = element.parent
    return parent is not None and "edition-heading" in str(parent.attributes.get("class") or "").split()
