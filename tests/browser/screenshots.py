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
from tests.browser.people import ADMIN, fill_sign_in_form

OUTPUT = REPO / "docs" / "screenshots"
# The article with the demo's discussion, so the comments show too.
ARTICLE = "/carriere/negocier-son-salaire/"
MODERATION = "/admin/django_comments_xtd/xtdcomment/"
# The admin's listing shares the screen with its menu and filters: give it more room.
WIDE = {"width": 1440, "height": 900}
# File name, path on the demo, viewport, account signed in (None: a visitor), and the part
# of the page to photograph (None: the viewport, as a visitor first sees it).
SHOTS = [
    ("index-desktop.png", "/carriere/", DESKTOP, None, None),
    ("article-desktop.png", ARTICLE, DESKTOP, None, None),
    ("article-phone.png", ARTICLE, PHONE, None, None),
    # Below the fold: the sidebar's employers, newsletter box and call to action...
    ("article-sidebar-desktop.png", ARTICLE, DESKTOP, None, ".career-sidebar"),
    # ...and the discussion with the sign-in sentence.
    ("comments-desktop.png", ARTICLE, DESKTOP, None, "#comments"),
    ("moderation-desktop.png", MODERATION, WIDE, ADMIN, None),
    # The job offers: the listing with its filters, and one offer.
    ("jobs-desktop.png", "/offres-emploi/", DESKTOP, None, None),
    (
        "job-offer-desktop.png",
        "/offres-emploi/physiotherapeute-trois-rivieres/",
        DESKTOP,
        None,
        None,
    ),
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
        for name, path, viewport, account, selector in SHOTS:
            context = browser.new_context(base_url=server.url, viewport=viewport)
            page = context.new_page()
            if account:
                page.goto("/admin/login/")
                fill_sign_in_form(page, account)
                page.wait_for_url("**/admin/")
            page.goto(path, wait_until="networkidle")
            # Below-the-fold pictures load lazily: load them all before photographing.
            page.evaluate(
                "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
            )
            page.wait_for_function("[...document.images].every(image => image.complete)")
            target = OUTPUT / name
            part = page.locator(selector) if selector else page
            save_small(part.screenshot(), target)
            print(f"{target.relative_to(REPO)}: {target.stat().st_size // 1024} KiB")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
