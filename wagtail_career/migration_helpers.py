"""Operations for the migrations of the sites' concrete career page models."""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, TruncDate


def fill_display_dates(app_label, model_name):
    """A ``RunPython`` function storing ``display_date_sort`` (the date shown: the article's
    ``date``, else its first publication's, in the site's time zone) on the existing
    articles of ``app_label.model_name``, for the migration that adds the field::

        migrations.RunPython(fill_display_dates("career", "ArticlePage"), migrations.RunPython.noop)
    """

    def fill(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        # first_published_at is a parent table's column, which update() cannot read itself.
        first = model.objects.filter(pk=OuterRef("pk")).values(day=TruncDate("first_published_at"))
        model.objects.update(display_date_sort=Coalesce("date", Subquery(first)))

    return fill
