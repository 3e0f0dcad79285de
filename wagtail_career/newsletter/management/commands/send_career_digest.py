from django.core.management.base import BaseCommand

from wagtail_career.newsletter.digest import start_digest
from wagtail_career.newsletter.models import DigestBatch


class Command(BaseCommand):
    help = (
        "Email each confirmed newsletter subscriber what their chosen sections published "
        "since their last digest: one run, cut into batches that the task workers send (or "
        "this command, with the immediate backend). Safe to re-run, and to run while a run "
        "is going on: nobody gets a page twice. Mail that cannot be sent stays in the "
        "outbox, which deliver_career_mail retries."
    )

    def handle(self, *args, **options):
        run = start_digest()
        batches = run.batches.count()
        left = run.batches.exclude(status=DigestBatch.Status.DONE).count()
        self.stdout.write(
            f"Digest run {run.pk}: {run.recipients} digest(s) written, {run.sent} sent, "
            f"{batches} batch(es), {left} still with the task workers."
        )
        if run.failed:
            self.stderr.write(
                f"{run.failed} digest(s) could not be sent yet: the outbox retries them "
                "(deliver_career_mail)."
            )
