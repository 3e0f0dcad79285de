"""Wagtail's PostgreSQL database search backend, indexing each object in its own language.

Wagtail's database backend keeps one index table and one text search configuration
(``SEARCH_CONFIG``) for every object, so French and English pages cannot both be stemmed
right. This backend writes each object's vectors with the configuration of its locale's
language (``SEARCH_CONFIGS``; by default ``career_french`` and ``career_english``, which the
package's migration creates: PostgreSQL's French and English stemming after ``unaccent``,
so "carriere" finds "carrière" and "professionnelles" "professionnel"); query-only aliases
read the index with each language's configuration, which folds and stems the query the
same way::

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail_career.search_backends.postgres",
            "SEARCH_CONFIG": "simple",  # objects without a locale, and other languages
        },
        "fr": {
            "BACKEND": "wagtail_career.search_backends.postgres.LanguageQueryBackend",
            "LANGUAGE": "fr",
            "AUTO_UPDATE": False,
        },
        "en": {
            "BACKEND": "wagtail_career.search_backends.postgres.LanguageQueryBackend",
            "LANGUAGE": "en",
            "AUTO_UPDATE": False,
        },
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


# The configurations of wagtail_career/migrations/0004_search_configurations.py.
DEFAULT_SEARCH_CONFIGS = {"fr": "career_french", "en": "career_english"}


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
        self.configs = dict(params.get("SEARCH_CONFIGS", DEFAULT_SEARCH_CONFIGS))

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


class LanguageQueryBackend(PostgresSearchBackend):
    """A query-only alias: the index written by :class:`LanguageSearchBackend`, read with
    one language's configuration (``LANGUAGE``'s entry of ``SEARCH_CONFIGS``, by default
    ``career_french`` for ``fr``; or ``SEARCH_CONFIG``). It never writes: with Wagtail's
    database backend as an alias, ``update_index`` (and saving a page, without
    ``AUTO_UPDATE: False``) would index every object again in the alias's language."""

    def __init__(self, params):
        super().__init__(params)
        configs = dict(params.get("SEARCH_CONFIGS", DEFAULT_SEARCH_CONFIGS))
        self.config = params.get("SEARCH_CONFIG") or configs[params["LANGUAGE"]]
        self.rebuilder_class = None  # update_index skips a backend without one

    def add(self, obj):
        pass

    def add_bulk(self, model, obj_list):
        pass

    def delete(self, obj):
        pass


SearchBackend = LanguageSearchBackend
