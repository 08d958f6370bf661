"""Write docs/data/alignment.yml: keep every confirmed sentence alignment, propose the rest.

Run it after adding a page or paragraph, or after a translation splits or merges sentences (or
after merging such changes): shapes that still fit are kept; the paragraphs it proposes a shape
for are listed. Read each in the diff (does each group pair a Chinese sentence with its
translation?), correct any by hand, and commit. ``--check`` writes nothing and exits 1 if the file
would change. Usage: python scripts/align_sentences.py [--check] [--root PROJECT]
"""

from __future__ import annotations

import sys
from pathlib import Path

from edition.alignment_record import record
from edition.from_mkdocs import load_project  # scripts/ is on the path: Python adds the script's folder
from edition.model.alignment import ALIGNMENT_FILE

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    root = Path(argv[argv.index("--root") + 1]).resolve() if "--root" in argv else ROOT
    _, edition = load_project(root)
    path = edition.docs_dir / ALIGNMENT_FILE
    text, proposed = record(edition)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    for line in proposed:
        print(f"proposed {line}")
    if "--check" in argv:
        return 1 if text != old else 0
    path.write_text(text, encoding="utf-8")
    rel = path.relative_to(root) if path.is_relative_to(root) else path
    print(f"wrote {rel}: {len(proposed)} shape(s) proposed; confirm each in the diff before committing")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
