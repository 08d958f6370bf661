"""Check: the settings in mkdocs.yml that reach every page cannot run script or load from elsewhere.

Material writes ``copyright``, the site's name and description and the labels into every page,
some without escaping; ``theme.font`` makes every page load Google Fonts; ``theme.logo`` and
``theme.favicon`` are fetched by every page; ``extra.analytics``, ``extra.consent``,
``extra.polyfills`` and ``extra.scope`` add or change script. So, for the site and for each
language's overrides under the i18n plugin:

- no markup (an element, ``<`` or ``>``) in any string that reaches a page;
- ``copyright`` (the footer's line) names the page's document only by its placeholders
  (``FOOTER_FACTS``: ``{work_publisher}`` …, filled in per page by the edition plugin); any other
  ``{…}`` would be printed as it stands;
- ``theme.font`` is ``false`` (system fonts); logo and favicon are files of this site;
- ``extra`` has only the keys the edition uses (``EXTRA_KEYS``); social links and ``repo_url`` point
  only to ``LINK_HOSTS``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

from edition.checks.content_safety import LineFinder
from edition.checks.sanitize import is_off_site, text_markup
from edition.model.edition import Edition
from edition.model.problems import Problem

# The placeholders the footer's line may hold: the facts of the page's own document (model/facts.py).
FOOTER_FACTS = ("work_author", "work_title", "work_date", "work_publisher")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PAGE_STRINGS = ("site_name", "site_description", "site_author", "copyright", "name")
EXTRA_KEYS = {
    "generator": "false: no link to the generator's site",
    "edition": "the edition's page furniture (citation, labels)",
    "alternate": "set by mkdocs-static-i18n: the language switch",
    "social": "links in the footer, to LINK_HOSTS only",
}
LINK_HOSTS = {"github.com"}  # hosts the footer's social links and repo_url may point to
EXTRA_REASONS = {
    "analytics": "adds a tracking script that sends every reader's visit to another host",
    "consent": "adds the cookie-consent form that comes with analytics",
    "polyfills": "adds a script to every page",
    "scope": "is written into an inline script of every page",
}


def check_settings(main: dict[str, Any], languages: Iterable[dict[str, Any]], config_text: str) -> list[Problem]:
    """The site's settings (``main``) and each language's overrides (``languages``), from mkdocs.yml."""
    finder = LineFinder(config_text)
    problems: list[Problem] = []
    scopes = [("", main)] + [(f"languages ({lang.get('locale')}): ", lang) for lang in languages]
    for where, settings in scopes:
        for key, message, fix, needles in _scope_findings(settings):
            problems.append(Problem("mkdocs.yml", finder.find(needles), f"{where}{key}: {message}", fix))
    return problems


def _scope_findings(settings: dict[str, Any]) -> Iterator[tuple[str, str, str, tuple[str, ...]]]:
    for key in PAGE_STRINGS:
        yield from _markup(key, settings.get(key))
    copyright_line = settings.get("copyright")
    unknown = PLACEHOLDER.findall(copyright_line) if isinstance(copyright_line, str) else []
    for name in dict.fromkeys(name for name in unknown if name not in FOOTER_FACTS):
        yield (
            "copyright",
            f"'{{{name}}}' is not a fact of the page's document: every page would show it as it stands.",
            f"write one of {', '.join('{' + fact + '}' for fact in FOOTER_FACTS)} or plain text.",
            (f"{{{name}}}", "copyright:"),
        )
    theme = settings.get("theme") or {}
    yield from _theme_findings(theme)
    extra = settings.get("extra") or {}
    for key in extra:
        if key not in EXTRA_KEYS:
            reason = EXTRA_REASONS.get(key, "is not a setting the edition uses")
            yield (
                f"extra.{key}",
                f"is not allowed: it {reason}." if key in EXTRA_REASONS else f"{reason}.",
                f"remove it (allowed under extra: {', '.join(sorted(EXTRA_KEYS))}).",
                (f"{key}:",),
            )
    for index, item in enumerate(extra.get("social") or []):
        link = str((item or {}).get("link", ""))
        host = _host(link)
        if host not in LINK_HOSTS:
            yield (
                f"extra.social[{index}]",
                f"links to '{link}', outside the allowed hosts ({', '.join(sorted(LINK_HOSTS))}).",
                "remove the link, or have a maintainer add its host to LINK_HOSTS in scripts/edition/checks/settings.py.",
                (link, "social:"),
            )
    for key, value in _strings(extra, "extra"):
        if key != "extra.alternate":
            yield from _markup(key, value)
    repo_url = settings.get("repo_url")
    if repo_url and _host(str(repo_url)) not in LINK_HOSTS:
        yield (
            "repo_url",
            f"'{repo_url}' is outside the allowed hosts ({', '.join(sorted(LINK_HOSTS))}); every page links to it and the theme fetches facts about it.",
            "remove repo_url.",
            (str(repo_url), "repo_url:"),
        )


def _theme_findings(theme: dict[str, Any]) -> Iterator[tuple[str, str, str, tuple[str, ...]]]:
    if "font" in theme and theme["font"] is not False:
        yield (
            "theme.font",
            f"'{theme['font']}' makes every page load fonts from Google Fonts (blocked for many readers in mainland China).",
            "set 'font: false' (the edition uses the reader's system fonts).",
            ("font:",),
        )
    for key in ("logo", "favicon"):
        value = theme.get(key)
        if value and is_off_site(str(value)):
            yield (
                f"theme.{key}",
                f"'{value}' is not a file of this site: every page would load it from elsewhere.",
                f"save the image under docs/ and give its relative path as theme.{key}.",
                (str(value), f"{key}:"),
            )
    for key, value in _strings({k: v for k, v in theme.items() if k not in ("logo", "favicon")}, "theme"):
        yield from _markup(key, value)


def _markup(key: str, value: Any) -> Iterator[tuple[str, str, str, tuple[str, ...]]]:
    if not isinstance(value, str):
        return
    found = text_markup(value)
    if found:
        yield (
            key,
            f"contains markup ({', '.join(dict.fromkeys(found))}): the theme writes it into every page as HTML.",
            "write plain text (no tags, no '<' or '>'); links belong in the pages.",
            (value, value[: len(value) // 2], f"{key.split('.')[-1]}:"),
        )


def _strings(data: Any, prefix: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, str):
        yield prefix, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{prefix}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, f"{prefix}[{index}]")


def _host(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return (parts.hostname or "") if parts.scheme == "https" else ""


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    project = edition.project
    languages = [language.settings for language in project.languages]
    return check_settings(project.settings, languages, project.config_text)
