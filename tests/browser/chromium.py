"""Debian's Chromium, launched by Playwright (which never downloads a browser of its own here)."""

import os

CHROMIUM = "/usr/bin/chromium"
# No sandbox (CI runs as root), no GPU, and nothing that phones home during a test.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = (
    f"Chromium is not installed at {CHROMIUM}: the browser tests need Debian's Chromium. "
    "Install it with `apt-get install chromium chromium-driver` (as root)."
)

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def chromium_missing(path=CHROMIUM):
    """The install hint when Chromium is missing, else None."""
    return None if os.access(path, os.X_OK) else INSTALL_HINT.replace(CHROMIUM, str(path))


def require_chromium(path=CHROMIUM, environ=os.environ):
    """Skip the calling test when Chromium is missing, or fail it when CI is set.

    CI must never pass by skipping the browser tests; a developer without Chromium is told
    how to install it.
    """
    import pytest

    missing = chromium_missing(path)
    if missing and environ.get("CI"):
        pytest.fail(f"CI is set and {missing}", pytrace=False)
    if missing:
        pytest.skip(missing)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
