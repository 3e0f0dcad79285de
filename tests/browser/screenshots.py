"""Regenerate the README's screenshots from the demo: ``make screenshots``.

Serves a fresh copy of the demo (as the browser tests do), photographs each page in
Chromium at a fixed viewport, and writes palette PNGs to docs/screenshots/.
"""

import io
import sys

from PIL import Image
from playwright.sync_api import sync_playwright

from tests.browser.chromium import DESKTOP, PHONE, chromium_missing, launch
from tests.browser.demo_server import REPO, DemoServer

OUTPUT = REPO / "docs" / "screenshots"
ARTICLE = "/carriere/cv-logiciels-de-tri/"
# File name, path on the demo, viewport.
SHOTS = [
    ("index-desktop.png", "/carriere/", DESKTOP),
    ("article-desktop.png", ARTICLE, DESKTOP),
    ("article-phone.png", ARTICLE, PHONE),
]


def save_small(png_bytes, path):
    """A 256-colour palette keeps text crisp and the files about half the size; dithering
    keeps the demo's gradients from banding."""
    image = Image.open(io.BytesIO(png_bytes)).convert("RGB")
    palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    image.quantize(palette=palette, dither=Image.Dither.FLOYDSTEINBERG).save(path, optimize=True)


def main():
    missing = chromium_missing()
    if missing:
        sys.exit(missing)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with DemoServer() as server, sync_playwright() as playwright:
        browser = launch(playwright)
        for name, path, viewport in SHOTS:
            context = browser.new_context(base_url=server.url, viewport=viewport)
            page = context.new_page()
            page.goto(path, wait_until="networkidle")
            target = OUTPUT / name
            save_small(page.screenshot(), target)
            print(f"{target.relative_to(REPO)}: {target.stat().st_size // 1024} KiB")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
