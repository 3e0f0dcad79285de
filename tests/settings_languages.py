"""The test settings with other LANGUAGES: migrations must not change with them."""

from tests.settings import *  # noqa: F403

LANGUAGES = [("de", "Deutsch"), ("es", "Español")]
LANGUAGE_CODE = "de"
