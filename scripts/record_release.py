"""Record a release of the edition: the text as it stands becomes version X.Y.Z.

    make release [VERSION=1.1.0] [DATE=2026-12-01]   (python scripts/record_release.py 1.1.0 --date …)

Appends the release to docs/data/releases.json (every paragraph the first time, then the paragraphs
that changed or are new) and sets ``version`` and ``date`` in docs/data/edition.yml. It refuses a
version that does not come after the last one, or a date before it. Then build: every changed
paragraph needs its entry in docs/data/errata.yml with this version, and the build names any that
is missing. When the commit reaches main, CI tags it vX.Y.Z. See CONTRIBUTING.md, "Releasing".

    python scripts/record_release.py --words-of-first-release

Once, when the record first kept the words outside the id'd paragraphs (edition/model/published_words.py):
writes them, as they stand, into the first release. Refused once the record holds any of them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from edition.checks.errata import check_errata, current_texts
from edition.from_mkdocs import load_project  # scripts/ is on the path: Python adds the script's folder
from edition.model.errata import ERRATA_FILE, load_errata
from edition.model.published_words import is_unit
from edition.model.release import (
    EDITION_FILE,
    RELEASES_FILE,
    Record,
    load_record,
    record_json,
    record_release,
    set_version,
)

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "version",
        nargs="?",
        help="the new version, MAJOR.MINOR.PATCH (default: the one logged changes wait for, else the next minor)",
    )
    parser.add_argument("--words-of-first-release", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today(), help="its date (default: today)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    _, edition = load_project(root)
    docs = edition.docs_dir
    record_path = docs / RELEASES_FILE
    record = load_record(docs, str(record_path))
    if record.problems and record_path.exists():
        print(f"refused: {record.problems[0]}", file=sys.stderr)
        return 2
    texts = {lang: {pid: text for pid, (text, _, _) in found.items()} for lang, found in current_texts(edition).items()}
    if args.words_of_first_release:
        return _words_of_first_release(record, texts, record_path)
    if not args.version:
        from log_correction import pending_version

        args.version = pending_version(edition)
    if not args.version:
        parser.error("give the new version")
    try:
        release = record_release(record, texts, args.version, args.date)
    except ValueError as error:
        print(f"refused: {error}", file=sys.stderr)
        return 2
    record.releases.append(release)
    record_path.write_text(record_json(record.releases), encoding="utf-8")
    edition_path = docs / EDITION_FILE
    edition_path.write_text(
        set_version(edition_path.read_text(encoding="utf-8"), args.version, args.date), encoding="utf-8"
    )
    changed = sorted({pid for paragraphs in release.paragraphs.values() for pid in paragraphs})
    print(f"recorded {args.version} of {args.date.isoformat()}: {len(changed)} paragraph(s) published or changed")
    errata, _ = load_errata(docs, ERRATA_FILE)
    missing = check_errata(edition, record, errata, f"docs/{ERRATA_FILE}", f"docs/{RELEASES_FILE}", args.date)
    for problem in missing:
        print(f"  still to do: {problem}")
    print(f"wrote {record_path.relative_to(root)} and {edition_path.relative_to(root)}: review the diff, then build")
    return 0


def _words_of_first_release(record: Record, texts: dict[str, dict[str, str]], record_path: Path) -> int:
    """The units of published words, as they stand, into the first release (the record's one migration)."""
    if not record.releases or any(
        is_unit(key) for r in record.releases for found in r.paragraphs.values() for key in found
    ):
        print("refused: the record has no release, or already holds the published words.", file=sys.stderr)
        return 2
    first = record.releases[0].paragraphs
    for lang, found in texts.items():
        first.setdefault(lang, {}).update({key: text for key, text in found.items() if is_unit(key)})
    record_path.write_text(record_json(record.releases), encoding="utf-8")
    print(f"wrote the published words into release {record.releases[0].version} of {record_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
