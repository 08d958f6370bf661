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
