"""The scale benchmark's site (``make bench-scale``): one career index with 10,000 live
articles, 100,000 comments, 100,000 newsletter subscribers, and a plain page with the same
body as the articles at the same depth of the tree.

Built in bulk: pages are inserted as treebeard would lay them out (paths, depth, numchild,
url_path) a few thousand rows per statement, since ``add_child`` and a revision per page
would take the better part of an hour at this size. What the editor's path does besides
(revisions, logs) is not read by any page measured here. The search index is then filled
with the site's backend, in batches.
"""

import itertools
import random
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.test import Client
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from taggit.models import Tag
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends

from benchmarks.fixture import body, image
from benchmarks.plainpage.models import PlainPage
from wagtail_career.models import Author
from wagtail_career.newsletter.models import Subscription
from wagtail_career.pages.models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticlePageTag,
    CareerIndexPage,
)

BATCH = 2000
TAGS = [f"sujet-{n}" for n in range(40)] + ["cv", "entrevue", "réseautage"]
AUTHORS = 20
# One article carries a tenth of the comments: its comment pagination has hundreds of pages.
BUSY_ARTICLE_SHARE = 10
WORDS = [
    "professionnel",
    "carrière",
    "entrevue",
    "curriculum",
    "réseautage",
    "salaire",
    "télétravail",
    "équipe",
    "gestionnaire",
    "compétences",
    "formation",
    "mentorat",
    "négociation",
    "candidature",
    "recruteur",
]


def article_body(rng):
    """The fixture's body with a few varied words, so searches match a part of the site."""
    words = " ".join(rng.choice(WORDS) for _ in range(12))
    return [*body(), ("paragraph", RichText(f"<p>{words}</p>"))]


def batched(iterable, size=BATCH):
    iterator = iter(iterable)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def bulk_create_inherited(model, objects):
    """``bulk_create`` for a multi-table inherited ``model`` (which Django refuses): the
    parent's rows in bulk, then the child table's rows in one INSERT per batch."""
    parent = model._meta.get_parent_list()[0]
    parents = [
        parent(**{f.attname: getattr(obj, f.attname) for f in parent._meta.concrete_fields})
        for obj in objects
    ]
    parent._base_manager.bulk_create(parents)
    pointer = model._meta.parents[parent]
    for obj, row in zip(objects, parents, strict=True):
        for field in parent._meta.concrete_fields:
            setattr(obj, field.attname, getattr(row, field.attname))
        setattr(obj, pointer.attname, row.pk)
    model._base_manager._insert(objects, fields=model._meta.local_concrete_fields, raw=True)


def build_articles(index, count, rng):
    article_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    hero = image("hero", (1600, 900))
    now = timezone.now()
    created = []
    for chunk in batched(range(count)):
        articles = []
        for number in chunk:
            slug = f"article-{number}"
            published = now - timedelta(hours=count - number)
            articles.append(
                ArticlePage(
                    title=f"Conseil carrière numéro {number}",
                    draft_title=f"Conseil carrière numéro {number}",
                    slug=slug,
                    content_type=article_type,
                    path=CareerIndexPage._get_path(index.path, index.depth + 1, number + 1),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    intro="Quelques conseils concrets pour avancer dans sa carrière.",
                    hero_image=hero,
                    body=article_body(rng),
                    allow_comments=True,
                    # What save() stores (the listings' sort key): bulk inserts skip it.
                    display_date_sort=timezone.localdate(published),
                )
            )
        bulk_create_inherited(ArticlePage, articles)
        created.extend(articles)
        print(f"  articles: {len(created)}/{count}", flush=True)
    Page.objects.filter(pk=index.pk).update(numchild=count)
    return created


def tag_and_sign(articles, authors, rng):
    tags = [Tag.objects.get_or_create(name=name, slug=name)[0] for name in TAGS]
    for chunk in batched(articles):
        ArticlePageTag.objects.bulk_create(
            ArticlePageTag(content_object_id=article.pk, tag=tag)
            for article in chunk
            for tag in rng.sample(tags, rng.randint(1, 3))
        )
        ArticlePageAuthor.objects.bulk_create(
            ArticlePageAuthor(page_id=article.pk, author=author, sort_order=order)
            for article in chunk
            for order, author in enumerate(rng.sample(authors, rng.randint(1, 2)))
        )
    return tags


