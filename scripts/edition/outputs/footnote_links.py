"""A footnote's way back to its marker, named in the page's language.

Python-Markdown's footnotes write one title for every page ("Jump back to footnote 1 in the
text", its BACKLINK_TITLE setting, shared by both languages): a Chinese page's screen reader read
that English (the keyboard audit of issue 24). Here each back-link's title is the page's own
string, ``page.footnote_back``, with the note's number.
"""

from __future__ import annotations

import re

from edition.model.dom import Content, attribute

NUMBER = re.compile(r"\d+")


def name_back_links(content: Content, template: str) -> bool:
    """Each ``a.footnote-backref`` titled by ``template`` ({n}: its note's number); True if any was."""
    changed = False
    for link in content.body.css("a.footnote-backref"):
        found = NUMBER.search(attribute(link, "title") or "")
        if found:
            link.attrs["title"] = template.format(n=found.group())
            changed = True
    return changed
