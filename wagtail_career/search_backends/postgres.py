"""Wagtail's PostgreSQL database search backend, indexing each object in its own language.

Wagtail's database backend keeps one index table and one text search configuration
(``SEARCH_CONFIG``) for every object, so French and English pages cannot both be stemmed
right. This backend writes each object's vectors with the configuration of its locale's
language::

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail_career.search_backends.postgres",
            "SEARCH_CONFIG": "simple",  # objects without a locale, and other languages
            "SEARCH_CONFIGS": {"fr": "french", "en": "english"},
        },
        # Query-only aliases: the same index, read with each language's configuration.
        "fr": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french",
               "AUTO_UPDATE": False},
        "en": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english",
               "AUTO_UPDATE": False},
    }
    WAGTAIL_CAREER_SEARCH_BACKENDS = {"fr": "fr", "en": "en"}
"""

from contextlib import contextmanager

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
)


def _language(obj):
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", None)


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        by_language = {}
        for obj in objs:
            by_language.setdefault(_language(obj), []).append(obj)
        for language, group in by_language.items():
            with self.backend.config_for(language):
                super().add_items(model, group)


class LanguageSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.configs = dict(params.get("SEARCH_CONFIGS", {}))

    @contextmanager
    def config_for(self, language):
        """Index with ``language``'s configuration (its base language's, else the default)."""
        default = self.config
        code = (language or "").lower()
        self.config = self.configs.get(code) or self.configs.get(code.split("-")[0]) or default
        try:
            yield
        finally:
            self.config = default


SearchBackend = LanguageSearchBackend
