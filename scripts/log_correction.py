"""Log a change to a published paragraph in docs/data/errata.yml (``make correction``).

    make correction PARAGRAPH=ov-1 WHAT_ZH='英文“resolutely”改为“firmly”。' WHAT_EN='"Resolutely" became "firmly".'

The entry names the paragraph, the version that will publish the change (the version other logged
changes wait for, else the next minor version after the last release) and today's date (``DATE=``
to give another), with what changed and why in each language. Then ``make release`` records the
release and the build checks that every changed paragraph has its entry. Refused (exit 2, nothing
written): a paragraph id the pages do not have, or an empty description.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

from edition.from_mkdocs import load_project  # scripts/ is on the path: Python adds the script's folder
from edition.model.edition import Edition
from edition.model.errata import ERRATA_FILE
from edition.model.release import next_version, version_key

ROOT = Path(__file__).resolve().parents[1]


def pending_version(edition: Edition) -> str:
    """The version a new correction is released in: the one logged changes wait for, else the next minor."""
    found = edition.versions
    last = found.record.last.version if found.record.last else found.info.version
    waiting = sorted({e.version for e in found.errata if version_key(e.version) > version_key(last)}, key=version_key)
    return waiting[-1] if waiting else next_version(last)


def entry_text(paragraph: str, version: str, date: dt.date, what_zh: str, what_en: str) -> str:
    entry = {"paragraph": paragraph, "version": version, "date": date, "what_zh": what_zh, "what_en": what_en}
    text = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=10_000)
    return "".join(f"  {line}\n" for line in text.splitlines())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paragraph", help="the id of the corrected paragraph, e.g. ov-1")
    parser.add_argument("--what-zh", required=True, help="what changed and why, in Chinese (one sentence)")
    parser.add_argument("--what-en", required=True, help="what changed and why, in English (one sentence)")
    parser.add_argument("--version", help="the release that publishes it (default: the pending or next minor version)")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today(), help="its date (default: today)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    _, edition = load_project(args.root.resolve())
    if edition.versions.info is None:
        print("refused: docs/data/edition.yml or releases.json has problems: build to see them.", file=sys.stderr)
        return 2
    ids = {block.id for lang in edition.languages for _, block in edition.blocks_in(lang)}
    if args.paragraph not in ids:
        print(
            f"refused: no page has a paragraph '#{args.paragraph}' (PARAGRAPH= takes the id after '#').",
            file=sys.stderr,
        )
        return 2
    if not args.what_zh.strip() or not args.what_en.strip():
        print("refused: say what changed and why, in both languages: WHAT_ZH='…' WHAT_EN='…'.", file=sys.stderr)
        return 2
    version = args.version or pending_version(edition)
    path = edition.docs_dir / ERRATA_FILE
    text = path.read_text(encoding="utf-8")
    entry = entry_text(args.paragraph, version, args.date, args.what_zh.strip(), args.what_en.strip())
    if "\nerrata: []" in text:
        text = text.replace("\nerrata: []", "\nerrata:\n" + entry.rstrip("\n"), 1)
    else:
        text = text.rstrip("\n") + "\n" + entry
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    print(f"logged the change of #{args.paragraph} for {version} in {path.relative_to(args.root.resolve())}")
    print(f"next: make release VERSION={version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
