"""Prevention records: integrity pacts, coordination meetings and their commitments, and the
prevention activities a Bawaslu office logs.

- ``IntegrityPact``: a neutrality integrity pact (pakta integritas) signed by the personnel
  authority (PPK) of a regional government, with its scanned PDF.
- ``CoordinationMeeting``: a coordination meeting (rapat koordinasi) a Bawaslu office held, with
  its participants by institution (``MeetingParticipant``), its minutes PDF and the
  ``Commitment`` rows made there. A commitment has an owner (an institution, optionally the
  region whose PPK office answers for it), a due date and a follow-up status; "overdue" is
  derived from the due date and the domain clock, never stored.
- ``PreventionActivity``: socialisation events, patrols (field or social media) and
  coordination meetings, with their audience and reach, counted on the dashboard.

Rows without a region (``office_region`` None) belong to Bawaslu RI.
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.common.blobs import BlobPurpose, BlobRefField
from netral.regions.models import Region

__all__ = [
    "MINUTES_BLOBS",
    "PACT_BLOBS",
    "ActivityKind",
    "Commitment",
    "CommitmentStatus",
    "CoordinationMeeting",
    "IntegrityPact",
    "MeetingParticipant",
    "PreventionActivity",
]

# Scanned integrity pacts and meeting minutes (PDF), sealed in the one blob store.
PACT_BLOBS = BlobPurpose(name="pact", root="pacts")
MINUTES_BLOBS = BlobPurpose(name="minutes", root="minutes")


class IntegrityPact(models.Model):
    """A neutrality integrity pact signed by the PPK of a regional government."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The regional government whose PPK signed: a province (governor) or a regency/city.
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    signatory_name = models.CharField(_("nama penanda tangan"), max_length=200)
    signatory_position = models.CharField(_("jabatan penanda tangan"), max_length=200)
    signed_on = models.DateField(_("tanggal penandatanganan"))
    occasion = models.CharField(_("kegiatan penandatanganan"), max_length=300)
    file_path = BlobRefField(PACT_BLOBS, blank=True, sha256_field="file_sha256")
    file_sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = _("pakta integritas")
        verbose_name_plural = _("pakta integritas")

    def __str__(self) -> str:
        return f"{self.signatory_position} ({self.signed_on:%d-%m-%Y})"

    @property
    def jurisdiction_region(self) -> Region | None:
        return self.region


class CoordinationMeeting(models.Model):
    """A coordination meeting (rapat koordinasi) held by a Bawaslu office."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The holding Bawaslu office's jurisdiction (None: Bawaslu RI).
    office_region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("judul"), max_length=300)
    held_on = models.DateField(_("tanggal"))
    place = models.CharField(_("tempat"), max_length=300)
    summary = models.TextField(_("ringkasan"), blank=True)
    minutes_path = BlobRefField(MINUTES_BLOBS, blank=True, sha256_field="minutes_sha256")
    minutes_sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("rapat koordinasi")
        verbose_name_plural = _("rapat koordinasi")

    def __str__(self) -> str:
        return self.title

    @property
    def jurisdiction_region(self) -> Region | None:
        return self.office_region


class MeetingParticipant(models.Model):
    """How many people one institution sent to a meeting."""

    meeting = models.ForeignKey(
        CoordinationMeeting, on_delete=models.CASCADE, related_name="participants"
    )
    institution = models.CharField(_("instansi"), max_length=200)
    people = models.PositiveIntegerField(_("jumlah orang"))

    class Meta:
        ordering = ["meeting", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "institution"], name="meeting_participant_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.institution} ({self.people})"


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("Belum dimulai")
    IN_PROGRESS = "in_progress", _("Sedang berjalan")
    DONE = "done", _("Terlaksana")
    NOT_DONE = "not_done", _("Tidak terlaksana")


# A commitment still to be kept: overdue once its due date has passed.
PENDING_STATUSES = (CommitmentStatus.OPEN, CommitmentStatus.IN_PROGRESS)


class Commitment(models.Model):
    """One commitment made at a coordination meeting, with its owner and follow-up."""

    meeting = models.ForeignKey(
        CoordinationMeeting, on_delete=models.CASCADE, related_name="commitments"
    )
    text = models.TextField(_("isi komitmen"))
    owner_institution = models.CharField(_("penanggung jawab"), max_length=200)
    # The regional government whose PPK office answers for it (may update its status).
    owner_region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("tenggat"))
    status = models.CharField(
        max_length=12, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN
    )
    status_note = models.TextField(_("catatan tindak lanjut"), blank=True)
    status_at = models.DateTimeField(null=True, blank=True)
    status_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["owner_region", "status"], name="commitment_owner_idx")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def jurisdiction_region(self) -> Region | None:
        """The meeting's office: the Bawaslu side of who may see and update it."""
        return self.meeting.office_region

    def is_overdue(self, today: datetime.date) -> bool:
        """Past its due date and not finished (derived: ``today`` is the domain clock's)."""
        return self.status in PENDING_STATUSES and self.due_on < today


class ActivityKind(models.TextChoices):
    SOCIALISATION = "socialisation", _("Sosialisasi")
    FIELD_PATROL = "field_patrol", _("Patroli lapangan")
    SOCIAL_MEDIA_PATROL = "social_patrol", _("Patroli media sosial")
    COORDINATION = "coordination", _("Rapat koordinasi")


class PreventionActivity(models.Model):
    """A prevention activity an office logs, beside its enforcement work."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The Bawaslu office's jurisdiction (None: Bawaslu RI).
    office_region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=ActivityKind.choices)
    held_on = models.DateField(_("tanggal"))
    place = models.CharField(_("tempat"), max_length=300)
    audience = models.CharField(_("sasaran"), max_length=300)
    reach = models.PositiveIntegerField(_("jumlah orang yang dijangkau"))
    description = models.TextField(_("uraian"), blank=True)
    # The coordination meeting this activity is (one activity per meeting), if any.
    meeting = models.OneToOneField(
        CoordinationMeeting,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="activity",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["office_region", "kind"], name="activity_office_kind_idx")]
        verbose_name = _("kegiatan pencegahan")
        verbose_name_plural = _("kegiatan pencegahan")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d-%m-%Y}"

    @property
    def jurisdiction_region(self) -> Region | None:
        return self.office_region
