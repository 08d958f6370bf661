"""Check: nothing in docs/ can run script in a reader's browser or make it load from another host.

Pull requests come from outside contributors, and Markdown passes raw HTML through untouched, so
the build refuses, in every page and in every file published from docs/:

- elements that run or embed code: ``script``, ``iframe``, ``object``, ``embed`` and the like;
- inline event handlers (any ``on*`` attribute) and ``javascript:``/``vbscript:``/``data:`` URLs;
- any image, stylesheet, script, media or other resource from another host (readers in mainland
  China get the whole page from one origin), including ``url(...)`` in CSS; hyperlinks to other
  hosts are fine (the About page cites the original);
- ``<`` or ``>`` in front matter and navigation labels, which the theme writes into the page as is.

Pages are rendered with the site's own Markdown extensions and walked as HTML (BeautifulSoup), so
the check sees what a reader's browser gets; each finding is traced back to the source line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from edition.pages import Edition, PageFile
from edition.problems import Problem

# Elements that run code, embed another document or change how the page's links resolve.
FORBIDDEN_ELEMENTS = {
    "script": "runs script in the reader's browser",
    "iframe": "embeds another page",
    "frame": "embeds another page",
    "frameset": "embeds other pages",
    "object": "embeds a plug-in or another document",
    "embed": "embeds a plug-in or another document",
    "applet": "embeds a plug-in",
    "portal": "embeds another page",
    "base": "changes where every link of the page points",
    "form": "sends what readers type to an address of the author's choosing",
}
# Attributes whose value is a URL; a dangerous scheme in any of them is refused.
URL_ATTRIBUTES = {
    "href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background",
    "data", "cite", "longdesc", "ping", "codebase", "manifest", "icon", "lowsrc", "dynsrc", "xml:base",
}  # fmt: skip
# Attributes the browser fetches by itself (not on a click): they must stay on this site.
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "background", "data", "ping", "lowsrc", "dynsrc", "codebase"}
HYPERLINK_ELEMENTS = {"a", "area"}  # their href is followed only when clicked: other hosts are fine
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
DATA_SCHEME = "data:"
CSS_URL = re.compile(
    r"""url\(\s*(?P<q>['"]?)(?P<url>.*?)(?P=q)\s*\)|@import\s+(?P<q2>['"])(?P<url2>.*?)(?P=q2)""", re.I | re.S
)
CSS_SCRIPT = re.compile(r"expression\s*\(|javascript:|vbscript:|-moz-binding|behavior\s*:", re.I)
JS_REMOTE_URL = re.compile(r"""(['"`])(?P<url>(?:https?:)?//[^'"`\s]+)\1""", re.I)
MARKUP_FILES = {".html", ".htm", ".xhtml", ".svg", ".xml"}
TEXT_FILES = {".css": "css", ".js": "js", ".mjs": "js"}


C0_AND_SPACE = "".join(map(chr, range(0x21)))


def clean_url(value: str) -> str:
    """The URL as a browser reads it: surrounding blanks and controls dropped, tabs and newlines removed."""
    return re.sub(r"[\t\n\r]", "", value).strip(C0_AND_SPACE)


def is_off_site(url: str) -> bool:
    """True for any URL that is not a relative path on this site (another host, or any scheme)."""
    url = clean_url(url).replace("\\", "/")
    if url.startswith("//"):
        return True
    try:
        parts = urlsplit(url)
    except ValueError:
        return True  # a URL the parser rejects is not a plain relative path either
    return bool(parts.scheme or parts.netloc)


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset ("a.png 1x, b.png 2x")."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


@dataclass(frozen=True)
class Finding:
    """One unsafe thing in a document, with strings to find its line in the source."""

    message: str
    fix: str
    needles: tuple[str, ...]  # tried in order
    line: int | None = None  # known when the source is the HTML itself
    element: str = ""  # a line that also has "<element" is preferred (raw HTML in Markdown)


def css_findings(css: str, where: str) -> Iterator[tuple[int, Finding]]:
    """Remote ``url(...)``/``@import`` and script in CSS text; yields (offset in css, finding)."""
    for match in CSS_URL.finditer(css):
        url = match["url"] if match["url"] is not None else match["url2"]
        if url and is_off_site(url):
            yield (
                match.start(),
                Finding(
                    f"{where} loads '{url}' from outside this site.",
                    "put the file under docs/ and refer to it with a relative path (nothing may load from another host).",
                    (url, "url(", "@import"),
                ),
            )
    for match in CSS_SCRIPT.finditer(css):
        yield (
            match.start(),
            Finding(
                f"{where} contains '{match.group(0)}', which runs script.",
                "remove it; styles may only set presentation.",
                (match.group(0),),
            ),
        )


def html_findings(soup: BeautifulSoup | Tag) -> Iterator[Finding]:
    """Walk every element of a document and report what could run script or load from elsewhere."""
    for element in soup.find_all(True):
        name = element.name.lower()
        line = getattr(element, "sourceline", None)
        if name in FORBIDDEN_ELEMENTS:
            yield Finding(
                f"<{name}> is not allowed: it {FORBIDDEN_ELEMENTS[name]}.",
                f"remove the <{name}> element; link to the resource instead (a plain link to another site is fine).",
                (f"<{name}",),
                line,
            )
            continue  # refused as a whole: its attributes need no separate report
        if name == "meta" and element.has_attr("http-equiv"):
            yield Finding(
                f'<meta http-equiv="{element["http-equiv"]}"> is not allowed: it can redirect the reader or change the page\'s rules.',
                "remove the <meta http-equiv> element.",
                ("http-equiv", "<meta"),
                line,
                "meta",
            )
            continue
        if name == "style":
            for _, finding in css_findings(element.get_text(), "a <style> element"):
                yield Finding(finding.message, finding.fix, finding.needles, line, "style")
        for attribute, raw in element.attrs.items():
            attribute = attribute.lower()
            values = raw if isinstance(raw, list) else [raw]
            value = " ".join(str(v) for v in values)
            needles = (value, value[len(value) // 2 :], f"{attribute}=", f"<{name}")
            for finding in _attribute_findings(name, attribute, value, needles, line):
                yield Finding(finding.message, finding.fix, finding.needles, finding.line, name)


def _attribute_findings(
    element: str, attribute: str, value: str, needles: tuple[str, ...], line: int | None
) -> Iterator[Finding]:
    if attribute.startswith("on"):
        yield Finding(
            f"<{element}> has the inline event handler {attribute}=, which runs script.",
            f"remove the {attribute}= attribute.",
            (f"{attribute}=", f"{attribute} =", *needles),
            line,
        )
        return
    if attribute == "style":
        for _, finding in css_findings(value, f"the style of <{element}>"):
            yield Finding(finding.message, finding.fix, (*finding.needles, *needles), line)
        return
    scheme_value = clean_url(value).lower()
    if scheme_value.startswith(SCRIPT_SCHEMES):
        yield Finding(
            f'<{element} {attribute}="{_short(value)}"> is a script URL.',
            "link to a page or a file instead; javascript: and vbscript: URLs are never allowed.",
            (*needles, "javascript:", "vbscript:"),
            line,
        )
        return
    if attribute not in URL_ATTRIBUTES:
        return
    urls = srcset_urls(value) if attribute == "srcset" else [value]
    for url in urls:
        if clean_url(url).lower().startswith(DATA_SCHEME):
            yield Finding(
                f'<{element} {attribute}="{_short(url)}"> is a data: URL.',
                "save the content as a file under docs/ and refer to it with a relative path.",
                (url, *needles),
                line,
            )
        elif _is_resource(element, attribute) and is_off_site(url):
            yield Finding(
                f'<{element} {attribute}="{_short(url)}"> loads from outside this site.',
                "save the file under docs/ (e.g. docs/images/) and use a relative path; nothing may load from another host.",
                (url, *needles),
                line,
            )


def _is_resource(element: str, attribute: str) -> bool:
    """Whether the browser fetches this URL by itself (an <img src>, a <link href>), not on a click."""
    if attribute in RESOURCE_ATTRIBUTES:
        return True
    return attribute in ("href", "xlink:href") and element not in HYPERLINK_ELEMENTS


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
    for finding in html_findings(page.html):
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
    """A file that MkDocs copies from docs/ as it is: markup, CSS or JavaScript."""
    suffix = path.suffix.lower()
    text = path.read_text(encoding="utf-8", errors="replace")
    problems = []
    if suffix in MARKUP_FILES:
        finder = LineFinder(text)
        soup = BeautifulSoup(text, "html.parser")
        for finding in html_findings(soup):
            line = finding.line if finding.line is not None else finder.find(finding.needles, finding.element)
            problems.append(Problem(rel, line, finding.message, finding.fix))
    elif TEXT_FILES.get(suffix) == "css":
        for offset, finding in css_findings(text, "this stylesheet"):
            problems.append(Problem(rel, text.count("\n", 0, offset) + 1, finding.message, finding.fix))
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
