"""The package's settings, read as ``WAGTAIL_CAREER_*`` with documented defaults.

Read them through :func:`get_setting` at call time (not import time) so that
``override_settings`` in tests and per-deployment settings both take effect.
"""

from django.conf import settings

DEFAULTS = {
    # The template every career page extends; it must define the blocks
    # ``title``, ``extra_css``, ``content`` and ``extra_js`` (as ``wagtail start``'s does).
    "BASE_TEMPLATE": "base.html",
    # Articles per page on the career index and the author archive.
    "PAGE_SIZE": 10,
    # Reading speed used for an article's reading time.
    "WORDS_PER_MINUTE": 200,
    # Items in each RSS/Atom feed (the newest articles).
    "FEED_SIZE": 20,
    # Related articles shown at the end of an article (0 hides the section).
    "RELATED_ARTICLES": 3,
}


def get_setting(name):
    return getattr(settings, f"WAGTAIL_CAREER_{name}", DEFAULTS[name])
