"""The downloads: figures.csv, figures.json, measures.json and glossary.json, from docs/data.

One copy of each is written at the site's root, under ``data/`` (not per language: every record
carries both languages). Links are ``page/#id`` relative to a language's root: the Chinese page is
at ``<site>/<link>``, the English one at ``<site>/en/<link>``. The columns are described once, here;
the Figures, Measures and Glossary pages show these descriptions, and README.md lists them.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from edition.cited import paragraph_link
from edition.data import AREAS, Data
from edition.figures import plain_number
from edition.glossary import term_uses
from edition.pages import Edition

DOWNLOAD_DIR = "data"  # under site_dir
SOURCE_URL = "http://www.nmg.gov.cn/fabu/xwfbh/201709/t20170928_640755.html"

Columns = dict[str, dict[str, str]]  # column name -> {"zh": meaning, "en": meaning}

FIGURE_COLUMNS: Columns = {
    "id": {"zh": "数字的固定编号", "en": "stable identifier of the figure"},
    "value": {
        "zh": "完整数值（28万 → 280000；百分比只写数字）",
        "en": "the number in full (28万 → 280000; percentages as the number only)",
    },
    "qualifier": {
        "zh": "原文有“多”“余”“以上”“超过”时为 more than，否则为空",
        "en": "“more than” where the Chinese has 多, 余, 以上 or 超过; empty otherwise",
    },
    "unit_zh": {"zh": "单位（中文）", "en": "unit, in Chinese"},
    "unit_en": {"zh": "单位（英文）", "en": "unit, in English"},
    "label_zh": {"zh": "简短说明（中文，本版所拟）", "en": "short caption in Chinese (the edition's words)"},
    "label_en": {"zh": "简短说明（英文，本版所拟）", "en": "short caption in English (the edition's words)"},
    "zh": {"zh": "原文中的中文短语，一字不差", "en": "the Chinese phrase, word for word as in the source"},
    "en": {"zh": "译文中的英文短语，一字不差", "en": "the English phrase, word for word as in the translation"},
    "area": {"zh": "改革领域：overview、a1–a5、next-steps", "en": "reform area: overview, a1 to a5, next-steps"},
    "paragraph": {"zh": "所在段落的编号", "en": "id of the paragraph it stands in"},
    "link": {
        "zh": "段落链接“页面/#编号”，中文版在网站根目录下，英文版在 en/ 下",
        "en": "the paragraph's link, page/#id: Chinese under the site's root, English under en/",
    },
    "key": {
        "zh": "是否为首页所列的主要数字（true/false）",
        "en": "true if it is one of the key figures on the home page",
    },
}

MEASURE_COLUMNS: Columns = {
    "id": {"zh": "措施的固定编号", "en": "stable identifier of the measure"},
    "area": FIGURE_COLUMNS["area"],
    "paragraph": {"zh": "所在段落的编号", "en": "id of the paragraph that announces it"},
    "zh": {"zh": "原文中的措施名称，一字不差", "en": "the measure as the Chinese names it, word for word"},
    "en": {"zh": "译文中的措施名称，一字不差", "en": "the measure as the English names it, word for word"},
    "link": FIGURE_COLUMNS["link"],
}

TERM_COLUMNS: Columns = {
    "id": {"zh": "术语的固定编号", "en": "stable identifier of the term"},
    "zh": {"zh": "中文术语", "en": "the term in Chinese"},
    "en": {"zh": "全站统一的英文译名", "en": "its one English rendering, used across the site"},
    "also": {
        "zh": "译文中也使用的英文形式（复数、形容词形式、简称）",
        "en": "other English forms the translation uses (plural, adjectival, short)",
    },
    "kind": {
        "zh": "类别：institution、post、unit、person、place、slogan、term、publication",
        "en": "kind: institution, post, unit, person, place, slogan, term, publication",
    },
    "note_zh": {"zh": "中文说明", "en": "short note in Chinese"},
    "note_en": {"zh": "英文说明", "en": "short note in English"},
    "paragraphs": {"zh": "使用该术语的段落编号", "en": "ids of the paragraphs that use the term"},
    "links": {"zh": "这些段落的链接（页面/#编号）", "en": "links to those paragraphs (page/#id)"},
}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(plain_number(value))


def figure_records(data: Data) -> list[dict[str, Any]]:
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
            "link": paragraph_link(f),
            "key": f.key,
        }
        for f in data.figures
    ]


def measure_records(data: Data) -> list[dict[str, Any]]:
    return [
        {"id": m.id, "area": m.area, "paragraph": m.paragraph, "zh": m.zh, "en": m.en, "link": paragraph_link(m)}
        for m in data.measures
    ]


def term_records(edition: Edition, data: Data) -> list[dict[str, Any]]:
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
            "links": [f"{name}/#{paragraph}" for name, paragraph in uses[t.id]],
        }
        for t in data.terms
    ]


def as_json(name: str, columns: Columns, records: list[dict[str, Any]]) -> str:
    document = {
        "dataset": name,
        "source": SOURCE_URL,
        "areas": AREAS,
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
    figures = figure_records(data)
    outputs = {
        "figures.csv": as_csv(FIGURE_COLUMNS, figures),
        "figures.json": as_json("figures", FIGURE_COLUMNS, figures),
        "measures.json": as_json("measures", MEASURE_COLUMNS, measure_records(data)),
        "glossary.json": as_json("glossary", TERM_COLUMNS, term_records(edition, data)),
    }
    written = []
    for name, text in outputs.items():
        path = folder / name
        # The CSV starts with a byte-order mark: Excel then reads it as UTF-8 and shows the Chinese.
        path.write_text(text, encoding="utf-8-sig" if name.endswith(".csv") else "utf-8")
        written.append(path)
    return written


DOWNLOADS: dict[str, tuple[list[str], Columns]] = {
    "figures": (["figures.csv", "figures.json"], FIGURE_COLUMNS),
    "measures": (["measures.json"], MEASURE_COLUMNS),
    "glossary": (["glossary.json"], TERM_COLUMNS),
}
