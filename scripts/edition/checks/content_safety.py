"""Check: nothing in docs/ can run script in a reader's browser or make it load from another host.

Pull requests come from outside contributors, and Markdown passes raw HTML through untouched, so
every page's rendered content and every file published from docs/ is parsed as a browser parses it
and checked against an allowlist (edition/checks/sanitize.py: elements, attributes, URL schemes, and CSS
read with a real tokenizer). Refused, among the rest:

- elements that run or embed code: ``script``, ``iframe``, ``object``, ``embed`` and the like, and
  any element the edition does not use;
- inline event handlers (any ``on*`` attribute) and ``javascript:``/``vbscript:``/``data:`` URLs;
- any image, stylesheet, script, media or other resource from another host (readers in mainland
  China get the whole page from one origin), including ``url()``, ``image-set()`` and ``@import``
  in CSS; hyperlinks to other hosts are fine (the About page cites the original);
- ``<`` or ``>`` in front matter, which the theme writes into the page as is.

Pages are rendered with the site's own Markdown extensions, so the check sees what a reader's
browser gets; each finding is traced back to the source line. The hook also checks each page's
final content (after the generated tables, tooltips and paragraph tools are added).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from edition.checks.rendered import RenderedPages
from edition.checks.sanitize import (
    Finding,
    UnsafeXmlError,
    css_findings,
    fragment_findings,
    is_off_site,
    markup_findings,
    parse_document,
    parse_xml,
)
from edition.model.edition import Edition
from edition.model.pages import PageFile
from edition.model.problems import Problem

JS_REMOTE_URL = re.compile(r"""(['"`])(?P<url>(?:https?:)?//[^'"`\s]+)\1""", re.I)
HTML_FILES = {".html", ".htm", ".xhtml"}
XML_FILES = {".svg", ".xml", ".xhtml"}
MARKUP_FILES = HTML_FILES | XML_FILES
TEXT_FILES = {".css": "css", ".js": "js", ".mjs": "js"}

__all__ = ["check_config", "check_content_safety", "check_page", "check_published_file", "is_off_site", "nav_labels"]


def html_findings(html: str) -> list[Finding]:
    """What the allowlist refuses in a page's rendered content (parsed as inside the page's article)."""
    return fragment_findings(html)


class LineFinder:
    """Finds the source line of a finding; repeated findings of one kind move on to later lines."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.lines = text.splitlines()
        self.first_line = first_line
        self.last: dict[str, int] = {}

    def find(self, needles: Iterable[str], element: str = "") -> int:
        """The first line with a needle (tried in order), preferring lines that also open ``<element``."""
        for needle in needles:
            needle = needle.strip().lower()
            if len(needle) < 2:
                continue
            hits = [
                number
                for number, line in enumerate(self.lines, start=1)
                if number >= self.first_line and needle in line.lower()
            ]
            tagged = [number for number in hits if element and f"<{element}" in self.lines[number - 1].lower()]
            hits = tagged or hits
            if hits:
                later = [number for number in hits if number > self.last.get(needle, 0)]
                line = later[0] if later else hits[0]
                self.last[needle] = line
                return line
        return self.first_line


def check_page(page: PageFile) -> list[Problem]:
    """A Markdown page: its front matter, and the HTML it renders to."""
    problems = list(_front_matter_problems(page))
    finder = LineFinder(page.text, page.front_matter.body_line)
    for finding in html_findings(page.rendered):
        problems.append(Problem(page.rel, finder.find(finding.needles, finding.element), finding.message, finding.fix))
    return problems


def _front_matter_problems(page: PageFile) -> Iterator[Problem]:
    finder = LineFinder(page.text)
    for key, value in _strings(page.front_matter.data):
        if "<" in value or ">" in value:
            yield Problem(
                page.rel,
                finder.find((f"{key.split('.')[-1]}:", value)),
                f"front matter '{key}' contains '<' or '>': the theme writes it into the page as HTML.",
                "write the text without angle brackets (use 〈〉 or words instead).",
            )


def _strings(data: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a YAML value, with its dotted key."""
    if isinstance(data, str):
        yield prefix, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, f"{prefix}[{index}]")


