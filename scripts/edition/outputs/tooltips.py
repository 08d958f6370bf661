"""Glossary tooltips: the first use of a term on each page becomes an ``<abbr>`` with a title.

Python-Markdown's abbr extension finds abbreviations between word boundaries, which Chinese text
does not have (公安部刊发 is one "word" to a regular expression), so the terms are marked here, in
the rendered HTML, with the glossary's own finder (edition/checks/glossary.py). The title is written in the
reader's language: on a Chinese page the Chinese term shows its English rendering and the Chinese
note; on an English page the English term shows the Chinese and the English note. The title is
what a reader without JavaScript gets; with it, overrides/assets/javascripts/edition-access.js
turns it into the edition's own note, which opens on hover and on keyboard focus
(``tabindex="0"``), stays while the pointer is over it, closes on Escape (WCAG 1.4.13; Material's
tooltips did not), marks the other language's words with ``lang``, and is the term's description
for screen readers (``aria-describedby``). The words stay as they are,
so the source-text and figures checks, which read the text, see no difference. Only the first use
on a page is marked (the first of each language on a side-by-side page): a dotted underline under
the same term in paragraph after paragraph would only distract.

Only running text is marked: never the page title or a section heading (a heading full of dotted
links reads as a menu, and Material copies headings into the table of contents), nor table heads
and captions; the navigation is outside the content and never reaches this module. A term whose
first appearance is in a heading is marked at its first use in the body instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from edition.model.data import Term
from edition.model.dom import Content, Node, attribute, children, classes
from edition.model.terms import TermFinder

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "th", "caption", "figcaption"}  # titles, not running text
SKIPPED = {"a", "abbr", "code", "pre", "script", "style", "svg", "sup", "button", "select", "label", "kbd"} | HEADINGS
SKIPPED_CLASSES = {
    "footnote",
    "edition-parallel__row--head",
    "edition-citation-example",
}  # a citation is copied as written


_finders: dict[tuple[int, str], tuple[list[Term], TermFinder]] = {}


def finder_for(terms: list[Term], lang: str) -> TermFinder:
    """One finder per glossary and language for the whole build (building one compiles ~130 forms)."""
    key = (id(terms), lang)
    if key not in _finders or _finders[key][0] is not terms:
        _finders[key] = (terms, TermFinder(terms, lang))
    return _finders[key][1]


def title_of(terms: list[Term], text_lang: str, reader_lang: str) -> str:
    """What the tooltip says: the term in the other language, then the note in the reader's language."""
    first = terms[0]
    other = first.en if text_lang == "zh" else " / ".join(dict.fromkeys(t.zh for t in terms))
    return f"{other} — {first.note[reader_lang]}"


def _readable(node: Node, lang: str) -> Iterator[tuple[Node, str]]:
    """Each text of ``node`` outside the skipped elements, with the language it is written in.

    One walk of the tree, carrying the language down (``lang`` attributes) and leaving out whole
    subtrees that are skipped, instead of looking up every text's ancestors.
    """
    for child in children(node):
        if child.is_text_node:
            yield child, lang
        elif child.is_element_node:
            if child.tag in SKIPPED or SKIPPED_CLASSES.intersection(classes(child)):
                continue
            own = attribute(child, "lang")
            yield from _readable(child, lang if own is None else own)


def annotate(html: str, terms: list[Term], reader_lang: str, languages: list[str]) -> str:
    """The page's content HTML with the first use of each term (per language of text) marked as an abbreviation."""
    if not terms:
        return html
    content = Content(html)
    return content.html() if annotate_tree(content, terms, reader_lang, languages) else html


def annotate_tree(content: Content, terms: list[Term], reader_lang: str, languages: list[str]) -> bool:
    """``annotate`` on a parsed page, in place (the plugin parses each page once); True if it changed."""
    finders = {lang: finder_for(terms, lang) for lang in languages}
    marked: set[tuple[str, str]] = set()
    changed = False
    for node, text_lang in list(_readable(content.body, reader_lang)):
        finder = finders.get(text_lang)
        text = node.text_content or ""
        pieces: list[str | Node] = []
        position = 0
        for use in finder.find(text) if finder else []:
            if (text_lang, use.term.id) in marked:
                continue
            marked.add((text_lang, use.term.id))
            words = text[use.start : use.end]
            title = title_of(finder.terms_of(words), text_lang, reader_lang)
            abbr = content.element("abbr", {"title": title, "tabindex": "0", "class": "edition-term"}, words)
            pieces += [text[position : use.start], abbr]
            position = use.end
        if not pieces:
            continue
        pieces.append(text[position:])
        for piece in pieces:
            if piece:
                node.insert_before(piece)
        node.decompose()
        changed = True
    return changed
