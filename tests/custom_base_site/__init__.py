"""A site whose base page model is custom (``WAGTAIL_PAGE_MODEL = "home.BasePage"``), for
tests/settings_custom_base.py: the page and comment tests run against its README pages.

Its apps are top-level ``home`` and ``career`` (the settings put this folder on ``sys.path``),
because ``career/models.py`` is the README's block verbatim and imports ``home.models``.
"""
