"""The comment pages of an article with a tenth of the site's comments: their navigation is
elided like the index's, so it stays a handful of links whatever the number of pages."""

import re

from django.test import Client

from benchmarks.timing import target

MAX_PAGE_LINKS = 12


def measure(site):
    html = Client().get(site["busy_article_url"]).content.decode()
    pages = {int(n) for n in re.findall(r'href="[^"]*(?:\?|&amp;)comments_page=(\d+)', html)}
    row = target("comment page links on the busiest article", len(pages), MAX_PAGE_LINKS, unit="")
    row["last_page"] = max(pages, default=1)
    return [row]
