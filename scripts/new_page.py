#!/usr/bin/env python3
"""Scaffold a new page pair: docs/NAME.zh.md + docs/NAME.en.md, and its entry in the navigation.

    python scripts/new_page.py interview --kind editorial --zh-title 访谈 --en-title Interview \\
        --zh-description "……" --en-description "..." [--id-prefix iv] [--after about]
    python scripts/new_page.py release-2018 --kind source --document press-release-2018-03-01 ...

(``make page NAME=… KIND=… ZH_TITLE=… …`` runs it in the project's environment: CONTRIBUTING.md.)
Both pages get front matter (kind, title, description, and for a source page its document) and a
first heading. ``--kind source``: the source's words, compared sentence by sentence with their
document (docs/data/documents/<id>.yml; edition.yml's ``document:`` unless ``--document``);
``--kind editorial``: the edition's own words, with ids, permalinks and Cite but no source
comparison; ``--kind generated``: a page filled from data by a placeholder. With --id-prefix the
heading and a first placeholder paragraph carry the same ids in both languages ({#iv}, {#iv-1}),
which the build refuses until the placeholders are replaced. mkdocs.yml gets the Chinese label in `nav:` and
the English one under the i18n plugin's `nav_translations:`; the file is edited as text (a YAML
round trip would drop its comments and `!ENV` tags) and the result is loaded with MkDocs' own
config loader before anything is written. A source page also gets its side-by-side view where the
edition has them (docs/parallel/NAME.<lang>.md, shaped as the existing ones, listed at the end of
their navigation section). Nothing existing is ever overwritten: a bad name, an
existing page, an id prefix in use or a navigation it cannot place the page in is refused with
exit code 2 and no file changed.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from edition.checks.scaffold import PLACEHOLDERS
from edition.model.documents import DOCUMENTS_DIR
from edition.model.pages import EXPLICIT_ID, KINDS, PLACEHOLDER, nav_names, parse_front_matter
from edition.model.yaml_data import read_yaml

ROOT = Path(__file__).resolve().parents[1]
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# Names the site, the theme or the i18n plugin already use for folders or pages of their own.
RESERVED = {"index", "404", "search", "assets", "sitemap", "en", "zh", "data", "images", "img", "css", "js", "pdf"}
LANGUAGES = ("zh", "en")
PARALLEL = "parallel"  # the side-by-side views' folder under docs/ (edition/outputs/parallel.py)
PARALLEL_NAV = re.compile(r"^(\s+)- .+: parallel/[^\s]+\.md\s*(#.*)?$")


class RefusedError(Exception):
    """A reason not to create the page; nothing has been written."""


@dataclass
class Request:
    name: str
    titles: dict[str, str]
    descriptions: dict[str, str]
    id_prefix: str | None
    after: str | None
    kind: str = "source"
    document: str | None = None  # for a source page: its document (docs/data/documents/<id>.yml)
    parallel: dict[str, str] | None = None  # a source page's side-by-side view, by language (parallel_text)


def main_document(docs: Path) -> str | None:
    """The document a source page reproduces unless it names another: edition.yml's ``document:``."""
    path = docs / "data" / "edition.yml"
    data = read_yaml(path.read_text(encoding="utf-8")) if path.is_file() else None
    return str(data.get("document")) if isinstance(data, dict) and data.get("document") else None


def yaml_scalar(text: str) -> str:
    """The text as a YAML scalar: plain if it reads back unchanged, double-quoted otherwise."""
    try:
        if yaml.safe_load(f"key: {text}") == {"key": text}:
            return text
    except yaml.YAMLError:
        pass
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def document_titles(request: Request, docs: Path) -> None:
    """A source page's titles left out are its document's (its heading is compared with the document's
    text, whose first line is the title): one thing fewer for a maintainer to type and get wrong."""
    if all(title.strip() for title in request.titles.values()):
        return
    path = docs / DOCUMENTS_DIR / f"{request.document}.yml"
    data = read_yaml(path.read_text(encoding="utf-8")) if path.is_file() else None
    titles = data.get("title") if isinstance(data, dict) else None
    for lang in LANGUAGES:
        found = titles.get(lang) if isinstance(titles, dict) else None
        if not request.titles[lang].strip() and isinstance(found, str) and found.strip():
            request.titles[lang] = found.strip()


