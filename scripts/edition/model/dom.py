"""Page content as a tree to read and decorate: lexbor (selectolax), an HTML5 parser in C.

The plugin reads every built page's content once (its search entries) and decorates it (tooltips,
paragraph tools, correction notes, the colophon); the page model reads each page's rendered
Markdown the same way (edition/model/pages.py: its blocks and ids, for the checks). BeautifulSoup's Python tree cost about
a second of a ten-times corpus's build for that one parse and its serialisation (``make bench``);
lexbor does both in a few milliseconds, and parses as a browser parses (HTML5), so what the
decorations see is what readers get. Words put into the tree are text nodes and attribute values:
the serialiser escapes them, nothing given here is read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

Node = LexborNode
# The content is parsed as the body of a standards-mode document, as the theme places it: a
# leading <style> stays in the content (it is not moved to a <head>), and tables close open paragraphs.
_PREFIX = "<!DOCTYPE html><body>"


class Content:
    """One page's content HTML, parsed; ``html()`` writes it back."""

    def __init__(self, html: str) -> None:
        self._document = LexborHTMLParser(_PREFIX + html)  # the nodes live as long as the document
        body = self._document.body
        assert body is not None  # a document parsed from "<body>…" always has one
        self.body: Node = body

    def html(self) -> str:
        return self.body.inner_html or ""

    def element(self, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> Node:
        """A new element, not yet in the tree; its attributes and text are escaped when written."""
        node = self._document.create_node(tag)
        for name, value in (attrs or {}).items():
            node.attrs[name] = value
        if text:
            node.insert_child(text)
        return node

    def text(self, separator: str = "") -> str:
        """Every text of the content, joined by ``separator`` (as BeautifulSoup's ``get_text``)."""
        return separator.join(strings(self.body))

    def by_id(self) -> dict[str, Node]:
        """Every element with an id, by id (the first of an id, as a browser's getElementById)."""
        found: dict[str, Node] = {}
        for node in self.body.css("[id]"):
            found.setdefault(attribute(node, "id") or "", node)
        return found


def children(node: Node) -> Iterator[Node]:
    """The element and text children of ``node``, in order."""
    return node.iter(include_text=True)


def classes(node: Node) -> list[str]:
    return str(node.attributes.get("class") or "").split()


def attribute(node: Node, name: str) -> str | None:
    """The attribute's value ('' when written without one), or None when the element has none."""
    attributes = node.attributes  # a new dict at each access: read once
    return str(attributes[name] or "") if name in attributes else None


def strings(node: Node, skip: Callable[[Node], bool] | None = None) -> Iterator[str]:
    """The texts of ``node`` in order, leaving out the subtrees ``skip`` names (the tree is not changed)."""
    for child in children(node):
        if child.is_text_node:
            yield child.text_content or ""
        elif child.is_element_node and not (skip and skip(child)):
            yield from strings(child, skip)


def has_ancestor(node: Node, test: Callable[[Node], bool]) -> bool:
    parent = node.parent
    while parent is not None and parent.is_element_node:
        if test(parent):
            return True
        parent = parent.parent
    return False
