"""The edition's search index: static, sharded, one per language, built from the rendered pages.

Why not one JSON file that the browser loads whole (Material's lunr search)? Its size grows with
every page (a corpus 20 times this one would mean 300 KB or more before the first result) and its
word index cannot promise recall for Chinese. Here (measured in README "Search"):

- Each language gets ``search/meta.json`` (pages, entries, the traditional→simplified map and the
  shard count: what any search needs) and ``search/shards/N.json``: the index terms whose key
  (first Han character, or first two Latin characters) hashes to N, each with its postings
  ``[entry, weight, entry, weight, …]``. A query loads only the shards of its own terms.
- The text a result shows comes from ``search/pages/N.json``, one per page, loaded only for the
  pages a query lists.
- Weights are BM25 (k1 1.2, b 0.75; titles weigh 3), computed here, so the browser only adds.
- English entries also hold the Chinese of their twin paragraph (same id), so a Chinese query on
  the English site finds the English paragraph that translates it.
- Entries also hold the other names of their words (edition/search_aliases.py: other spellings,
  joined compounds, the glossary's names and pinyin), weighted as the words they stand for.
- ``search/words.json`` lists the index's Latin words, loaded only when a query's word is in no
  shard, for the one-slip fallback.

Tokens: edition/outputs/search_text.py. The browser side: overrides/assets/javascripts/edition-search.js.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import snowballstemmer

from edition.model.dom import Content, Node, attribute, children, classes, strings
from edition.model.pages import is_marker
from edition.outputs.search_aliases import Aliases
from edition.outputs.search_text import is_han, normalise, readings, terms

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
K1, B = 1.2, 0.75
TITLE_WEIGHT = 3
FUZZY_LENGTH = 4  # words of the index a slip may have meant (edition-search.js forgives words of 5+)
TERMS_PER_SHARD = 160  # about 2 KB compressed a shard on this text; at least 8 shards
FNV_OFFSET, FNV_PRIME = 2166136261, 16777619
KIND_CODES = {"page": "t", "section": "s", "paragraph": "p", "note": "n"}  # meta.json "entries"

_stem = snowballstemmer.stemmer("english").stemWord


@dataclass
class Labels:
    """Titles of entries that have no heading of their own, in the page's language."""

    paragraph: str = "¶ {id}"
    note: str = "Note {n}"


@dataclass
class Entry:
    """One search result: a page (title and description), a heading's section, a paragraph or a note."""

    location: str  # relative to the language's root: "policing/#a2-1-1"
    title: str
    blocks: list[str] = field(default_factory=list)  # plain text of each block, in order
    kind: str = "page"  # page | section | paragraph | note
    boost: float | None = None  # the page's ``search: boost:`` (front matter)
    twin: str = ""  # English entries: the Chinese text of the same id, for Chinese queries

    @property
    def page(self) -> str:
        return self.location.split("#", 1)[0]

    @property
    def anchor(self) -> str:
        return self.location.split("#", 1)[1] if "#" in self.location else ""

    @property
    def text(self) -> str:
        return " ".join(self.blocks)


# What _noise leaves out, as CSS selectors, for tools that take selectors (the Pagefind design of
# `make bench-search`, scripts/search_designs/indexes.py, which imported it after _noise replaced it).
NOISE = "sup[id^='fnref'], a.headerlink, .edition-tools, a.footnote-backref, [data-search-exclude]"


def _noise(node: Node) -> bool:
    """The block markers (pages.is_marker), footnote back-links and what opts out of search."""
    return (
        is_marker(node)
        or (node.tag == "a" and "footnote-backref" in classes(node))
        or attribute(node, "data-search-exclude") is not None
    )


def block_text(element: Node) -> str:
    """The text of a block as a reader sees it (without the noise above); the tree is not changed."""
    separator = "" if element.tag in ("p", *HEADINGS) else " "
    return " ".join(separator.join(strings(element, _noise)).split())


def page_entries(
    content: str | Content,
    location: str,
    title: str,
    description: str,
    paragraph_ids: Iterable[str],
    labels: Labels,
    boost: float | None = None,
) -> list[Entry]:
    """Entries for one rendered page (``content`` is the page's HTML without the theme, or its parse).

    Text outside id-carrying paragraphs goes to the section of the heading above it. A parse given
    is only read: the plugin goes on to decorate the same tree (one parse per page).
    """
    paragraph_ids = set(paragraph_ids)
    tree = Content(content) if isinstance(content, str) else content
    page = Entry(location, title, [description] if description else [], "page")
    entries = [page]
    section = page
    for element in children(tree.body):
        if not element.is_element_node:
            continue
        if element.tag == "div" and "footnote" in classes(element):
            for number, note in enumerate(element.css("li[id]"), start=1):
                text = block_text(note)
                if text:
                    note_id = attribute(note, "id")
                    entries.append(Entry(f"{location}#{note_id}", labels.note.format(n=number), [text], "note"))
            continue
        if _noise(element):
            continue
        text = block_text(element)
        if not text:
            continue
        element_id = attribute(element, "id")
        if element.tag in HEADINGS:
            if not element_id:
                page.blocks.append(text)
                continue
            section = Entry(f"{location}#{element_id}", text, [], "section")
            entries.append(section)
        elif element_id in paragraph_ids:
            entries.append(
                Entry(f"{location}#{element_id}", labels.paragraph.format(id=element_id), [text], "paragraph")
            )
        else:
            section.blocks.append(text)
    for entry in entries:
        entry.boost = boost
    return entries