def validate(request: Request, root: Path) -> None:
    name = request.name
    if not NAME.match(name) or len(name) > 50:
        raise RefusedError(
            f"'{name}' is not a page name: use lowercase ASCII letters, digits and single hyphens, "
            "starting with a letter (e.g. 'border-policing'), at most 50 characters."
        )
    if name in RESERVED:
        raise RefusedError(
            f"'{name}' is reserved (used by the site, the theme or the language plugin); choose another name."
        )
    docs = root / "docs"
    existing = [docs / f"{name}.{lang}.md" for lang in LANGUAGES] + [docs / f"{name}.md", docs / name]
    found = [path.relative_to(root).as_posix() for path in existing if path.exists()]
    if found:
        raise RefusedError(
            f"the page '{name}' already exists ({', '.join(found)}); edit it instead, nothing was overwritten."
        )
    if request.kind not in KINDS:
        raise RefusedError(f"'{request.kind}' is not a kind of page: use one of {', '.join(KINDS)}.")
    if request.document is not None and request.kind != "source":
        raise RefusedError("DOCUMENT names the document a source page reproduces: use it with KIND=source.")
    if request.kind == "source":
        documents = sorted(path.stem for path in (docs / DOCUMENTS_DIR).glob("*.yml"))
        if request.document is None:
            request.document = main_document(docs)
        if request.document not in documents:
            raise RefusedError(
                f"the document '{request.document}' is not described: there is no docs/{DOCUMENTS_DIR}/{request.document}.yml. "
                f"Describe it first with: make document ID={request.document} (described now: {', '.join(documents) or 'none'})."
            )
        document_titles(request, docs)
        views = {lang: parallel_text(request, docs, lang) for lang in LANGUAGES}
        if all(views.values()):
            request.parallel = {lang: str(text) for lang, text in views.items()}
            taken = [
                f"docs/{PARALLEL}/{name}.{lang}.md"
                for lang in LANGUAGES
                if (docs / PARALLEL / f"{name}.{lang}.md").exists()
            ]
            if taken:
                raise RefusedError(
                    f"{', '.join(taken)} already exist(s); remove the stale side-by-side page or choose another name."
                )
    for lang in LANGUAGES:
        for label, value in (("title", request.titles[lang]), ("description", request.descriptions[lang])):
            if not value.strip() or "\n" in value:
                raise RefusedError(
                    f"the {lang} {label} must be one non-empty line: give {lang.upper()}_{label.upper()}='…'."
                )
            if "<" in value or ">" in value:
                raise RefusedError(
                    f"the {lang} {label} contains '<' or '>', which the theme would write into the page as HTML."
                )
    if request.kind == "generated" and request.id_prefix is not None:
        raise RefusedError("a generated page has no paragraphs of its own: leave out --id-prefix.")
    if request.id_prefix is not None:
        prefix = request.id_prefix
        if not NAME.match(prefix):
            raise RefusedError(
                f"'{prefix}' is not an id prefix: use lowercase letters, digits and hyphens, starting with a letter (e.g. 'a6')."
            )
        for path in sorted(docs.rglob("*.md")):
            for block_id in EXPLICIT_ID.findall(path.read_text(encoding="utf-8")):
                if block_id == prefix or block_id.startswith(prefix + "-"):
                    raise RefusedError(
                        f"the id prefix '{prefix}' is already used ('#{block_id}' in {path.relative_to(root).as_posix()}); "
                        "paragraph ids are never reused: choose a new prefix."
                    )


def page_text(request: Request, lang: str) -> str:
    fields = {"kind": request.kind, **({"document": request.document} if request.document else {})}
    matter = yaml.safe_dump(
        {**fields, "title": request.titles[lang], "description": request.descriptions[lang]},
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
    )
    prefix = request.id_prefix
    heading = f"# {request.titles[lang]}" + (f" {{#{prefix}}}" if prefix else "")
    body = heading + "\n"
    if prefix:
        body += f"\n{PLACEHOLDERS[lang]}\n{{#{prefix}-1}}\n"
    return f"---\n{matter}---\n\n{body}"


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """Index after the last line of the block opened at ``start`` (lines indented deeper, or blank)."""
    end = start + 1
    last = start
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line.lstrip().startswith("#"):
            if len(line) - len(line.lstrip()) <= indent:
                break
            last = end
        end += 1
    return last + 1


