"""The job offers feature's system checks."""

from django.core.checks import Tags, register

from ..checks import missing_apps

REQUIRED_APPS = ["wagtail_career.employers", "wagtail.contrib.routable_page"]


@register(Tags.compatibility)
def check_installed_apps(app_configs=None, **kwargs):
    return missing_apps(REQUIRED_APPS, "wagtail_career.E001", "wagtail_career.jobs")
