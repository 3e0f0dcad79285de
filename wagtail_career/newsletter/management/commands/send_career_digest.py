from django.core.management.base import BaseCommand, CommandError

from wagtail_career.newsletter.digest import send_digest


class Command(BaseCommand):
    help = (
        "Email each confirmed newsletter subscriber the career articles published since "
        "their last digest. Safe to re-run: nobody gets an article twice."
    )

    def handle(self, *args, **options):
        try:
            sent = send_digest()
        except Exception as error:
            raise CommandError(
                f"Sending stopped: {error}. Run the command again to resume."
            ) from error
        self.stdout.write(f"{sent} digest(s) sent.")
