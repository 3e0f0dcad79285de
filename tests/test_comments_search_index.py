"""On PostgreSQL, the moderation list's search is served by trigram indexes (comments
migration 0002): PostgreSQL reads them for the list's ``UPPER(column) LIKE '%…%'`` instead
of every comment, the search still finds a word inside a name, an address or a text, and
the migration is reversible."""

from functools import reduce
from operator import or_

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Q
from django_comments.models import Comment

from tests.comments_helpers import make_comment, make_user
from wagtail_career.comments.admin import CommentAdmin

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_trgm indexes exist on PostgreSQL only; CI runs this on PostgreSQL",
)

APP = "wagtail_career_comments"
INDEXES = {f"career_comments_{column}_trgm" for column in ("comment", "user_name", "user_email")}
LIST_URL = "/admin/django_comments_xtd/xtdcomment/"


def trigram_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'django_comments'"
            " AND indexname LIKE 'career_comments_%%_trgm'"
        )
        return {row[0] for row in cursor.fetchall()}


def searched(term):
    """The moderation list's search condition, as modeladmin builds it from the list's
    ``search_fields`` (``icontains`` on each, or-ed)."""
    return reduce(or_, (Q(**{f"{name}__icontains": term}) for name in CommentAdmin.search_fields))


def test_the_migration_creates_and_drops_the_indexes(db):
    assert trigram_indexes() == INDEXES
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([(APP, "0001_initial")])
        assert trigram_indexes() == set()
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes(APP))
    assert trigram_indexes() == INDEXES


def test_the_moderation_search_finds_words_inside_names_addresses_and_texts(client, article):
    client.force_login(make_user("admin", is_superuser=True, is_staff=True))
    make_comment(article, "Une question sur les entrevues", user_name="Camille Fortin")
    make_comment(article, "Merci", user_email="jo.tremblay@example.com")
    make_comment(article, "Bravo pour le guide des salaires")
    for term, found, not_found in [
        ("tremblay", "jo.tremblay@example.com", "Camille Fortin"),
        ("FORT", "Camille Fortin", "jo.tremblay"),
        ("salaire", "guide des salaires", "Camille Fortin"),
    ]:
        response = client.get(LIST_URL, {"q": term})
        assert response.status_code == 200
        html = response.content.decode()
        assert found in html and not_found not in html, term


def test_djangos_icontains_reads_the_indexes(article):
    make_comment(article, "Une question sur les entrevues", user_name="Camille Fortin")
    with connection.cursor() as cursor:
        # A test table is too small for the planner to prefer an index on its own, and it
        # would rather walk the date index of the comments' default order, filtering each.
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = Comment.objects.filter(searched("tremblay")).order_by().explain()
    assert "Seq Scan" not in plan
    assert set(plan.replace("(", " ").split()) >= INDEXES, plan
