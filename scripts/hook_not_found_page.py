"""MkDocs hook: one bilingual 404 page, the one of the default (Chinese) build.

MkDocs renders 404.html in every language's build, and the i18n plugin's English build would
overwrite the Chinese one. overrides/404.html is written in both languages, so the English build
leaves it alone. Its language switch leads to each language's home page, not to whichever page
the i18n plugin prepared it for last.
"""

from __future__ import annotations

import copy
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build

NOT_FOUND = "404.html"


def on_pre_template(template: Any, template_name: str, config: MkDocsConfig) -> Any:
    i18n = config.plugins.get("i18n")
    if template_name == NOT_FOUND and i18n is not None and getattr(i18n, "extra_alternate", None):
        config.extra["alternate"] = copy.deepcopy(i18n.extra_alternate)  # the home page of each language
    return template


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == NOT_FOUND and is_nested_language_build(config):
        return ""  # MkDocs skips writing an empty template: the default build's page stays
    return output_content
