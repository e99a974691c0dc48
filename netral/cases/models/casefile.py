"""The case file (berkas) built for forwarding a case, and the redactions marked on the texts
that leave Netral in it, in a letter or in an announcement.

A ``CaseFile`` is one ZIP built in the background for one recipient: the index PDF, the
cleaned evidence copies and the official PDFs, with a manifest of SHA-256 hashes. The ZIP is
a blob in the common encrypted store.

A ``Redaction`` marks spans of one text (a report's chronology or witness list, a message,
clarification minutes). The original stays where it is, untouched (sealed); the redaction
keeps the spans, what they covered and the redacted version, so both versions are kept.
Rows are never changed: marking again adds a row, and the newest row of a text is the one
that applies.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.common.blobs import BlobPurpose, BlobRefField

__all__ = ["CASE_FILE_BLOBS", "CaseFile", "Redaction"]

CASE_FILE_BLOBS = BlobPurpose(name="case_file", root="case-files")


class CaseFile(models.Model):
    class Recipient(models.TextChoices):
        GAKKUMDU = "gakkumdu", _("Sentra Gakkumdu")
        BKN = "bkn", _("Badan Kepegawaian Negara (BKN)")
        DKPP = "dkpp", _("Dewan Kehormatan Penyelenggara Pemilu (DKPP)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu diproses")
        BUILDING = "building", _("Sedang disusun")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal disusun")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="case_files")
    recipient = models.CharField(max_length=10, choices=Recipient.choices)
    # Asked for by the builder; whether it went in is ``identity_included`` (the four-eyes
    # approval and the recipient's entitlement decide, at build time).
    identity_requested = models.BooleanField(default=False)
    identity_included = models.BooleanField(default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    step = models.CharField(max_length=100, blank=True)
    error = models.CharField(max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    path = BlobRefField(CASE_FILE_BLOBS, blank=True, sha256_field="sha256")
    # [{"name": "bukti/1.jpg", "sha256": "...", "size": 123}], the ZIP's files but the manifest.
    manifest = models.JSONField(default=list, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"berkas {self.case_id} untuk {self.recipient} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class Redaction(models.Model):
    class Target(models.TextChoices):
        CHRONOLOGY = "chronology", _("Kronologi")
        WITNESSES = "witnesses", _("Daftar saksi")
        MESSAGE = "message", _("Pesan")
        MINUTES = "minutes", _("Berita acara klarifikasi")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="redactions")
    target = models.CharField(max_length=12, choices=Target.choices)
    # The report's public id, the message's or the clarification's primary key.
    target_id = models.CharField(max_length=64)
    # The SHA-256 of the original text the spans were marked on.
    original_sha256 = models.CharField(max_length=64)
    spans = models.JSONField(default=list)  # [[start, end], ...] sorted, not overlapping
    terms = models.JSONField(default=list)  # what the spans covered, redacted wherever it leaves
    redacted_text = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["case", "target", "target_id"], name="redaction_target_idx")
        ]

    def __str__(self) -> str:
        return f"redaksi {self.target} {self.target_id}"
