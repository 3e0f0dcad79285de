"""Issue 17, the sitemap at scale: the first file of the package's sitemap
(``wagtail_career.sitemaps``, ``WAGTAIL_CAREER_SITEMAP_LIMIT`` pages a file) as a ratio to
the plain page, measured interleaved with an anonymous client: warm (served from the
package's cache, the target) and cold (right after ``cache.clear()``: built from the
database, reported), with its size and its queries.
"""

import xml.etree.ElementTree as ET

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from benchmarks.measure import count_queries, get
from benchmarks.timing import ratio, target
from wagtail_career.sitemaps import SECTION, SECTION_URL_NAME

RATIO_LIMIT = 10
COLD_REPEAT = 5
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def measure(site):
    client = Client()
    url = reverse(SECTION_URL_NAME, kwargs={"section": SECTION})
    index = ET.fromstring(get(client, "/sitemap.xml").content)
    files = len(index.findall("s:sitemap", NS)) or 1  # a urlset when all fits in one file

    def plain():
        get(client, site["plain_url"])

    def cold():
        cache.clear()
        get(client, url)

    cold_ratio, cold_medians = ratio(
        {"plain": plain, "sitemap": cold}, of="sitemap", to="plain", repeat=COLD_REPEAT, warmup=1
    )
    get(client, url)
    warm_ratio, warm_medians = ratio(
        {"plain": plain, "sitemap": lambda: get(client, url)}, of="sitemap", to="plain"
    )
    cache.clear()
    cold_queries = count_queries(client, url)
    content = get(client, url).content
    row = target("sitemap (first file), warm, vs a plain page", warm_ratio, RATIO_LIMIT)
    row.update(
        cold_ratio=cold_ratio,
        medians_ms={"warm": warm_medians, "cold": cold_medians},
        size_kb=round(len(content) / 1024),
        urls=len(ET.fromstring(content).findall("s:url", NS)),
        files=files,
        queries_cold=cold_queries,
        queries_warm=count_queries(client, url),
        url=url,
    )
    return [row]
