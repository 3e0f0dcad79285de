"""The benchmark's fixture site: an index, articles with 0–1,000 comments and 1–5 authors,
50 employers with logos, and a plain page with the same body as the articles."""

import io
import itertools

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.rich_text import RichText

from benchmarks.plainpage.models import PlainPage
from wagtail_career.employers.models import Employer
from wagtail_career.models import Author
from wagtail_career.pages.models import ArticlePage, ArticlePageAuthor, CareerIndexPage

# (comments, authors) of each article: the query grid, the render article, the N=300 one.
ARTICLES = [(n, k) for n in (0, 10, 100, 1000) for k in (1, 5)] + [(0, 2), (300, 1)]
EMPLOYERS = 50
PARAGRAPH = "<p>" + " ".join(["conseil carrière entrevue"] * 50) + "</p>"


def body():
    return [
        ("heading", "Préparer son entrevue"),
        ("paragraph", RichText(PARAGRAPH)),
        ("quote", {"text": "Une bonne entrevue se prépare.", "attribution": "Léa"}),
        ("heading", "Le jour même"),
        ("paragraph", RichText(PARAGRAPH)),
        ("paragraph", RichText(PARAGRAPH)),
    ]


def image(title, size):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (30, 90, 160)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title}.png")
    )


def add_comments(article, count, users):
    """``count`` comments: every third a reply; half by signed-in users, half anonymous."""
    root = None
    for number in range(count):
        user = users[number % len(users)] if number % 2 else None
        comment = XtdComment(
            content_type_id=article.content_type_id,  # the article model's own type
            object_pk=str(article.pk),
            site_id=1,
            user=user,
            user_name=user.get_username() if user else f"Visiteur {number}",
            user_email=user.email if user else f"visiteur{number}@example.com",
            comment=f"Commentaire {number} : merci pour ces conseils, très utiles.",
            parent_id=root.pk if root is not None and number % 3 == 2 else 0,
            submit_date=timezone.now(),
            is_public=True,
            followup=number % 4 == 0,
        )
        comment.save()
        if comment.level == 0:
            root = comment


@transaction.atomic
def build():
    home = Site.objects.get(is_default_site=True).root_page
    index = CareerIndexPage(title="Carrière", slug="carriere", intro="<p>Conseils</p>")
    home.add_child(instance=index)
    index.save_revision().publish()
    # At the articles' depth (home / section / page), so both routes walk the same tree.
    section = PlainPage(title="Rubrique", slug="rubrique", body=[])
    home.add_child(instance=section)
    section.save_revision().publish()
    plain = PlainPage(title="Préparer son entrevue", slug="plain", body=body())
    section.add_child(instance=plain)
    plain.save_revision().publish()

    authors = [
        Author.objects.create(
            name=f"Autrice {n}",
            slug=f"autrice-{n}",
            role="Conseillère",
            organisation="Boréal Talents",
            bio="Vingt ans de recrutement.",
            photo=image(f"photo-{n}", (320, 320)),
        )
        for n in range(5)
    ]
    for n in range(EMPLOYERS):
        Employer.objects.create(
            name=f"Employeur {n}",
            website=f"https://employeur-{n}.example/",
            logo=image(f"logo-{n}", (120, 60)),
        )
    User = get_user_model()
    users = [
        User.objects.create_user(f"lecteur{n}", f"lecteur{n}@example.com", "pw") for n in range(10)
    ]
    hero = image("hero", (1600, 900))
    tags = itertools.cycle([["cv"], ["entrevue", "cv"], ["réseautage"]])
    articles = {}
    for comments, author_count in ARTICLES:
        article = ArticlePage(
            title=f"Article N={comments} K={author_count}",
            slug=f"article-n{comments}-k{author_count}",
            intro="Une introduction courte.",
            hero_image=hero,
            body=body(),
        )
        article.article_authors = [
            ArticlePageAuthor(author=author) for author in authors[:author_count]
        ]
        index.add_child(instance=article)
        article.tags.set(next(tags))
        article.save_revision().publish()
        add_comments(article, comments, users)
        articles[(comments, author_count)] = article.url

    reader = User.objects.create_user("bench", "bench@example.com", "pw")
    client = Client()
    client.force_login(reader)
    return {
        "articles": articles,
        "article_url": articles[(0, 2)],
        "plain_url": plain.url,
        "index_url": index.url,
        "comment_post_url": "/career/comments/post/",
        "signup_url": "/career/newsletter/",
        "session_key": client.cookies["sessionid"].value,
    }


def set_recruiting(count):
    """Make the first ``count`` employers recruit (one save each: the cache is purged)."""
    for number, employer in enumerate(Employer.objects.order_by("pk")):
        employer.is_recruiting = number < count
        employer.save()
