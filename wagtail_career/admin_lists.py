"""What the package's admin lists (wagtail-modeladmin index views) answer to a query string
they cannot apply: a 400 page that says so, never a 500.

wagtail-modeladmin's list view hands filter values (``?site=abc``, ``?submit_date__gte=zz``,
a 20-digit id) to the database as they are; the errors surface while the list renders.
"""

import logging

from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import FieldError, ValidationError
from django.db import DataError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

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
