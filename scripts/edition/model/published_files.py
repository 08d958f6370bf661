"""Where the edition's PDFs are published: one name per PDF, shared by the links, the metadata and the builder.

Kept apart from edition/outputs/pdf.py (which needs WeasyPrint) so that the site's build, which only links
to the PDFs, does not import it.
"""

from __future__ import annotations

PDF_DIR = "pdf"  # under the site's root
PDF_FILES = {
    "zh": "nmg-police-reform-2017.zh.pdf",
    "en": "nmg-police-reform-2017.en.pdf",
    "zh-en": "nmg-police-reform-2017.zh-en.pdf",
}


DOWNLOAD_DIR = "data"  # under site_dir


# The columns of each dataset, in order; their meanings, in each language, are interface strings
# (docs/data/strings.<lang>.yml, ``columns.<dataset>.<column>``).
COLUMNS: dict[str, tuple[str, ...]] = {
    "figures": (
        "id",
        "value",
        "qualifier",
        "unit_zh",
        "unit_en",
        "label_zh",
        "label_en",
        "zh",
        "en",
        "area",
        "paragraph",
        "link",
        "key",
    ),
    "measures": ("id", "area", "paragraph", "zh", "en", "link"),
    "glossary": ("id", "zh", "en", "also", "kind", "note_zh", "note_en", "paragraphs", "links"),
}


FILES: dict[str, tuple[str, ...]] = {
    "figures": ("figures.csv", "figures.json"),
    "measures": ("measures.json",),
    "glossary": ("glossary.json",),
}
