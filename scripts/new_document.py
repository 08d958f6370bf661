"""Describe a new source document: write docs/data/documents/ID.yml to fill in (``make document``).

    make document ID=press-release-2018-03-01

The file has every field a citation needs, empty: the build names each one still to fill in (title,
author, publisher, place and genre in both languages, date, language, the original's address and
the project's copy of its text under source/). Then its pages name it (``make page KIND=source
DOCUMENT=ID …``). Refused (exit 2, nothing written): an id that is not lowercase words joined by
'-', or a document already described.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition.model.documents import DOCUMENT_ID, DOCUMENTS_DIR

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = """\
# A source document of the edition (scripts/edition/model/documents.py): the citations, metadata,
# PDF section and source line of every page naming it (front matter `document: {id}`) describe it.
title:
  zh: ''
  en: ''
author:
  zh: ''
  en: ''
publisher:
  zh: ''
  en: ''
place:
  zh: ''
  en: ''
genre:
  zh: ''
  en: ''
date:  # YYYY-MM-DD
language: zh
url: ''  # the original's address
text: source/{id}.zh.txt  # the project's copy of its words, compared with its pages
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("id", help="the document's id: lowercase words joined by '-', e.g. press-release-2018-03-01")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not DOCUMENT_ID.match(args.id):
        print(f"refused: '{args.id}' is not lowercase words joined by '-'.", file=sys.stderr)
        return 2
    path = args.root.resolve() / "docs" / DOCUMENTS_DIR / f"{args.id}.yml"
    if path.exists():
        print(f"refused: {path.relative_to(args.root.resolve())} exists already; edit it.", file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(id=args.id), encoding="utf-8")
    print(
        f"wrote {path.relative_to(args.root.resolve())}: fill in every field, save the text as source/{args.id}.zh.txt,"
    )
    print(f"then add its pages: make page KIND=source DOCUMENT={args.id} NAME=… (see CONTRIBUTING.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
