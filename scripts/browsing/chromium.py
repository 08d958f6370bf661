"""Debian's Chromium, driven by Playwright (Playwright's own browser download is not used)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Debian's chromium-headless-shell: the same Chromium (Debian's chromium source package) built without
# its windowing layer, as Playwright itself runs headless tests; about a fifth less CPU a page than the
# full browser run headless. The tests use it where it is installed (`.ci/run` installs it); the
# benchmarks measure what readers run, the full browser.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path(shell: bool = False) -> Path | None:
    """The Chromium executable: $CHROME_PATH if set, else (``shell``) Debian's headless shell, else
    Debian's chromium, else None."""
    configured = os.environ.get("CHROME_PATH")
    if configured:
        return Path(configured) if Path(configured).exists() else None
    for candidate in (HEADLESS_SHELL, *CHROMIUM_CANDIDATES) if shell else CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return Path(candidate)
    found = shutil.which("chromium")
    return Path(found) if found else None


def launch_options(shell: bool = False) -> dict[str, object]:
    """Keyword arguments for ``playwright.chromium.launch`` (``shell``: see :data:`HEADLESS_SHELL`)."""
    path = chromium_path(shell)
    if path is None:
        raise RuntimeError("Chromium not found: install Debian's chromium (apt-get install chromium)")
    return {"executable_path": str(path), "args": CHROMIUM_ARGS, "headless": True}
