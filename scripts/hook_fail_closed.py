"""MkDocs hook: a build in which any edition check found a problem fails, in every mode.

MkDocs counts warnings for ``--strict`` only at the level it prints (``-q`` hides them, and a build
without ``--strict`` ignores them), so the checks log errors and count them (edition/problems.py),
and this hook ends the build with an error once every language is built. MkDocs then exits non-zero
(``mkdocs build``, with or without ``-q``/``--strict``; the first build of ``mkdocs serve``; a
rebuild of ``mkdocs serve`` prints the error), and the output folder is emptied: nothing refused
stays publishable.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import clean_directory

from edition.build import is_nested_language_build
from edition.problems import found, reset

log = logging.getLogger("mkdocs.plugins.edition")
_site_dir: list[str] = []  # the build's output folder, for on_build_error (which gets no config)


@event_priority(100)  # before every check
def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        reset()
        _site_dir[:] = [config.site_dir]


@event_priority(-300)  # last: after mkdocs-static-i18n (-100) built every language and after hook_csp.py
def on_post_build(config: MkDocsConfig) -> None:
    if is_nested_language_build(config):
        return
    problems = found()
    if problems:
        summary = ", ".join(f"{check}: {count}" for check, count in sorted(problems.items()))
        raise PluginError(
            f"The edition's checks refused this build ({summary}); the messages above name each file and line."
        )


def on_build_error(error: Exception) -> None:
    """Empty the output folder of a refused build, as MkDocs empties it at the start of a build."""
    for site_dir in _site_dir:
        if Path(site_dir).is_dir():
            clean_directory(site_dir)
            log.error("Refused build: %s was emptied, so nothing of it can be published.", site_dir)