def parallel_text(request: Request, docs: Path, lang: str) -> str | None:
    """The side-by-side view of a new source page in ``lang``, shaped as an existing one (its front
    matter with the new title in place of its page's title); None where the edition has none."""
    for path in sorted((docs / PARALLEL).glob(f"*.{lang}.md")):
        text = path.read_text(encoding="utf-8")
        shown = next((m["arg"] for m in PLACEHOLDER.finditer(text) if m["kind"] == PARALLEL), None)
        page = docs / f"{shown}.{lang}.md" if shown else None
        if page is None or not page.is_file():
            continue
        title = str(parse_front_matter(page.read_text(encoding="utf-8")).data.get("title") or "")
        front = dict(parse_front_matter(text).data)
        if not title or not all(title in str(front.get(key) or "") for key in ("title", "description")):
            continue
        for key in ("title", "description"):
            front[key] = str(front[key]).replace(title, request.titles[lang])
        matter = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)
        return f"---\n{matter}---\n\n<!-- parallel: {request.name} -->\n"
    return None


def add_parallel_to_nav(lines: list[str], request: Request) -> None:
    """The side-by-side view's entry, after the last one in the navigation (none: nothing added)."""
    last = max((i for i, line in enumerate(lines) if PARALLEL_NAV.match(line)), default=None)
    if last is not None:
        indent = PARALLEL_NAV.match(lines[last])[1]
        lines.insert(last + 1, f"{indent}- {yaml_scalar(request.titles['zh'])}: {PARALLEL}/{request.name}.md\n")


def add_to_config(text: str, request: Request) -> str:
    """mkdocs.yml with the page's nav entry and English nav label added, as a textual insertion."""
    lines = text.splitlines(keepends=True)
    if not text.endswith("\n"):
        lines[-1] += "\n"
    page = f"{request.name}.md"
    label_zh, label_en = request.titles["zh"], request.titles["en"]

    nav_start = next((i for i, line in enumerate(lines) if re.match(r"^nav:\s*(#.*)?$", line)), None)
    if nav_start is None:
        raise RefusedError("mkdocs.yml has no top-level 'nav:' list to add the page to; add it by hand.")
    nav_end = _block_end(lines, nav_start, 0)
    nav_block = lines[nav_start + 1 : nav_end]
    if any(re.search(rf"(^|[\s:]){re.escape(page)}\s*(#.*)?$", line) for line in nav_block):
        raise RefusedError(
            f"'{page}' is already in the navigation of mkdocs.yml; remove the stale entry or choose another name."
        )
    items = [line for line in nav_block if line.lstrip().startswith("- ")]
    if not items:
        raise RefusedError("the 'nav:' list of mkdocs.yml is empty or not a list; add the page by hand.")
    if request.after:
        target = f"{request.after}.md"
        matches = [
            nav_start + 1 + i
            for i, line in enumerate(nav_block)
            if re.match(rf"^\s*- (?:.*:\s*)?{re.escape(target)}\s*(#.*)?$", line)
        ]
        if not matches:
            raise RefusedError(f"--after {request.after}: no entry for '{target}' in the navigation of mkdocs.yml.")
        at = matches[0]
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        insert_nav = at + 1
    else:
        indent = items[0][: len(items[0]) - len(items[0].lstrip())]
        insert_nav = nav_end
    nav_line = f"{indent}- {yaml_scalar(label_zh)}: {page}\n"

    translations = [i for i, line in enumerate(lines) if re.match(r"^\s+nav_translations:\s*(#.*)?$", line)]
    if len(translations) != 1:
        raise RefusedError(
            "mkdocs.yml should have exactly one 'nav_translations:' block (under the 'en' language of the i18n "
            f"plugin), found {len(translations)}; add the English label by hand."
        )
    start = translations[0]
    own_indent = len(lines[start]) - len(lines[start].lstrip())
    end = _block_end(lines, start, own_indent)
    entries = [line for line in lines[start + 1 : end] if line.strip() and not line.lstrip().startswith("#")]
    existing = yaml.safe_load("".join(line.strip() + "\n" for line in entries)) or {}
    if label_zh in existing and existing[label_zh] != label_en:
        raise RefusedError(
            f"the navigation label '{label_zh}' is already translated as '{existing[label_zh]}' in nav_translations; "
            "use a distinct Chinese title or the same English one."
        )
    child_indent = (entries[0][: len(entries[0]) - len(entries[0].lstrip())]) if entries else " " * (own_indent + 2)
    translation_line = f"{child_indent}{yaml_scalar(label_zh)}: {yaml_scalar(label_en)}\n"

    # Insert the later position first so the earlier index stays valid.
    insertions = [(insert_nav, nav_line)]
    if label_zh not in existing:
        insertions.append((end, translation_line))
    for index, line in sorted(insertions, reverse=True):
        lines.insert(index, line)
    if request.parallel:
        add_parallel_to_nav(lines, request)
    return "".join(lines)


