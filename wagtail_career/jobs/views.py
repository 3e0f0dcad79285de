"""The job index's routes: the listing (filters, search), the feeds and the employers'
profiles. Functions of the index page (``models.JobIndexPageMixin`` calls them)."""

from django.http import Http404

from ..paginator import paginate

# The query parameters the listing reads; any other bypasses the page cache.
QUERY_PARAMS = ("page", "employer", "region", "city", "type", "workplace")


def job_listing(index, request):
    offers = index.open_offers().for_listing()
    return index.render(request, context_overrides={"offers": paginate(request, offers)})


def offers_feed(index, request, kind, employer_slug=None):
    raise Http404("Not yet.")


def employer_profile(index, request, slug):
    raise Http404("Not yet.")
