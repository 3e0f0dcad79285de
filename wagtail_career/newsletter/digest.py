"""The digest: each confirmed subscriber gets the live career articles they have not had yet.

Per subscriber, the delivery rows are inserted and the mail is sent in one transaction: if
sending fails the rows roll back and the next run sends that mail again; once committed, the
articles are never sent to them again. The unique (subscription, article) constraint also
keeps two concurrent runs from mailing anyone twice.
"""

import logging

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Min

from ..models import article_page_models
from .mail import digest_message
from .models import NewsletterDelivery, Subscription

logger = logging.getLogger(__name__)


def _articles(site, language, since):
    """The site's live articles published since ``since``, newest first (with
    WAGTAIL_I18N_ENABLED, those of ``language``'s tree: the subscriber's language)."""
    root = site.root_page
    multilingual = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    if multilingual:
        # Each locale's tree hangs from its translation of the site's root page, which is not
        # under the root page itself (the page tree of Wagtail's internationalisation).
        root = (
            root.get_translations(inclusive=True).filter(locale__language_code=language).first()
            or root
        )
    found = []
    for model in article_page_models():
        if model.listing_model() is not model:
            continue  # a subclass's articles are found through the model it derives from
        articles = (
            model.objects.live()
            .public()
            .descendant_of(root, inclusive=True)
            .filter(first_published_at__gte=since)
        )
        if multilingual:
            articles = articles.filter(locale__language_code=language)
        found.extend(articles)
    return sorted(found, key=lambda article: (article.first_published_at, article.pk), reverse=True)


def send_digest():
    """Send every due digest; return how many mails were sent. SMTP errors propagate after
    being logged, leaving the unsent subscribers for the next run."""
    subscriptions = Subscription.objects.filter(status=Subscription.Status.CONFIRMED)
    since = subscriptions.aggregate(since=Min("confirmed_at"))["since"]
    if since is None:
        return 0
    candidates = {}
    sent = 0
    with get_connection() as connection:
        for subscription in subscriptions.select_related("site__root_page").order_by("pk"):
            key = (subscription.site_id, subscription.language)
            if key not in candidates:
                candidates[key] = _articles(subscription.site, subscription.language, since)
            articles = [
                article
                for article in candidates[key]
                if article.first_published_at >= subscription.confirmed_at
            ]
            already_sent = set(
                NewsletterDelivery.objects.filter(
                    subscription=subscription, article__in=articles
                ).values_list("article_id", flat=True)
            )
            articles = [article for article in articles if article.pk not in already_sent]
            if not articles:
                continue
            try:
                with transaction.atomic():
                    NewsletterDelivery.objects.bulk_create(
                        NewsletterDelivery(subscription=subscription, article=article)
                        for article in articles
                    )
                    digest_message(subscription, articles, connection).send()
            except IntegrityError:
                continue  # another run is mailing this subscriber right now
            except Exception:
                logger.exception(
                    "Career digest stopped at subscription %s; the next run resumes there.",
                    subscription.pk,
                )
                raise
            sent += 1
    return sent