def verify_config(path: Path, request: Request) -> None:
    """Load the edited config with MkDocs itself and check the page and its English label are there."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    sys.path.insert(0, str(path.parent / "scripts"))
    try:
        config = load_config(config_file=str(path))
    except ConfigurationError as error:
        raise RefusedError(f"the edited mkdocs.yml does not load ({error}); nothing was changed.") from error
    finally:
        sys.path.remove(str(path.parent / "scripts"))

    listed = nav_names(config.nav)
    if request.name not in listed or (request.parallel and f"{PARALLEL}/{request.name}" not in listed):
        raise RefusedError("the edited mkdocs.yml does not list the page in its navigation; add it by hand.")
    i18n = config.plugins.get("i18n")
    english = [lang for lang in i18n.config.languages if lang.locale == "en"] if i18n else []
    if not english or (english[0].nav_translations or {}).get(request.titles["zh"]) != request.titles["en"]:
        raise RefusedError("the edited mkdocs.yml does not give the English navigation label; add it by hand.")


def create(request: Request, root: Path) -> list[Path]:
    """Validate, edit mkdocs.yml in a temporary file, write both pages, then replace mkdocs.yml."""
    validate(request, root)
    config_path = root / "mkdocs.yml"
    new_config = add_to_config(config_path.read_text(encoding="utf-8"), request)
    handle, temporary = tempfile.mkstemp(prefix=".mkdocs.new-page.", suffix=".yml", dir=root)
    temp = Path(temporary)
    created: list[Path] = []
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(new_config)
        temp.chmod(config_path.stat().st_mode & 0o777)
        verify_config(temp, request)
        pages = {root / "docs" / f"{request.name}.{lang}.md": page_text(request, lang) for lang in LANGUAGES}
        for lang, text in (request.parallel or {}).items():
            pages[root / "docs" / PARALLEL / f"{request.name}.{lang}.md"] = text
        for path, text in pages.items():
            with path.open("x", encoding="utf-8") as file:  # "x": never overwrite
                created.append(path)
                file.write(text)
        os.replace(temp, config_path)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        temp.unlink(missing_ok=True)
        raise
    return created


def parse(argv: list[str] | None) -> tuple[Request, Path]:
    parser = argparse.ArgumentParser(
        prog="new_page.py",
        description="Create docs/NAME.zh.md and docs/NAME.en.md and list the page in mkdocs.yml (never overwrites).",
    )
    parser.add_argument("name", help="page name: lowercase letters, digits, hyphens (e.g. border-policing)")
    parser.add_argument(
        "--kind",
        required=True,
        choices=KINDS,
        help="source: the source's words (compared with it); editorial: the edition's own words; generated: made from data",
    )
    parser.add_argument("--document", metavar="ID", help="for --kind source: its document (default: edition.yml's)")
    parser.add_argument(
        "--zh-title", default="", help="Chinese title, also the navigation label (source: its document's)"
    )
    parser.add_argument(
        "--en-title", default="", help="English title, also the English navigation label (source: its document's)"
    )
    parser.add_argument("--zh-description", required=True, help="Chinese description (search results, link previews)")
    parser.add_argument("--en-description", required=True, help="English description")
    parser.add_argument("--id-prefix", help="paragraph-id prefix for a page with paragraphs (e.g. a6 gives #a6, #a6-1)")
    parser.add_argument("--after", metavar="PAGE", help="place the navigation entry after PAGE (default: at the end)")
    args = parser.parse_args(argv)
    request = Request(
        name=args.name,
        titles={"zh": args.zh_title, "en": args.en_title},
        descriptions={"zh": args.zh_description, "en": args.en_description},
        id_prefix=args.id_prefix,
        after=args.after,
        kind=args.kind,
        document=args.document,
    )
    return request, ROOT


def main(argv: list[str] | None = None) -> int:
    request, root = parse(argv)
    try:
        created = create(request, root)
    except RefusedError as reason:
        print(f"new_page.py: refused: {reason}", file=sys.stderr)
        return 2
    for path in created:
        print(f"created {path.relative_to(root).as_posix()}")
    print(
        f"added '{request.titles['zh']}: {request.name}.md' to nav and '{request.titles['en']}' to nav_translations in mkdocs.yml"
    )
    if request.id_prefix:
        print(
            "next: replace both placeholder paragraphs (the build refuses them until then), "
            "run `make sentences` (confirm its proposed sentence alignment), then `make release` and `make test`"
        )
    else:
        print("next: write both pages, then run `make test`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
