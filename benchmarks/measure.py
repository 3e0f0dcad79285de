"""In-process measurements: query counts, render times, response headers."""

import statistics
import time

from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Page

from benchmarks.fixture import set_recruiting
from wagtail_career.comments.display import comment_section


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return len(queries)


def query_counts(site):
    """Queries of one anonymous article view (page cache off): in the steady state (Django's
    cache warm) and right after the cache was emptied (the worst case)."""
    client = Client()
    rows = []
    for employers in (5, 20, 50):
        set_recruiting(employers)
        for (comments, authors), url in sorted(site["articles"].items()):
            if comments == 300 or authors == 2:
                continue
            get(client, url)  # renditions made once, as on a live site
            cache.clear()
            cold = count_queries(client, url)
            warm = count_queries(client, url)
            rows.append(
                {
                    "comments": comments,
                    "employers": employers,
                    "authors": authors,
                    "queries": warm,
                    "queries_cold_cache": cold,
                }
            )
    set_recruiting(20)
    return rows


def median_ms(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 3)


def render_ratio(site, repeat=300):
    """Median time of a full anonymous request (middleware, view, templates), in-process:
    the article (N=0, K=2, M=20) against a plain Wagtail page with the same body."""
    client = Client()
    article, plain = site["article_url"], site["plain_url"]
    for _ in range(20):  # warm: renditions, settings, the employers' cached list
        get(client, article)
        get(client, plain)
    article_times, plain_times = [], []
    for _ in range(repeat):  # interleaved, so both see the same machine load
        article_times.append(median_ms(lambda: get(client, article), 1))
        plain_times.append(median_ms(lambda: get(client, plain), 1))
    article_ms = round(statistics.median(article_times), 3)
    plain_ms = round(statistics.median(plain_times), 3)
    return {
        "article_ms": article_ms,
        "plain_ms": plain_ms,
        "ratio": round(article_ms / plain_ms, 2),
    }


XTD_TREE = Template("{% load comments_xtd %}{% render_xtdcomment_tree for article %}")


def comment_section_ratio(site, repeat=15):
    """The article's comment section against django-comments-xtd's stock tree, N=300."""
    url = site["articles"][(300, 1)]
    article = Page.objects.get(url_path__endswith=url.strip("/").split("/")[-1] + "/").specific
    request = RequestFactory().get(url)
    request.user = AnonymousUser()  # a visitor without a session cookie
    # As MessageMiddleware would: the section takes its own messages from the storage.
    request._messages = CookieStorage(request)

    def ours():
        section = comment_section(request, article)
        return render_to_string(
            "wagtail_career/comments/section.html", {"section": section}, request=request
        )

    def stock():
        # xtd's stock templates link to its own views (comments-url-redirect…).
        with override_settings(ROOT_URLCONF="benchmarks.urls_with_xtd"):
            context = {"article": article, "request": request, "user": request.user}
            return XTD_TREE.render(Context(context))

    counts = {}
    for name, function in (("ours", ours), ("xtd", stock)):
        function()
        with CaptureQueriesContext(connection) as queries:
            function()
        counts[name] = len(queries)
    ours_ms = median_ms(ours, repeat)
    xtd_ms = median_ms(stock, repeat)
    return {
        "comments": 300,
        "ours_ms": ours_ms,
        "xtd_ms": xtd_ms,
        "ours_queries": counts["ours"],
        "xtd_queries": counts["xtd"],
        "ratio": round(ours_ms / xtd_ms, 3),
    }


def anonymous_headers(site):
    response = get(Client(), site["article_url"])
    return {
        "set_cookie": response.headers.get("Set-Cookie", ""),
        "vary": response.headers.get("Vary", ""),
        "cookies": sorted(response.cookies),
    }
