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

from bs4 import BeautifulSoup, Tag

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class ToolLabels:
    permalink_label: str = "Link to paragraph {id}"  # the link's accessible name; it shows the id
    cite: str = "Cite"  # the button's visible text
    cite_label: str = "Cite paragraph {id}"  # the button's accessible name


def tools_for(soup: BeautifulSoup, block_id: str, labels: ToolLabels) -> Tag:
    """``<span class="edition-tools">`` with the permalink and the (hidden) cite button."""
    tools = soup.new_tag("span", attrs={"class": "edition-tools", "data-search-exclude": ""})
    link = soup.new_tag(
        "a",
        attrs={
            "class": "edition-permalink",
            "href": f"#{block_id}",
            "aria-label": labels.permalink_label.format(id=block_id),
        },
    )
    link.string = block_id
    button = soup.new_tag(
        "button",
        attrs={
            "type": "button",
            "class": "edition-cite",
            "aria-label": labels.cite_label.format(id=block_id),
            "hidden": "",
        },
    )
    button.string = labels.cite
    tools.append(link)
    tools.append(button)
    return tools


def add_paragraph_tools(content: str, block_ids: Iterable[str], labels: ToolLabels) -> str:
    """``content`` with the tools appended inside each paragraph or heading whose id is listed."""
    soup = BeautifulSoup(content, "html.parser")
    add_tools_to(soup, block_ids, labels)
    return str(soup)


def add_tools_to(soup: BeautifulSoup, block_ids: Iterable[str], labels: ToolLabels) -> None:
    """``add_paragraph_tools`` on a parsed page, in place (the plugin parses each page once)."""
    by_id: dict[str, Tag] = {}
    for element in soup.find_all(id=True):  # one pass; the first element of an id, as find(id=…) gives
        by_id.setdefault(str(element["id"]), element)
    for block_id in block_ids:
        element = by_id.get(block_id)
        if element is not None and element.name in BLOCK_TAGS and not element.find(class_="edition-tools"):
            element.append(" ")
            element.append(tools_for(soup, block_id, labels))
