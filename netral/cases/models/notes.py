"""Internal notes on a case: what a colleague should know, with attachments. Visible to the
Bawaslu staff who may see the case; never to the reporter (the tracking page reads reports,
not cases) nor to partner desks (they see recommendations only). Each note and each opening
of an attachment is audited. Attachments go through the evidence pipeline: the original is
sealed as received, staff open a copy without identifying metadata."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from netral.common.blobs import BlobPurpose, BlobRefField

__all__ = ["NOTE_BLOBS", "CaseNote", "CaseNoteAttachment"]

NOTE_BLOBS = BlobPurpose(name="case_note", root="case_notes")


class CaseNote(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="internal_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"catatan #{self.pk}"


class CaseNoteAttachment(models.Model):
    note = models.ForeignKey(CaseNote, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=10)  # reports.evidence.EvidenceKind
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    path = BlobRefField(NOTE_BLOBS, sha256_field="sha256")
    content_type = models.CharField(max_length=100)
    clean_path = BlobRefField(NOTE_BLOBS, blank=True)
    clean_content_type = models.CharField(max_length=100, blank=True)

    def __str__(self) -> str:
        return f"lampiran catatan #{self.pk}"
