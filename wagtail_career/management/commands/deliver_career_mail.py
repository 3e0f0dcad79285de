from django.core.management.base import BaseCommand

from wagtail_career import outbox


class Command(BaseCommand):
    help = (
        "Send every outbox mail whose (next) attempt is due, and delete sent mail older than "
        "WAGTAIL_CAREER_MAIL_KEEP_SENT. Run it from cron every few minutes: mail whose task "
        "could not be queued, or whose sending failed, then leaves as soon as it can."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-prune", action="store_true", help="Keep the sent mail, however old."
        )

    def handle(self, *args, no_prune=False, **options):
        result = outbox.deliver_due()
        pruned = 0 if no_prune else outbox.prune()
        self.stdout.write(
            f"{result.sent} mail(s) sent, {result.retrying} to retry later, "
            f"{result.failed} given up on; {pruned} old sent mail(s) deleted."
        )
        if result.stopped:
            self.stderr.write(
                "The SMTP server could not be reached: the remaining mail waits for the next run."
            )