def add_twins(entries: list[Entry], chinese: Iterable[Entry]) -> None:
    """Give each English entry the Chinese text of the entry at the same place (page and id)."""
    by_location = {entry.location: entry for entry in chinese}
    for entry in entries:
        twin = by_location.get(entry.location)
        if twin is not None:
            entry.twin = f"{twin.title} {twin.text}" if entry.kind in ("page", "section") else twin.text


def shard_key(term: str) -> str:
    """What decides a term's shard: its first character if Han, else its first two."""
    return term[0] if is_han(term[0]) else term[:2]


def shard_of(term: str, shards: int) -> int:
    """FNV-1a (32 bit) of the key's UTF-16 code units, modulo the shard count (as in the browser)."""
    return _fnv(shard_key(term)) % shards


@functools.cache  # many terms share a key (their first Han character, their first two letters)
def _fnv(key: str) -> int:
    value = FNV_OFFSET
    data = key.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | data[i + 1] << 8
        value = (value * FNV_PRIME) & 0xFFFFFFFF
    return value


# Each Chinese entry's Han and unit terms (search_text.terms), by place and text, kept from the
# Chinese index for the English one, whose entries carry the same texts as their twins
# (edition/plugin.py builds Chinese first).
TwinTokens = dict[tuple[str, str], list[str]]


def entry_terms(
    entry: Entry, simplify: dict[str, str], known: TwinTokens | None = None, aliases: Aliases | None = None
) -> tuple[Counter[str], int]:
    """Weighted term counts of an entry (title terms count TITLE_WEIGHT times) and its length.

    ``aliases``: the other names of its words (search_aliases.py), counted as often as the words
    they stand for, but not in its length.
    """
    counts: Counter[str] = Counter()
    title = terms(normalise(entry.title, simplify))[0] if entry.kind != "paragraph" else []
    for term, n in Counter(title).items():
        counts[term] = n * TITLE_WEIGHT
    printed, *others = readings(entry.text)
    body, lent = terms(normalise(printed, simplify))
    if known is not None:
        known[(entry.location, entry.text)] = lent
    counts.update(body)
    for reading in others:  # the source's slip and its correction read as one text each
        for term in terms(normalise(reading, simplify))[0]:
            counts.setdefault(term, 1)
    if entry.twin:
        found = known.get((entry.location, entry.twin)) if known is not None else None
        counts.update(found if found is not None else terms(normalise(entry.twin, simplify))[1])
    if aliases is not None:
        words = [term for term in counts if term.isascii() and term[0].isalpha()]
        for alias, n in aliases.of(f"{entry.title} {entry.text} {entry.twin}", words).items():
            counts.setdefault(alias, n)
    return counts, len(title) + len(body)


def build_index(
    entries: list[Entry], simplify: dict[str, str], known: TwinTokens | None = None, aliases: Aliases | None = None
) -> dict[str, bytes]:
    """The index files of one language: {path under search/: bytes}.

    ``known``: text tokens shared between the languages' builds (filled by one, read by the next);
    ``aliases``: the other names indexed with the words (search_aliases.py).
    """
    pages: list[str] = []
    titles: dict[str, str] = {}
    for entry in entries:
        if entry.page not in titles:
            pages.append(entry.page)
            titles[entry.page] = entry.title if entry.kind == "page" else entry.page
    page_number = {page: n for n, page in enumerate(pages)}

    counted = [entry_terms(entry, simplify, known, aliases) for entry in entries]
    average = sum(length for _, length in counted) / max(1, len(counted))
    frequency: Counter[str] = Counter(term for counts, _ in counted for term in counts)
    idf = {term: math.log(1 + (len(entries) - n + 0.5) / (n + 0.5)) for term, n in frequency.items()}
    postings: dict[str, list[int]] = defaultdict(list)
    for number, ((counts, length), entry) in enumerate(zip(counted, entries, strict=True)):
        norm = K1 * (1 - B + B * length / average) if average else K1
        boost = entry.boost if entry.boost is not None else 1.0
        for term, count in counts.items():
            weight = idf[term] * count * (K1 + 1) / (count + norm) * boost
            posting = postings[term]
            posting.append(number)
            posting.append(max(1, round(weight * 100)))

    shards = max(8, len(postings) // TERMS_PER_SHARD)
    shard_terms: list[dict[str, Any]] = [{"t": {}, "s": {}} for _ in range(shards)]
    for term in sorted(postings):
        shard = shard_terms[shard_of(term, shards)]
        shard["t"][term] = postings[term]
        if term[0].isalpha() and term.isascii():
            stem = _stem(term)
            if stem != term:
                shard["s"][term] = stem

    files: dict[str, bytes] = {}
    # The index's Latin words of FUZZY_LENGTH letters or more, for the one-slip fallback (loaded
    # only when a query's word is in no shard): a slip may change the word's shard.
    files["words.json"] = _json(
        sorted(term for term in postings if len(term) >= FUZZY_LENGTH and term.isalpha() and term.isascii())
    )
    for number, shard in enumerate(shard_terms):
        files[f"shards/{number}.json"] = _json(shard)
    docs: dict[str, list[list[Any]]] = defaultdict(list)  # one pass, not one per page
    for n, entry in enumerate(entries):
        docs[entry.page].append([n, entry.anchor, entry.title, entry.text])
    for page in pages:
        files[f"pages/{page_number[page]}.json"] = _json(docs[page])
    meta = {
        "shards": shards,
        "pages": [[page, titles[page]] for page in pages],
        "entries": [[page_number[entry.page], entry.anchor, KIND_CODES[entry.kind]] for entry in entries],
        "simplify": "".join(f"{t}{s}" for t, s in sorted(simplify.items())),
    }
    version = hashlib.sha256(b"".join(files[name] for name in sorted(files)) + _json(meta)).hexdigest()[:12]
    meta["version"] = version
    files["meta.json"] = _json(meta)
    return files


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
