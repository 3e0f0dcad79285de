

import django.db.models.deletion
import modelcluster.contrib.taggit
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
import wagtail_career.jobs.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('career', '0001_initial'),
        ('home', '0003_finalize_basepage_model'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtail_career_employers', '0002_employer_slug'),
    ]

    operations = [
        migrations.CreateModel(
            name='JobIndexPage',
            fields=[
                ('basepage_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
            ],
            options={
                'abstract': False,
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'home.basepage', models.Model),
        ),
        migrations.CreateModel(
            name='JobOfferPage',
            fields=[
                ('basepage_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('employment_type', models.CharField(choices=[('FULL_TIME', 'Full time'), ('PART_TIME', 'Part time'), ('CONTRACTOR', 'Contract'), ('TEMPORARY', 'Temporary'), ('INTERN', 'Internship'), ('VOLUNTEER', 'Volunteer'), ('PER_DIEM', 'Per diem'), ('OTHER', 'Other')], default='FULL_TIME', max_length=20, verbose_name='employment type')),
                ('workplace', models.CharField(choices=[('on_site', 'On site'), ('hybrid', 'Hybrid'), ('remote', 'Remote')], default='on_site', max_length=10, verbose_name='workplace')),
                ('city', models.CharField(blank=True, max_length=100, verbose_name='city')),
                ('region', models.CharField(blank=True, help_text='Province or state, e.g. “QC”.', max_length=100, verbose_name='region')),
                ('postal_code', models.CharField(blank=True, max_length=20, verbose_name='postal code')),
                ('country', models.CharField(default=wagtail_career.jobs.models.default_country, help_text='Two-letter ISO 3166-1 code, e.g. “CA”.', max_length=2, verbose_name='country')),
                ('salary_min', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='minimum salary')),
                ('salary_max', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='maximum salary')),
                ('salary_currency', models.CharField(default='CAD', help_text='ISO 4217 code, e.g. “CAD”.', max_length=3, verbose_name='currency')),
                ('salary_unit', models.CharField(choices=[('HOUR', 'per hour'), ('DAY', 'per day'), ('WEEK', 'per week'), ('MONTH', 'per month'), ('YEAR', 'per year')], default='YEAR', max_length=5, verbose_name='salary per')),
                ('description', wagtail.fields.RichTextField(verbose_name='description')),
                ('apply_url', models.URLField(blank=True, help_text='Where candidates apply. Give this, an email address, or both.', max_length=1000, verbose_name='application page')),
                ('apply_email', models.EmailField(blank=True, max_length=254, verbose_name='application email')),
                ('date_posted', models.DateTimeField(blank=True, help_text='Leave empty to use the first publication date.', null=True, verbose_name='date posted')),
                ('valid_through', models.DateTimeField(blank=True, help_text='From this moment the offer is closed: it leaves the listings, feeds and newsletter, and the page is unpublished. Leave empty for no closing date.', null=True, verbose_name='closing date')),
                ('employer', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_career_employers.employer', verbose_name='employer')),
            ],
            options={
                'abstract': False,
            },
            bases=('home.basepage', models.Model),
        ),
        migrations.CreateModel(
            name='JobOfferPageTag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('content_object', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='career.jobofferpage')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.AddField(
            model_name='jobofferpage',
            name='tags',
            field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='career.JobOfferPageTag', to='taggit.Tag', verbose_name='Tags'),
        ),
    ]
