"""A career section for Wagtail sites: articles, authors, employers, comments, newsletter."""

__version__ = "0.1.0"
