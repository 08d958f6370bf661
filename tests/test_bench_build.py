"""The benchmark's stock build is stock: the real mkdocs.yml without the edition's plugin and overrides."""

from __future__ import annotations

import yaml

from bench_build import stock_config
from conftest import ROOT


def test_the_stock_config_has_no_edition_plugin_and_materials_search():
    text = stock_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = yaml.load(text, Loader=yaml.BaseLoader)  # BaseLoader: mkdocs.yml's !ENV tags read as text
    names = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert "edition" not in names and names[0] == "search" and "i18n" in names
    assert "custom_dir" not in config["theme"]
