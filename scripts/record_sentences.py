"""Rewrite docs/data/sentences.yml from the English text as it stands.

For a translation that splits or merges sentences on purpose (or a merge of many such changes):
run it, read the diff of docs/data/sentences.yml (each changed count must match a deliberate
change of the English, never a lost sentence), and commit both. Usage: python scripts/record_sentences.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from edition.checks.sentences import SENTENCES_FILE, current_counts, record_text
from edition.from_mkdocs import load_project  # scripts/ is on the path: Python adds the script's folder

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    _, edition = load_project(ROOT)
    path = edition.docs_dir / SENTENCES_FILE
    path.write_text(record_text(current_counts(edition)), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: review its diff before committing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