def build_comments(articles, count, users, rng):
    """``count`` top-level comments: a tenth on the first article, the rest spread; about
    5 % held for moderation, 2 % removed, 1 % reported by a reader."""
    article_type = ContentType.objects.get_for_model(ArticlePage)
    busy = articles[0]
    now = timezone.now()
    for chunk in batched(range(count), 5000):
        rows = []
        for number in chunk:
            article = busy if number % BUSY_ARTICLE_SHARE == 0 else rng.choice(articles)
            user = users[number % len(users)] if number % 2 else None
            roll = rng.random()
            rows.append(
                XtdComment(
                    content_type=article_type,
                    object_pk=str(article.pk),
                    site_id=1,
                    user=user,
                    user_name=user.get_username() if user else f"Visiteur {number}",
                    user_email=user.email if user else f"visiteur{number}@example.com",
                    comment=f"Commentaire {number} : merci pour ces conseils, très utiles.",
                    submit_date=now - timedelta(seconds=count - number),
                    is_public=roll >= 0.05,
                    is_removed=0.05 <= roll < 0.07,
                    level=0,
                    order=1,
                    parent_id=0,
                    thread_id=0,
                    followup=number % 4 == 0,
                )
            )
        bulk_create_inherited(XtdComment, rows)
        print(f"  comments: {chunk[-1] + 1}/{count}", flush=True)
    # As XtdComment.save() does for a top-level comment: it is its own thread and parent.
    XtdComment.objects.filter(thread_id=0).update(thread_id=F("pk"), parent_id=F("pk"))
    reporter = users[0]
    reported = XtdComment.objects.filter(is_public=True, is_removed=False).values_list(
        "pk", flat=True
    )[: max(1, count // 100)]
    CommentFlag.objects.bulk_create(
        CommentFlag(user=reporter, comment_id=pk, flag=CommentFlag.SUGGEST_REMOVAL, flag_date=now)
        for pk in reported
    )
    return busy


def build_subscribers(site, count):
    now = timezone.now()
    statuses = itertools.cycle(
        [Subscription.Status.CONFIRMED] * 8
        + [Subscription.Status.PENDING, Subscription.Status.UNSUBSCRIBED]
    )
    for chunk in batched(range(count), 5000):
        Subscription.objects.bulk_create(
            Subscription(
                site=site,
                email=f"abonne{number}@example.com",
                status=next(statuses),
                language="fr",
                consent_text="J'accepte de recevoir l'infolettre.",
                consent_given_at=now - timedelta(minutes=number),
                confirmed_at=now - timedelta(minutes=number) if number % 10 < 8 else None,
                sections=[] if number % 3 else ["articles"],
            )
            for number in chunk
        )
    print(f"  subscribers: {count}", flush=True)


def index_articles(articles):
    for backend in get_search_backends(with_auto_update=True):
        for chunk in batched(articles, 500):
            fresh = list(
                ArticlePage.objects.filter(pk__in=[a.pk for a in chunk]).prefetch_related(
                    "tags", "article_authors__author"
                )
            )
            backend.add_bulk(ArticlePage, fresh)
    print("  search index: done", flush=True)


@transaction.atomic
def build(articles=10_000, comments=100_000, subscribers=100_000, seed=17):
    rng = random.Random(seed)
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    index = CareerIndexPage(title="Carrière", slug="carriere", intro="<p>Conseils</p>")
    home.add_child(instance=index)
    index.save_revision().publish()
    section = PlainPage(title="Rubrique", slug="rubrique", body=[])
    home.add_child(instance=section)
    section.save_revision().publish()
    plain = PlainPage(title="Préparer son entrevue", slug="plain", body=article_body(rng))
    section.add_child(instance=plain)
    plain.save_revision().publish()

    authors = [
        Author.objects.create(
            name=f"Autrice {n}", slug=f"autrice-{n}", role="Conseillère", organisation="Boréal"
        )
        for n in range(AUTHORS)
    ]
    User = get_user_model()
    users = [
        User.objects.create_user(f"lecteur{n}", f"lecteur{n}@example.com", "pw") for n in range(10)
    ]
    created = build_articles(index, articles, rng)
    tags = tag_and_sign(created, authors, rng)
    busy = build_comments(created, comments, users, rng)
    build_subscribers(site, subscribers)
    index_articles(created)

    admin = User.objects.create_superuser("admin", "admin@example.com", "pw")
    admin_client = Client()
    admin_client.force_login(admin)
    middle = created[len(created) // 2]
    index = CareerIndexPage.objects.get(pk=index.pk)
    return {
        "index": index,
        "index_url": index.url,
        "plain_url": plain.url,
        "dashboard_url": "/admin/",
        "admin_client": admin_client,
        "article_urls": [f"{index.url}{a.slug}/" for a in (created[-1], middle, created[1])],
        "busy_article_url": f"{index.url}{busy.slug}/",
        "busy_article_pk": busy.pk,
        "tag_slugs": [tag.slug for tag in tags],
        "author_slugs": [author.slug for author in authors],
        "sizes": {"articles": articles, "comments": comments, "subscribers": subscribers},
    }
