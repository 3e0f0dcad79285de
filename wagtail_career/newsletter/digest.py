"""The digest: each confirmed subscriber gets, in one mail, what is new in the sections they
chose (``sections.py``) and they have not had yet.

The newsletter's own section is the career articles; features add theirs (job offers…)
through ``parts.DIGEST_HOOK``. Every item is a page, so one delivery table serves them all.

Per subscriber, the delivery rows are inserted and the mail is sent in one transaction: if
sending fails the rows roll back and the next run sends that mail again; once committed, the
items are never sent to them again. The unique (subscription, article) constraint also keeps
two concurrent runs from mailing anyone twice.
"""

import logging

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Min
from django.utils.translation import gettext_lazy as _

from ..languages import i18n_enabled
from ..models import article_page_models
from ..parts import DigestSection, digest_sections
from .mail import digest_message
from .models import NewsletterDelivery, Subscription
from .sections import chosen_sections

logger = logging.getLogger(__name__)

ARTICLES = "articles"


def language_root(site, language):
    """The root of ``site``'s page tree in ``language`` (with WAGTAIL_I18N_ENABLED; else the
    site's root page)."""
    root = site.root_page
    if i18n_enabled():
        # Each locale's tree hangs from its translation of the site's root page, which is not
        # under the root page itself (the page tree of Wagtail's internationalisation).
        root = (
            root.get_translations(inclusive=True).filter(locale__language_code=language).first()
            or root
        )
    return root


def new_articles(site, root, language, since):
    """The live, public articles under ``root`` published since ``since``, newest first
    (with WAGTAIL_I18N_ENABLED, those of ``language``)."""
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
        if i18n_enabled():
            articles = articles.filter(locale__language_code=language)
        found.extend(articles)
    return sorted(found, key=lambda article: (article.first_published_at, article.pk), reverse=True)


def articles_section():
    return DigestSection(
        name=ARTICLES,
        label=_("Career articles"),
        consent_label=_("new career articles"),
        get_items=new_articles,
        template="wagtail_career/newsletter/email/articles.html",
        text_template="wagtail_career/newsletter/email/articles.txt",
        order=10,
    )


class _Candidates:
    """Each section's items of one run, read once per (site, language) and only when a
    subscriber of theirs chose the section: the queries do not grow with the subscribers."""

    def __init__(self, since):
        self.since = since
        self.roots = {}
        self.items = {}

    def of(self, subscription, section):
        key = (subscription.site_id, subscription.language)
        if key not in self.roots:
            self.roots[key] = language_root(subscription.site, subscription.language)
        if (key, section.name) not in self.items:
            self.items[key, section.name] = section.get_items(
                subscription.site, self.roots[key], subscription.language, self.since
            )
        return self.items[key, section.name]


def _new_for(subscription, sections, candidates):
    """``[(section, items)]`` of what ``subscription`` has not had yet, non-empty sections
    only; a page is listed once even if two sections carry it."""
    parts, seen = [], set()
    for section in chosen_sections(subscription, sections):
        items = []
        for item in candidates.of(subscription, section):
            if item.first_published_at >= subscription.confirmed_at and item.pk not in seen:
                seen.add(item.pk)
                items.append(item)
        parts.append((section, items))
    already_sent = set(
        NewsletterDelivery.objects.filter(
            subscription=subscription, article_id__in=seen
        ).values_list("article_id", flat=True)
    )
    parts = [
        (section, [item for item in items if item.pk not in already_sent])
        for section, items in parts
    ]
    return [(section, items) for section, items in parts if items]


def send_digest():
    """Send every due digest; return how many mails were sent. SMTP errors propagate after
    being logged, leaving the unsent subscribers for the next run."""
    subscriptions = Subscription.objects.filter(status=Subscription.Status.CONFIRMED)
    since = subscriptions.aggregate(since=Min("confirmed_at"))["since"]
    if since is None:
        return 0
    sections = digest_sections()
    candidates = _Candidates(since)
    sent = 0
    with get_connection() as connection:
        for subscription in subscriptions.select_related("site__root_page").order_by("pk"):
            parts = _new_for(subscription, sections, candidates)
            if not parts:
                continue
            try:
                with transaction.atomic():
                    NewsletterDelivery.objects.bulk_create(
                        NewsletterDelivery(subscription=subscription, article=item)
                        for _section, items in parts
                        for item in items
                    )
                    digest_message(subscription, parts, connection).send()
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
