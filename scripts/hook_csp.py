"""MkDocs hook: the Content-Security-Policy in every built HTML page, and the check of what pages run.

Runs once every language is built (the i18n plugin builds English from its own on_post_build), on
every .html file of the site: pages, the 404 page, generated pages, HTML published from docs/.
Logic and tests: edition/csp.py. Under `mkdocs serve` the pages are checked but get no policy:
the live-reload script MkDocs injects while serving is inline and would be blocked.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from edition.build import is_nested_language_build
from edition.csp import secure_site, theme_script_patterns
from edition.problems import Problem, report

_command: list[str] = ["build"]


def on_startup(command: str, dirty: bool) -> None:
    _command[:] = [command]


@event_priority(-250)  # after mkdocs-static-i18n (-100) and hook_own_host.py (-200); before hook_fail_closed.py
def on_post_build(config: MkDocsConfig) -> None:
    if is_nested_language_build(config):
        return
    site = Path(config.site_dir)
    patterns = theme_script_patterns(config.theme.dirs)
    refused = secure_site(site, patterns, write=_command[0] != "serve")
    root = Path(config.config_file_path).parent
    shown = site.relative_to(root).as_posix() if site.is_relative_to(root) else site.as_posix()
    problems = [
        Problem(
            f"{shown}/{page}",
            1,
            f"the built page has {what}.",
            "find what wrote it (a template in overrides/, a setting in mkdocs.yml, front matter) and remove it; "
            "only the theme's own inline scripts are allowed, and no event handlers.",
        )
        for page, whats in refused.items()
        for what in whats
    ]
    report("csp", problems)
