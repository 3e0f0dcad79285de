"""The test settings for a site whose base page model is custom, as the README's "Custom base
page models" section describes: ``WAGTAIL_PAGE_MODEL = "home.BasePage"``, no
``wagtail_career.pages``, and the site's own ``career`` app (tests/custom_base_site/).

CI runs the page and comment tests with them (``pytest --ds=tests.settings_custom_base``).
``home``'s migrations are laid out for a swapped page model as Wagtail's
``wagtail/test/basepage/migrations/`` are, so Wagtail's own data migrations create the root,
the home page (a ``BasePage``), the default Locale and the default Site, as on a real site.
"""

import os
import sys

from tests.settings import *  # noqa: F403
from tests.settings import BASE_DIR, INSTALLED_APPS

# The apps are top-level `home` and `career`, as on a site: career/models.py is the README's
# block verbatim, and it imports `home.models`.
_SITE_DIR = os.path.join(BASE_DIR, "custom_base_site")
if _SITE_DIR not in sys.path:
    sys.path.insert(0, _SITE_DIR)

# tests.testapp's pages subclass wagtailcore's Page (swapped out here) and
# wagtail_career.pages' index, so both leave.
INSTALLED_APPS = ["home", "career"] + [
    app
    for app in INSTALLED_APPS
    if app not in ("wagtail_career.pages", "wagtail_career.jobs.pages", "tests.testapp")
]

WAGTAIL_PAGE_MODEL = "home.BasePage"
