from django.core.paginator import Paginator

from .conf import get_setting


def paginate(request, queryset):
    """The requested page of ``queryset``; a bad or out-of-range ``?page=`` never errors.

    ``?page=abc`` gives the first page and ``?page=999`` the last, as Django's
    ``Paginator.get_page`` does, so a mistyped or stale link still shows articles.
    """
    return Paginator(queryset, get_setting("PAGE_SIZE")).get_page(request.GET.get("page"))
