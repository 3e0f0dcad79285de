

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import wagtail_career.localize
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='JobSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('latest_offers_heading', models.CharField(blank=True, help_text='Leave empty to use “Latest job offers”, translated.', max_length=255, verbose_name='latest offers heading')),
                ('latest_offers_count', models.PositiveSmallIntegerField(default=3, help_text='The newest open offers in the article sidebar; 0 hides the list.', validators=[django.core.validators.MaxValueValidator(20)], verbose_name='offers shown beside articles')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'Career job offers',
                'verbose_name_plural': 'Career job offers',
            },
            bases=(wagtail_career.localize.TranslatedSettingsMixin, models.Model),
        ),
        migrations.CreateModel(
            name='JobSettingsTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('language', models.CharField(max_length=15, validators=[wagtail_career.localize.validate_language], verbose_name='language')),
                ('latest_offers_heading', models.CharField(blank=True, max_length=255, verbose_name='latest offers heading')),
                ('settings', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='wagtail_career_jobs.jobsettings')),
            ],
            options={
                'verbose_name': 'Career job offers in another language',
                'verbose_name_plural': 'Career job offers in other languages',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
    ]
