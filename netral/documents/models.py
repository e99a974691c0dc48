"""Official documents as issued: their kinds, the per-office number counters and the record
of each PDF (number, SHA-256, encrypted blob path). The tables keep the names they had when
these models lived in ``audit`` (``audit_issueddocument``, ``audit_documentcounter``), so
existing documents stay where they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.common.blobs import BlobPurpose, BlobRefField
from netral.common.fields import EncryptedTextField

if TYPE_CHECKING:
    from netral.regions.models import Region

DOCUMENT_BLOBS = BlobPurpose(name="document", root="documents")


class DocumentCounter(models.Model):
    """The last sequence number issued per office (``scope``: region code without dots, or
    "RI" for national) and year. Locked while a number is taken, so numbers are gapless."""

    scope = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "audit_documentcounter"
        constraints = [
            models.UniqueConstraint(fields=["scope", "year"], name="document_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.scope}/{self.year}: {self.last}"


class IssuedDocument(models.Model):
    """One official PDF as issued: its number, the SHA-256 of the exact bytes, and where the
    bytes lie (encrypted). ``kind`` is a code an issuing app registered
    (``netral.documents.kinds``); ``subject_type`` and ``subject_id`` name what it is about
    (("case", "12"), ("clarification", "3")): internal, never shown on the public page.

    A document is *pending* from its issue until its PDF is rendered (after the issuing
    transaction committed, outside its locks): ``draft`` then holds what the PDF will say
    (encrypted), ``path`` is empty and ``sha256`` is NULL. Rendering stores the bytes, sets
    ``path``, ``sha256`` and ``size`` and empties ``draft``."""

    number = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=30, db_index=True)
    title = models.CharField(max_length=200)
    office_region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField()
    sha256 = models.CharField(max_length=64, unique=True, null=True, blank=True)
    size = models.PositiveIntegerField(default=0)
    path = BlobRefField(DOCUMENT_BLOBS, sha256_field="sha256")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_type = models.CharField(max_length=40)
    subject_id = models.CharField(max_length=64)
    draft = EncryptedTextField(purpose="document.draft", blank=True, default="")

    class Meta:
        db_table = "audit_issueddocument"
        ordering = ["-issued_at", "-pk"]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="document_subject_idx")]
        verbose_name = _("dokumen resmi")
        verbose_name_plural = _("dokumen resmi")

    def __str__(self) -> str:
        return self.number

    @property
    def pending(self) -> bool:
        """Numbered and recorded, its PDF not rendered yet."""
        return not self.path

    @property
    def jurisdiction_region(self) -> Region | None:
        return self.office_region
