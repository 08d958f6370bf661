"""The Content-Security-Policy of every built page, and the check of what the built page may run.

GitHub Pages sets no headers, so the policy is a ``<meta http-equiv="Content-Security-Policy">``
written as the first element of each page's ``<head>`` (before any script) once the page is built.
Its directives are ``POLICY`` below, the one place to change them. Scripts run only from this
origin and, inline, only if they are the theme's own: each inline script of a built page must match
one of the theme's templates listed in ``THEME_INLINE_SCRIPTS`` (read from the installed theme, the
template's ``{{ … }}`` standing for a relative path), and its SHA-256 hash is added to
``script-src`` for that page. Any other inline script, an inline event handler, a script from
another host or a ``<meta http-equiv>`` of the page's own is refused, so the build fails; the
browser would block them anyway.

To allow WebAssembly (e.g. a Pagefind search), add ``"'wasm-unsafe-eval'"`` to ``script-src`` below.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from edition.checks.sanitize import is_off_site, url_scheme
from edition.model.edition import Edition
from edition.model.problems import Problem

POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],  # + the hashes of the page's own theme scripts, added per page
    # Styles only from this site's stylesheets: no <style> element or style="" attribute applies.
    # Material 9.8 writes none in these pages and sets styles from script through the CSSOM, which
    # the policy allows; tests/test_browser_csp.py proves no violation in use.
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # data: for the theme's inline SVG icons in its stylesheet
    "font-src": ["'self'"],
    "connect-src": ["'self'"],  # search index and worker; a script cannot send anything elsewhere
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}
# Templates of Material for MkDocs whose inline <script> the built pages carry.
THEME_INLINE_SCRIPTS = (
    "partials/javascripts/base.html",  # __md_scope, __md_get/__md_set (local storage helpers)
    "partials/javascripts/palette.html",  # restores the reader's colour scheme before first paint
    "partials/javascripts/content.html",  # opens a tab or details named by the address's #fragment
)
SCRIPT_IN_TEMPLATE = re.compile(r"<script>(.*?)</script>", re.S)
JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
RELATIVE_PATH = r"[\w./-]*"  # what a {{ base_url }} becomes: no quote, no parenthesis, no backslash
JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}
META_CHARSET = '<meta charset="utf-8">'
HEAD = re.compile(r"<head\b[^>]*>", re.I)
REFUSED_ELEMENTS = {"base", "iframe", "frame", "object", "embed", "applet", "portal"}


def theme_script_patterns(theme_dirs: Iterable[str | Path]) -> list[re.Pattern[str]]:
    """The inline scripts of ``THEME_INLINE_SCRIPTS`` as patterns (the first theme folder with the file wins)."""
    patterns = []
    dirs = [Path(d) for d in theme_dirs]
    for name in THEME_INLINE_SCRIPTS:
        template = next((d / name for d in dirs if (d / name).is_file()), None)
        if template is None:
            raise FileNotFoundError(
                f"the theme has no {name}: update THEME_INLINE_SCRIPTS in scripts/edition/checks/csp.py"
            )
        for script in SCRIPT_IN_TEMPLATE.findall(template.read_text(encoding="utf-8")):
            parts = JINJA_EXPRESSION.split(script)
            patterns.append(re.compile(RELATIVE_PATH.join(re.escape(part) for part in parts)))
    return patterns


def script_hash(text: str) -> str:
    """The CSP source expression of an inline script: 'sha256-…' of its text as UTF-8."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy_text(hashes: Iterable[str] = ()) -> str:
    """The policy as the value of the meta element, with the page's script hashes."""
    directives = {name: list(values) for name, values in POLICY.items()}
    directives["script-src"] += list(dict.fromkeys(hashes))
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


@dataclass(frozen=True)
class PageReport:
    """What a built page needs (hashes) and what it must not have (refusals)."""

    hashes: list[str]
    refusals: list[str]


Element = tuple[str, dict[str, str | None], str]  # name, attributes (None: written without a value), a script's text


def elements(html: str) -> Iterator[Element]:
    """Every element of a built page, in document order, as a browser's HTML5 parser builds it.

    Lexbor (through selectolax) implements the WHATWG parsing algorithm in C: a built page, with
    Material's navigation of every page, parses in about a millisecond, where html5lib (pure
    Python, used for the content checks in sanitize.py) takes over a hundred. Script elements of
    any namespace (SVG's too) count as scripts; a script's text is its raw text, as the browser
    hashes it.
    """
    for node in LexborHTMLParser(html).root.traverse(include_text=False):
        tag = node.tag or ""
        if not tag or tag[0] in "-!_":
            continue  # comments, the doctype, text
        tag = tag.lower()  # attribute names come lower-cased from the HTML tokenizer (SVG's few camelCase ones aside)
        yield tag, node.attributes, node.text(deep=True) if tag == "script" else ""


