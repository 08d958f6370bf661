"""MkDocs hook: nothing in docs/ or mkdocs.yml can run script in a reader's browser or load from another host.

Checked twice: the Markdown sources and published files before the build (naming file and line),
and each page's final content (after the generated tables, charts, tooltips and paragraph tools),
so that what generated content brings in is read as well. Registered in mkdocs.yml under `hooks:`;
the logic and its tests live in edition/content_safety.py and edition/sanitize.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.build import is_nested_language_build, load_for_build, page_file_for
from edition.content_safety import LineFinder, check_config, check_content_safety, html_findings, nav_labels
from edition.problems import Problem, report

_refused_sources: set[str] = set()  # pages the source check refused: their content is not reported again


def on_pre_build(config: MkDocsConfig) -> None:
    if is_nested_language_build(config):
        return
    assets = [str(getattr(item, "path", item)) for item in [*config.extra_css, *config.extra_javascript]]
    labels = list(nav_labels(config.nav))
    i18n = config.plugins.get("i18n")
    for lang in i18n.config.languages if i18n is not None else []:
        labels.extend(str(label) for label in (lang.nav_translations or {}).values())
    problems = check_content_safety(load_for_build(config))
    problems += check_config(Path(config.config_file_path), assets, labels)
    _refused_sources.clear()
    _refused_sources.update(problem.path for problem in problems)
    report("content-safety", problems)


@event_priority(-100)  # after the hooks that add generated content, tooltips and paragraph tools
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page_file_for(config, page)
    rel = source.rel if source else f"docs/{page.file.src_uri}"
    if rel in _refused_sources:
        return html
    finder = LineFinder(source.text, source.front_matter.body_line) if source else None
    problems = [
        Problem(
            rel,
            finder.find(finding.needles, finding.element) if finder else 1,
            f"the page's final content (with its generated parts) has this: {finding.message}",
            finding.fix,
        )
        for finding in html_findings(html)
    ]
    report("content-safety", problems)
    return html
