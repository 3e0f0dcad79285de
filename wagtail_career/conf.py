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
    # Seconds the rendered employers list stays cached; any employer edit clears it at once.
    "EMPLOYERS_CACHE_TIMEOUT": 24 * 60 * 60,
}


def get_setting(name):
    return getattr(settings, f"WAGTAIL_CAREER_{name}", DEFAULTS[name])
