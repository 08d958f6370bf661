"""The text as data: text.json (every paragraph and sentence, both languages), its JSON Schema, sentences.csv.

Written at the end of the build beside figures.csv (``data/``), and, per text page, the sentence
pairs the reading features fetch on first use (``sentences/<page>.json``: a sentence's twin and
its citation's quotation, without loading a whole download). All of it is made from the page
model and docs/data/alignment.yml (edition/model/aligned_text.py), so it holds exactly the sentences
the pages mark, with the addresses they answer to. The version of a paragraph is the last release
(docs/data/releases.json) that published or changed it, in either language; a sentence carries its
paragraph's.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from edition.model.aligned_text import Paragraph, paragraphs
from edition.model.edition import Edition

TEXT_FILE = "text.json"
SCHEMA_FILE = "text.schema.json"
PAIRS_FILE = "sentences.csv"
SENTENCE_DIR = "sentences"  # under site_dir: the reading features' per-page pairs
PAIR_COLUMNS = ("id", "paragraph", "page", "document", "kind", "zh", "en", "version", "link_zh", "link_en")
LANGS = ("zh", "en")


def last_changed(edition: Edition) -> dict[str, dict[str, str]]:
    """Language -> paragraph id -> the version of the last release that holds its text."""
    found: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for release in edition.versions.record.releases:
        for lang, texts in release.paragraphs.items():
            for paragraph_id in texts:
                found.setdefault(lang, {})[paragraph_id] = release.version
    return found


def _link(edition: Edition, lang: str, page: str, anchor: str) -> str:
    return f"{edition.project.site_url}{edition.project.prefix(lang)}{page}/#{anchor}"


def paragraph_record(edition: Edition, paragraph: Paragraph, changed: dict[str, dict[str, str]]) -> dict[str, Any]:
    versions = {lang: changed.get(lang, {}).get(paragraph.id) for lang in LANGS}
    known = [v for v in versions.values() if v]
    document = (
        paragraph.pages["zh"].document if paragraph.pages["zh"].kind == "source" else None
    )  # docs/data/documents/<id>.yml
    version = max(known, key=lambda v: tuple(int(part) for part in v.split("."))) if known else None
    return {
        "id": paragraph.id,
        "page": paragraph.name,
        "document": document,
        "element": paragraph.blocks["zh"].tag,
        "version": version,
        "versions": versions,
        "text": {lang: paragraph.blocks[lang].text for lang in LANGS},
        "link": {lang: _link(edition, lang, paragraph.name, paragraph.id) for lang in LANGS},
        "sentences": [
            {
                "id": group.anchor,
                "also": group.anchors[1:],
                "kind": group.kind,
                "zh": paragraph.texts(group, "zh"),
                "en": paragraph.texts(group, "en"),
                "link": {lang: _link(edition, lang, paragraph.name, group.anchor) for lang in LANGS},
            }
            for group in paragraph.groups
        ],
    }


def text_document(edition: Edition) -> dict[str, Any]:
    """text.json: the edition's version, the pages, and every paragraph with its sentences."""
    changed = last_changed(edition)
    info = edition.versions.info
    records = [paragraph_record(edition, p, changed) for p in paragraphs(edition)]
    pages = list(dict.fromkeys(record["page"] for record in records))
    return {
        "$schema": f"{edition.project.site_url}data/{SCHEMA_FILE}" if edition.project.site_url else SCHEMA_FILE,
        "dataset": "text",
        "version": info.version if info else None,
        "date": info.date.isoformat() if info else None,
        "source": info.work.url if info else "",
        "documents": {
            ident: {
                "title": work.title,
                "author": work.author,
                "publisher": work.publisher,
                "date": work.date.isoformat(),
                "url": work.url,
            }
            for ident, work in (info.documents if info else {}).items()
        },
        "pages": [
            {
                "name": name,
                "title": {lang: str(edition.page(name, lang).front_matter.data.get("title", "")) for lang in LANGS},  # type: ignore[union-attr]
                "link": {lang: f"{edition.project.site_url}{edition.project.prefix(lang)}{name}/" for lang in LANGS},
            }
            for name in pages
        ],
        "paragraphs": records,
    }


