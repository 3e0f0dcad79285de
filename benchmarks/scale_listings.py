"""Issue 17, listings and search: the career index's routes at scale, as ratios to the plain
page, measured interleaved with an anonymous client, and the number of queries of each.

The page cache is off (unless ``BENCH_PAGE_CACHE=1``): what is measured is the rendering
and its queries, as on a first visit after a purge.
"""

import math

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.timing import ratio, target
from wagtail_career.conf import get_setting
from wagtail_career.models import Author

RATIO_LIMIT = 3
SEARCH_RATIO_LIMIT = 5
SEARCH = "carriere"


def routes(site):
    """``{name: (url, ratio limit)}`` of the measured routes."""
    index = site["index"]
    pages = max(1, math.ceil(index.articles().count() / get_setting("PAGE_SIZE")))
    author = Author.objects.get(slug=site["author_slugs"][0])
    return {
        "index page 1": (site["index_url"], RATIO_LIMIT),
        f"index ?page={min(500, pages)}": (
            f"{site['index_url']}?page={min(500, pages)}",
            RATIO_LIMIT,
        ),
        "tag filter": (f"{site['index_url']}?tag={site['tag_slugs'][0]}", RATIO_LIMIT),
        "author archive": (index.author_archive_url(author), RATIO_LIMIT),
        f"search ?q={SEARCH}": (f"{site['index_url']}?q={SEARCH}", SEARCH_RATIO_LIMIT),
    }


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def measure(site):
    client = Client()
    measured = routes(site)
    functions = {"plain": lambda: client.get(site["plain_url"])}
    for name, (url, _limit) in measured.items():
        functions[name] = lambda url=url: client.get(url)
    rows = []
    for name, (url, limit) in measured.items():
        value, medians = ratio(
            {"plain": functions["plain"], name: functions[name]}, of=name, to="plain"
        )
        row = target(f"{name}, vs a plain page", value, limit)
        row.update(medians_ms=medians, queries=query_count(client, url), url=url)
        rows.append(row)
    return rows
