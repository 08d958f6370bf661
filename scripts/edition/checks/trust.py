"""Check: the build's configuration is mkdocs.yml alone, and it can run no code the project did not write.

Why: MkDocs reads more than the settings the other checks look at. ``INHERIT`` merges in another
file the checks never read; ``hooks`` imports a Python file that can rewrite every page after the
checks; a plugin or Markdown extension can include files from anywhere (``pymdownx.snippets``) or
run code; ``!ENV`` writes a variable of the build's environment (tokens on CI) into the pages; and
MkDocs loads mkdocs.yml with PyYAML's full loader, so a ``!!python/…`` tag runs code while the
file is read, before any plugin exists. So the file is read here as YAML *nodes* (composed, never
constructed: no tag runs) and refused unless:

- it has no ``INHERIT`` and no ``hooks``, and only the top-level keys in ``KEYS``;
- every plugin and Markdown extension is in ``PLUGINS`` / ``EXTENSIONS``;
- ``!ENV`` stands only at a key of ``ENV_KEYS``, naming one of that key's variables, and no other
  explicit tag is used (``!!python/name``, ``!!python/object/apply``, ``!relative`` …);
- the theme is Material, ``docs_dir`` and ``theme.custom_dir`` are the project's own folders, and
  the edition's ``source`` lies under ``source/``.

It runs three times, each earlier than the last could: ``make build`` and ``make serve`` run
``python -m edition.checks.trust`` before MkDocs reads the file (so no tag runs); the plugin refuses
while MkDocs validates its plugins, before ``hooks`` are imported (``mkdocs build`` run by hand);
and as the ``trust`` check of the build, with the other checks' file-and-line messages.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from edition.model.problems import Problem

if TYPE_CHECKING:  # the command line (make build) runs without the page model's imports
    from edition.model.edition import Edition

ENV_TAG = "!ENV"
CORE_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}
KEYS = {
    "site_name", "site_description", "site_url", "site_author", "copyright", "docs_dir", "site_dir",
    "strict", "theme", "plugins", "nav", "exclude_docs", "not_in_nav", "extra", "extra_css",
    "extra_javascript", "markdown_extensions", "validation", "repo_url", "repo_name", "edit_uri",
    "use_directory_urls", "dev_addr",
}  # fmt: skip
REASONS = {
    "INHERIT": "merges in another configuration file, which no check reads",
    "hooks": "imports a Python file that runs inside the build and can rewrite every page after the checks",
    "watch": "is for `mkdocs serve` only and reads folders outside the edition's",
    "remote_name": "is for `mkdocs gh-deploy`, which the edition does not use",
    "remote_branch": "is for `mkdocs gh-deploy`, which the edition does not use",
}
PLUGINS = {"i18n": "mkdocs-static-i18n: the two languages", "edition": "the edition's own checks and pages"}
EXTENSIONS = {
    name: "Python-Markdown's own; reads nothing but the page"
    for name in ("attr_list", "md_in_html", "footnotes", "abbr", "admonition", "tables", "def_list", "toc")
} | {"pymdownx.details": "collapsible blocks", "pymdownx.superfences": "nested fenced blocks"}
FILE_EXTENSIONS = {
    "pymdownx.snippets": "includes any file the build can read (/etc/passwd, /proc/self/environ) into a page",
    "markdown_include.include": "includes any file the build can read into a page",
    "mdx_include": "includes any file (or address) into a page",
    "pymdownx.arithmatex": "is not used by the edition",
}
# The keys whose value may come from the build's environment, and from which variables. Any other
# variable could be a secret (CI's tokens) written into every page.
ENV_KEYS = {
    "site_url": {"SITE_URL"},
    "repo_url": {"EDITION_REPOSITORY_URL"},
}  # the deploy sets both (.github/workflows/deploy.yml)
FOLDERS = {"docs_dir": "docs", "site_dir": None}  # None: any folder inside the project
CUSTOM_DIR = "overrides"
THEME = "material"
SOURCE_DIR = "source"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(node: yaml.Node | None) -> list[tuple[yaml.Node, yaml.Node]]:
    return list(node.value) if isinstance(node, yaml.MappingNode) else []


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value of ``key``; of its last occurrence, as YAML loaders keep it."""
    return next((value for k, value in reversed(_mapping(node)) if k.value == key), None)


