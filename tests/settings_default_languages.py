"""The test settings with Django's default LANGUAGES: migrations must not change with them."""

from tests.settings import *  # noqa: F403

del LANGUAGES  # noqa: F821
LANGUAGE_CODE = "en-us"
