"""The permalink and "cite" action beside every id-carrying paragraph and heading.

Rendered into the page's HTML at build time, so the link to a paragraph works without JavaScript
and a screen reader announces it in the page's language ("本段链接：a2-1-1", "Link to paragraph
a2-1-1"). The cite button is rendered ``hidden``: overrides/assets/javascripts/edition.js shows it
and copies the citation. Everything sits in ``.edition-tools``, which the edition checks and the
search index leave out of a paragraph's text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class ToolLabels:
    permalink: str = "Link to paragraph "  # read by screen readers before the id
    cite: str = "Cite"  # the button's visible text
    cite_paragraph: str = " paragraph {id}"  # read by screen readers after it


def tools_for(soup: BeautifulSoup, block_id: str, labels: ToolLabels) -> Tag:
    """``<span class="edition-tools">`` with the permalink and the (hidden) cite button."""
    tools = soup.new_tag("span", attrs={"class": "edition-tools", "data-search-exclude": ""})
    link = soup.new_tag("a", attrs={"class": "edition-permalink", "href": f"#{block_id}"})
    hidden_prefix = soup.new_tag("span", attrs={"class": "edition-sr"})
    hidden_prefix.string = labels.permalink
    link.append(hidden_prefix)
    link.append(block_id)
    button = soup.new_tag("button", attrs={"type": "button", "class": "edition-cite", "hidden": ""})
    button.append(labels.cite)
    hidden_suffix = soup.new_tag("span", attrs={"class": "edition-sr"})
    hidden_suffix.string = labels.cite_paragraph.format(id=block_id)
    button.append(hidden_suffix)
    tools.append(link)
    tools.append(button)
    return tools


def add_paragraph_tools(content: str, block_ids: Iterable[str], labels: ToolLabels) -> str:
    """``content`` with the tools appended inside each paragraph or heading whose id is listed."""
    soup = BeautifulSoup(content, "html.parser")
    for block_id in block_ids:
        element = soup.find(id=block_id)
        if isinstance(element, Tag) and element.name in BLOCK_TAGS and not element.select_one(".edition-tools"):
            element.append(" ")
            element.append(tools_for(soup, block_id, labels))
    return str(soup)
