"""Log a change to a published paragraph in docs/data/errata.yml (``make correction``).

    make correction PARAGRAPH=ov-1 WHAT_ZH='英文“resolutely”改为“firmly”。' WHAT_EN='"Resolutely" became "firmly".'

The entry names the paragraph, the version that will publish the change (the version other logged
changes wait for; else the last recorded release while it is not published (not yet on the branch
the site is deployed from), which ``make release`` then records again; else the next minor version) and today's date (``DATE=``
to give another), with what changed and why in each language. Then ``make release`` records the
release and the build checks that every changed paragraph has its entry. Refused (exit 2, nothing
written): a paragraph id the pages do not have, or an empty description.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import yaml

from edition.checks.errata import current_texts
from edition.from_mkdocs import load_project  # scripts/ is on the path: Python adds the script's folder
from edition.model.edition import Edition
from edition.model.errata import ERRATA_FILE
from edition.model.published_words import is_unit
from edition.model.release import RELEASES_FILE, next_version, version_key

ROOT = Path(__file__).resolve().parents[1]


def pending_version(edition: Edition) -> str:
    """The version a new correction is released in: the one logged changes wait for; else the last
    recorded release while it is not published (recorded, not yet on the deployed branch: the correction
    joins it, and `make release` records it again); else the next minor."""
    found = edition.versions
    last = found.record.last.version if found.record.last else found.info.version
    waiting = sorted({e.version for e in found.errata if version_key(e.version) > version_key(last)}, key=version_key)
    if waiting:
        return waiting[-1]
    if found.record.last and published(edition.root, edition.docs_dir / RELEASES_FILE, last) is None:
        return last
    return next_version(last)


# Where a published release is: the branch the site is deployed from, as this clone last fetched it
# (a contributor's own commits on a branch are not published); without a remote, the last commit.
PUBLISHED_REFS = ("origin/HEAD", "origin/main", "HEAD")


def published(root: Path, record_path: Path, version: str) -> str | None:
    """Why ``version``, the last recorded release, may not be recorded again; None while it is not published.

    Published means held by docs/data/releases.json on the branch the site is deployed from (the
    first of ``PUBLISHED_REFS`` that git has): once there it is deployed, and a citation of it must
    keep finding its text. Commits of one's own branch are not published, so a pull request can
    record its release again after another correction. When git cannot tell, it is taken as published.
    """
    again = f"record the text as a new version: make release VERSION={next_version(version)}"
    rel = record_path.relative_to(root).as_posix() if record_path.is_relative_to(root) else str(record_path)
    committed, where = None, ""
    for ref in PUBLISHED_REFS:
        try:
            done = subprocess.run(
                ["git", "show", f"{ref}:./{rel}"], cwd=root, capture_output=True, text=True, check=False
            )
            committed = json.loads(done.stdout) if done.returncode == 0 else None
        except (OSError, ValueError):
            committed = None
        if isinstance(committed, dict) and isinstance(committed.get("releases"), list):
            where = ref
            break
    if not where:
        return (
            f"version {version} is the last recorded release, and git cannot say whether it is published"
            f" (no {rel} in git here), so it is taken as published and is not recorded again; {again}"
        )
    if any(isinstance(entry, dict) and entry.get("version") == version for entry in committed["releases"]):
        return f"version {version} is published ({where}'s {rel} holds it), so its record stays as it is; {again}"
    return None


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
    # A paragraph's id, or the key of any other published word the build names (data:…, about:…, strings:…)
    keys = {key for found in current_texts(edition).values() for key in found}
    if args.paragraph not in keys:
        print(
            f"refused: no page has a paragraph '#{args.paragraph}', and no published word has that key"
            " (PARAGRAPH= takes the id after '#', or the key the build's message names, e.g. about:text).",
            file=sys.stderr,
        )
        return 2
    if not args.what_zh.strip() or not args.what_en.strip():
        print("refused: say what changed and why, in both languages: WHAT_ZH='…' WHAT_EN='…'.", file=sys.stderr)
        return 2
    version = args.version or pending_version(edition)
    path = edition.docs_dir / ERRATA_FILE
    rel = path.relative_to(args.root.resolve()).as_posix()
    # A paragraph is named by its id ("#a2-1-1"); other published words by their key ("policing:note:centres").
    shown = args.paragraph if is_unit(args.paragraph) else f"#{args.paragraph}"
    logged = next((e for e in edition.versions.errata if (e.paragraph, e.version) == (args.paragraph, version)), None)
    if logged is not None:  # one entry per paragraph and release: the Corrections page lists it once
        print(
            f"refused: {shown} already has its entry for {version} ({rel}:{logged.line}): the release"
            " publishes both changes as one. Add what this change did to that entry's what_zh and what_en"
            " instead, then make release.",
            file=sys.stderr,
        )
        return 2
    text = path.read_text(encoding="utf-8")
    entry = entry_text(args.paragraph, version, args.date, args.what_zh.strip(), args.what_en.strip())
    if "\nerrata: []" in text:
        text = text.replace("\nerrata: []", "\nerrata:\n" + entry.rstrip("\n"), 1)
    else:
        text = text.rstrip("\n") + "\n" + entry
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    print(f"logged the change of {shown} for {version} in {path.relative_to(args.root.resolve())}")
    print(f"next: make release VERSION={version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
