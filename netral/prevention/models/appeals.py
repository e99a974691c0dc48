"""Appeals (imbauan): a Bawaslu office asks regional governments to keep their ASN neutral.

An ``Appeal`` is drafted from a rulebook template (``appeals.toml``), edited, then issued as an
official numbered document. Each addressee regional government is an ``AppealRecipient``: the
PPK office of that region sees it on its desk, acknowledges it (who, position, when) and
reports ``AppealFollowUp`` rows (a circular letter to its ASN, briefings held). Deadlines are
rulebook data (``confirmed = false``) kept on the row when the appeal is issued.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.common.blobs import BlobPurpose, BlobRefField
from netral.regions.models import Region

__all__ = ["APPEAL_BLOBS", "Appeal", "AppealFollowUp", "AppealRecipient"]

# Follow-up files sent by regional governments (circular letters as PDF).
APPEAL_BLOBS = BlobPurpose(name="appeal", root="appeals")


class Appeal(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        ISSUED = "issued", _("Diterbitkan")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The issuing Bawaslu office's jurisdiction (None: Bawaslu RI).
    office_region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="appeals"
    )
    template_code = models.CharField(max_length=60)  # rulebook appeals.toml template code
    stage_code = models.SlugField(max_length=40)  # the election stage the appeal is for
    subject = models.CharField(_("perihal"), max_length=300)
    body = models.TextField(_("isi"))
    legal_basis = models.TextField(_("dasar hukum"))  # one reference per line
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    # Kept at issue from the rulebook in force, so a later rulebook does not move them.
    acknowledge_due_at = models.DateTimeField(null=True, blank=True)
    follow_up_due_at = models.DateTimeField(null=True, blank=True)
    rulebook_version = models.CharField(max_length=20, blank=True)
    document = models.OneToOneField(
        "documents.IssuedDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("imbauan")
        verbose_name_plural = _("imbauan")

    def __str__(self) -> str:
        return self.number or self.subject

    @property
    def number(self) -> str:
        return self.document.number if self.document is not None else ""

    @property
    def jurisdiction_region(self) -> Region | None:
        return self.office_region


class AppealRecipient(models.Model):
    """One addressee regional government of an appeal, with its answer."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="recipients")
    # The regional government addressed: a province (the governor) or a regency/city.
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    addressee = models.CharField(_("yang dituju"), max_length=200)
    emailed_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledger_name = models.CharField(_("nama"), max_length=200, blank=True)
    acknowledger_position = models.CharField(_("jabatan"), max_length=200, blank=True)
    # The first follow-up reported (circular letter or briefing); None: none yet.
    followed_up_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["appeal", "region"]
        constraints = [
            models.UniqueConstraint(fields=["appeal", "region"], name="appeal_recipient_unique")
        ]

    def __str__(self) -> str:
        return self.addressee

    @property
    def jurisdiction_region(self) -> Region | None:
        return self.region


class AppealFollowUp(models.Model):
    """What a regional government did about an appeal."""

    class Kind(models.TextChoices):
        CIRCULAR = "circular", _("Surat edaran kepada ASN")
        BRIEFING = "briefing", _("Sosialisasi/apel kepada ASN")

    recipient = models.ForeignKey(
        AppealRecipient, on_delete=models.CASCADE, related_name="follow_ups"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    number = models.CharField(_("nomor surat"), max_length=100, blank=True)
    date = models.DateField(_("tanggal"))
    asn_reached = models.PositiveIntegerField(_("jumlah ASN"), null=True, blank=True)
    note = models.TextField(_("keterangan"), blank=True)
    # The circular letter as a sealed blob (common.blobs), "" for none.
    file_path = BlobRefField(APPEAL_BLOBS, blank=True, sha256_field="file_sha256")
    file_sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}".strip()
