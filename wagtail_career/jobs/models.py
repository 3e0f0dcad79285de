"""Job offers as pages: the abstract mixins a site combines with its page model.

``wagtail_career.jobs.pages`` builds the ready-made ``JobIndexPage`` and ``JobOfferPage``
from them and Wagtail's ``Page``; a site with a custom base page model builds its own (see
the README, "Job offers"). A concrete offer declares ``tags`` (a ``ClusterTaggableManager``
whose through model's ``ParentalKey`` has ``related_name="tagged_items"``).

An offer is *open* while it is live, public and its ``valid_through`` (if any) is in the
future. From that moment on it leaves every listing, feed, count, sitemap and digest: the
queries compare with the current time, and every cached entry showing open offers depends on
the next closing (``cache.deadline_dependency``), so none outlives it.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import AbstractPage, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..cache import (
    EMPLOYERS,
    deadline_dependency,
    depend_on,
    do_not_cache,
    forget_values,
    get_values,
    listing_dependency,
)
from ..conf import get_setting
from ..employers.models import attach_logo_renditions
from ..employers.models import logo_prefetch as employer_logo_prefetch
from ..languages import active_language, i18n_enabled, sitemap_urls
from ..localize import (
    AbstractSettingsTranslation,
    LanguageSelect,
    TranslatedSettingsMixin,
    localized,
)
from ..models.pages import concrete_models, site_settings_dependency, topmost_model
from ..models.settings import CachedSiteSetting
from . import offer_page, views
from .salary import format_salary

# What the offer's description editor offers: structure, not styling.
DESCRIPTION_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
# The employer's logo on offer cards and pages: the {% picture %} spec of job_offer_card.html
# and job_offer_facts.html, written as there (prefetched renditions are matched by their
# exact spec). One size, twice the card's 5rem × 2.5rem box; PNG for transparent logos.
OFFER_LOGO_RENDITION = "format-{avif,webp,png} max-160x80"
# Cache namespace of the moment the next open offer closes (see next_closing()).
CLOSING_VALUES = "job_offers_closing"
# Dependency of every entry that shows open offers or their counts (cache.py).
JOB_OFFERS = "job_offers"


class EmploymentType(models.TextChoices):
    """schema.org's ``employmentType`` values, as Google for Jobs reads them."""

    FULL_TIME = "FULL_TIME", _("Full time")
    PART_TIME = "PART_TIME", _("Part time")
    CONTRACTOR = "CONTRACTOR", _("Contract")
    TEMPORARY = "TEMPORARY", _("Temporary")
    INTERN = "INTERN", _("Internship")
    VOLUNTEER = "VOLUNTEER", _("Volunteer")
    PER_DIEM = "PER_DIEM", _("Per diem")
    OTHER = "OTHER", _("Other")


