"""Public models. Import them from here: ``from wagtail_career.models import ArticlePage``."""

from ..newsletter.models import NewsletterDelivery, Subscription
from .authors import Author
from .employers import Employer, EmployerSettings
from .pages import ArticlePage, ArticlePageAuthor, ArticlePageTag, CareerIndexPage
from .settings import CareerSettings

__all__ = [
    "ArticlePage",
    "ArticlePageAuthor",
    "ArticlePageTag",
    "Author",
    "CareerSettings",
    "CareerIndexPage",
    "CareerSettings",
    "Employer",
    "EmployerSettings",
    "NewsletterDelivery",
    "Subscription",
]
