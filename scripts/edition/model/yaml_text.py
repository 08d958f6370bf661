"""YAML as this project reads it: safe, every key once, libyaml's speed with PyYAML's messages.

Data files, page front matter and the records (corrections, the sentence alignment) are all read here,
so a key written twice is refused wherever it is written, and the fast C parser is used wherever
PyYAML has it. Only the safe loaders are used: YAML from a pull request cannot build objects.
"""

from __future__ import annotations

from typing import Any

import yaml


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping gives the same key twice."""


class UniqueKeys:
    """A safe loader's mapping constructor that refuses a key given twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:
                continue  # an unhashable key: the base constructor reports it
            if duplicate:
                first = seen[key].start_mark.line + 1
                raise DuplicateKeyError(
                    None, None, f"found the key '{key}' a second time (first on line {first})", key_node.start_mark
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class UniqueKeyLoader(UniqueKeys, yaml.SafeLoader):
    """PyYAML's safe loader, refusing a repeated key: its messages name the offending character."""


class FastUniqueKeyLoader(UniqueKeys, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same on libyaml (ten times faster), for the common case of a file that parses."""


def read_yaml(text: str) -> Any:
    """Parse YAML data the way this project reads it (safe, unique keys).

    libyaml first; if it refuses the file, PyYAML's own parser again, for its clearer message.
    """
    try:
        return yaml.load(text, Loader=FastUniqueKeyLoader)  # safe loaders: no arbitrary objects
    except DuplicateKeyError:
        raise
    except yaml.YAMLError:
        return yaml.load(text, Loader=UniqueKeyLoader)
