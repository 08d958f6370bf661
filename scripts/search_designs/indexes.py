"""Index files for the designs that the site's build does not make: lunr-bigram and Pagefind.

lunr-bigram ships what Material's search would (a JSON document list the browser indexes with
lunr), plus jieba's words of three or more characters per entry: the bigrams themselves are
made in the browser from the text, so they cost no download. Pagefind indexes the built pages
(only their article, as a Material site with Pagefind would mark it with data-pagefind-body).
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import jieba

from edition.outputs.search_index import NOISE, Entry
from edition.outputs.search_text import han_runs, normalise
from search_designs.corpus import LANGUAGES, Corpus

jieba.setLogLevel(logging.WARNING)

ARTICLE = '<article class="md-content__inner md-typeset"'


def jieba_words(text: str, simplify: dict[str, str]) -> list[str]:
    """jieba's search-mode words of three or more characters (shorter ones are bigrams already)."""
    words: list[str] = []
    for _, run in han_runs(normalise(text, simplify)):
        words += [word for word in jieba.cut_for_search(run) if len(word) > 2 and word not in words]
    return words


def lunr_documents(entries: list[Entry], simplify: dict[str, str]) -> bytes:
    """The lunr-bigram design's document list for one language."""
    docs = []
    for entry in entries:
        doc: dict[str, object] = {"l": entry.location, "t": "" if entry.kind == "paragraph" else entry.title}
        doc["x"] = entry.text
        words = jieba_words(f"{doc['t']} {entry.text} {entry.twin}", simplify)
        if words:
            doc["j"] = " ".join(words)
        if entry.twin:
            doc["w"] = entry.twin
        if entry.boost is not None:
            doc["b"] = entry.boost
        docs.append(doc)
    return _json({"simplify": _pairs(simplify), "docs": docs})


def write_lunr(corpus: Corpus, site: Path) -> None:
    for lang, prefix in LANGUAGES.items():
        target = site / prefix / "search" / "lunr-bigram.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(lunr_documents(corpus.entries[lang], corpus.simplify))


def write_pagefind(corpus: Corpus, site: Path, work: Path) -> None:
    """Mark the searchable articles for Pagefind, then run Pagefind (extended) on the site."""
    for page in corpus.pages:
        html = page.file.read_text(encoding="utf-8")
        weight = f' data-pagefind-weight="{page.boost}"' if page.boost is not None else ""
        page.file.write_text(html.replace(ARTICLE, f"{ARTICLE} data-pagefind-body{weight}", 1), encoding="utf-8")
    config = {"site": str(site), "exclude_selectors": [s.strip() for s in NOISE.split(",")] + [".edition-print-source"]}
    work.mkdir(parents=True, exist_ok=True)
    (work / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pagefind", "--silent"], cwd=work, check=True)
    (site / "_bench").mkdir(exist_ok=True)
    (site / "_bench" / "normalise.json").write_bytes(_json({"simplify": _pairs(corpus.simplify)}))


def _pairs(simplify: dict[str, str]) -> str:
    return "".join(f"{t}{s}" for t, s in sorted(simplify.items()))


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
