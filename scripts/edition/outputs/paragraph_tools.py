"""The permalink and "cite" action beside every id-carrying paragraph and heading.

Rendered into the page's HTML at build time, so the link to a paragraph works without JavaScript
and a screen reader announces it in the page's language ("本段链接：a2-1-1", "Link to paragraph
a2-1-1"); each accessible name begins with the visible text (the id, "引用"/"Cite"). The cite
button is rendered ``hidden``: overrides/assets/javascripts/edition.js shows it and copies the
citation. Everything sits in ``.edition-tools``, which the edition checks and the
search index leave out of a paragraph's text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from edition.model.dom import Content, Node

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class ToolLabels:
    permalink_label: str = "Link to paragraph {id}"  # the link's accessible name; it shows the id
    cite: str = "Cite"  # the button's visible text
    cite_label: str = "Cite paragraph {id}"  # the button's accessible name


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
    return tools


def add_paragraph_tools(html: str, block_ids: Iterable[str], labels: ToolLabels) -> str:
    """``html`` with the tools appended inside each paragraph or heading whose id is listed."""
    content = Content(html)
    add_tools_to(content, block_ids, labels)
    return content.html()


def add_tools_to(content: Content, block_ids: Iterable[str], labels: ToolLabels) -> None:
    """``add_paragraph_tools`` on a parsed page, in place (the plugin parses each page once)."""
    by_id = content.by_id()
    for block_id in block_ids:
        element = by_id.get(block_id)
        if element is not None and element.tag in BLOCK_TAGS and element.css_first(".edition-tools") is None:
            element.insert_child(" ")
            element.insert_child(tools_for(content, block_id, labels))
