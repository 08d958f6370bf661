"""The downloads: figures.csv, figures.json, measures.json and glossary.json, from docs/data.

One copy of each is written at the site's root, under ``data/`` (not per language: every record
carries both languages). Links are the Chinese paragraph's full address (``<site>/policing/#a2-1-1``;
the English one is the same under ``en/``) when the site's public address is known, so a
spreadsheet can open them; a local build (``site_url`` on this machine) writes ``page/#id``,
relative to a language's root. The Figures and Measures pages' "download the rows shown" makes its
CSV in the browser from the JSON written here, with the same columns (docs/assets/javascripts/tables.js). The columns are listed once, here, and
described in the string catalogues; the Figures, Measures and Glossary pages show these
descriptions, and README.md lists them.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from edition.model.data import Data, paragraph_link
from edition.model.edition import Edition
from edition.model.figure_text import plain_number
from edition.model.published_files import COLUMNS, DOWNLOAD_DIR
from edition.model.terms import term_uses

Columns = dict[str, dict[str, str]]  # column name -> {language: meaning}


LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def public_address(site_url: str) -> str:
    """The site's public address, or "" for a build that only knows this machine's (a preview)."""
    host = urlsplit(site_url).hostname or ""
    return "" if not host or host in LOCAL_HOSTS else site_url.rstrip("/") + "/"


def columns(edition: Edition, dataset: str) -> Columns:
    """A dataset's columns with their meaning in every language, from the string catalogues."""
    return {
        name: {lang: edition.strings[lang].get(f"columns.{dataset}.{name}") for lang in edition.languages}
        for name in COLUMNS[dataset]
    }


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(plain_number(value))


def figure_records(data: Data, areas: dict[str, str], site: str = "") -> list[dict[str, Any]]:
    """``site``: the public address links start with ("" for links relative to a language's root)."""
    return [
        {
            "id": f.id,
            "value": _number(f.value),
            "qualifier": f.qualifier or "",
            "unit_zh": f.unit["zh"],
            "unit_en": f.unit["en"],
            "label_zh": f.label["zh"],
            "label_en": f.label["en"],
            "zh": f.zh,
            "en": f.en,
            "area": f.area,
            "paragraph": f.paragraph,
            "link": site + paragraph_link(f, areas),
            "key": f.key,
        }
        for f in data.figures
    ]


def measure_records(data: Data, areas: dict[str, str], site: str = "") -> list[dict[str, Any]]:
    return [
        {
            "id": m.id,
            "area": m.area,
            "paragraph": m.paragraph,
            "zh": m.zh,
            "en": m.en,
            "link": site + paragraph_link(m, areas),
        }
        for m in data.measures
    ]


def term_records(edition: Edition, data: Data, site: str = "") -> list[dict[str, Any]]:
    uses = term_uses(edition, data.terms)
    return [
        {
            "id": t.id,
            "zh": t.zh,
            "en": t.en,
            "also": list(t.also),
            "kind": t.kind,
            "note_zh": t.note["zh"],
            "note_en": t.note["en"],
            "paragraphs": [paragraph for _, paragraph in uses[t.id]],
            "links": [f"{site}{name}/#{paragraph}" for name, paragraph in uses[t.id]],
        }
        for t in data.terms
    ]


def as_json(name: str, columns: Columns, records: list[dict[str, Any]], source_url: str, areas: dict[str, str]) -> str:
    document = {
        "dataset": name,
        "source": source_url,
        "areas": areas,
        "fields": columns,
        "records": records,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_csv(columns: Columns, records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: str(v).lower() if isinstance(v, bool) else v for k, v in record.items()})
    return buffer.getvalue()


def write_downloads(edition: Edition, data: Data, site_dir: Path) -> list[Path]:
    """Write every download under site_dir/data/; return the paths written."""
    folder = site_dir / DOWNLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    areas = edition.areas
    site = public_address(edition.project.site_url)
    figures = figure_records(data, areas, site)
    info = edition.versions.info
    source = info.work.url if info else ""  # the main document's address (docs/data/documents/)
    outputs = {
        "figures.csv": as_csv(columns(edition, "figures"), figures),
        "figures.json": as_json("figures", columns(edition, "figures"), figures, source, areas),
        "measures.json": as_json(
            "measures", columns(edition, "measures"), measure_records(data, areas, site), source, areas
        ),
        "glossary.json": as_json(
            "glossary", columns(edition, "glossary"), term_records(edition, data, site), source, areas
        ),
    }
    written = []
    for name, text in outputs.items():
        path = folder / name
        # The CSV starts with a byte-order mark: Excel then reads it as UTF-8 and shows the Chinese.
        path.write_text(text, encoding="utf-8-sig" if name.endswith(".csv") else "utf-8")
        written.append(path)
    return written
