"""Prevention records. Pledges (ikrar netralitas): one per civil servant per election.

A pledge is personal data: the NIP and the name are stored encrypted and never published;
uniqueness rests on a keyed hash of the NIP (``nip_digest``, HMAC-SHA256 under a key derived
from ``SECRET_KEY``), so the database can refuse a second pledge without holding the NIP in
the clear. What is public is counted only: per region and agency type.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.common.fields import EncryptedTextField
from netral.reports.subjects import AgencyType

__all__ = ["Pledge"]


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
