"""On PostgreSQL, trigram indexes for the moderation list's search (``?q=``, the comment's
text, name and e-mail): Django's ``icontains`` compares ``UPPER(column) LIKE UPPER('%…%')``,
which no B-tree index serves, so each search read all of django_comments. A GIN index of
``pg_trgm`` on each ``UPPER(column)`` serves it from three or more characters.

Nothing on other databases. The indexes are on django_comments' table, which this app does
not own: ``IF NOT EXISTS`` and ``DROP INDEX IF EXISTS`` keep them out of its migrations' way.
"""

from django.db import migrations

COLUMNS = ("comment", "user_name", "user_email")


def index_name(column):
    return f"career_comments_{column}_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    table = schema_editor.quote_name(apps.get_model("django_comments", "Comment")._meta.db_table)
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index_name(column)} ON {table} "
            f"USING gin ((UPPER({schema_editor.quote_name(column)}::text)) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index_name(column)}")
    # The extension stays: another application of the database may use it.


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_career_comments", "0001_initial"),
        ("django_comments", "0004_add_object_pk_is_removed_index"),
    ]

    operations = [migrations.RunPython(create, drop)]
