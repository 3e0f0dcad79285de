from django.http import HttpResponse
from django.urls import path

from tests.urls import urlpatterns as site_urlpatterns


def bare(request):
    """The reference of a page cache hit: the least a Django view behind the same middleware
    can do (``benchmarks/page_cache.py``)."""
    return HttpResponse("Bare Django view.")


# The same routes as the test site, and the bare view.
urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
