"""MkDocs hook: docs/data/figures.yml lists every figure, and each stands in both languages' paragraphs.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/figures.py and
edition/charts.py (labels that fit their chart).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_data_for_build, load_for_build
from edition.charts import check_charts
from edition.data import FIGURES_FILE, data_file
from edition.figures import check_figure_data
from edition.problems import report


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        edition, data = load_for_build(config), load_data_for_build(config)
        rel = data_file(edition.root, edition.docs_dir, FIGURES_FILE)
        report("figures", check_figure_data(edition, data, rel) + check_charts(data, rel))
