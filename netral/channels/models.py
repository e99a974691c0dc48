"""What the channels keep between two messages: a WhatsApp conversation in progress, and the
deliveries already handled (a webhook or a relay delivers again until it is answered).

Nothing here outlives its use: a conversation is deleted when its report is stored, cancelled
or expired (``WHATSAPP_STATE_MINUTES``); a delivery record holds only a digest of the message
id (a WhatsApp id encodes the sender's number) and goes after ``DELIVERY_DAYS``.
"""

from __future__ import annotations

from django.db import models

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
