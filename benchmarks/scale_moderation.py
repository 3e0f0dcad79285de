"""The comment moderation list (Carrière › Commentaires) at the scale site's size: every
status filter, the article filter and a search, each against the admin dashboard measured
in the same run, and the size of its HTML."""

from django.db.models import Count
from django_comments_xtd.models import XtdComment

from benchmarks.timing import ratio, target

INDEX = "/admin/django_comments_xtd/xtdcomment/"
MAX_RATIO = 3
MAX_KB = 150


def commented_article_pk():
    """The article with the most comments: its filtered list has full pages."""
    return (
        XtdComment.norel_objects.values("object_pk")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("object_pk", flat=True)
        .first()
    )


def lists():
    article = commented_article_pk()
    return {
        "unfiltered": INDEX,
        "pending": f"{INDEX}?status=pending",
        "published": f"{INDEX}?status=published",
        "removed": f"{INDEX}?status=removed",
        "reported": f"{INDEX}?status=flagged",
        "one article": f"{INDEX}?article={article}",
        "article title search": f"{INDEX}?article_title=num%C3%A9ro+42",
        "search": f"{INDEX}?q=visiteur4242",
    }


def measure(site):
    client = site["admin_client"]

    def get(url):
        def call():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        return call

    rows = []
    for name, url in lists().items():
        kb = round(len(get(url)().content) / 1024, 1)
        value, medians = ratio(
            {"list": get(url), "dashboard": get(site["dashboard_url"])},
            of="list",
            to="dashboard",
            repeat=15,
        )
        row = target(f"moderation list, {name}, vs the admin dashboard", value, MAX_RATIO)
        rows.append({**row, "medians_ms": medians, "url": url})
        rows.append(target(f"moderation list, {name}, HTML", kb, MAX_KB, unit=" KB"))
    return rows
