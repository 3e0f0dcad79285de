"""``make bench-scale``: an article among the fixture's 10,000 siblings.

- its queries right after Django's cache was emptied, warm, and right after a purge (a
  sibling sharing a tag republished: the page and its related list are rebuilt);
- the related-articles queries' time: PostgreSQL's EXPLAIN ANALYZE execution times, summed;
  on SQLite, the median time of those statements alone;
- the warm render against the plain page with the same body;
- the tag-scoped purge: some article pages cached, one article republished, how many of
  those sharing no tag with it are still served from the cache.
"""

import statistics
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from benchmarks.measure import count_queries, get
from benchmarks.timing import ratio, target
from wagtail_career.cache import STATUS_HEADER, restricted_paths
from wagtail_career.pages.models import ArticlePage

QUERIES = 15
WARM_QUERIES = 11
RELATED_MS = 5
RENDER_RATIO = 1.5
# Article pages cached before the republication, besides the one republished.
CACHED_PAGES = 60
PAGE_CACHE = "wagtail_career.cache.CareerPageCacheMiddleware"


def article_at(url):
    return ArticlePage.objects.get(url_path__endswith="/" + url.strip("/").split("/")[-1] + "/")


def sharing_a_tag(article, exclude=()):
    """Live siblings sharing a tag with ``article``."""
    tags = [tag.pk for tag in article.tags.all()]
    return (
        ArticlePage.objects.live()
        .sibling_of(article, inclusive=False)
        .filter(tagged_items__tag_id__in=tags)
        .exclude(pk__in=exclude)
        .distinct()
    )


def republish(article):
    ArticlePage.objects.get(pk=article.pk).save_revision().publish()


def query_counts(url):
    client = Client()
    article = article_at(url)
    get(client, url)  # renditions made once, as on a live site
    cache.clear()
    cold = count_queries(client, url)
    warm = count_queries(client, url)
    republish(sharing_a_tag(article).first())
    after_purge = count_queries(client, url)
    return {"cold": cold, "warm": warm, "after_purge": after_purge}


def related_statements(url):
    """The SQL of one build of the article's related list, its ids read afresh."""
    article = article_at(url)
    cache.clear()
    restricted_paths()  # read once per site, not per list
    article.tag_list  # noqa: B018  (read by the view before)
    with CaptureQueriesContext(connection) as captured:
        assert article.related_articles(), "no related articles"
    return [query["sql"] for query in captured.captured_queries]


def related_ms(url):
    """The related list's statements' time in ms (their sum) and each one's."""
    statements = related_statements(url)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            each = []
            for sql in statements:
                cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
                each.append(round(cursor.fetchone()[0][0]["Execution Time"], 3))
            return round(sum(each), 3), each
        times = []
        for _ in range(30):
            start = time.perf_counter()
            for sql in statements:
                cursor.execute(sql)
                cursor.fetchall()
            times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 3), [len(statements)]


def render_ratio(site):
    client = Client()
    url, plain = site["article_urls"][0], site["plain_url"]
    return ratio(
        {"article": lambda: get(client, url), "plain": lambda: get(client, plain)},
        of="article",
        to="plain",
        repeat=100,
        warmup=10,
    )


def purge_scope(site):
    """Cache ``CACHED_PAGES`` article pages, republish the first of the site's articles,
    and count those still served from the cache among the ones sharing no tag with it."""
    published = article_at(site["article_urls"][0])
    others = {
        page.pk: page.url
        for page in ArticlePage.objects.live()
        .sibling_of(published, inclusive=False)
        .defer_streamfields()
        .order_by("path")[:CACHED_PAGES]
    }
    sharing = set(sharing_a_tag(published).filter(pk__in=others).values_list("pk", flat=True))
    middleware = list(settings.MIDDLEWARE)
    if PAGE_CACHE not in middleware:
        position = middleware.index("django.middleware.common.CommonMiddleware") + 1
        middleware.insert(position, PAGE_CACHE)
    # Room for every entry, as a Redis or Memcached server would have (LocMem's default of
    # 300 entries would evict pages and tell nothing of the purges).
    caches = {
        alias: {**config, "OPTIONS": {**config.get("OPTIONS", {}), "MAX_ENTRIES": 100_000}}
        if config["BACKEND"].endswith("LocMemCache")
        else config
        for alias, config in settings.CACHES.items()
    }
    with override_settings(MIDDLEWARE=middleware, CACHES=caches):
        client = Client()
        for url in others.values():
            get(client, url)
        primed = sum(get(client, url).get(STATUS_HEADER) == "hit" for url in others.values())
        republish(published)
        hits = {pk for pk, url in others.items() if get(client, url).get(STATUS_HEADER) == "hit"}
    unrelated = set(others) - sharing
    return {
        "cached": primed,
        "sharing_a_tag": len(sharing),
        "kept": len(hits & unrelated),
        "unrelated": len(unrelated),
        "sharing_kept": len(hits & sharing),
    }


def measure(site):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The planner's statistics, as autovacuum keeps them on a live site (a bulk
            # load leaves none: every estimate would be one row).
            cursor.execute("ANALYZE")
    url = site["article_urls"][0]
    counts = query_counts(url)
    related, each = related_ms(url)
    render, medians = render_ratio(site)
    scope = purge_scope(site)
    return [
        target("article: queries right after a purge", counts["after_purge"], QUERIES, unit="")
        | counts,
        target("article: queries, warm", counts["warm"], WARM_QUERIES, unit=""),
        target("related articles' queries (ms)", related, RELATED_MS, unit=" ms")
        | {"statements_ms": each, "vendor": connection.vendor},
        target("article / plain page, warm render", render, RENDER_RATIO) | medians,
        target(
            "one article republished: share of cached pages sharing no tag kept",
            round(scope["kept"] / scope["unrelated"], 2) if scope["unrelated"] else 1.0,
            1.0,
            at_most=False,
            unit="",
        )
        | scope,
    ]
