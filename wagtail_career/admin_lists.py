"""What the package's admin lists (wagtail-modeladmin index views) answer to a query string
they cannot apply: a 400 page that says so, never a 500; and how they count their rows.

wagtail-modeladmin's list view hands filter values (``?site=abc``, ``?submit_date__gte=zz``,
a 20-digit id) to the database as they are; the errors surface while the list renders.
"""

import logging

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldError, ValidationError
from django.db import DataError
from django.db.models import QuerySet
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .inputs import parse_int

logger = logging.getLogger(__name__)

BAD_QUERY_TEMPLATE = "wagtail_career/admin/bad_query.html"
BAD_QUERY_ERRORS = (
    IncorrectLookupParameters,
    ValidationError,
    FieldError,
    DataError,
    ValueError,
    OverflowError,
)


class BadQueryIsA400Mixin:
    """Mixed into a modeladmin ``IndexView``: the list (and its export) is built inside
    ``dispatch``, and a filter the database refuses gives a 400 page."""

    def dispatch(self, request, *args, **kwargs):
        try:
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response
        except BAD_QUERY_ERRORS as error:
            logger.info("Refused admin list query %r: %s", request.GET.urlencode(), error)
            return TemplateResponse(
                request,
                BAD_QUERY_TEMPLATE,
                {
                    "title": _("This list cannot be filtered that way"),
                    "list_url": request.path,
                },
                status=400,
            )


class NumericInstancePkMixin:
    """Mixed into a ``ModelAdmin`` whose model has an integer primary key: an inspect, edit,
    delete or history URL whose id is not one (``inspect/abc/``, ``edit/²/``, 20 digits) is
    a 404; wagtail-modeladmin would hand it to the database and answer 500."""

    def _instance_pk_or_404(self, instance_pk):
        if parse_int(unquote(str(instance_pk)), minimum=1) is None:
            raise Http404

    def inspect_view(self, request, instance_pk):
        self._instance_pk_or_404(instance_pk)
        return super().inspect_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        self._instance_pk_or_404(instance_pk)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self._instance_pk_or_404(instance_pk)
        return super().delete_view(request, instance_pk)

    def history_view(self, request, instance_pk):
        self._instance_pk_or_404(instance_pk)
        return super().history_view(request, instance_pk)


class CountOnceQuerySet(QuerySet):
    """A queryset whose copies share their row counts, by WHERE clause (``counts``).

    wagtail-modeladmin's list asks for three counts: every row ("out of M"), the filtered
    rows ("N") and, in its paginator, the filtered rows again; unfiltered, all three are the
    same ``COUNT(*)``, each a scan of the table at 100,000 rows. A sliced, distinct, grouped
    or combined queryset is counted as usual."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.counts = {}

    def _clone(self):
        clone = super()._clone()
        clone.counts = self.counts
        return clone

    def count(self):
        query = self.query
        if query.is_sliced or query.distinct or query.group_by or query.combinator:
            return super().count()
        if query.where not in self.counts:
            self.counts[query.where] = super().count()
        return self.counts[query.where]


class CountOnceMixin:
    """Mixed into a modeladmin ``IndexView``: the querysets of one view of the list are
    ``CountOnceQuerySet`` sharing their counts (the view only reads the rows)."""

    @cached_property
    def list_counts(self):
        return {}

    def get_base_queryset(self, request=None):
        queryset = super().get_base_queryset(request)
        queryset = CountOnceQuerySet(queryset.model, queryset.query.chain(), using=queryset.db)
        queryset.counts = self.list_counts
        return queryset
