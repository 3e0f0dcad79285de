"""The outbox: every mail the package sends is first a row here (see ``wagtail_career.outbox``).

A row is written in the transaction of the change that calls for the mail, so the mail
exists exactly when the change does; delivery then happens outside the request (a task, the
``deliver_career_mail`` command) and is recorded on the row: sent, waiting for a retry, or
failed after the last attempt with the error kept.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MailContent(models.Model):
    """A mail's subject and bodies shared by many rows (a digest rendered once for all its
    recipients); each row substitutes its own parts (address, links) for placeholders."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    subject = models.TextField(_("subject"))
    text = models.TextField(_("plain text"))
    html = models.TextField(_("HTML"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("shared mail content")
        verbose_name_plural = _("shared mail contents")

    def __str__(self):
        return self.key


class OutgoingMail(models.Model):
    """One mail to send, being sent, sent or given up on."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    # What the mail is ("newsletter-confirmation", "digest"…), for the admin's filter.
    kind = models.CharField(_("kind"), max_length=50)
    to = models.JSONField(_("recipients"), default=list)
    from_email = models.CharField(_("from"), max_length=320)
    subject = models.TextField(_("subject"))
    text = models.TextField(_("plain text"), blank=True)
    html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # Instead of its own subject and bodies, a row may take them from a shared content,
    # replacing each placeholder (a key of ``substitutions``) with its value.
    content = models.ForeignKey(
        MailContent,
        verbose_name=_("shared content"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mails",
    )
    substitutions = models.JSONField(_("substitutions"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # Idempotency: a second row with the same key is never written.
    key = models.CharField(_("key"), max_length=300, null=True, blank=True, unique=True)
    # Rows delivered together (a digest batch), for their sender to find them again.
    group = models.CharField(_("group"), max_length=100, blank=True, db_index=True)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="wagtail_career_outbox_due"),
        ]

    def __str__(self):
        return f"{self.kind}: {', '.join(self.to)}"

    @property
    def recipients(self):
        return ", ".join(self.to)
