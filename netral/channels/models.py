"""What the channels keep between two messages: a WhatsApp conversation in progress, and the
deliveries already handled (a webhook or a relay delivers again until it is answered).

Nothing here outlives its use: a conversation is deleted when its report is stored, cancelled
or expired (``WHATSAPP_STATE_MINUTES``); a delivery record holds only a digest of the message
id (a WhatsApp id encodes the sender's number) and goes after ``DELIVERY_DAYS``.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.common.fields import EncryptedTextField


class Conversation(models.Model):
    """One sender's guided report in progress. The answers may identify the reporter (their
    name, their address) and the number does: both are encrypted, and the row is found by a
    keyed digest of the number, never by the number itself."""

    sender_digest = models.CharField(max_length=64, unique=True)
    phone = EncryptedTextField(purpose="channels.whatsapp.phone")
    # The business number that received the message: the reply goes out from it.
    phone_number_id = models.CharField(max_length=40)
    # JSON of the answers so far (``netral.channels.conversation.State``).
    state = EncryptedTextField(purpose="channels.whatsapp.state")
    updated_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return "percakapan dilindungi"


class Delivery(models.Model):
    """A message (WhatsApp message id, e-mail Message-ID) already handled, by digest."""

    class Channel(models.TextChoices):
        WHATSAPP = "whatsapp", "WhatsApp"
        EMAIL = "email", "E-mail"

    channel = models.CharField(max_length=10, choices=Channel.choices)
    message_digest = models.CharField(max_length=64)
    received_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "message_digest"], name="channels_delivery_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.message_digest[:12]}"


class CaptureJob(models.Model):
    """Capturing one link given as evidence (``netral.channels.capture``): the page fetched
    in a headless browser, sealed as three evidence files of the report. Failed attempts are
    retried with back-off (``next_attempt_at``) up to ``capture.MAX_ATTEMPTS``, then the job
    is failed with its last error until staff retry it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu ditangkap")
        CAPTURED = "captured", _("Tertangkap")
        FAILED = "failed", _("Gagal")

    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="capture_jobs"
    )
    # The reporter's (or patrol's) link, checked by the form: http(s), at most 2,000 chars.
    url = models.CharField(max_length=2000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    # When the next attempt is due; while an attempt runs, the end of its lease (a worker
    # that died mid-attempt is retried then). None once captured or failed.
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()
    captured_at = models.DateTimeField(null=True, blank=True)
    pdf = models.ForeignKey(
        "reports.Evidence", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    png = models.ForeignKey(
        "reports.Evidence", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    html = models.ForeignKey(
        "reports.Evidence", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"capture {self.pk} ({self.status})"

    @property
    def evidence_files(self) -> list[Any]:
        """The snapshot's evidence rows (PDF, PNG, HTML) that still exist."""
        return [e for e in (self.pdf, self.png, self.html) if e is not None]
