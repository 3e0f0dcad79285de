"""The digest's per-(subscription, page) delivery rows become one watermark per subscription:
the newest first publication time among the pages each subscriber was sent."""

from django.db import migrations, models
from django.db.models import Max, Min


def to_watermarks(apps, schema_editor):
    delivery = apps.get_model("wagtail_career_newsletter", "NewsletterDelivery")
    rows = (
        delivery.objects.values("subscription_id")
        .annotate(keep=Min("pk"), until=Max("article__first_published_at"))
        .order_by()
    )
    for row in rows.iterator():
        delivery.objects.filter(pk=row["keep"]).update(sent_until=row["until"])
    keep = rows.values("keep")
    delivery.objects.exclude(pk__in=keep).delete()
    delivery.objects.filter(sent_until__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_career_newsletter", "0003_suppression_subscription_erased_at_consentrecord"),
    ]

    operations = [
        migrations.AddField(
            model_name="newsletterdelivery",
            name="sent_until",
            field=models.DateTimeField(null=True, verbose_name="digest content up to"),
        ),
        migrations.RunPython(to_watermarks, migrations.RunPython.noop),
    ]