def pairs_csv(document: dict[str, Any]) -> str:
    """sentences.csv: one row per aligned group (sentences of a side joined by a space or nothing)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(PAIR_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for paragraph in document["paragraphs"]:
        for sentence in paragraph["sentences"]:
            writer.writerow(
                {
                    "id": sentence["id"],
                    "paragraph": paragraph["id"],
                    "page": paragraph["page"],
                    "document": paragraph["document"] or "",
                    "kind": sentence["kind"],
                    "zh": "".join(sentence["zh"]),
                    "en": " ".join(sentence["en"]),
                    "version": paragraph["version"] or "",
                    "link_zh": sentence["link"]["zh"],
                    "link_en": sentence["link"]["en"],
                }
            )
    return buffer.getvalue()


def page_pairs(document: dict[str, Any]) -> dict[str, dict[str, dict[str, str]]]:
    """Page -> sentence address -> {zh, en}: what a page's reading features fetch on first use."""
    found: dict[str, dict[str, dict[str, str]]] = {}
    for paragraph in document["paragraphs"]:
        for sentence in paragraph["sentences"]:
            found.setdefault(paragraph["page"], {})[sentence["id"]] = {
                "zh": "".join(sentence["zh"]),
                "en": " ".join(sentence["en"]),
            }
    return found


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of text.json, published beside it."""
    bilingual = {
        "type": "object",
        "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGS},
        "required": list(LANGS),
        "additionalProperties": False,
    }
    sentences_of = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
    version = {"type": ["string", "null"], "pattern": r"^\d+\.\d+\.\d+$"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_FILE,
        "title": "The bilingual edition's text, paragraph by paragraph and sentence by sentence",
        "type": "object",
        "required": ["dataset", "version", "date", "source", "documents", "pages", "paragraphs"],
        "properties": {
            "$schema": {"type": "string"},
            "dataset": {"const": "text"},
            "version": {**version, "description": "The edition's version (docs/data/edition.yml)."},
            "date": {"type": ["string", "null"], "format": "date"},
            "source": {
                "type": "string",
                "description": "The main document's original (docs/data/edition.yml document).",
            },
            "documents": {
                "type": "object",
                "description": "Each source document (docs/data/documents/<id>.yml), by the id paragraphs name.",
                "additionalProperties": {
                    "type": "object",
                    "required": ["title", "author", "publisher", "date", "url"],
                    "additionalProperties": False,
                    "properties": {
                        "title": bilingual,
                        "author": bilingual,
                        "publisher": bilingual,
                        "date": {"type": "string", "format": "date"},
                        "url": {"type": "string"},
                    },
                },
            },
            "pages": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "title", "link"],
                    "properties": {"name": {"type": "string"}, "title": bilingual, "link": bilingual},
                    "additionalProperties": False,
                },
            },
            "paragraphs": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [
                        "id",
                        "page",
                        "document",
                        "element",
                        "version",
                        "versions",
                        "text",
                        "link",
                        "sentences",
                    ],
                    "additionalProperties": False,
                    "properties": {
                        "id": {
                            "type": "string",
                            "pattern": r"^[A-Za-z][\w-]*$",
                            "description": "The paragraph id, the same in both languages.",
                        },
                        "page": {
                            "type": "string",
                            "description": "The page ('policing': /policing/ and /en/policing/).",
                        },
                        "document": {
                            "type": ["string", "null"],
                            "description": "The id of the source document the page reproduces, a key of documents (null: the edition's own words).",
                        },
                        "element": {"enum": ["p", "h1", "h2", "h3", "h4", "h5", "h6"]},
                        "version": {
                            **version,
                            "description": "The last release that published or changed the paragraph, in either language.",
                        },
                        "versions": {
                            "type": "object",
                            "properties": {lang: version for lang in LANGS},
                            "required": list(LANGS),
                            "additionalProperties": False,
                        },
                        "text": bilingual,
                        "link": bilingual,
                        "sentences": {
                            "type": "array",
                            "minItems": 1,
                            "items": {
                                "type": "object",
                                "required": ["id", "also", "kind", "zh", "en", "link"],
                                "additionalProperties": False,
                                "properties": {
                                    "id": {
                                        "type": "string",
                                        "pattern": r"^[A-Za-z][\w-]*\.[1-9]\d*$",
                                        "description": "The address: paragraph id and the number of its first Chinese sentence.",
                                    },
                                    "also": {
                                        "type": "array",
                                        "items": {"type": "string"},
                                        "description": "The addresses of its further Chinese sentences.",
                                    },
                                    "kind": {
                                        "type": "string",
                                        "pattern": r"^[1-3]-[1-3]$",
                                        "description": "Chinese sentences-English sentences.",
                                    },
                                    "zh": sentences_of,
                                    "en": sentences_of,
                                    "link": bilingual,
                                },
                            },
                        },
                    },
                },
            },
        },
    }


def write_text_data(edition: Edition, site_dir: Path, download_dir: str) -> list[Path]:
    """text.json, its schema and sentences.csv under ``download_dir``; each text page's pairs under sentences/."""
    document = text_document(edition)
    folder = site_dir / download_dir
    folder.mkdir(parents=True, exist_ok=True)
    outputs = {
        folder / TEXT_FILE: (json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8"),
        folder / SCHEMA_FILE: (json.dumps(schema(), ensure_ascii=False, indent=2) + "\n", "utf-8"),
        # With a byte-order mark, as figures.csv: Excel then reads it as UTF-8 and shows the Chinese.
        folder / PAIRS_FILE: (pairs_csv(document), "utf-8-sig"),
    }
    for page, pairs in page_pairs(document).items():
        outputs[site_dir / SENTENCE_DIR / f"{page}.json"] = (json.dumps(pairs, ensure_ascii=False) + "\n", "utf-8")
    for path, (text, encoding) in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding=encoding)
    return list(outputs)
