"""Check: every measure of docs/data/measures.yml is named, word for word, in its paragraph in both languages.

The Measures page and measures.json list what the press release announces (cross-region identity
cards, "Grassland 110", ...), each tagged with its reform area and linked to its paragraph. Each
entry quotes the Chinese and the English text, so a reworded paragraph fails the build naming the
page instead of leaving the index quoting words that are no longer there (edition/checks/quotes.py).
"""

from __future__ import annotations

from edition.checks.quotes import check_cited
from edition.model.data import MEASURES_FILE, Data, data_file
from edition.model.edition import Edition
from edition.model.problems import Problem


def check_measures(edition: Edition, data: Data, data_rel: str) -> list[Problem]:
    if unusable := data.unusable(MEASURES_FILE):
        return unusable
    return list(data.problems.get(MEASURES_FILE, [])) + check_cited(edition, data.measures, data_rel)


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return check_measures(edition, edition.data, data_file(edition.root, edition.docs_dir, MEASURES_FILE))
