from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from wagtail_career.privacy import apply_retention


class Command(BaseCommand):
    help = (
        "Delete or anonymise the personal data whose retention period is over (the "
        "WAGTAIL_CAREER_RETENTION_* settings): unconfirmed newsletter signups, unsubscribed "
        "addresses, comment IP addresses… Run it daily; --dry-run only counts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        try:
            results = apply_retention(dry_run=dry_run)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if dry_run:
            self.stdout.write("Dry run: nothing was changed. Would change:")
        for result in results:
            if result.period is None:
                self.stdout.write(
                    f"{result.rule.name}: kept forever ({result.rule.setting} is None)"
                )
                continue
            days = result.period / 86400
            self.stdout.write(
                f"{result.rule.name}: {result.count} ({result.rule.label}, after {days:g} days)"
            )
