"""The audit trail: append-only and hash-chained.

Each entry stores the SHA-256 of its own content and the hash of the entry before it, so
altering or deleting any row breaks the chain at that point (``verify_audit`` finds it).
``ChainHead`` holds the sequence number and hash of the newest entry: writers lock it, which
keeps the sequence gapless under concurrency and makes deleting the newest rows detectable.
The database refuses UPDATE and DELETE on entries (triggers in the migration).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from netral.regions.models import Region

GENESIS_HASH = "0" * 64


class AuditEntry(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Kept with the entry so the log reads the same after an account is renamed.
    actor_label = models.CharField(max_length=200)
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80)
    object_id = models.CharField(max_length=64)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    reason = models.TextField(blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id", "seq"])]
        verbose_name = "entri audit"
        verbose_name_plural = "jejak audit"

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ValueError("audit entries are append-only")


class ChainHead(models.Model):
    """A single row (pk=1): the newest entry's sequence number and hash."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return f"head #{self.seq}"


class DocumentKind(models.TextChoices):
    """The official documents Netral issues (``netral.audit.documents``)."""

    RECEIPT = "receipt", _("Tanda terima laporan")
    REGISTRATION_NOTICE = "registration_notice", _("Pemberitahuan registrasi")
    NON_REGISTRATION_NOTICE = "non_registration_notice", _("Pemberitahuan tidak diregistrasi")
    CLARIFICATION_INVITATION = "clarification_invitation", _("Undangan klarifikasi")
    CLARIFICATION_MINUTES = "clarification_minutes", _("Berita acara klarifikasi")
    STATUS_ANNOUNCEMENT = "status_announcement", _("Pengumuman status")
    RECOMMENDATION = "recommendation", _("Surat rekomendasi")


class DocumentCounter(models.Model):
    """The last sequence number issued per office (``scope``: region code without dots, or
    "RI" for national) and year. Locked while a number is taken, so numbers are gapless."""

    scope = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "year"], name="document_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.scope}/{self.year}: {self.last}"


class IssuedDocument(models.Model):
    """One official PDF as issued: its number, the SHA-256 of the exact bytes, and where the
    bytes lie (encrypted). ``reference`` ties it to what it is about ("case:12"); it is
    internal and never shown on the public verification page."""

    number = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=30, choices=DocumentKind.choices, db_index=True)
    title = models.CharField(max_length=200)
    office_region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField()
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveIntegerField()
    path = models.CharField(max_length=300)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField(max_length=100, blank=True, db_index=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("dokumen resmi")
        verbose_name_plural = _("dokumen resmi")

    def __str__(self) -> str:
        return self.number

    @property
    def jurisdiction_region(self) -> Region | None:
        return self.office_region
