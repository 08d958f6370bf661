"""One search index per language, with an entry per paragraph, in the format Material's search reads.

Material's search worker (lunr) gets ``{"config": ..., "docs": [...]}``. Two things make it work
for this edition where the stock index does not:

- One index per language (Chinese pages: /search/search_index.json, English: /en/search/...), so
  a reader only gets results in the language they read, and English gets lunr's English pipeline
  (stemming: "cards" finds "card") without Chinese in the way.
- Chinese is segmented here, at build time, with jieba. ``text`` holds jieba's precise-mode words
  (what the result shows, words joined by an invisible U+200B); the hidden ``terms`` field holds
  the words of jieba's search mode that lie inside longer words (身份证 inside 居民身份证, 公安 in
  公安机关) and each number joined to the characters after it (849个, 28万多张), so those queries
  find their paragraph. The worker splits a Chinese query into words it knows from the index.

Entries: the page (title and description only: Material ranks a page's own entry above its
sections), every heading, every paragraph that carries an id (so a result links to
``page/#a2-1-1``), and every footnote. Text outside id-carrying blocks goes to the entry of the
heading above it.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import jieba
from bs4 import BeautifulSoup, NavigableString, Tag

jieba.setLogLevel(logging.WARNING)

ZWSP = "\u200b"
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# A figure right before a run of Han characters (its unit): "849" in 849个, "3.3" in 3.3亿元.
FIGURE_BEFORE = re.compile(r"\d+(?:[.,]\d+)*$")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
NOISE = "sup[id^='fnref'], a.headerlink, .edition-tools, a.footnote-backref, [data-search-exclude]"

# What the worker reads from the index's config: how to split text into words and which lunr
# pipeline steps run. Chinese keeps only the stemmer (for the odd English word): lunr's trimmer
# would strip Han characters as non-word characters.
SEPARATORS = {
    "zh": r"[\s\u200b\u3000\-、。，．？！；：“”‘’（）《》〈〉【】〔〕…—·]+",
    "en": r"[\s\-/]+",
}
PIPELINES = {"zh": ["stemmer"], "en": ["trimmer", "stopWordFilter", "stemmer"]}
FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "terms": {"boost": 1.0}}


@dataclass
class Labels:
    """Titles of entries that have no heading of their own, in the page's language."""

    paragraph: str = "¶ {id}"  # the id is what a reader cites; no word here to match queries
    note: str = "Note {n}"  # "注 {n}" in Chinese


@dataclass
class Entry:
    location: str  # relative to the language's root: "policing/#a2-1-1"
    title: str
    blocks: list[str] = field(default_factory=list)  # plain text of each block, in order
    boost: float | None = None  # the page's ``search: boost:`` (front matter), as Material reads it

    def as_json(self, lang: str) -> dict[str, Any]:
        """The entry as Material's worker reads it; Chinese segmented, text as escaped HTML."""
        if lang == "zh":
            title, title_terms = segment_chinese(self.title)
            segmented = [segment_chinese(block) for block in self.blocks]
            text = "".join(f"<p>{html.escape(words, quote=False)}</p>" for words, _ in segmented)
            extra = unique([*title_terms, *(term for _, terms in segmented for term in terms)])
            entry: dict[str, Any] = {"location": self.location, "title": html.escape(title, quote=False), "text": text}
            if extra:
                entry["terms"] = ZWSP.join(extra)
        else:
            text = "".join(f"<p>{html.escape(block, quote=False)}</p>" for block in self.blocks)
            entry = {"location": self.location, "title": html.escape(self.title, quote=False), "text": text}
        if self.boost is not None:
            entry["boost"] = self.boost
        return entry


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def segment_chinese(text: str) -> tuple[str, list[str]]:
    """(text with U+200B between jieba's precise-mode words, extra words for the hidden field).

    Only runs of Han characters are segmented; Latin words and figures keep their spacing. The
    extra words are jieba's search-mode words not already in the text (身份证 in 居民身份证), and
    each figure joined to the first word after it (849个, 28万多张, 3.3亿元).
    """
    words: set[str] = set()
    extra: list[str] = []
    pieces: list[str] = []
    done = 0
    for run in HAN_RUN.finditer(text):
        precise = list(jieba.cut(run.group(0), HMM=True))
        words.update(precise)
        extra.extend(word for word in jieba.cut_for_search(run.group(0), HMM=True) if word not in precise)
        figure = FIGURE_BEFORE.search(text, 0, run.start())
        if figure:
            extra.append(figure.group(0) + precise[0])
        pieces += [text[done : run.start()], ZWSP, ZWSP.join(precise), ZWSP]
        done = run.end()
    pieces.append(text[done:])
    segmented = re.sub(f"{ZWSP}+", ZWSP, "".join(pieces)).strip(ZWSP)
    return segmented, unique(word for word in extra if word not in words)


def block_text(element: Tag) -> str:
    """The text of a block as a reader sees it: no footnote markers, permalinks or tools.

    Paragraphs and headings join their inline parts as they are (Chinese has no spaces between
    words); lists, tables and other containers put a space between their parts.
    """
    clone = BeautifulSoup(str(element), "html.parser")
    for noise in clone.select(NOISE):
        noise.decompose()
    separator = "" if element.name in ("p", *HEADINGS) else " "
    return " ".join(clone.get_text(separator).split())


def page_entries(
    content: str,
    location: str,
    title: str,
    description: str,
    paragraph_ids: Iterable[str],
    labels: Labels,
    boost: float | None = None,
) -> list[Entry]:
    """Entries for one rendered page (``content`` is the page's HTML, without the theme).

    ``boost`` (front matter ``search: boost:``) weighs all of the page's entries: below 1 for pages
    that list what the text pages say, so the text's own paragraphs come first.
    """
    paragraph_ids = set(paragraph_ids)
    soup = BeautifulSoup(content, "html.parser")
    page = Entry(location, title, [description] if description else [])
    entries = [page]
    section = page
    for element in soup.children:
        if isinstance(element, NavigableString) or not isinstance(element, Tag):
            continue
        if element.name == "div" and "footnote" in (element.get("class") or []):
            for number, note in enumerate(element.select("li[id]"), start=1):
                text = block_text(note)
                if text:
                    entries.append(Entry(f"{location}#{note['id']}", labels.note.format(n=number), [text]))
            continue
        text = block_text(element)
        if not text:
            continue
        element_id = element.get("id")
        if element.name in HEADINGS:
            if not element_id:  # every heading has an id (toc extension); text stays with the page if not
                page.blocks.append(text)
                continue
            # Also the h1: its text goes to an entry of its own, so that the page entry, which
            # Material ranks above its sections, matches on the page's title and description only.
            section = Entry(f"{location}#{element_id}", text)
            entries.append(section)
        elif element_id in paragraph_ids:
            entries.append(Entry(f"{location}#{element_id}", labels.paragraph.format(id=element_id), [text]))
        else:
            section.blocks.append(text)
    for entry in entries:
        entry.boost = boost
    return entries


def index_json(entries: Iterable[Entry], lang: str) -> str:
    """The index file for one language, compact JSON as Material writes it."""
    config = {"lang": ["en"], "separator": SEPARATORS[lang], "pipeline": PIPELINES[lang], "fields": FIELDS}
    docs = [entry.as_json(lang) for entry in entries]
    return json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
