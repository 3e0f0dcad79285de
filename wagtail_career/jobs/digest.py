"""Job offers in the newsletter's digest: a section (``parts.DIGEST_HOOK``) of the new open
offers, which subscribers may choose."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..parts import DigestSection
from .models import listing_offer_models

SECTION = "job_offers"


def new_offers(site, root, language, since):
    """The offers under ``root`` (the site's tree in ``language``) first published since
    ``since`` and open now, when the digest runs: a closed offer is never mailed. Newest
    first, with their employer (the mail shows its name)."""
    now = timezone.now()
    found = []
    for model in listing_offer_models():
        offers = (
            model.objects.open(now)
            .descendant_of(root, inclusive=True)
            .filter(first_published_at__gte=since)
            .in_language(language)
            .select_related("employer")
            .defer("description")  # the mail does not show it
        )
        found.extend(offers)
    return sorted(found, key=lambda offer: (offer.first_published_at, offer.pk), reverse=True)


def digest_section():
    return DigestSection(
        name=SECTION,
        label=_("Job offers"),
        consent_label=_("new job offers"),
        get_items=new_offers,
        template="wagtail_career/newsletter/email/job_offers.html",
        text_template="wagtail_career/newsletter/email/job_offers.txt",
        order=20,
    )
