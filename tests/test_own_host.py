"""The theme's third-party resource URLs are neutralised; source maps and unused lunr files go."""

from __future__ import annotations

from edition.outputs.own_host import THEME_RESOURCES, keep_to_own_host


def test_theme_resources_are_replaced_and_extras_removed(tmp_path):
    scripts = tmp_path / "assets" / "javascripts"
    (scripts / "lunr" / "min").mkdir(parents=True)
    (scripts / "lunr" / "min" / "lunr.zh.min.js").write_text("/* https://github.com/x */", encoding="utf-8")
    bundle = scripts / "bundle.min.js"
    bundle.write_text(
        'a=_t("https://unpkg.com/resize-observer-polyfill");b=`https://api.github.com/repos/${e}`;\n'
        "//# sourceMappingURL=bundle.min.js.map\n",
        encoding="utf-8",
    )
    (scripts / "bundle.min.js.map").write_text("{}", encoding="utf-8")
    changed = keep_to_own_host(tmp_path)
    text = bundle.read_text(encoding="utf-8")
    assert not [url for url in THEME_RESOURCES if url in text]
    assert '_t("data:text/javascript,")' in text
    assert "sourceMappingURL" not in text
    assert not (scripts / "bundle.min.js.map").exists()
    assert not (scripts / "lunr").exists()
    assert "assets/javascripts/bundle.min.js" in changed
    assert keep_to_own_host(tmp_path) == []  # nothing left to change


def test_built_bundle_no_longer_names_unpkg_or_github(built_site):
    [bundle] = (built_site.site / "assets" / "javascripts").glob("bundle.*.min.js")
    text = bundle.read_text(encoding="utf-8")
    assert "unpkg.com" not in text
    assert "api.github.com" not in text
    assert "typeof ResizeObserver" in text  # the code is still Material's, only its URLs changed
