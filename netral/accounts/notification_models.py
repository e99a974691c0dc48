"""The notification centre: what each staff member is told (new work, messages, requests,
deadlines), read in the workspace and mailed as a digest at the rhythm they choose.

A notification carries a short text (a register number or case id, a recommendation number,
never a name, a receipt code or a chronology) and a link inside the workspace; what it points
at is shown only to those who may see it there.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["EmailFrequency", "Notification", "NotificationSettings"]


class Notification(models.Model):
    class Kind(models.TextChoices):
        NEW_CASE = "new_case", _("Kasus baru di kantor Anda")
        REPORTER_MESSAGE = "reporter_message", _("Pesan baru dari pelapor")
        REVEAL_REQUEST = "reveal_request", _("Permintaan pengungkapan identitas")
        REVEAL_DECISION = "reveal_decision", _("Keputusan atas permintaan pengungkapan")
        ASSIGNMENT = "assignment", _("Penugasan")
        RECOMMENDATION = "recommendation", _("Rekomendasi masuk")
        DEADLINE_TOMORROW = "deadline_tomorrow", _("Tenggat besok")
        PPK_SILENT = "ppk_silent", _("PPK melewati tenggat")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # What happened, in one line without identity ("Kasus 12/LP/PB/... ditugaskan kepada Anda").
    text = models.CharField(max_length=200)
    # Where to act: a workspace path that ``reverse()`` gave (never typed in by anyone).
    link = models.CharField(max_length=300)
    # Makes a repeated alert (the daily "deadline tomorrow" run twice) a no-op; "" for none.
    key = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~models.Q(key=""), name="notification_key_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text}"


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Segera")
    HOURLY = "hourly", _("Ringkasan per jam")
    DAILY = "daily", _("Ringkasan harian")


class NotificationSettings(models.Model):
    """How often one person gets their unread notifications by e-mail (chosen in the profile)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notification_settings",
    )
    email_frequency = models.CharField(
        _("kirim e-mail"),
        max_length=10,
        choices=EmailFrequency.choices,
        default=EmailFrequency.DAILY,
    )

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email_frequency}"