def _named_items(node: yaml.Node | None) -> Iterator[tuple[str, yaml.Node, yaml.Node | None]]:
    """A plugins or markdown_extensions list: each entry's name, its node, and its options' node."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.ScalarNode):
                yield str(item.value), item, None
            for key, value in _mapping(item):
                yield str(key.value), key, value
    for key, value in _mapping(node):  # MkDocs also accepts a mapping of name -> options
        yield str(key.value), key, value


def _tags(node: yaml.Node, path: str, seen: set[int] | None = None) -> Iterator[tuple[str, yaml.Node, str]]:
    """Every node with an explicit tag (not one of YAML's core types), with its dotted path.

    Each node once: an alias is the same node again, and a chain of aliases (a "billion laughs")
    would otherwise be walked once per path through it."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if node.tag not in CORE_TAGS:
        yield node.tag, node, path
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _tags(key, path, seen)
            yield from _tags(value, f"{path}.{key.value}" if path else str(key.value), seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from _tags(value, f"{path}[{index}]", seen)


def _inside(root: Path, value: str, folder: str | None) -> bool:
    """``value`` (a path from mkdocs.yml) resolves inside ``root``, and inside ``folder`` when one is named."""
    target = (root / value).resolve()
    base = (root / folder).resolve() if folder else root.resolve()
    return target == base or target.is_relative_to(base)


def check_config_text(text: str, rel: str = "mkdocs.yml", root: Path | None = None) -> list[Problem]:
    """mkdocs.yml's text, read as nodes: what would let the build run or read anything the project did not write."""
    try:
        document = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(rel, mark.line + 1 if mark else 1, f"it does not parse as YAML: {error}.", "correct the YAML.")]
    if not isinstance(document, yaml.MappingNode):
        return [Problem(rel, 1, "the configuration is not a mapping of settings.", "restore mkdocs.yml from git.")]
    problems: list[Problem] = list(_duplicate_keys(document, rel, ""))
    for key, _ in document.value:
        name = str(key.value)
        if name in REASONS:
            problems.append(
                Problem(
                    rel,
                    _line(key),
                    f"'{name}' is refused: it {REASONS[name]}.",
                    f"remove '{name}:'; the configuration is this file alone.",
                )
            )
        elif name not in KEYS:
            problems.append(
                Problem(
                    rel,
                    _line(key),
                    f"'{name}' is not a setting the edition uses; the build trusts only the settings it knows.",
                    f"remove '{name}:', or have a maintainer add it to KEYS in scripts/edition/checks/trust.py with its reason.",
                )
            )
    problems += _tag_problems(document, rel)
    problems += _list_problems(_get(document, "plugins"), rel, "plugin", PLUGINS, {})
    listed = {name for name, _, _ in _named_items(_get(document, "plugins"))}
    for name in sorted(set(PLUGINS) - listed):
        problems.append(
            Problem(
                rel,
                next((_line(key) for key, _ in _mapping(document) if key.value == "plugins"), 1),
                f"the plugin '{name}' is missing ({PLUGINS[name]}): without it the build would publish what no check read.",
                f"list '{name}' under plugins: as in the repository's mkdocs.yml.",
            )
        )
    problems += _list_problems(
        _get(document, "markdown_extensions"), rel, "Markdown extension", EXTENSIONS, FILE_EXTENSIONS
    )
    problems += _theme_problems(document, rel)
    if root is not None:
        problems += _folder_problems(document, rel, root)
    return problems


def _duplicate_keys(node: yaml.Node, rel: str, path: str, seen: set[int] | None = None) -> Iterator[Problem]:
    """A key given twice: YAML keeps the last, and a reviewer reads the first (a second
    ``markdown_extensions:`` at the end of the file would replace the list the checks were shown)."""
    seen = set() if seen is None else seen
    if id(node) in seen:  # an alias: the node was read already
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            name = str(key.value)
            dotted = f"{path}.{name}" if path else name
            if name in first:
                yield Problem(
                    rel,
                    _line(key),
                    f"'{dotted}' is given a second time (first on line {first[name]}): the second replaces the first, which is what a reader of the file sees.",
                    f"give '{dotted}' once: merge the two.",
                )
            first.setdefault(name, _line(key))
            yield from _duplicate_keys(value, rel, dotted, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(item, rel, f"{path}[{index}]", seen)


def _tag_problems(document: yaml.MappingNode, rel: str) -> Iterator[Problem]:
    for tag, node, path in _tags(document, ""):
        if tag == ENV_TAG and path in ENV_KEYS:
            # !ENV NAME, or !ENV [NAME, OTHER, default]: every item but a sequence's last is a variable
            names = (node.value[:-1] or node.value) if isinstance(node, yaml.SequenceNode) else [node]
            variables = [str(n.value) for n in names]
            wrong = [v for v in variables if v not in ENV_KEYS[path]]
            if not wrong:
                continue
            yield Problem(
                rel,
                _line(node),
                f"'{path}' reads the environment variable {', '.join(wrong)}: the build's environment holds secrets (CI's tokens), and this would write one into every page.",
                f"read {path} from {' or '.join(sorted(ENV_KEYS[path]))} only.",
            )
        elif tag == ENV_TAG:
            yield Problem(
                rel,
                _line(node),
                f"'{path}' takes its value from the build's environment (!ENV): only {', '.join(sorted(ENV_KEYS))} may, since the environment holds secrets and nothing in it is reviewed.",
                "write the value in mkdocs.yml itself.",
            )
        else:
            yield Problem(
                rel,
                _line(node),
                f"'{path or 'the document'}' has the tag {tag}: MkDocs reads mkdocs.yml with a loader that runs such tags (python/name, python/object … import and call code; !relative reads paths outside the settings).",
                "remove the tag and write a plain value.",
            )


def _list_problems(
    node: yaml.Node | None, rel: str, what: str, allowed: dict[str, str], known: dict[str, str]
) -> Iterator[Problem]:
    for name, key, _options in _named_items(node):
        if name in allowed:
            continue
        reason = (
            f"it {known[name]}"
            if name in known
            else "it is not on the edition's list, and a plugin or extension runs code inside the build"
        )
        yield Problem(
            rel,
            _line(key),
            f"the {what} '{name}' is refused: {reason}.",
            f"remove it (allowed: {', '.join(sorted(allowed))}); a maintainer adds one to scripts/edition/checks/trust.py after review.",
        )


def _theme_problems(document: yaml.MappingNode, rel: str) -> Iterator[Problem]:
    name = _get(_get(document, "theme"), "name")
    if not isinstance(name, yaml.ScalarNode) or name.value != THEME:
        where = (
            _line(name)
            if name is not None
            else next((_line(k) for k, _ in _mapping(document) if k.value == "theme"), 1)
        )
        yield Problem(
            rel,
            where,
            f"the theme is '{getattr(name, 'value', '')}', not {THEME}: a theme's templates write every page, and only {THEME}'s are checked (content safety, the security policy).",
            f"set theme.name: {THEME}.",
        )


def _folder_problems(document: yaml.MappingNode, rel: str, root: Path) -> Iterator[Problem]:
    for key, folder in FOLDERS.items():
        node = _get(document, key)
        if isinstance(node, yaml.ScalarNode) and not _inside(root, str(node.value), folder):
            yield Problem(
                rel,
                _line(node),
                f"{key} '{node.value}' lies outside {folder or 'the project'}/.",
                f"set {key}: {folder or 'site'}.",
            )
    custom = _get(_get(document, "theme"), "custom_dir")
    if isinstance(custom, yaml.ScalarNode) and not _inside(root, str(custom.value), CUSTOM_DIR):
        yield Problem(
            rel,
            _line(custom),
            f"theme.custom_dir '{custom.value}' is not the project's {CUSTOM_DIR}/ folder.",
            f"set custom_dir: {CUSTOM_DIR}.",
        )
    for name, _key, options in _named_items(_get(document, "plugins")):
        source = _get(options, "source") if name == "edition" else None
        if isinstance(source, yaml.ScalarNode) and not _inside(root, str(source.value), SOURCE_DIR):
            yield Problem(
                rel,
                _line(source),
                f"the edition's source '{source.value}' lies outside {SOURCE_DIR}/.",
                f"name a file under {SOURCE_DIR}/.",
            )


def check_config_file(path: Path) -> list[Problem]:
    """mkdocs.yml at ``path`` (messages name it relative to its folder, the project root)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return check_config_text(text, path.name, path.parent)


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    project = edition.project
    if project.config_file is None:
        return []
    return check_config_text(project.config_text, project.config_rel, project.config_file.parent)


def main(argv: list[str] | None = None) -> int:
    """``python -m edition.checks.trust [mkdocs.yml]``: run before MkDocs reads the file (make build, make serve)."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else "mkdocs.yml")
    problems = check_config_file(path)
    for problem in problems:
        print(f"[trust] {problem}", file=sys.stderr)
    if problems:
        print(
            f"The edition refused {path} before MkDocs read it ({len(problems)} problem(s)); nothing was built.",
            file=sys.stderr,
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
