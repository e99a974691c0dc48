"""Prevention records. Pledges (ikrar netralitas): one per civil servant per election; and
collective pledge events (ikrar bersama) a regional government holds for its ASN.

A pledge is personal data: the NIP and the name are stored encrypted and never published;
uniqueness rests on a keyed hash of the NIP (``nip_digest``, HMAC-SHA256 under a key derived
from ``SECRET_KEY``), so the database can refuse a second pledge without holding the NIP in
the clear. What is public is counted only: per region and agency type.

A collective event names no one either: the agency, how many ASN pledged, where and when,
and optionally a photo. The photo goes through the evidence pipeline (``reports.evidence``):
the original is kept sealed as received with its SHA-256, and staff open a copy whose
metadata (EXIF/GPS) was removed.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.common.blobs import BlobPurpose, BlobRefField
from netral.common.fields import EncryptedTextField
from netral.regions.models import Region
from netral.reports.subjects import AgencyType

__all__ = ["PLEDGE_EVENT_BLOBS", "Pledge", "PledgeEvent"]

PLEDGE_EVENT_BLOBS = BlobPurpose(name="pledge_event", root="pledge-events")


class Pledge(models.Model):
    """One ASN's neutrality pledge for one election, with its official certificate."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="pledges"
    )
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    nip_digest = models.CharField(max_length=64)
    nip = EncryptedTextField(purpose="prevention.pledge.nip")
    name = EncryptedTextField(purpose="prevention.pledge.name")
    agency = models.CharField(max_length=200)
    agency_type = models.CharField(max_length=20, choices=AgencyType.choices, db_index=True)
    pledged_at = models.DateTimeField()
    document = models.OneToOneField(
        "documents.IssuedDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-pledged_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["nip_digest", "election"], name="pledge_one_per_nip_election"
            )
        ]
        verbose_name = _("ikrar netralitas")
        verbose_name_plural = _("ikrar netralitas")

    def __str__(self) -> str:
        return self.document.number if self.document_id and self.document else str(self.public_id)

    @property
    def number(self) -> str:
        return self.document.number if self.document is not None else ""


class PledgeEvent(models.Model):
    """A collective neutrality pledge (ikrar bersama) of one agency's ASN, organised by a
    regional government for an election: how many pledged, where and when."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="pledge_events"
    )
    # The regional government that held it (its PPK office records it, or Bawaslu).
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField()
    agency = models.CharField(max_length=200)
    agency_type = models.CharField(max_length=20, choices=AgencyType.choices, db_index=True)
    asn_count = models.PositiveIntegerField()
    place = models.CharField(max_length=200)
    # Photo evidence (optional): the original sealed as received, a cleaned copy beside it.
    photo_kind = models.CharField(max_length=10, blank=True)  # reports.evidence.EvidenceKind
    photo_size = models.PositiveBigIntegerField(default=0)
    photo_sha256 = models.CharField(max_length=64, blank=True)
    photo_path = BlobRefField(PLEDGE_EVENT_BLOBS, blank=True, sha256_field="photo_sha256")
    photo_clean_path = BlobRefField(PLEDGE_EVENT_BLOBS, blank=True)
    photo_clean_content_type = models.CharField(max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(asn_count__gte=1), name="pledge_event_asn_count_positive"
            )
        ]
        verbose_name = _("ikrar bersama")
        verbose_name_plural = _("ikrar bersama")

    def __str__(self) -> str:
        return f"{self.agency} ({self.held_on:%Y-%m-%d})"

    @property
    def jurisdiction_region(self) -> Region:
        return self.region

    @property
    def has_photo(self) -> bool:
        return bool(self.photo_path)