def examine(page: Iterable[Element], patterns: list[re.Pattern[str]], own: str | None = None) -> PageReport:
    """The theme scripts to allow, and what may not stand in a built page.

    ``own``: the content of the policy meta element the edition put in (it is not refused), which
    must come before every script; if it does not, that is refused too.
    """
    hashes: list[str] = []
    refusals: list[str] = []
    policy_seen = own is None
    for name, attributes, text in page:
        if attributes and (URL_ATTRIBUTES.intersection(attributes) or " on" in " " + " ".join(attributes)):
            refusals.extend(_attribute_refusals(name, attributes))
        if name == "meta" and own is not None and attributes.get("content") == own and not policy_seen:
            policy_seen = True
            continue
        if name == "script" and not policy_seen:
            refusals.append("the policy could not be put before the page's first script")
            policy_seen = True
        if name in REFUSED_ELEMENTS:
            refusals.append(f"a <{name}> element")
        elif name == "meta" and "http-equiv" in attributes:
            refusals.append(f'a <meta http-equiv="{attributes["http-equiv"] or ""}">')
        elif name == "script":
            if "src" in attributes:
                source = attributes["src"] or ""
                if is_off_site(source):
                    refusals.append(f"a script from another host: {source}")
                continue
            if (attributes.get("type") or "").strip().lower() not in JS_TYPES:
                continue  # a data block (type="application/json"): never run
            if any(pattern.fullmatch(text) for pattern in patterns):
                hashes.append(script_hash(text))
            else:
                refusals.append(f"an inline script the theme does not write: {text[:60]!r}")
    return PageReport(hashes, refusals)


SCRIPT_SCHEMES = ("javascript", "vbscript")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}  # a script URL there runs


def _attribute_refusals(element: str, attributes: dict[str, str | None]) -> Iterator[str]:
    for attribute, value in attributes.items():
        if attribute.startswith("on"):
            yield f"the event handler {attribute}= on <{element}>"
        elif attribute in URL_ATTRIBUTES and ":" in (value or "") and url_scheme(value or "") in SCRIPT_SCHEMES:
            yield f"a script URL in <{element} {attribute}=>"


PLACEHOLDER = "edition-policy-to-be-written"  # stands for the policy while the page is examined


def policy_position(html: str) -> int:
    """Where the policy goes: right after <meta charset>, else at the start of the head."""
    at = html.find(META_CHARSET)
    if at >= 0:
        return at + len(META_CHARSET)
    head = HEAD.search(html)
    if head is None:
        raise ValueError("the page has no <head> to put the policy in")
    return head.end()


def with_policy(html: str, hashes: Iterable[str] | None = None, content: str | None = None) -> str:
    """The page with the policy as the first element of its head (after <meta charset>, before any script)."""
    value = content if content is not None else policy_text(hashes or ())
    end = policy_position(html)
    return html[:end] + f'<meta http-equiv="Content-Security-Policy" content="{value}">' + html[end:]


def secure_page(html: str, patterns: list[re.Pattern[str]], write: bool = True) -> tuple[str, list[str]]:
    """A built page with its policy (``write``), and what in it is refused.

    One parse per page: the policy's element goes in with a placeholder value, the page is parsed
    as a browser parses it (``elements``) and examined, the policy's own place checked in the same walk,
    and only then is the placeholder replaced by the policy with the page's script hashes (which
    changes an attribute's text, not the document's structure).
    """
    if not write:
        return html, examine(elements(html), patterns).refusals
    try:
        placed = with_policy(html, content=PLACEHOLDER)
    except ValueError as error:
        return html, [*examine(elements(html), patterns).refusals, str(error)]
    report = examine(elements(placed), patterns, own=PLACEHOLDER)
    return with_policy(html, report.hashes), report.refusals


def secure_site(site: Path, patterns: list[re.Pattern[str]], write: bool = True) -> dict[str, list[str]]:
    """Every HTML file of a built site: the policy written in (``write``); refusals per file."""
    refused: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        secured, refusals = secure_page(html, patterns, write)
        if secured != html:
            path.write_text(secured, encoding="utf-8")
        if refusals:
            refused[path.relative_to(site).as_posix()] = refusals
    return refused


def check(edition: Edition) -> list[Problem]:
    """The registry's site check: write each built page's policy (not under `mkdocs serve`) and refuse what breaks it."""
    project = edition.project
    if project.site_dir is None:
        return []
    site = project.site_dir
    refused = secure_site(site, theme_script_patterns(project.theme_dirs), write=not project.serving)
    shown = site.relative_to(edition.root).as_posix() if site.is_relative_to(edition.root) else site.as_posix()
    return [
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
