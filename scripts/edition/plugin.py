"""The edition as one MkDocs plugin: checks, generated content, paragraph tools, citations, search, downloads.

Registered as ``edition`` by the entry point in pyproject.toml (installed with the site's
requirements) and listed under ``plugins:`` in mkdocs.yml after ``i18n``. One ``Edition`` (the
model, loaded in one pass by scripts/edition/model/edition.py and never changed) is read per build
and everything hangs on it; what the build makes of it (the pages' final HTML for the ``rendered``
checks, edition/checks/rendered.py) is the plugin's own state:

1. ``on_pre_build``: read the model and run the ``boundary`` checks of scripts/edition/checks/registry.py
   (mkdocs.yml alone, the repository's own files: a problem stops the build before any other check
   reads a file), then the ``model`` checks. A problem stops the build there, every problem named
   by file and line: nothing of a refused build is worth rendering.
   They include ``release`` and ``errata`` (edition/checks/errata.py, the log read by edition/model/errata.py): the text is that of the last
   release recorded in docs/data/releases.json, and every change a release made is in errata.yml.
2. Each page: placeholders expanded from the data (``on_page_markdown``); then, on MkDocs's HTML,
   each aligned group of sentences wrapped in its addressable span (edition/outputs/sentence_spans.py),
   tooltips and paragraph tools added, the search entries read, and the edition's version added:
   a note under each corrected paragraph (in its row on a side-by-side page) and the colophon
   (version, Corrections, "Cite this page", "Back to top") (``on_page_content``); the page's strings, its
   citation metadata and the Cite panel's templates (edition/outputs/metadata.py, citations.py) given to
   the templates as ``edition_strings`` and ``edition_head`` (``on_page_context``).
3. The end of each language's build: the ``rendered`` checks and that language's search index.
4. The end of the whole build (after mkdocs-static-i18n has built the other languages, from its
   own ``on_post_build``): downloads (text.json and sentences.csv too: edition/outputs/text_data.py), the Atom feed of the corrections in each language, the theme
   kept to this host, the security policy written, the ``site`` checks, and the verdict: any
   problem fails the build in every mode (``build``, ``build -q``, ``--strict``, ``serve``) and
   empties the output folder.

mkdocs-static-i18n builds each further language by running MkDocs's ``build()`` again from its
``on_post_build``, with every plugin's events. The plugin counts the builds it is inside
(``_depth``) rather than reading the i18n plugin's private state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory, get_relative_url, write_file

from edition.checks.registry import checks
from edition.checks.rendered import RenderedPages
from edition.checks.trust import check_config_file
from edition.from_mkdocs import edition_from
from edition.model.aligned_text import Paragraph, by_page
from edition.model.dom import Content, attribute
from edition.model.edition import Edition
from edition.model.errata import ERRATA_PAGE, FEED
from edition.model.pages import PageFile, split_name
from edition.model.problems import found, report, reset
from edition.model.published_files import PDF_DIR, PDF_FILES
from edition.model.published_words import is_unit, page_of_unit
from edition.model.release import EditionInfo, format_date
from edition.outputs.citations import fill_work, page_data
from edition.outputs.downloads import DOWNLOAD_DIR, write_downloads
from edition.outputs.errata import add_notes_to, atom_feed, labels_of
from edition.outputs.footnote_links import name_back_links
from edition.outputs.generated import Context, put_raw
from edition.outputs.lang_marks import mark_languages
from edition.outputs.metadata import PageMeta, head_html
from edition.outputs.own_host import keep_to_own_host
from edition.outputs.paragraph_tools import ToolLabels, add_tools_to
from edition.outputs.placeholders import expand
from edition.outputs.report import form_url, repository_name
from edition.outputs.script_variants import simplify_map
from edition.outputs.search_aliases import Aliases
from edition.outputs.search_index import Entry, Labels, TwinTokens, add_twins, build_index, page_entries
from edition.outputs.sentence_spans import add_hint, wrap_page, wrap_parallel
from edition.outputs.table_names import name_tables
from edition.outputs.text_data import write_text_data
from edition.outputs.tooltips import annotate_tree

log = logging.getLogger("mkdocs.plugins.edition")
NOT_FOUND = "404.html"


class EditionPlugin(BasePlugin):
    """One state per build: the model, the pages' search entries, what the checks found."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._command = "build"
        self._depth = 0  # 1 in the default language's build, 2 inside i18n's build of another
        self._language: list[str] = []  # the language of each build we are inside
        self._edition: Edition | None = None
        self._entries: dict[str, list[Entry]] = {}
        self._simplify: dict[str, str] | None = None
        self._site_dir: Path | None = None
        self._generated: set[str] = set()  # pages with content made from data (placeholders)
        self._raw: dict[str, list[str]] = {}  # generated HTML blocks of each page (render.Context.raw)
        self._tokens: TwinTokens = {}  # the Chinese texts' tokens, for the English entries' twins
        self._aligned: dict[str, dict[str, Paragraph]] | None = None  # page -> id -> its sentences
        self._sentences: dict[str, str] = {}  # page file -> the text page whose sentences it shows
        self._alias_cache: Aliases | None = None
        self._rendered = RenderedPages()  # the final HTML of this language's pages with generated parts

    @property
    def edition(self) -> Edition:
        if self._edition is None:
            raise PluginError("the edition plugin's model is not loaded: on_pre_build did not run")
        return self._edition

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple[Any, Any]:
        """The plugin's options, and the trust boundary (edition/checks/trust.py) checked on mkdocs.yml's own text.

        MkDocs validates its plugins before it imports ``hooks`` and stops at the first setting that
        fails: a refusal here means no hook's code is ever imported.
        """
        errors, warnings = super().load_config(options, config_file_path)
        if config_file_path:
            errors.extend(("trust", f"[trust] {problem}") for problem in check_config_file(Path(config_file_path)))
        return errors, warnings

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command

    # 1. Read the model and check it -----------------------------------------------------------

    @event_priority(100)
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._depth += 1
        if self._depth > 1:
            self._language.append("")  # set by the first page of this language's build
            return
        reset()
        self._entries, self._simplify, self._generated, self._tokens, self._raw = {}, None, set(), {}, {}
        self._aligned, self._sentences = None, {}
        self._alias_cache = None
        self._rendered = RenderedPages()
        self._site_dir = Path(config.site_dir)
        self._edition = edition_from(config, serving=self._command == "serve")
        self._language = [self._edition.default_language]
        for check in checks("boundary"):
            report(check.name, check.run(self._edition))
        self._verdict("at its trust boundary, before any other check read a file")
        for check in checks("model"):
            report(check.name, check.run(self._edition))
        self._verdict("before anything was built")
        self._say_who_maintains()

    def _say_who_maintains(self) -> None:
        """What the site will say of its maintainers when edition.yml names no publisher (not a problem)."""
        edition = self.edition
        info = edition.versions.info
        repo = edition.project.repo_url
        if info is not None and not info.publisher:
            whom = f"the contributors of {repository_name(repo)}" if repo else "the contributors of its repository"
            log.info(
                "docs/data/edition.yml names no publisher: About says the edition is maintained by %s, and citations name the government portal as publisher. Set 'publisher:' (zh: and en:) to name the maintaining body.",
                whom,
            )
        if not repo:
            log.info(
                'EDITION_REPOSITORY_URL is not set: this build has no repository link and no "Report a mistake" links (the deploy sets it).'
            )

    def _verdict(self, when: str) -> None:
        problems = found()
        if problems:
            summary = ", ".join(f"{check}: {count}" for check, count in sorted(problems.items()))
            raise PluginError(
                f"The edition's checks refused this build {when} ({summary}); the messages above name each file and line."
            )

    # 2. Each page -----------------------------------------------------------------------------

    def _build_language(self) -> str:
        """The language of the build we are inside (set by its first page), else the default one."""
        return self._language[-1] or self.edition.default_language

    def _page_language(self, page: Page) -> str:
        _, lang = split_name(page.file.src_uri, self.edition.languages)
        lang = lang or self.edition.default_language
        if self._language and not self._language[-1]:
            self._language[-1] = lang
        return lang

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        lang = self._page_language(page)
        if "<!--" not in markdown:
            return markdown
        edition = self.edition
        source = edition.source_file(page.file.src_uri)
        rel = source.rel if source else f"docs/{page.file.src_uri}"
        first_line = source.front_matter.body_line if source else 1
        ctx = Context(edition, edition.data, lang, page.file.src_uri, page.url)
        expanded, problems = expand(markdown, ctx, rel, first_line)
        report("placeholders", problems)
        if expanded != markdown:
            self._generated.add(page.file.src_uri)
        self._raw[page.file.src_uri] = ctx.raw_blocks
        return expanded

    @event_priority(-50)  # after any other plugin's changes to the content
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        edition = self.edition
        lang = self._page_language(page)
        source = edition.source_file(page.file.src_uri)
        strings = edition.strings[lang]
        html = put_raw(html, self._raw.pop(page.file.src_uri, []))
        content = Content(html)  # the page's one parse: read for search, then decorated
        search = page.meta.get("search") or {}
        if not search.get("exclude"):
            self._entries.setdefault(lang, []).extend(
                page_entries(
                    content,
                    location=page.url.removeprefix(edition.project.prefix(lang)),
                    title=str(page.meta.get("title") or page.title),
                    description=str(page.meta.get("description") or ""),
                    paragraph_ids=source.explicit_ids if source else [],
                    labels=Labels(paragraph=strings.get("page.search_paragraph"), note=strings.get("page.search_note")),
                    boost=float(search["boost"]) if "boost" in search else None,
                )
            )
        changed = self._wrap_sentences(content, page, lang)
        if page.meta.get("tooltips") is not False:
            changed = annotate_tree(content, edition.data.terms, lang, edition.languages) or changed
        if source is not None and source.blocks:
            labels = ToolLabels(
                permalink_label=strings.get("page.permalink_label"),
                cite=strings.get("page.cite"),
                cite_label=strings.get("page.cite_label"),
                report=strings.get("page.report"),
                report_label=strings.get("page.report_label"),
                report_href=self._report_href(page, lang),
            )
            add_tools_to(content, [block.id for block in source.blocks], labels)
            changed = True
        changed = self._add_versions(content, page, lang) or changed
        changed = name_tables(content) or changed
        changed = name_back_links(content, edition.strings[lang].get("page.footnote_back")) or changed
        changed = mark_languages(content, lang) or changed  # last: the words of every decoration too
        if changed:
            html = content.html()
        if page.file.src_uri in self._generated or source is None:
            # What the data made of the page is read again as built. The rest of a page is its
            # Markdown, which the model checks read before the build, and the decorations
            # added here, whose words the builder escapes (lexbor's text and attributes, edition/model/dom.py).
            self._rendered.html[source.rel if source else f"docs/{page.file.src_uri}"] = html
        return html

    def _report_href(self, page: Page, lang: str) -> Callable[[str], str] | None:
        """The correction form's address for a paragraph of this page, if the repository is known."""
        repo = self.edition.project.repo_url
        if not repo:
            return None
        page_url = page.canonical_url or page.url
        return lambda block_id: form_url(repo, lang, page_url, block_id)

    def _wrap_sentences(self, content: Content, page: Page, lang: str) -> bool:
        """Each aligned group of sentences in its span, on a text page or a side-by-side one (edition/outputs/sentence_spans.py)."""
        edition = self.edition
        if self._aligned is None:
            self._aligned = by_page(edition)
        source = edition.source_file(page.file.src_uri)
        name = source.name if source is not None and source.blocks else None
        wrapped = False
        if name in self._aligned:
            wrapped = wrap_page(content, self._aligned[name], lang, edition.default_language)
        elif (row := content.body.css_first(".edition-parallel__row[id]")) is not None:
            owner = edition.page_of_block(edition.default_language).get(str(row.attributes.get("id") or ""))
            name = owner.name if owner else None
            if name in self._aligned:
                wrapped = wrap_parallel(content, self._aligned[name], lang, edition.default_language)
        if wrapped and name:
            self._sentences[page.file.src_uri] = name
            add_hint(content, edition.strings[lang].get("page.sentence_hint"))
        return wrapped

    def _add_versions(self, content: Content, page: Page, lang: str) -> bool:
        """The notes under corrected paragraphs, and the page's colophon: version, Corrections, Cite this page, Back to top.

        Made as elements (the words are escaped when the page is written), from docs/data/edition.yml and
        errata.yml (edition/model/errata.py); nothing is added while those files have problems (the
        "release" check names them).
        """
        edition = self.edition
        found = edition.versions
        if found.info is None:
            return False
        strings = edition.strings[lang]
        errata_url = get_relative_url(f"{edition.project.prefix(lang)}{ERRATA_PAGE}/", page.url)
        note = strings.get("page.erratum_note")
        add_notes_to(content, found.errata, found.record, lang, note, errata_url)
        version = strings.get("page.version_line", version=found.info.version, date=format_date(found.info.date, lang))
        colophon = content.element("div", {"class": "edition-colophon", "data-search-exclude": ""})
        colophon.insert_child(content.element("span", text=version))
        colophon.insert_child(" · ")
        colophon.insert_child(content.element("a", {"href": errata_url}, strings.get("page.errata_link")))
        colophon.insert_child(" ")
        cite_attrs = {"type": "button", "class": "edition-cite edition-cite--page", "hidden": ""}
        colophon.insert_child(content.element("button", cite_attrs, strings.get("page.cite_page")))
        colophon.insert_child(" · ")
        # In the page's flow (nothing fixed covers the text), to the page's heading when it has an id:
        # a keyboard's next Tab then goes on from the top, not from the foot where the link was.
        heading = content.body.css_first("h1[id]")
        top = {"href": f"#{attribute(heading, 'id')}" if heading is not None else "#", "class": "edition-top"}
        colophon.insert_child(content.element("a", top, strings.get("page.back_to_top")))
        content.body.insert_child(colophon)
        return True

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        strings = self._page_strings(page)
        context["edition_strings"] = strings
        lang = self._page_language(page)
        language = self.edition.project.language(lang)
        context["edition_language_link"] = language.link if language else "/"  # the language's root: its search index
        context["edition_head"] = self._head(page, lang, strings, config)
        report_href = self._report_href(page, lang)
        strings["report_url"] = report_href("") if report_href else ""  # the Cite panel's link (edition.js)
        context["edition_sentences"] = self._sentences.get(page.file.src_uri, "")  # its pairs: sentences/<name>.json
        context["edition_source_url"] = self._info(page).work.url if self.edition.versions.info else ""
        context["edition_copyright"] = self._copyright(page, lang, config)
        return context

    def _copyright(self, page: Page | None, lang: str, config: MkDocsConfig) -> str:
        """The footer's line (mkdocs.yml ``copyright``, in the page's language) naming the page's own
        document's publisher where it says ``{work_publisher}`` (overrides/partials/copyright.html)."""
        text = str(config.copyright or "")
        return fill_work(text, self._info(page).work, lang) if self.edition.versions.info else text

    def _info(self, page: Page | None) -> EditionInfo:
        """The edition as this page cites it: with the page's own document (docs/data/documents/)."""
        source = self.edition.source_file(page.file.src_uri) if page is not None else None
        info = self.edition.versions.info
        assert info is not None
        return info.for_document(self.edition.document_of(source) if source else None)

    def _head(self, page: Page, lang: str, strings: dict[str, str], config: MkDocsConfig) -> str:
        """The page's citation metadata and the Cite panel's templates (edition/outputs/metadata.py, citations.py)."""
        edition = self.edition
        if edition.versions.info is None or not page.canonical_url:
            return ""
        info = self._info(page)
        project = edition.project
        other = edition.roles.other(lang)
        site = config.site_url or ""
        path = page.url.removeprefix(project.prefix(lang))
        source = edition.source_file(page.file.src_uri)
        meta = PageMeta(
            lang=lang,
            title=str(page.meta.get("title") or page.title or ""),
            description=str(page.meta.get("description") or config.site_description or ""),
            url=page.canonical_url,
            twin_lang=other,
            twin_url=site + project.prefix(other) + path,
            home_url=site + project.prefix(lang),
            pdf_url=f"{site}{PDF_DIR}/{PDF_FILES[lang]}",
            site_name=config.site_name,
            roles=edition.roles,
            editorial=source is not None and source.kind == "editorial",
        )
        notes = edition.strings[lang].section("citation")
        title = str(source.front_matter.data.get("title") or "") if source and source.kind == "editorial" else ""
        cite = page_data(info, lang, edition.roles, page.canonical_url, info.work.url, strings, notes, title)
        return head_html(info, meta, cite)

    def _page_strings(self, page: Page | None) -> dict[str, str]:
        """The page furniture's strings in the page's language; the citation fits the page's kind."""
        edition = self.edition
        lang = self._page_language(page) if page is not None else self._build_language()
        strings = {key: str(value) for key, value in edition.strings[lang].section("page").items()}
        source = edition.source_file(page.file.src_uri) if page is not None else None
        if source is not None and source.kind == "editorial":
            title = str(source.front_matter.data.get("title") or "").replace("{", "{{").replace("}", "}}")
            strings["citation"] = strings["citation_editorial"].replace("{title}", title)
            strings["citation_page"] = strings["citation_page_editorial"].replace("{title}", title)
            strings["citation_sentence"] = strings["citation_sentence_editorial"].replace("{title}", title)
        del strings["citation_editorial"], strings["citation_page_editorial"], strings["citation_sentence_editorial"]
        if (
            edition.versions.info is not None
        ):  # the page's document (docs/data/documents/) in its citations and source line
            work = self._info(page).work
            for key in ("citation", "citation_page", "citation_sentence", "source_line"):
                strings[key] = fill_work(strings[key], work, lang)
        return strings

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        context["edition_strings"] = self._page_strings(None)
        context["edition_source_url"] = self._info(None).work.url if self.edition.versions.info else ""
        lang = self._build_language()
        context["edition_copyright"] = self._copyright(None, lang, config)
        return context

    def on_pre_template(self, template: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        if template_name == NOT_FOUND:
            # The 404 page is not a page of either language: its language menu leads to each home
            # page, built as mkdocs-static-i18n builds the menu (the site's path, then each link).
            base = urlsplit(config.site_url or "").path.rstrip("/")
            suffix = "" if config.use_directory_urls else "index.html"
            config.extra["alternate"] = [
                {
                    "name": language.name,
                    "link": language.settings.get("fixed_link") or f"{base}{language.link}{suffix}",
                    "lang": language.locale,
                }
                for language in self.edition.project.languages
            ]
        return template

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name == NOT_FOUND and self._depth > 1:
            return ""  # MkDocs skips writing an empty template: the default language's 404 page stays
        return output_content

    # 3. The end of each language's build ------------------------------------------------------

    @event_priority(0)  # before mkdocs-static-i18n (-100) starts the next language's build
    def _on_post_build_language(self, *, config: MkDocsConfig) -> None:
        edition = self.edition
        lang = self._build_language()
        for check in checks("rendered"):
            report(check.name, check.run(edition, self._rendered))
        self._rendered = RenderedPages()
        entries = self._entries.get(lang, [])
        chinese = self._entries.get(edition.default_language, [])
        if lang != edition.default_language:
            add_twins(entries, chinese)
        if self._simplify is None:
            self._simplify = simplify_map(f"{entry.title} {entry.text}" for entry in chinese)
        root = Path(config.site_dir) / edition.project.prefix(lang) / "search"
        for name, data in build_index(entries, self._simplify, self._tokens, self._aliases()).items():
            write_file(data, str(root / name))

    def _aliases(self) -> Aliases:
        """The other names search indexes with the words (spelling, hyphens, the glossary's names)."""
        if self._alias_cache is None:
            self._alias_cache = Aliases(self.edition.data.terms)
        return self._alias_cache

    # 4. The end of the whole build ------------------------------------------------------------

    @event_priority(-300)  # last: after mkdocs-static-i18n (-100) built every other language
    def _on_post_build_site(self, *, config: MkDocsConfig) -> None:
        self._depth -= 1
        self._language.pop()
        if self._depth > 0:
            return  # the end of a further language's build, inside the default language's
        edition = self.edition
        site = Path(config.site_dir)
        write_downloads(edition, edition.data, site)
        write_text_data(edition, site, DOWNLOAD_DIR)
        self._write_feeds(site, config.site_url or "")
        keep_to_own_host(site)
        for check in checks("site"):
            report(check.name, check.run(edition))
        self._verdict("after building")

    def _write_feeds(self, site: Path, site_url: str) -> None:
        """The corrections log as an Atom feed per language (errata.atom, en/errata.atom)."""
        edition = self.edition
        found = edition.versions
        if found.info is None:
            return
        for lang in edition.languages:
            prefix = edition.project.prefix(lang)
            page_url = f"{site_url}{prefix}{ERRATA_PAGE}/"
            urls = {"self": f"{site_url}{prefix}{FEED}", "page": page_url, "home": f"{site_url}{prefix}"}
            where = edition.page_of_block(lang) | page_of_unit(edition, lang)

            def paragraph_url(pid: str, prefix: str = prefix, where: dict[str, PageFile] = where) -> str:
                page = f"{where[pid].name}/" if pid in where else ""
                return f"{site_url}{prefix}{page}" if is_unit(pid) else f"{site_url}{prefix}{page}#{pid}"

            labels = labels_of(edition.strings[lang])
            feed = atom_feed(found.errata, found.record, found.info, lang, urls, labels, paragraph_url)
            write_file(feed, str(site / prefix / FEED))

    on_post_build = CombinedEvent(_on_post_build_language, _on_post_build_site)

    def on_build_error(self, *, error: Exception) -> None:
        """Empty the output folder of a refused build, as MkDocs empties it at the start of a build."""
        self._depth, self._language = 0, []
        if self._site_dir is not None and self._site_dir.is_dir():
            clean_directory(str(self._site_dir))
            log.error("Refused build: %s was emptied, so nothing of it can be published.", self._site_dir)