class Workplace(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    HYBRID = "hybrid", _("Hybrid")
    REMOTE = "remote", _("Remote")


class SalaryUnit(models.TextChoices):
    """schema.org's ``unitText`` of a ``QuantitativeValue`` salary."""

    HOUR = "HOUR", _("per hour")
    DAY = "DAY", _("per day")
    WEEK = "WEEK", _("per week")
    MONTH = "MONTH", _("per month")
    YEAR = "YEAR", _("per year")


def default_country():
    """``WAGTAIL_CAREER_JOBS_DEFAULT_COUNTRY``, read when an offer is created (a callable, so
    the migrations do not change with the setting)."""
    return get_setting("JOBS_DEFAULT_COUNTRY")


def job_offer_models():
    """Every concrete page model built from :class:`JobOfferPageMixin`."""
    return concrete_models(JobOfferPageMixin)


def listing_offer_models():
    """The topmost offer models: querying them finds every offer (subclasses' included)."""
    return [model for model in job_offer_models() if model.listing_model() is model]


def job_index_models():
    return concrete_models(JobIndexPageMixin)


def open_condition(now=None, prefix=""):
    """The condition of an offer that has not closed at ``now``."""
    now = now or timezone.now()
    return Q(**{f"{prefix}valid_through__isnull": True}) | Q(**{f"{prefix}valid_through__gt": now})


def next_closing():
    """When the next live offer closes (an aware datetime), or ``None``: kept in the cache
    until an offer changes (``purges.py``) or the moment passes."""

    def compute(idents):
        moments = [
            model.objects.live()
            .filter(valid_through__gt=timezone.now())
            .aggregate(first=models.Min("valid_through"))["first"]
            for model in listing_offer_models()
        ]
        moments = [moment for moment in moments if moment is not None]
        return {"next": min(moments) if moments else None}

    moment = get_values(CLOSING_VALUES, ["next"], compute)["next"]
    if moment is not None and moment <= timezone.now():
        forget_values(CLOSING_VALUES, ["next"])
        moment = get_values(CLOSING_VALUES, ["next"], compute)["next"]
    return moment


def forget_next_closing():
    forget_values(CLOSING_VALUES, ["next"])


def offers_dependencies():
    """What an entry showing open offers (or counts of them) is built on: every offer's
    publication, and the next closing."""
    return [JOB_OFFERS, deadline_dependency(next_closing())]


def logo_prefetch():
    return Prefetch(
        "employer__logo",
        queryset=get_image_model().objects.prefetch_renditions(
            *Filter.expand_spec(OFFER_LOGO_RENDITION)
        ),
    )


class JobOfferQuerySet(PageQuerySet):
    def open(self, now=None):
        """Live, public offers that have not closed."""
        return self.live().public().filter(open_condition(now))

    def newest_first(self):
        return self.annotate(posted_sort=Coalesce("date_posted", "first_published_at")).order_by(
            F("posted_sort").desc(nulls_last=True), "-pk"
        )

    def for_listing(self):
        """Everything an offer card shows (employer and logo), newest first, without the
        description: a fixed number of queries. On fetch, the cards' data is attached
        (:meth:`prepare_cards`)."""
        clone = (
            self.newest_first()
            .defer("description")
            .select_related("employer")
            .prefetch_related(logo_prefetch())
        )
        clone._career_cards = True
        return clone

    def for_feed(self):
        """Everything a feed item shows (employer, tags; no logo), newest first."""
        return (
            self.newest_first()
            .defer("description")
            .select_related("employer")
            .prefetch_related("tags")
        )

    def in_language(self, language=None):
        """With WAGTAIL_I18N_ENABLED, the offers of ``language`` (default: the active one)."""
        if not i18n_enabled():
            return self
        return self.filter(locale__language_code=language or active_language())

    @staticmethod
    def card_prefetches():
        """What :meth:`for_listing` fetches, as prefetches, for offers found otherwise (a
        search backend's results)."""
        return ["employer", logo_prefetch()]

    @staticmethod
    def prepare_cards(offers):
        """Set on each offer what its card shows: ``card_employer`` (its employer, in the
        active language with WAGTAIL_I18N_ENABLED: a translated page may still point at the
        original's) with its logo's renditions read from the prefetch (``logo_rendition``
        set, see ``attach_logo_renditions``), and ``salary_text``.
        Without i18n no query; with, one for the translations and two for their logos.
        Returns the offers as a list."""
        offers = list(offers)
        if not offers:
            return offers
        language = translation.get_language()
        employer_model = offers[0]._meta.get_field("employer").related_model
        employers = localized(
            [offer.employer for offer in offers],
            queryset=employer_model.objects.prefetch_related(
                employer_logo_prefetch(OFFER_LOGO_RENDITION)
            ),
        )
        attach_logo_renditions([e for e in employers if e is not None], OFFER_LOGO_RENDITION)
        for offer, employer in zip(offers, employers, strict=True):
            offer.card_employer = employer
            offer.salary_text = format_salary(
                offer.salary_min,
                offer.salary_max,
                offer.salary_currency,
                offer.salary_unit,
                language,
            )
        return offers

    def _clone(self):
        clone = super()._clone()
        clone._career_cards = getattr(self, "_career_cards", False)
        return clone

    def _fetch_all(self):
        fetching = self._result_cache is None
        super()._fetch_all()
        rows = self._result_cache
        # Page instances only, not .values() rows.
        cards = fetching and rows and getattr(self, "_career_cards", False)
        if cards and isinstance(rows[0], AbstractPage):
            self.prepare_cards(rows)


class JobIndexPageMixin(RoutablePageMixin, models.Model):
    """The jobs listing: its open offers, newest first, filtered and searched, their feeds
    and the employers' profiles (routes in ``views.py``)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = AbstractPage.content_panels + [FieldPanel("intro")]
    search_fields = AbstractPage.search_fields + [index.SearchField("intro")]

    career_template = "wagtail_career/job_index_page.html"

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return self.career_template

    @classmethod
    def offer_model(cls):
        """The offer model listed under this index (its first offer subpage type, read as
        the topmost offer model it derives from)."""
        for model in cls.allowed_subpage_models():
            if issubclass(model, JobOfferPageMixin):
                return model.listing_model()
        raise LookupError(f"{cls.__name__}.subpage_types allows no job offer page model.")

    def open_offers(self):
        return self.offer_model().objects.child_of(self).open()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = get_setting("BASE_TEMPLATE")
        context["job_index"] = self
        return context

    def cache_dependencies(self, request):
        """What the listing, feeds and profiles are built on: the offers below (their
        publication purges the listing), the employers, the site's settings, and the next
        closing of any open offer."""
        return [
            listing_dependency(self.path),
            EMPLOYERS,
            site_settings_dependency(request),
            *offers_dependencies(),
        ]

    def serve(self, request, *args, **kwargs):
        if request.GET.get("q"):
            do_not_cache(request)  # one entry per search would only crowd the cache out
        else:
            depend_on(request, self, lambda: self.cache_dependencies(request), views.QUERY_PARAMS)
        return super().serve(request, *args, **kwargs)

    def career_head_metadata(self, request, context):
        """Canonical, description, Open Graph and feeds of the listing or of a profile."""
        return views.head_metadata(self, request, context)

    def get_sitemap_urls(self, request=None):
        """The listing changes when an offer is published: its lastmod says so. With
        WAGTAIL_I18N_ENABLED, its translations' entries too (``languages.sitemap_urls``)."""

        def lastmod(index):
            own = index.last_published_at or index.latest_revision_created_at
            latest = index.open_offers().aggregate(latest=models.Max("last_published_at"))["latest"]
            return latest if latest and (own is None or latest > own) else own

        return sitemap_urls(self, request, lastmod)

    def profile_url(self, employer, request=None):
        return self.get_url(request) + self.reverse_subpage(
            "employer", kwargs={"slug": employer.slug}
        )

    def feed_url(self, kind, request=None, employer=None):
        """The absolute URL of the ``kind`` ("rss" or "atom") feed of open offers, all of
        them or ``employer``'s."""
        if employer is not None:
            route = self.reverse_subpage(
                "employer_feed", kwargs={"slug": employer.slug, "kind": kind}
            )
        else:
            route = self.reverse_subpage("feed", kwargs={"kind": kind})
        return self.get_full_url(request) + route

    @path("", name="index")
    def index_route(self, request):
        return views.job_listing(self, request)

    @re_path(r"^feed/(?P<kind>rss|atom)/$", name="feed")
    def feed(self, request, kind):
        return views.offers_feed(self, request, kind)

    @re_path(r"^employers/(?P<slug>[-\w]+)/$", name="employer")
    def employer_route(self, request, slug):
        return views.employer_profile(self, request, slug)

    @re_path(r"^employers/(?P<slug>[-\w]+)/feed/(?P<kind>rss|atom)/$", name="employer_feed")
    def employer_feed(self, request, slug, kind):
        return views.offers_feed(self, request, kind, employer_slug=slug)


class JobOfferPageMixin(models.Model):
    """One open position of an employer (its fields' names follow schema.org's
    ``JobPosting``)."""

    employer = models.ForeignKey(
        "wagtail_career_employers.Employer",
        verbose_name=_("employer"),
        # Nullable so that deleting an employer keeps its offers' history; required in forms.
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    employment_type = models.CharField(
        _("employment type"),
        max_length=20,
        choices=EmploymentType.choices,
        default=EmploymentType.FULL_TIME,
    )
    workplace = models.CharField(
        _("workplace"), max_length=10, choices=Workplace.choices, default=Workplace.ON_SITE
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(
        _("region"), max_length=100, blank=True, help_text=_("Province or state, e.g. “QC”.")
    )
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    country = models.CharField(
        _("country"),
        max_length=2,
        default=default_country,
        help_text=_("Two-letter ISO 3166-1 code, e.g. “CA”."),
    )
    salary_min = models.DecimalField(
        _("minimum salary"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    salary_max = models.DecimalField(
        _("maximum salary"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    salary_currency = models.CharField(
        _("currency"), max_length=3, default="CAD", help_text=_("ISO 4217 code, e.g. “CAD”.")
    )
    salary_unit = models.CharField(
        _("salary per"), max_length=5, choices=SalaryUnit.choices, default=SalaryUnit.YEAR
    )
    description = RichTextField(_("description"), features=DESCRIPTION_FEATURES)
    apply_url = models.URLField(
        _("application page"),
        max_length=1000,
        blank=True,
        help_text=_("Where candidates apply. Give this, an email address, or both."),
    )
    apply_email = models.EmailField(_("application email"), blank=True)
    date_posted = models.DateTimeField(
        _("date posted"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the first publication date."),
    )
    valid_through = models.DateTimeField(
        _("closing date"),
        null=True,
        blank=True,
        help_text=_(
            "From this moment the offer is closed: it leaves the listings, feeds and "
            "newsletter, and the page is unpublished. Leave empty for no closing date."
        ),
    )

    objects = PageManager.from_queryset(JobOfferQuerySet)()

    career_content_panels = [
        FieldPanel("employer"),
        FieldRowPanel([FieldPanel("employment_type"), FieldPanel("workplace")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("country")]),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("salary_min"), FieldPanel("salary_max")]),
                FieldRowPanel([FieldPanel("salary_currency"), FieldPanel("salary_unit")]),
            ],
            heading=_("Salary"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("apply_url"), FieldPanel("apply_email")], heading=_("How to apply")
        ),
        MultiFieldPanel(
            [FieldPanel("date_posted"), FieldPanel("valid_through")], heading=_("Dates")
        ),
        FieldPanel("tags"),
    ]
    content_panels = AbstractPage.content_panels + career_content_panels
    career_search_fields = [
        index.SearchField("description"),
        index.SearchField("city"),
        index.SearchField("region"),
        index.RelatedFields("employer", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("employer"),
        index.FilterField("employment_type"),
        index.FilterField("workplace"),
        index.FilterField("city"),
        index.FilterField("region"),
        index.FilterField("valid_through"),
    ]
    search_fields = AbstractPage.search_fields + career_search_fields

    subpage_types = []
    career_template = "wagtail_career/job_offer_page.html"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.sync_expiry()
        return super().save(*args, **kwargs)

    def get_template(self, request, *args, **kwargs):
        return self.career_template

    @classmethod
    def listing_model(cls):
        """The topmost concrete offer model ``cls`` derives from."""
        return topmost_model(cls, JobOfferPageMixin)

    def clean(self):
        super().clean()
        errors = {}
        if self.employer_id is None:
            errors["employer"] = _("Choose the employer who is hiring.")
        if not self.apply_url and not self.apply_email:
            errors["apply_url"] = _("Give an application page, an email address, or both.")
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_min > self.salary_max
        ):
            errors["salary_max"] = _("The maximum salary cannot be lower than the minimum.")
        if self.salary_min is not None and self.salary_min < 0:
            errors["salary_min"] = _("A salary cannot be negative.")
        self.country = (self.country or "").upper()
        if len(self.country) != 2 or not self.country.isalpha():
            errors["country"] = _("Use the two-letter ISO 3166-1 code, e.g. “CA”.")
        self.salary_currency = (self.salary_currency or "").upper()
        if len(self.salary_currency) != 3 or not self.salary_currency.isalpha():
            errors["salary_currency"] = _("Use the three-letter ISO 4217 code, e.g. “CAD”.")
        if errors:
            raise ValidationError(errors)
        self.sync_expiry()

    def sync_expiry(self):
        """Wagtail unpublishes the page when the offer closes (its scheduled ``expire_at``)."""
        if self.valid_through is not None:
            self.expire_at = self.valid_through

    @property
    def posted_at(self):
        """When the offer was posted: ``date_posted``, else its first publication."""
        return self.date_posted or self.first_published_at

    def is_closed(self, now=None):
        return self.valid_through is not None and self.valid_through <= (now or timezone.now())

    @property
    def is_remote(self):
        return self.workplace == Workplace.REMOTE

    @property
    def location_text(self):
        """ "Montréal, QC" (city and region, those given)."""
        return ", ".join(part for part in (self.city, self.region) if part)

    @property
    def apply_link(self):
        """Where the "apply" call to action leads: the application page, else a mailto:."""
        if self.apply_url:
            return self.apply_url
        if self.apply_email:
            return f"mailto:{self.apply_email}"
        return ""

    @property
    def job_index(self):
        """The offer's parent page, as its specific class."""
        return self.get_parent().specific_deferred

    def cache_dependencies(self, request):
        """What the offer's page is built on besides itself: its employer, the site's
        settings, and its own closing (the page changes by itself then)."""
        return [
            EMPLOYERS,
            site_settings_dependency(request),
            deadline_dependency(self.valid_through),
        ]

    def serve(self, request, *args, **kwargs):
        depend_on(request, self, lambda: self.cache_dependencies(request))
        return offer_page.serve(self, request, super().serve, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = get_setting("BASE_TEMPLATE")
        context.update(offer_page.context(self, request))
        return context

    def career_head_metadata(self, request, context):
        """Canonical, Open Graph and the JobPosting JSON-LD (none once closed)."""
        return offer_page.head_metadata(self, request, context)

    def get_sitemap_urls(self, request=None):
        """No entry once closed; else the offer's (and its translations', with
        WAGTAIL_I18N_ENABLED)."""
        return offer_page.sitemap_entries(self, request)

    @classmethod
    def sitemap_dependencies(cls):
        """A cached sitemap (``wagtail_career.sitemaps``) expires at the next closing."""
        return offers_dependencies()


@register_setting(icon="tasks")
class JobSettings(CachedSiteSetting, TranslatedSettingsMixin, ClusterableModel, BaseSiteSetting):
    """The job offers part of a site's settings (Settings → Career job offers)."""

    latest_offers_heading = models.CharField(
        _("latest offers heading"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use “Latest job offers”, translated."),
    )
    latest_offers_count = models.PositiveSmallIntegerField(
        _("offers shown beside articles"),
        default=3,
        validators=[MaxValueValidator(20)],
        help_text=_("The newest open offers in the article sidebar; 0 hides the list."),
    )

    panels = [
        FieldPanel("latest_offers_heading"),
        FieldPanel("latest_offers_count"),
        InlinePanel(
            "translations",
            heading=_("In other languages"),
            label=_("Language"),
            help_text=_("The heading in another language; empty uses the heading above."),
        ),
    ]

    class Meta:
        verbose_name = _("Career job offers")
        verbose_name_plural = _("Career job offers")

    @property
    def latest_offers_heading_text(self):
        return self.translated("latest_offers_heading") or _("Latest job offers")


class JobSettingsTranslation(AbstractSettingsTranslation):
    """The latest offers heading in one language."""

    settings = ParentalKey(JobSettings, on_delete=models.CASCADE, related_name="translations")
    latest_offers_heading = models.CharField(_("latest offers heading"), max_length=255, blank=True)

    panels = [FieldPanel("language", widget=LanguageSelect), FieldPanel("latest_offers_heading")]

    class Meta(AbstractSettingsTranslation.Meta):
        verbose_name = _("Career job offers in another language")
        verbose_name_plural = _("Career job offers in other languages")
