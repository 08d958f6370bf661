"""Record a release of the edition: the text as it stands becomes version X.Y.Z.

    make release [VERSION=1.1.0] [DATE=2026-12-01]   (python scripts/record_release.py 1.1.0 --date …)

Appends the release to docs/data/releases.json (every paragraph the first time, then the paragraphs
that changed or are new) and sets ``version`` and ``date`` in docs/data/edition.yml. It refuses a
version that does not come after the last one, a date before it, and a release when nothing changed
since the last one. The last release's own version records it again, as the text now stands, while
it is not published: while the branch the site is deployed from (the clone's origin; without one,
git's HEAD) does not hold it in releases.json. Then build: every changed
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
from dataclasses import replace
from pathlib import Path

from edition.checks.errata import check_errata, current_texts
from edition.checks.registry import checks
from edition.from_mkdocs import load_project  # scripts/ is on the path: Python adds the script's folder
from edition.model.errata import ERRATA_FILE
from edition.model.published_words import is_unit
from edition.model.release import (
    EDITION_FILE,
    RELEASES_FILE,
    Record,
    changed_texts,
    record_json,
    record_release,
    set_version,
)
from log_correction import pending_version, published  # the same folder: scripts/

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
    record = edition.versions.record  # read once with the rest (edition/model/edition.py); never changed here
    if record.problems and record_path.exists():
        print(f"refused: {record.problems[0]}", file=sys.stderr)
        return 2
    texts = {lang: {pid: text for pid, (text, _, _) in found.items()} for lang, found in current_texts(edition).items()}
    if args.words_of_first_release:
        return _words_of_first_release(record, texts, record_path)
    if not args.version:
        args.version = pending_version(edition)
    if not args.version:
        parser.error("give the new version")
    last = record.last
    changed_now = changed_texts(record, texts)  # by language: what differs from the record
    if last is not None and not changed_now:
        print(
            f"refused: nothing changed since version {last.version}: no paragraph or published word differs from"
            " its record, so a release would publish nothing. Make a correction first: edit the text, then"
            " make correction PARAGRAPH=<id> WHAT_ZH='…' WHAT_EN='…', then make release.",
            file=sys.stderr,
        )
        return 2
    if last is not None and args.version != last.version:
        # A change logged for the last release after it was recorded (make correction does so while
        # that release is not deployed) is recorded with it, not in a new version its entry does not
        # name. (An entry of the last release for a text that release changed is an earlier correction.)
        in_last = {pid for found in last.paragraphs.values() for pid in found}
        logged = {e.paragraph for e in edition.versions.errata if e.version == last.version}
        waiting = sorted((logged & {pid for found in changed_now.values() for pid in found}) - in_last)
        if waiting:
            print(
                f"refused: docs/{ERRATA_FILE} logs the change of {', '.join(waiting)} for {last.version}, the last"
                f" release: record it again with the change, `make release` (no VERSION); or, if {last.version}"
                f" is already deployed, set those entries' version to {args.version} first.",
                file=sys.stderr,
            )
            return 2
    base = record
    if last is not None and args.version == last.version:
        refusal = published(root, record_path, last.version)
        if refusal:
            print(f"refused: {refusal}", file=sys.stderr)
            return 2
        base = Record(record.releases[:-1])  # the release not yet published is recorded again, in place
    try:
        release = record_release(base, texts, args.version, args.date)
    except ValueError as error:
        print(f"refused: {error}", file=sys.stderr)
        return 2
    if not release.paragraphs:  # recorded again, the text is back to what the release before it published
        rel = record_path.relative_to(root).as_posix()
        print(
            f"refused: the text no longer differs from version {base.last.version if base.last else '?'}, so"
            f" {args.version} would publish nothing. Take its record back:"
            f" git checkout HEAD -- {rel} {(docs / EDITION_FILE).relative_to(root).as_posix()}",
            file=sys.stderr,
        )
        return 2
    if base is not record:
        print(f"recording {args.version} again (it is not published yet): the text as it now stands")
    record_path.write_text(record_json([*base.releases, release]), encoding="utf-8")
    edition_path = docs / EDITION_FILE
    edition_path.write_text(
        set_version(edition_path.read_text(encoding="utf-8"), args.version, args.date), encoding="utf-8"
    )
    changed = sorted({pid for paragraphs in release.paragraphs.values() for pid in paragraphs})
    words = [pid for pid in changed if is_unit(pid)]  # titles, descriptions, notes … (published_words.py)
    print(
        f"recorded {args.version} of {args.date.isoformat()}: {len(changed) - len(words)} paragraph(s) and"
        f" {len(words)} other published text(s) (titles, descriptions, notes, data …) published or changed"
    )
    errata = edition.versions.errata
    missing = check_errata(
        edition, Record([*base.releases, release]), errata, f"docs/{ERRATA_FILE}", f"docs/{RELEASES_FILE}", args.date
    )
    # What else the build will refuse (a figure or measure quoting a corrected paragraph …), said now
    # rather than at the next build: the release is recorded all the same, and recorded again once mended.
    others = [
        problem
        for check in checks("model")
        if check.name not in ("release", "errata")
        for problem in check.run(edition)
    ]
    for problem in [*missing, *others]:
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
    first = record.releases[0]
    paragraphs = {lang: dict(found) for lang, found in first.paragraphs.items()}
    for lang, found in texts.items():
        paragraphs.setdefault(lang, {}).update({key: text for key, text in found.items() if is_unit(key)})
    releases = [replace(first, paragraphs=paragraphs), *record.releases[1:]]
    record_path.write_text(record_json(releases), encoding="utf-8")
    print(f"wrote the published words into release {record.releases[0].version} of {record_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
