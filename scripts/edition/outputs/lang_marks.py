"""Where a page's language changes, the change is marked: ``<span lang="…">`` (WCAG 3.1.2).

A screen reader picks its voice from ``lang``: without the mark it read 调研员 in an English
page's footnote with an English voice, and an English phrase in a Chinese page with a Chinese
one. The pages' Markdown is prose written by translators, who should not have to mark each
Chinese word, so the marks are added here, to every built page's content, generically: on an
English page each run of Han characters, on a Chinese page each run of Latin words, unless an
element around it already says it is in that language (the side-by-side cells, the tables'
cells, the 404 page's English). Not marked: what is a code rather than a word of a language
(paragraph ids, web addresses, file formats, the acronyms in ``CODES``), and the texts of
``code``, ``pre``, ``script``, ``style`` and ``svg``. The glossary terms' notes, which are shown
by edition-access.js, mark their words the same way in the browser.
tests/test_browser_access.py measures the result on the live documents of both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edition.model.dom import Content, Node, attribute, children

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uffef\u00b7\u2026"
# A run of Chinese: Han characters, with the punctuation, digits and spaces between them and the
# punctuation that closes them (2017年9月28日, “一长四必”).
HAN_RUN = re.compile(f"[{_HAN}](?:[{_HAN}{_CJK_PUNCTUATION}0-9 ]*[{_HAN}{_CJK_PUNCTUATION}])?")
# A run of Latin words: letters, with the spaces and punctuation between words.
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*(?:[ ,.;:!?'’“”\"()\-/&]+[A-Za-z0-9][A-Za-z0-9'’\-]*)*")

# Latin on a Chinese page that is no English word: codes and names read the same in either voice.
CODES = re.compile(
    r"""^(?:
        (?:ov|ns|a\d)(?:-[a-z0-9]+)*        # paragraph ids: a2-1-1, ov-lead, ns-2
      | [a-z0-9-]+\.(?:csv|json|yml|yaml|md|txt|pdf|ris|bib|atom|xml)  # file names
      | CSL-JSON|RIS|BibLaTeX|CSV|JSON|YAML|PDF|URL|HTML|RSS|Atom|ID|APP|QQ|GPS|DNA|LED|USB|GitHub
      | [A-Z]{1,3}\d*                        # a letter or acronym: A, B, PDF
    )$""",
    re.VERBOSE,
)
URL = re.compile(r"(?:https?://|www\.)\S+")

SKIPPED = {"code", "pre", "script", "style", "svg", "kbd", "samp", "math"}
INLINE = {"a", "abbr", "b", "cite", "em", "i", "q", "small", "span", "strong", "sub", "sup", "button", "label"}


def _texts(node: Node, lang: str) -> Iterator[tuple[Node, str]]:
    """Each text of ``node`` outside the skipped elements, with the language it is said to be in."""
    for child in children(node):
        if child.is_text_node:
            yield child, lang
        elif child.is_element_node and child.tag not in SKIPPED:
            own = attribute(child, "lang")
            yield from _texts(child, lang if not own else own.split("-")[0].lower())


def runs(text: str, page_lang: str) -> list[tuple[int, int]]:
    """Where ``text`` changes from ``page_lang`` to the other language: (start, end) of each run."""
    if page_lang == "zh":
        found = []
        addresses = [m.span() for m in URL.finditer(text)]
        for match in LATIN_RUN.finditer(text):
            start, end = match.span()
            if any(a <= start < b for a, b in addresses) or CODES.match(match.group()):
                continue
            found.append((start, end))
        return found
    return [match.span() for match in HAN_RUN.finditer(text)]


def mark_languages(content: Content, page_lang: str) -> bool:
    """Each run of the other language in the page's content wrapped in a span with its ``lang``,
    in place; True if anything was marked. "Other" is relative to the language a text is said to be
    in: English words inside a Chinese quotation on an English page (a correction's Chinese note)
    are marked too."""
    changed = False
    for node, lang in list(_texts(content.body, page_lang)):
        own = lang if lang in ("zh", "en") else page_lang
        other = "en" if own == "zh" else "zh"
        text = node.text_content or ""
        found = runs(text, own)
        if not found:
            continue
        parent = node.parent
        if (
            found == [(len(text) - len(text.lstrip()), len(text.rstrip()))]
            and parent is not None
            and parent.tag in INLINE
            and len(list(children(parent))) == 1
        ):
            # The whole text of an inline element (a link's name): the element itself is marked, so
            # its accessible name is in the language it says.
            parent.attrs["lang"] = other
            changed = True
            continue
        position = 0
        for start, end in found:
            if start > position:
                node.insert_before(text[position:start])
            node.insert_before(content.element("span", {"lang": other}, text[start:end]))
            position = end
        if position < len(text):
            node.insert_before(text[position:])
        node.decompose()
        changed = True
    return changed
