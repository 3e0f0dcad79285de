"""What job offers add to the employers' lists (the hooks of ``employers/extensions.py``):
employers with open offers count as hiring, their cards link to their profile on the site's
job index with their count of open offers, and the cached lists go stale when an offer is
published or closes."""

from collections import Counter

from django.db.models import Count, Q

from ..employers.models import Employer
from ..languages import active_language, i18n_enabled
from .models import listing_offer_models, offers_dependencies
from .sidebar import site_job_index, site_offers


def employers_with_open_offers():
    """``RECRUITING_HOOK``: the ids of employers with at least one open offer (a subquery,
    run within the caller's query)."""
    condition = Q(pk__in=[])
    for model in listing_offer_models():
        condition |= Q(pk__in=model.objects.open().values("employer_id"))
    return Employer.objects.filter(condition).values("pk")


def open_positions(employers, request, language):
    """``{key: count}`` of the site's open offers in ``language`` per employer: keyed by
    employer id, or with WAGTAIL_I18N_ENABLED by translation key (an offer may name any
    translation of its employer). One query per offer model, however many employers."""
    field = "employer__translation_key" if i18n_enabled() else "employer_id"
    keys = {employer_key(employer) for employer in employers}
    counts = Counter()
    for offers in site_offers(request, language):
        rows = (
            offers.filter(**{f"{field}__in": keys})
            .order_by()
            .values(field)
            .annotate(count=Count("pk"))
        )
        for row in rows:
            counts[row[field]] += row["count"]
    return counts


def employer_key(employer):
    return employer.translation_key if i18n_enabled() else employer.pk


def annotate_employer_cards(employers, request):
    """``EMPLOYER_CARDS_HOOK``: each employer's ``profile_url`` on the site's job index in
    the active language (``""`` without one) and ``open_positions``. A fixed number of
    queries for the whole list."""
    if not employers:
        return
    language = active_language()
    index = site_job_index(request, language)
    counts = open_positions(employers, request, language)
    for employer in employers:
        employer.profile_url = (
            index.profile_url(employer, request) if index is not None and employer.slug else ""
        )
        employer.open_positions = counts.get(employer_key(employer), 0)


def employer_dependencies(request):
    """``EMPLOYER_DEPENDENCIES_HOOK``: the counts change when an offer is published,
    unpublished or closes."""
    return offers_dependencies()
