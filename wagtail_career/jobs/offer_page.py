"""The offer's page: its context, its head (JobPosting JSON-LD) and what a closed offer
answers. Functions of the offer page (``models.JobOfferPageMixin`` calls them).

A closed offer (its ``valid_through`` passed, the page still live until Wagtail's
``publish_scheduled`` unpublishes it) answers **410 Gone**: a short page saying so, with a
link to the open offers, ``noindex`` (meta and ``X-Robots-Tag``) and no JobPosting, so that
Google for Jobs drops it. The page cache stores only 200s, and an open offer's entry depends
on its closing moment (``cache.deadline_dependency``): no visitor gets the open page after.
"""

from html import unescape
from urllib.parse import urlsplit

from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text import expand_db_html

from ..employers.models import Employer
from ..languages import (
    alternates,
    canonical_url,
    content_language,
    i18n_enabled,
    sitemap_urls,
)
from ..links import safe_link
from ..localize import localized
from ..seo import FeedLink, HeadMetadata, absolute, json_ld_script_content, social_tags
from .salary import format_salary

# The employer's logo: the offer cards' rendition (models.OFFER_LOGO_RENDITION), so the
# page reuses the one the listing made.
LOGO_RENDITION = "max-160x80"
# The meta description made from the offer's description, when it has no search one.
DESCRIPTION_LENGTH = 160


def serve(page, request, serve_page, *args, **kwargs):
    response = serve_page(request, *args, **kwargs)
    if response.status_code != 200:
        return response
    # The context decided whether the page shows the offer or the closed notice: the status
    # agrees with it even at the very second the offer closes.
    data = getattr(response, "context_data", None) or {}
    if data.get("offer_closed", page.is_closed()):
        response.status_code = 410
        response["X-Robots-Tag"] = "noindex"
    return response


def context(page, request):
    """What the template shows (see ``job_offer_page.html``): a fixed number of queries."""
    index = page.job_index
    employer = offer_employer(page)
    return {
        "job_index": index,
        "offer_closed": page.is_closed(),
        "employer": employer,
        "employer_profile_url": employer_profile_url(index, employer, request),
        "location": location_text(page),
        "salary": format_salary(
            page.salary_min,
            page.salary_max,
            page.salary_currency,
            page.salary_unit,
            translation.get_language(),
        ),
        # Expanded once, for the page and its JSON-LD (internal links cost queries); editors'
        # rich text, trusted as Wagtail's |richtext trusts it.
        "description_html": mark_safe(expand_db_html(page.description)),
    }


def offer_employer(page):
    """The offer's employer with ``logo_rendition`` set (``None`` without a logo), in the
    page's language with WAGTAIL_I18N_ENABLED; ``None`` once deleted."""
    if page.employer_id is None:
        return None
    queryset = Employer.objects.select_related("logo")
    employer = queryset.filter(pk=page.employer_id).first()
    if employer is None:
        return None
    if i18n_enabled():
        [employer] = localized([employer], content_language(page), queryset)
    employer.logo_rendition = logo_rendition(employer.logo)
    return employer


def logo_rendition(image):
    if image is None:
        return None
    try:
        return image.get_rendition(LOGO_RENDITION)
    except SourceImageIOError:  # the file is missing: no logo rather than an error
        return None


def employer_profile_url(index, employer, request):
    """The employer's profile under the job index, when the parent is one (a site may put
    offers elsewhere) and the employer has a slug; else ``""``."""
    if employer is None or not employer.slug or not hasattr(index, "profile_url"):
        return ""
    return index.profile_url(employer, request)


def location_text(page):
    """ "Montréal, QC H2X 1Y4, CA": the parts given."""
    region = " ".join(part for part in (page.region, page.postal_code) if part)
    return ", ".join(part for part in (page.city, region, page.country) if part)


def sitemap_entries(page, request):
    """A closed offer is in no sitemap; an open one as every career page is."""
    if page.is_closed():
        return []
    return sitemap_urls(
        page, request, lambda offer: offer.last_published_at or offer.latest_revision_created_at
    )


# --- Head -----------------------------------------------------------------------------------


