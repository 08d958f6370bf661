"""A built search index read back as entries, and grown N times, to measure search at a larger scale.

The benchmark (scripts/bench.py) asks how search behaves when the edition holds far more text than
one press release: each page of the real index is copied N times under new names, every id given
a suffix, and the index is built again with the same code the site uses. Only the index changes;
the site around it stays the same, so the first search of a visit can be measured as a reader gets it.
"""

from __future__ import annotations

import json
from pathlib import Path

from edition.search_index import KIND_CODES, Entry, build_index

KINDS = {code: kind for kind, code in KIND_CODES.items()}


def read_entries(search_dir: Path) -> tuple[list[Entry], dict[str, str]]:
    """The entries of a built index (``…/search``), and its traditional→simplified map."""
    meta = json.loads((search_dir / "meta.json").read_text(encoding="utf-8"))
    entries: list[Entry] = []
    for number, (page, _title) in enumerate(meta["pages"]):
        for index, anchor, title, text in json.loads((search_dir / "pages" / f"{number}.json").read_text("utf-8")):
            kind = KINDS[meta["entries"][index][2]]
            location = page + (f"#{anchor}" if anchor else "")
            entries.append(Entry(location, title, [text] if text else [], kind))
    pairs = meta["simplify"]
    return entries, dict(zip(pairs[::2], pairs[1::2], strict=True))


def grown(entries: list[Entry], factor: int) -> list[Entry]:
    """``factor`` copies of every page: copy k of ``policing/#a2-1-1`` is ``policing-k/#a2-1-1-k``."""
    copies: list[Entry] = []
    for k in range(factor):
        for entry in entries:
            page = entry.page if k == 0 else f"{entry.page.rstrip('/')}-{k}/"
            anchor = entry.anchor if k == 0 or not entry.anchor else f"{entry.anchor}-{k}"
            location = page + (f"#{anchor}" if anchor else "")
            copies.append(Entry(location, entry.title, list(entry.blocks), entry.kind, entry.boost))
    return copies


def grow_index(search_dir: Path, factor: int) -> int:
    """Replace the index in ``search_dir`` by one ``factor`` times larger; return its entry count."""
    entries, simplify = read_entries(search_dir)
    larger = grown(entries, factor)
    for old in [*search_dir.glob("shards/*.json"), *search_dir.glob("pages/*.json")]:
        old.unlink()
    for name, data in build_index(larger, simplify).items():
        (search_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (search_dir / name).write_bytes(data)
    return len(larger)
