"""Run inside a fresh `wagtail start` site with WAGTAIL_PAGE_MODEL = "home.BasePage" (through
`manage.py shell -c`, by tests/test_custom_base_page.py): the README's career pages, built
on the site's own base page, with authors, comments, feeds and the employers sidebar."""

import datetime

from career.models import ArticlePage, ArticlePageAuthor, CareerIndexPage
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from django_comments.forms import CommentForm
from django_comments_xtd.models import XtdComment
from home.models import BasePage
from wagtail.models import Site

from wagtail_career.comments.models import CommentSettings
from wagtail_career.employers.models import Employer
from wagtail_career.models import Author


def check(condition, what, response=None):
    if not condition:
        body = response.content.decode()[:3000] if response is not None else ""
        raise SystemExit(f"SCENARIO FAILED: {what}\n{body}")


# Wagtail's own migrations made the root, the home page (a BasePage) and the default Site.
site = Site.objects.get(is_default_site=True)
home = site.root_page.specific
check(isinstance(home, BasePage) and home.depth == 2, "the home page is the BasePage at depth 2")

index = home.add_child(instance=CareerIndexPage(title="Career advice", slug="advice"))
index.save_revision().publish()

author = Author.objects.create(name="Camille Tremblay", role="Career coach")
article = ArticlePage(
    title="Preparing for a job interview",
    slug="job-interview",
    intro="Five steps that make a difference.",
    date=datetime.date(2026, 11, 2),
)
article.article_authors = [ArticlePageAuthor(author=author)]
index.add_child(instance=article)
article.save_revision().publish()
article.refresh_from_db()
check(article.live and article.article_authors.count() == 1, "the article is live, one author")

Employer.objects.create(name="Acme Robotics", website="https://acme.example.com")

settings_row = CommentSettings.for_site(site)
settings_row.comment_moderation = "none"  # publish at once, to see the comment right away
settings_row.save()

lang = translation.get_language() or "en"
heading = "Employers who are hiring"
if lang.startswith("fr"):
    with translation.override("fr"):
        heading = str(translation.gettext("Employers who are hiring"))

client = Client()
article_url = article.get_url()
index_url = index.get_url()

response = client.get(article_url)
check(response.status_code == 200, f"article {article_url} -> {response.status_code}", response)
body = response.content.decode()
check(author.name in body, "the author's name on the article", response)
check(heading in body and "Acme Robotics" in body, "the employers sidebar on the article", response)
check("You must be signed in to post a comment." in body, "the comment section", response)
check('property="og:title"' in body, "the metadata of head.html on the article", response)

response = client.get(index_url)
check(response.status_code == 200, f"index {index_url} -> {response.status_code}", response)
check(article.title in response.content.decode(), "the article on the index", response)

response = client.get(f"{index_url}feed/rss/")
check(response.status_code == 200, f"RSS feed -> {response.status_code}", response)
check(article.title in response.content.decode(), "the article in the RSS feed", response)

response = client.get(f"{index_url}employers/")
check(response.status_code == 200, f"employer directory -> {response.status_code}", response)
check("Acme Robotics" in response.content.decode(), "the employer in the directory", response)

# A signed-in reader comments through the package's endpoint.
user = get_user_model().objects.create_user(
    username="lea", password="pw", email="lea@example.com", first_name="Léa"
)
client.force_login(user)
data = CommentForm(article).generate_security_data()
data.update({"comment": "Very useful, thank you!", "reply_to": "0", "honeypot": ""})
response = client.post("/career/comments/post/", data)
check(response.status_code == 302, f"comment post -> {response.status_code}", response)
comment = XtdComment.objects.get(object_pk=str(article.pk))
check(comment.is_public and comment.content_type.model_class() is ArticlePage, "comment stored")

client.logout()
response = client.get(article_url)
check(
    "Very useful, thank you!" in response.content.decode(), "the comment on the article", response
)
response = client.get(index_url)
check("1 comment" in response.content.decode(), "the comment count on the index card", response)

print("SCENARIO OK")
