from django.db import migrations, models
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    """Give every existing employer a slug from its name, unique within its locale."""
    Employer = apps.get_model("wagtail_career_employers", "Employer")
    taken = set()
    for employer in Employer.objects.order_by("pk"):
        base = slugify(employer.name, allow_unicode=True)[:240].strip("-") or "item"
        slug, number = base, 1
        while (employer.locale_id, slug) in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add((employer.locale_id, slug))
        Employer.objects.filter(pk=employer.pk).update(slug=slug)


class Migration(migrations.Migration):

    dependencies = [
        ('wagtail_career_employers', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.AddField(
            model_name='employer',
            name='slug',
            field=models.SlugField(allow_unicode=True, blank=True, help_text="Used in the address of the employer's profile. Leave empty to make one from the name.", max_length=255, verbose_name='slug'),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='employer',
            name='is_recruiting',
            field=models.BooleanField(default=True, help_text='Only employers who are hiring appear on the site. Employers with open job offers on this site count as hiring anyway: tick this for those whose offers are elsewhere.', verbose_name='is recruiting'),
        ),
        migrations.AddConstraint(
            model_name='employer',
            constraint=models.UniqueConstraint(fields=('slug', 'locale'), name='wagtail_career_employer_unique_slug_locale'),
        ),
    ]
