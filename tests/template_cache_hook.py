"""A MkDocs hook (``hooks:``) that the test builds add to their config: Jinja's compiled templates
kept in memory for every build of the process (tests/building.py, ``TEMPLATES``).

Each build makes a new Jinja environment, which compiles every template of the theme again (about a
second of a fixture build). ``on_env`` is MkDocs' public event for changing that environment, and
Jinja's own bytecode cache keys each template by its name and file and checks its source, so a
changed template (a fixture's overrides/) is compiled anew: what the build renders is the same.
"""

from __future__ import annotations

from typing import Any

import jinja2

from building import TEMPLATES


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    env.bytecode_cache = TEMPLATES
    return env
