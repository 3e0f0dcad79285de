"""On PostgreSQL, what ``wagtail_career.search_backends.postgres`` searches with:

- the text search configurations ``career_french`` and ``career_english``: PostgreSQL's
  ``french`` and ``english`` stemming after ``unaccent``, so "carriere" finds "carrière";
- a GIN index on ``title || body`` of Wagtail's search index table, the vector Wagtail's
  database backend matches (its own indexes are on each column alone, so every search read
  the whole table).

Nothing on other databases.
"""

from django.db import migrations

# (configuration, the PostgreSQL configuration and snowball dictionary it extends)
CONFIGURATIONS = [("career_french", "french"), ("career_english", "english")]
INDEX = "career_indexentry_title_body_gin"


def index_table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, base in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {base}_stem"
        )
    table = schema_editor.quote_name(index_table(apps))
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    for name, _base in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
    # The extension stays: another application of the database may use it.


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_career", "0003_outbox"),
        ("wagtailsearch", "0006_customise_indexentry"),
    ]

    operations = [migrations.RunPython(create, drop)]
