"""Checks: the text is the last recorded release's, except for the changes the corrections log records.

The facts come from the model (model/release.py: edition.yml and releases.json; model/errata.py: the
log). Why one mechanism and not three: the source comparison (checks/source_text.py) guards the
source's words, the sentence alignment (checks/alignment.py) guards that every sentence is translated, and this
guards what was published; each freezes something the others cannot see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from edition.model.data import LANGS
from edition.model.edition import Edition
from edition.model.errata import Erratum
from edition.model.pages import Block, PageFile
from edition.model.problems import Problem
from edition.model.published_words import changed_line, is_unit, units, unreadable
from edition.model.release import Record, normalise, version_key
from edition.model.roles import LOCALES


def named(pid: str) -> str:
    """How a message names a paragraph ('#a1-2') or a unit of other published words (model/published_words.py)."""
    return f"the published text '{pid}'" if is_unit(pid) else f"paragraph '#{pid}'"


def check_errata(
    edition: Edition,
    record: Record,
    errata: list[Erratum],
    errata_rel: str,
    record_rel: str,
    today: dt.date | None = None,
) -> list[Problem]:
    """The text equals the last release, every recorded change is logged, every entry is a recorded change."""
    last = record.last
    if last is None or record.problems:
        return []
    today = today or dt.date.today()
    problems: list[Problem] = []
    current = current_texts(edition)
    released = record.state()
    logged = {(e.paragraph, e.version) for e in errata}
    location: dict[str, tuple[str, int]] = {}
    for lang in LANGS:
        for pid, (_, page, block) in current.get(lang, {}).items():
            location.setdefault(pid, (page.rel, block.line))
    # The fixes name no version: make correction and make release choose the same one (the last
    # release again while the deployed branch does not hold it, else the next), which the build,
    # knowing nothing of what is deployed, cannot (a fix that named the next version, as followed,
    # logged a correction in one release and recorded it in another).

    # 1. The text as it stands is the text of the last release.
    for lang in LANGS:
        name = LOCALES[lang].name
        for pid, (text, page, block) in current.get(lang, {}).items():
            before = released.get(lang, {}).get(pid)
            if before == text:
                continue
            if before is not None and is_unit(pid) and page.rel == page.path.relative_to(edition.root).as_posix():
                block = replace(block, line=changed_line(page.text, before, text, block.line))
            pending = sorted(
                (
                    e.version
                    for e in errata
                    if e.paragraph == pid and version_key(e.version) > version_key(last.version)
                ),
                key=version_key,
            )
            if before is None:
                problems.append(
                    Problem(
                        page.rel,
                        block.line,
                        f"{named(pid)} ({name}) is in no release yet: a citation could not name a version that holds it.",
                        f"record a release: make release (a new paragraph needs no entry in {errata_rel}).",
                    )
                )
            elif pending:
                problems.append(
                    Problem(
                        page.rel,
                        block.line,
                        f"{named(pid)} ({name}) differs from version {last.version}; {errata_rel} logs the change for {pending[-1]}, which is not recorded yet.",
                        f"record the release: make release VERSION={pending[-1]}",
                    )
                )
            else:
                problems.append(
                    Problem(
                        page.rel,
                        block.line,
                        f"{named(pid)} ({name}) differs from its text in version {last.version}, the last release, and {errata_rel} has no entry for the change: "
                        "a published paragraph changes only in a new release, with an entry in the corrections log.",
                        f"if the change is meant, log it (what changed and why, in each language) and release it: "
                        f"make correction PARAGRAPH={pid} WHAT_ZH='…' WHAT_EN='…' && make release; "
                        f"otherwise restore the text of version {last.version}.",
                    )
                )
    # 2. A published paragraph never disappears (words of a file that cannot be read are not counted gone).
    unread = unreadable(edition)
    for lang in LANGS:
        for pid in released.get(lang, {}):
            if pid not in current.get(lang, {}) and not (unread and pid.startswith(unread)):
                problems.append(
                    Problem(
                        record_rel,
                        1,
                        f"{named(pid)} ({LOCALES[lang].name}), published in version {last.version}, is no longer in the pages.",
                        "restore it: a published paragraph id is never removed or renamed (CONTRIBUTING.md, 'Paragraph ids').",
                    )
                )
    # 3. Every change a release recorded is logged with that release's version.
    changed_in: dict[str, set[str]] = {}
    for index, release in enumerate(record.releases[1:], start=1):
        before_state = record.state(index - 1)
        changed = changed_in.setdefault(release.version, set())
        where: dict[str, tuple[str, int]] = {}
        for lang, paragraphs in release.paragraphs.items():
            for pid in paragraphs:
                if pid in before_state.get(lang, {}):
                    changed.add(pid)
                    if pid in current.get(lang, {}):
                        _, page, block = current[lang][pid]
                        where.setdefault(pid, (page.rel, block.line))
        for pid in sorted(changed):
            if (pid, release.version) not in logged:
                rel, line = where.get(pid, location.get(pid, (record_rel, 1)))
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"release {release.version} changed {named(pid)}, but {errata_rel} has no entry for it in {release.version}.",
                        f"add '- paragraph: {pid}', 'version: {release.version}', 'date: {release.date.isoformat()}', 'what_zh: …', 'what_en: …' to {errata_rel}.",
                    )
                )
    # 4. Every entry is a change a release made (or the next release will record).
    seen: set[tuple[str, str]] = set()
    for entry in errata:
        key = (entry.paragraph, entry.version)
        if key in seen:
            problems.append(
                Problem(
                    errata_rel,
                    entry.line,
                    f"'#{entry.paragraph}' is logged twice for {entry.version}.",
                    "merge the two entries into one.",
                )
            )
        seen.add(key)
        if entry.paragraph not in location:
            problems.append(
                Problem(
                    errata_rel,
                    entry.line,
                    f"there is no {named(entry.paragraph)}.",
                    "give the id of the changed paragraph (after # in its address).",
                )
            )
            continue
        index = record.version(entry.version)
        if index is None:
            if version_key(entry.version) <= version_key(last.version):
                problems.append(
                    Problem(
                        errata_rel,
                        entry.line,
                        f"version {entry.version} was never released.",
                        "give the version of the release that made the change.",
                    )
                )
            continue  # a pending change: part 1 asks for the release to be recorded
        release = record.releases[index]
        if index == 0 or entry.paragraph not in changed_in.get(entry.version, set()):
            problems.append(
                Problem(
                    errata_rel,
                    entry.line,
                    f"release {entry.version} did not change {named(entry.paragraph)}.",
                    "check the paragraph id and the version: the entry must name a change that release made.",
                )
            )
        if entry.date != release.date:
            problems.append(
                Problem(
                    errata_rel,
                    entry.line,
                    f"the date {entry.date} is not the date of release {entry.version} ({release.date}).",
                    f"write 'date: {release.date.isoformat()}'.",
                )
            )
    return problems


def check_release_files(edition: Edition) -> list[Problem]:
    """The "release" check: edition.yml has a version, a date and the original's facts; it is the last release."""
    return edition.versions.release_problems