def head_metadata(page, request, template_context):
    """Canonical, description, Open Graph, Twitter and, while the offer is open, its
    JobPosting; a closed offer is ``noindex`` and has neither JSON-LD nor alternates.
    ``template_context``: the page's (its ``get_context``'s data is reused)."""
    data = template_context
    if "offer_closed" not in data:  # a context not built by the page's get_context
        data = context(page, request)
    closed = data["offer_closed"]
    employer = data["employer"]
    logo = employer.logo_rendition if employer is not None else None
    canonical = canonical_url(page, request)
    title = getattr(page, "seo_title", "") or page.title
    description = description_text(page, data["description_html"])
    language = content_language(page)
    image = None
    if logo is not None:
        image = {
            "url": absolute(canonical, logo.url),
            "width": logo.width,
            "height": logo.height,
            "alt": employer.name,
        }
    open_graph, twitter = social_tags(
        "website", title, description, canonical, request, image, page, large_image=False
    )
    json_ld = ""
    if not closed:
        posting = job_posting(page, canonical, data["description_html"], employer, image)
        json_ld = json_ld_script_content(posting)
    index = data["job_index"]
    return HeadMetadata(
        canonical=canonical,
        description=description,
        robots="noindex" if closed else "",
        open_graph=open_graph,
        twitter=twitter,
        json_ld=json_ld,
        feeds=feed_links(index, request) if not closed else [],
        language=language,
        alternates=[] if closed else alternates(page, request),
    )


def description_text(page, description_html):
    """The search description, else the start of the offer's description, as plain text."""
    text = getattr(page, "search_description", "")
    if not text:
        text = unescape(strip_tags(str(description_html)))
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def feed_links(index, request):
    """The job index's feeds of open offers, when the parent is a job index."""
    if not hasattr(index, "feed_url"):
        return []
    return [
        FeedLink(mime_type, f"{index.title} ({label})", index.feed_url(kind, request))
        for kind, mime_type, label in (
            ("rss", "application/rss+xml", "RSS"),
            ("atom", "application/atom+xml", "Atom"),
        )
    ]


# --- JobPosting -----------------------------------------------------------------------------


def job_posting(page, canonical, description_html, employer, image):
    """schema.org's JobPosting of the offer, as Google for Jobs reads it, empty values
    dropped."""
    remote = page.is_remote
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": page.title,
        "description": str(description_html),
        "datePosted": iso(page.posted_at),
        "validThrough": iso(page.valid_through),
        "employmentType": page.employment_type,
        "hiringOrganization": organization(employer, image),
        # A remote offer has a place only when it names a city (e.g. the employer's office).
        "jobLocation": place(page) if not remote or page.city else None,
        "jobLocationType": "TELECOMMUTE" if remote else None,
        "applicantLocationRequirements": (
            {"@type": "Country", "name": page.country} if remote else None
        ),
        "baseSalary": base_salary(page),
        "directApply": direct_apply(page, canonical),
        "identifier": (
            {"@type": "PropertyValue", "name": employer.name, "value": str(page.pk)}
            if employer is not None and page.pk
            else None
        ),
        "url": canonical,
        "inLanguage": content_language(page),
    }
    return without_empty(data)


def iso(moment):
    """An aware datetime in ISO 8601, in the site's time zone, to the second."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def organization(employer, image):
    if employer is None:
        return None
    return {
        "@type": "Organization",
        "name": employer.name,
        "sameAs": safe_link(employer.website),
        "logo": image["url"] if image else None,
    }


def place(page):
    return {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": page.city,
            "addressRegion": page.region,
            "postalCode": page.postal_code,
            "addressCountry": page.country,
        },
    }


def base_salary(page):
    """A ``MonetaryAmount``: a range (``minValue``/``maxValue``, either alone when only one
    is given) or one ``value``; ``None`` without a salary."""
    minimum, maximum = page.salary_min, page.salary_max
    if minimum is None and maximum is None:
        return None
    if minimum is not None and minimum == maximum:
        value = {"value": number(minimum)}
    else:
        value = {"minValue": number(minimum), "maxValue": number(maximum)}
    return {
        "@type": "MonetaryAmount",
        "currency": page.salary_currency,
        "value": {"@type": "QuantitativeValue", **value, "unitText": page.salary_unit},
    }


def number(value):
    """A Decimal as a JSON number (DjangoJSONEncoder would write a string)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def direct_apply(page, canonical):
    """Google's ``directApply``: whether candidates apply on this site itself (the
    application page is on the offer's host), not on another site or by email."""
    if not page.apply_url:
        return False
    try:
        return urlsplit(page.apply_url).hostname == urlsplit(canonical).hostname
    except ValueError:  # e.g. a malformed IPv6 host
        return False


def without_empty(value):
    """``value`` without ``None``, ``""``, ``[]`` and ``{}`` (at any depth); ``False`` and
    ``0`` are kept."""
    if isinstance(value, dict):
        cleaned = {key: without_empty(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [item for item in map(without_empty, value) if item not in (None, "", [], {})]
    return value
