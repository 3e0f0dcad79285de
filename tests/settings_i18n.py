"""The suite's settings with Wagtail's internationalisation on: French (default) and English
content, translated with Wagtail's own tools (wagtail.contrib.simple_translation)."""

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [("fr", "Français"), ("en", "English")]  # noqa: F405
INSTALLED_APPS = [
    *INSTALLED_APPS,
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
]