def check(edition: Edition) -> list[Problem]:
    """The "errata" check: the log reads, and the text is the last release's except for logged changes.

    Comparing needs a readable edition.yml and releases.json: while they have problems (the
    "release" check names them) only the log's own shape is checked.
    """
    found = edition.versions
    problems = list(found.errata_problems)
    if found.info is not None and not found.release_problems:
        problems += check_errata(edition, found.record, found.errata, found.paths["errata"], found.paths["record"])
    return problems


def current_texts(edition: Edition) -> dict[str, dict[str, tuple[str, PageFile, Block]]]:
    """Every id-carrying block of each language, and every other unit of published words
    (edition/model/published_words.py): id or key -> (text, its page, the block)."""
    found: dict[str, dict[str, tuple[str, PageFile, Block]]] = {}
    for lang in edition.languages:
        found[lang] = {block.id: (normalise(block.text), page, block) for page, block in edition.blocks_in(lang)}
        home = edition.page(edition.names[0], lang) if edition.names else None
        for unit in units(edition, lang):
            page = edition.page(unit.page, lang) or home  # a page's words, or data shown elsewhere (tooltips)
            if page is not None:
                found[lang][unit.key] = (unit.text, _at(page, unit.rel), unit.as_block())
    return found


def _at(page: PageFile, rel: str) -> PageFile:
    """``page`` as a message names it: the file the words stand in (a data or strings file, or the page)."""
    return page if rel == page.rel else replace(page, rel=rel)
