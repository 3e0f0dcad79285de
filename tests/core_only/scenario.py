"""Run inside the core-only site (``manage``-less: ``python -m tests.core_only.scenario``):
an index and an article with an author render, and nothing of a feature shows."""

import django

django.setup()

from django.test import Client  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from wagtail_career.models import Author  # noqa: E402
from wagtail_career.pages.models import ArticlePage, ArticlePageAuthor, CareerIndexPage  # noqa: E402

root = Site.objects.get(is_default_site=True).root_page
index = root.add_child(instance=CareerIndexPage(title="Career", slug="career-core"))
author = Author.objects.create(name="Marie Tremblay", role="Director")
article = ArticlePage(title="Negotiating a salary", slug="salary", intro="How to ask.")
article.article_authors.add(ArticlePageAuthor(author=author))
index.add_child(instance=article)
article.save_revision().publish()

client = Client()
page = client.get(article.url)
html = page.content.decode()
assert page.status_code == 200, page.status_code
assert "Marie Tremblay" in html and "Negotiating a salary" in html
for trace in ("career-comments", "career-employers", "career-newsletter", "comments/post"):
    assert trace not in html, trace
assert client.get(index.url).status_code == 200
assert "Negotiating a salary" in client.get(index.url + "feed/rss/").content.decode()
assert client.get(index.url + "employers/").status_code == 404
assert Page.objects.count() >= 3
print("CORE ONLY OK", html.count("Marie Tremblay"))
