"""The text every design indexes, read back from a built site, and a synthetic corpus 20 times larger.

All designs must index the same entries, so they are taken from the built pages themselves: each
page's article, cut into page, section, paragraph and note entries by edition/outputs/search_index.py
(as the site's own index is). Pages whose front matter says ``search: exclude`` are left out and
``search: boost`` is kept, as the site's index does.

The synthetic corpus copies every searchable page 19 more times under new names
(``policing-x3/``) with new ids (``x3-a2-1-1``), so each design's index and payload can be
measured at 20 times this site's size. Identical copies would flatter every design (gzip finds the
repeats, the vocabulary does not grow), so each copy's article text goes through its own
substitution of Han characters (a permutation of the site's own characters) and of Latin
letters: new words and bigrams at the text's own frequencies, numbers, punctuation and markup as
they were. That makes the vocabulary grow with the corpus, a worst case for an index's size.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from edition.model.data import GLOSSARY_FILE, read_glossary
from edition.model.strings import load_catalogues
from edition.outputs.script_variants import simplify_map
from edition.outputs.search_aliases import Aliases
from edition.outputs.search_index import Entry, Labels, add_twins, build_index, page_entries

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = {"zh": "", "en": "en/"}  # language: its root under the site
CATALOGUES = {lang: load_catalogues(ROOT, ROOT / "docs", list(LANGUAGES))[lang] for lang in LANGUAGES}
LABELS = {  # the entries' titles the site's own build gives them (docs/data/strings.<lang>.yml)
    lang: Labels(paragraph=catalogue.get("page.search_paragraph"), note=catalogue.get("page.search_note"))
    for lang, catalogue in CATALOGUES.items()
}
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
ARTICLE_END = "</article>"
TEXT = re.compile(r">([^<]+)<")
LETTER_OR_ENTITY = re.compile(r"&#?\w+;|[A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
IDS = re.compile(r'(\bid="|\bhref="#|\bfor="|\bdata-id="|\baria-labelledby=")([^"]+)"')


@dataclass(frozen=True)
class Page:
    lang: str
    location: str  # under the language root: "policing/", "" for the home page
    file: Path
    boost: float | None


def search_settings(docs: Path) -> dict[str, dict]:
    """{page location: its ``search:`` front matter} from the Chinese sources (both languages agree)."""
    settings = {}
    for source in docs.rglob("*.zh.md"):
        text = source.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        meta = yaml.safe_load(text.split("---", 2)[1]) or {}
        name = source.relative_to(docs).as_posix().removesuffix(".zh.md")
        location = "" if name == "index" else name.removesuffix("/index") + "/"
        settings[location] = meta.get("search") or {}
    return settings


def pages(site: Path, docs: Path = ROOT / "docs") -> list[Page]:
    """The searchable pages of a built site, both languages."""
    settings = search_settings(docs)
    found = []
    for lang, prefix in LANGUAGES.items():
        root = site / prefix
        for file in sorted(root.rglob("index.html")):
            location = file.parent.relative_to(root).as_posix()
            location = "" if location == "." else location + "/"
            if (lang == "zh" and location.startswith("en/")) or location.startswith(("search/", "assets/", "_bench")):
                continue
            setting = settings.get(_original(location), {})
            if setting.get("exclude"):
                continue
            boost = float(setting["boost"]) if "boost" in setting else None
            found.append(Page(lang, location, file, boost))
    return found


def _original(location: str) -> str:
    """The location a synthetic copy was made from ("policing-x3/" → "policing/")."""
    return re.sub(r"-x\d+/$", "/", location)


def entries(page: Page) -> list[Entry]:
    """The page's search entries, cut from its built article as the site's own index does."""
    soup = BeautifulSoup(page.file.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        return []
    for furniture in article.select(".edition-print-source"):
        furniture.decompose()
    title = soup.title.get_text().split(" - ")[0].strip() if soup.title else page.location
    description = soup.find("meta", attrs={"name": "description"})
    ids = [p["id"] for p in article.find_all("p", id=True, recursive=False)]
    return page_entries(
        article.decode_contents(),
        location=page.location,
        title=title,
        description=str(description["content"]) if description else "",
        paragraph_ids=ids,
        labels=LABELS[page.lang],
        boost=page.boost,
    )


@dataclass
class Corpus:
    """Entries of each language (English with their Chinese twins) and the traditional→simplified map."""

    entries: dict[str, list[Entry]]
    simplify: dict[str, str]
    pages: list[Page]
    aliases: Aliases | None = None  # the glossary's other names, as the site's build indexes them


def corpus(site: Path) -> Corpus:
    listed = pages(site)
    by_lang: dict[str, list[Entry]] = {lang: [] for lang in LANGUAGES}
    for page in listed:
        by_lang[page.lang].extend(entries(page))
    add_twins(by_lang["en"], by_lang["zh"])
    simplify = simplify_map(f"{entry.title} {entry.text}" for entry in by_lang["zh"])
    glossary = ROOT / "docs" / "data" / GLOSSARY_FILE
    terms, _ = read_glossary(glossary.read_text(encoding="utf-8"), str(glossary))
    return Corpus(by_lang, simplify, listed, Aliases(terms))


def substitution(han: list[str], number: int) -> dict[str, str]:
    """Copy ``number``'s character map: a seeded permutation of the Han characters and of a–z."""
    rng = random.Random(number)
    shuffled = han[:]
    rng.shuffle(shuffled)
    letters = list("abcdefghijklmnopqrstuvwxyz")
    moved = letters[:]
    rng.shuffle(moved)
    mapping = dict(zip(han, shuffled, strict=True)) | dict(zip(letters, moved, strict=True))
    return mapping | {a.upper(): b.upper() for a, b in zip(letters, moved, strict=True)}


def vary(html: str, mapping: dict[str, str]) -> str:
    """The page with its article's text (not its markup or entities) put through ``mapping``."""
    opening = ARTICLE.search(html)
    if opening is None or ARTICLE_END not in html[opening.end() :]:
        return html
    start, end = opening.end(), html.index(ARTICLE_END, opening.end())

    def text(match: re.Match[str]) -> str:
        swapped = LETTER_OR_ENTITY.sub(lambda m: mapping.get(m.group(0), m.group(0)), match.group(1))
        return f">{swapped}<"

    return html[:start] + TEXT.sub(text, html[start:end]) + html[end:]


def synthetic(site: Path, target: Path, copies: int = 20) -> Path:
    """A copy of ``site`` with each searchable page present ``copies`` times (new names, ids and words)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(site, target)
    listed = pages(site)
    texts = {page.file: page.file.read_text(encoding="utf-8") for page in listed}
    han = sorted({c for html in texts.values() for c in html if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"})
    for number in range(1, copies):
        mapping = substitution(han, number)
        for page in listed:
            renamed = IDS.sub(lambda m, n=number: f'{m.group(1)}x{n}-{m.group(2)}"', texts[page.file])
            folder = target / LANGUAGES[page.lang] / f"{page.location.rstrip('/') or 'home'}-x{number}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.html").write_text(vary(renamed, mapping), encoding="utf-8")
    return target


def write_sharded(corpus: Corpus, site: Path) -> None:
    """The site's own index (edition/outputs/search_index.py) for a corpus the build did not make."""
    for lang, prefix in LANGUAGES.items():
        root = site / prefix / "search"
        for folder in ("shards", "pages"):
            shutil.rmtree(root / folder, ignore_errors=True)
        for name, data in build_index(corpus.entries[lang], corpus.simplify, aliases=corpus.aliases).items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
