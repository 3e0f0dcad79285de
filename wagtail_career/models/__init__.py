"""The core's models: the page mixins, authors, the Career settings and the outbox.

Ready-made pages are in ``wagtail_career.pages.models``; features' models in their apps.
"""

from .authors import Author
from .outbox import MailContent, OutgoingMail
from .pages import (
    AbstractArticlePageAuthor,
    ArticlePageMixin,
    ArticlePageQuerySet,
    CareerIndexPageMixin,
    article_page_models,
    index_page_models,
    page_model,
)
from .settings import CareerSettings, CareerSettingsTranslation

__all__ = [
    "AbstractArticlePageAuthor",
    "ArticlePageMixin",
    "ArticlePageQuerySet",
    "Author",
    "CareerIndexPageMixin",
    "CareerSettings",
    "CareerSettingsTranslation",
    "MailContent",
    "OutgoingMail",
    "article_page_models",
    "index_page_models",
    "page_model",
]