def check_published_file(path: Path, rel: str) -> list[Problem]:
    """A file that MkDocs copies from docs/ as it is: markup (HTML, SVG), CSS or JavaScript."""
    suffix = path.suffix.lower()
    text = path.read_text(encoding="utf-8", errors="replace")
    problems = []
    if suffix in MARKUP_FILES:
        finder = LineFinder(text)
        findings = list(markup_findings(parse_document(text), document=True))
        if suffix in XML_FILES:
            try:
                findings += markup_findings(parse_xml(text), document=True, xml=True)
            except UnsafeXmlError as error:
                findings.append(
                    Finding(
                        f"this file has {error}.", "remove the DOCTYPE and the entities.", ("<!DOCTYPE", "<!ENTITY")
                    )
                )
            except Exception as error:  # ElementTree.ParseError and expat errors
                findings.append(Finding(f"this file is not well-formed XML ({error}).", "correct the markup.", ()))
        seen = set()
        for finding in findings:
            line = finding.line if finding.line is not None else finder.find(finding.needles, finding.element)
            problem = Problem(rel, line, finding.message, finding.fix)
            if problem not in seen:  # the HTML and the XML reading often agree
                seen.add(problem)
                problems.append(problem)
    elif TEXT_FILES.get(suffix) == "css":
        for finding in css_findings(text, "this stylesheet"):
            problems.append(Problem(rel, finding.line or 1, finding.message, finding.fix))
    elif TEXT_FILES.get(suffix) == "js":
        for match in JS_REMOTE_URL.finditer(text):
            problems.append(
                Problem(
                    rel,
                    text.count("\n", 0, match.start()) + 1,
                    f"this script refers to '{match['url']}' on another host.",
                    "keep everything the page uses on this site (copy the file under docs/ and use a relative path).",
                )
            )
    return problems


def published_files(docs_dir: Path) -> list[Path]:
    """Files under docs/ that MkDocs copies as they are and a browser would interpret."""
    wanted = MARKUP_FILES | set(TEXT_FILES)
    return sorted(p for p in docs_dir.rglob("*") if p.is_file() and p.suffix.lower() in wanted)


def check_config(config_file: Path, extra_assets: Iterable[str], labels: Iterable[str]) -> list[Problem]:
    """mkdocs.yml: extra_css/extra_javascript from another host, markup in navigation labels."""
    text = config_file.read_text(encoding="utf-8") if config_file.exists() else ""
    finder = LineFinder(text)
    rel = config_file.name
    problems = []
    for asset in extra_assets:
        if is_off_site(asset):
            problems.append(
                Problem(
                    rel,
                    finder.find((asset,)),
                    f"'{asset}' is loaded by every page from outside this site.",
                    "copy the file under docs/ and list its relative path under extra_css/extra_javascript.",
                )
            )
    for label in labels:
        if "<" in label or ">" in label:
            problems.append(
                Problem(
                    rel,
                    finder.find((label,)),
                    f"the navigation label '{label}' contains '<' or '>': the theme writes it into every page as HTML.",
                    "write the label without angle brackets.",
                )
            )
    return problems


def nav_labels(nav: Any) -> Iterator[str]:
    """Every section and page label in a MkDocs nav structure."""
    if isinstance(nav, list):
        for item in nav:
            yield from nav_labels(item)
    elif isinstance(nav, dict):
        for key, value in nav.items():
            yield str(key)
            yield from nav_labels(value)


def check_content_safety(edition: Edition) -> list[Problem]:
    """Every Markdown page and every published markup, CSS or script file under docs/."""
    problems = []
    for page in edition.files:
        problems.extend(check_page(page))
    for path in published_files(edition.docs_dir):
        rel = path.relative_to(edition.root).as_posix() if path.is_relative_to(edition.root) else str(path)
        problems.extend(check_published_file(path, rel))
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py): pages, published files and mkdocs.yml."""
    project = edition.project
    labels = list(nav_labels(project.nav))
    for language in project.languages:
        labels.extend(str(label) for label in (language.settings.get("nav_translations") or {}).values())
    problems = check_content_safety(edition)
    if project.config_file is not None:
        problems += check_config(project.config_file, project.assets, labels)
    return problems


def check_rendered(edition: Edition, rendered: RenderedPages) -> list[Problem]:
    """The final content of each page built with generated parts (tooltips and paragraph tools included).

    The pages' own Markdown was checked before the build (``check``); this sees what the
    generators made of the data, in each language's build (the plugin passes the pages whose
    placeholders were expanded).
    """
    problems = []
    for rel, html in rendered.html.items():
        source = edition.by_rel(rel)
        finder = LineFinder(source.text, source.front_matter.body_line) if source else None
        problems.extend(
            Problem(
                rel,
                finder.find(finding.needles, finding.element) if finder else 1,
                f"the page's final content (with its generated parts) has this: {finding.message}",
                finding.fix,
            )
            for finding in html_findings(html)
        )
    return problems
