"""The built site in a real browser: a local static server, Debian's Chromium, axe-core.

Shared by the browser tests (``tests/browser/``) and the benchmark (``scripts/bench.py``), so both
look at the site the same way a reader's phone does: one origin, compressed text, no cache.
"""
