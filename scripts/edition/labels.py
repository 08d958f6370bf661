"""The few words generated pages need in each language (column headings, captions, kinds of term)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "value": {"zh": "数值", "en": "Value"},
    "what": {"zh": "说明", "en": "What"},
    "chinese": {"zh": "中文原文", "en": "Chinese"},
    "english": {"zh": "英文译文", "en": "English"},
    "area": {"zh": "领域", "en": "Area"},
    "paragraph": {"zh": "段落", "en": "Paragraph"},
    "measure": {"zh": "措施", "en": "Measure"},
    "term": {"zh": "术语", "en": "Term"},
    "rendering": {"zh": "英文译名", "en": "English rendering"},
    "kind": {"zh": "类别", "en": "Kind"},
    "note": {"zh": "说明", "en": "Note"},
    "used_in": {"zh": "出现段落", "en": "Used in"},
    "column": {"zh": "列名", "en": "Column"},
    "meaning": {"zh": "含义", "en": "Meaning"},
    "all_figures": {"zh": "全部 {count} 个数字", "en": "All {count} figures"},
    "source_paragraph": {"zh": "出处", "en": "Source"},
    "download": {"zh": "下载", "en": "Download"},
    "chinese_column": {"zh": "中文", "en": "Chinese"},
    "english_column": {"zh": "英文", "en": "English"},
    "more_uses": {"zh": "等 {count} 段", "en": "{count} paragraphs in all"},
}

TERM_KIND_LABELS: dict[str, dict[str, str]] = {
    "institution": {"zh": "机构", "en": "Institution"},
    "post": {"zh": "职务", "en": "Post"},
    "unit": {"zh": "行政区划", "en": "Administrative unit"},
    "person": {"zh": "人物", "en": "Person"},
    "place": {"zh": "地名", "en": "Place"},
    "slogan": {"zh": "口号与提法", "en": "Slogan or coined term"},
    "term": {"zh": "政策术语", "en": "Policy term"},
    "publication": {"zh": "媒体", "en": "Publication"},
}


def label(key: str, lang: str, **values: object) -> str:
    return LABELS[key][lang].format(**values)
