from django.core.paginator import Paginator

from .conf import get_setting
from .inputs import parse_int


def requested_page(paginator, value):
    """The page ``value`` (a query parameter) asks for: only ASCII digits count, anything
    else (``abc``, ``²``, 30 digits) gives the first page and a number past the end the last,
    so a mistyped or stale link still shows content."""
    return paginator.get_page(parse_int(value, minimum=1) or 1)


def paginate(request, queryset):
    """The requested ``?page=`` of ``queryset`` (see :func:`requested_page`)."""
    return requested_page(Paginator(queryset, get_setting("PAGE_SIZE")), request.GET.get("page"))
