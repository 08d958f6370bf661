"""Build the edition's PDFs: each language and the two side by side (edition/outputs/pdf.py, WeasyPrint).

    python scripts/build_pdfs.py --out site/pdf

Run by ``make build`` after the site is built (and by the tests, once per session); never by
``mkdocs serve``. Uses the same mkdocs.yml (SITE_URL for the edition's address), the pages under
docs/ and docs/data/edition.yml, releases.json and errata.yml. Prints each file's size and the time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from edition.from_mkdocs import load_project  # scripts/ is on the path: Python adds the script's folder
from edition.outputs.pdf import Context, write_pdfs

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="the folder to write the PDFs into (site/pdf)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    root = args.root.resolve()
    config, edition = load_project(root)
    found = edition.versions
    if found.info is None or found.release_problems:
        for problem in found.release_problems:
            print(f"refused: {problem}", file=sys.stderr)
        return 2
    try:
        written = write_pdfs(Context(edition, found.info, found.record, found.errata, config.site_url or ""), args.out)
    except RuntimeError as error:
        print(f"refused: {error}", file=sys.stderr)
        return 2
    for key, path in written.items():
        print(f"{path}: {path.stat().st_size / 1024:.0f} KB ({key})")
    print(f"PDFs built in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
