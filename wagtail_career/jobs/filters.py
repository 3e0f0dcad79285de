"""The job listing's filters: what the visitor asked for (``?employer=…&region=…``), the
offers matching it, and the choices the filter form offers.

Every function works on the offers queryset it is given (this module does not import the
models: ``models.py`` imports ``views.py``, which imports this). A value that cannot be an
offer's (an unknown employer or type, a NUL byte, a string longer than any field) matches
nothing, without reaching the database; nothing a visitor types raises an error.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from ..employers.models import Employer
from ..languages import active_language, default_language, i18n_enabled
from ..localize import localized

# The query parameters of the filters, in the form's order.
FILTER_PARAMS = ("employer", "region", "city", "type", "workplace")
# Longer than any of the filtered fields (slug, city, region): cannot match.
MAX_VALUE_LENGTH = 255
# What an employer slug can be (Django's Unicode slugs).
SLUG = re.compile(r"[-\w]+")


def usable(value):
    """Whether ``value`` may be sent to the database (PostgreSQL refuses NUL bytes)."""
    return len(value) <= MAX_VALUE_LENGTH and "\x00" not in value


def find_employer(slug, queryset=None):
    """The employer at ``slug``: the active language's, else the default language's (a
    translation may keep its original's slug), else ``None``."""
    if not SLUG.fullmatch(slug) or not usable(slug):
        return None
    employers = (queryset if queryset is not None else Employer.objects).filter(slug=slug)
    if not i18n_enabled():
        return employers.first()
    by_language = {
        employer.locale.language_code: employer for employer in employers.select_related("locale")
    }
    return by_language.get(active_language()) or by_language.get(default_language())


def employer_or_404(slug, queryset=None):
    employer = find_employer(slug, queryset)
    if employer is None:
        raise Http404("No employer at this address.")
    return employer


def of_employer(offers, employer):
    """``offers`` of ``employer`` (with i18n, of any of its translations)."""
    if i18n_enabled():
        return offers.filter(employer__translation_key=employer.translation_key)
    return offers.filter(employer=employer)


def choices_of(offers, name):
    """The ``(value, label)`` choices of the offer model's field ``name``."""
    return offers.model._meta.get_field(name).choices


@dataclass
class JobFilters:
    """The filters of one request: ``values`` maps each given parameter to its value."""

    values: dict = field(default_factory=dict)
    employer: object = None  # the employer found for values["employer"], if any

    @classmethod
    def from_request(cls, request):
        values = {}
        for param in FILTER_PARAMS:
            value = request.GET.get(param, "").strip()
            if value:
                values[param] = value
        employer = find_employer(values["employer"]) if "employer" in values else None
        return cls(values, employer)

    def __bool__(self):
        return bool(self.values)

    def apply(self, offers):
        """The ``offers`` every given filter matches."""
        values = self.values
        if not all(usable(value) for value in values.values()):
            return offers.none()
        if "employer" in values:
            if self.employer is None:
                return offers.none()
            offers = of_employer(offers, self.employer)
        for param, name in (("type", "employment_type"), ("workplace", "workplace")):
            if param in values:
                if values[param] not in dict(choices_of(offers, name)):
                    return offers.none()
                offers = offers.filter(**{name: values[param]})
        for name in ("region", "city"):
            if name in values:
                offers = offers.filter(**{name: values[name]})
        return offers

    def query_string(self, query=""):
        """The filters (and search ``query``) as a query string, for the pagination links."""
        params = [(param, value) for param, value in self.values.items() if usable(value)]
        if query:
            params.append(("q", query))
        return urlencode(params)


@dataclass
class FilterField:
    """One ``<select>`` of the filter form: ``options`` are ``(value, label)`` pairs."""

    name: str
    label: str
    all_label: str
    options: list
    selected: str = ""


def sort_key(text):
    """Case- and accent-insensitive order: "Écoles" sorts with "ecoles", before "Fermes"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)), text


def employers_of(offers):
    """The employers with offers among ``offers``, in the active language, by name (one
    query, two with i18n)."""
    employers = Employer.objects.filter(pk__in=offers.values("employer_id"))
    families = {}
    for employer in localized(employers):
        families.setdefault(employer.translation_key, employer)
    return sorted(families.values(), key=lambda employer: sort_key(employer.name))


def filter_fields(offers, filters):
    """The filter form's selects, each with the values ``offers`` (the open offers) have:
    three queries (four with i18n), whatever their number."""
    locations = set(offers.order_by().values_list("city", "region").distinct())
    kinds = set(offers.order_by().values_list("employment_type", "workplace").distinct())
    types = {employment_type for employment_type, _workplace in kinds}
    workplaces = {workplace for _type, workplace in kinds}
    selected = filters.values
    return [
        FilterField(
            "employer",
            _("Employer"),
            _("All employers"),
            [(employer.slug, employer.name) for employer in employers_of(offers)],
            selected.get("employer", ""),
        ),
        FilterField(
            "region",
            _("Region"),
            _("All regions"),
            [(region, region) for region in sorted({r for _c, r in locations if r}, key=sort_key)],
            selected.get("region", ""),
        ),
        FilterField(
            "city",
            _("City"),
            _("All cities"),
            [(city, city) for city in sorted({c for c, _r in locations if c}, key=sort_key)],
            selected.get("city", ""),
        ),
        FilterField(
            "type",
            _("Employment type"),
            _("All types"),
            [(v, label) for v, label in choices_of(offers, "employment_type") if v in types],
            selected.get("type", ""),
        ),
        FilterField(
            "workplace",
            _("Workplace"),
            _("All workplaces"),
            [(v, label) for v, label in choices_of(offers, "workplace") if v in workplaces],
            selected.get("workplace", ""),
        ),
    ]
