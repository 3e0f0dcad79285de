"""The bilingual settings (tests/settings_i18n.py) with wagtail-localize as the translation
tool (``pip install "wagtail-career[localize]"``): its apps as its README lists them,
``wagtail_localize.locales`` replacing ``wagtail.locales``."""

from tests.settings_i18n import *  # noqa: F403
from tests.settings_i18n import INSTALLED_APPS

INSTALLED_APPS = [
    "wagtail_localize.locales" if app == "wagtail.locales" else app for app in INSTALLED_APPS
]
INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail_localize.locales"), "wagtail_localize")
