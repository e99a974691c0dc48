"""Cases: one per report or finding (duplicates merged into one), handled by the Bawaslu
office with jurisdiction through the statutory steps. The allowed steps are in
``workflow.py``; every change goes through ``services.py``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.common.blobs import BlobPurpose, BlobRefField
from netral.regions.models import Region

# Attachments to clarification minutes; sealed under "evidence" before they had their own.
CLARIFICATION_BLOBS = BlobPurpose(
    name="clarification", root="clarifications", legacy_names=("evidence",)
)


class Status(models.TextChoices):
    RECEIVED = "received", _("Diterima")
    INCOMPLETE = "incomplete", _("Menunggu kelengkapan")
    REGISTERED = "registered", _("Diregistrasi")
    NOT_REGISTERED = "not_registered", _("Tidak diregistrasi")
    CLARIFICATION = "clarification", _("Klarifikasi")
    STUDY = "study", _("Kajian")
    DECIDED = "decided", _("Diputus pleno")
    ANNOUNCED = "announced", _("Status diumumkan")
    CLOSED = "closed", _("Selesai")
    MERGED = "merged", _("Digabung dengan kasus lain")


class Verdict(models.TextChoices):
    ASN_NEUTRALITY = "asn_neutrality", _("Pelanggaran netralitas ASN")
    CRIMINAL = "criminal", _("Tindak pidana pemilihan")
    ADMINISTRATIVE = "administrative", _("Pelanggaran administratif")
    ETHICS = "ethics", _("Pelanggaran kode etik penyelenggara")
    OTHER_LAW = "other_law", _("Pelanggaran hukum lainnya")
    NO_VIOLATION = "no_violation", _("Bukan pelanggaran")


class NotRegisteredReason(models.TextChoices):
    INCOMPLETE = "incomplete", _("Syarat tidak lengkap")
    EXPIRED = "expired", _("Melewati batas waktu pelaporan")
    NOT_A_VIOLATION = "not_a_violation", _("Bukan dugaan pelanggaran")
    NOT_OUR_JURISDICTION = "not_our_jurisdiction", _("Bukan kewenangan kantor ini")


class Case(models.Model):
    origin = models.CharField(max_length=10)  # laporan | informasi | temuan
    office_region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    election = models.ForeignKey("elections.Election", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    register_number = models.CharField(max_length=60, unique=True, null=True, blank=True)
    violation_type = models.CharField(max_length=60, blank=True)

    # When the statutory clock started: the receipt, moved to the next opening time when the
    # report came outside office hours (Perbawaslu 8/2020 as amended by 9/2024).
    received_at = models.DateTimeField()
    registered_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    announced_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # When the office's handling ended (decided, not registered or merged): a finished case
    # shows this, never a countdown. Set by ``services._finish``; announcing and closing keep it.
    finished_at = models.DateTimeField(null=True, blank=True)
    # The deadline of the current step; only ever moves later (see services).
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    extended = models.BooleanField(default=False)
    extension_reason = models.TextField(blank=True)
    completion_due_at = models.DateTimeField(null=True, blank=True)

    checklist = models.JSONField(default=dict, blank=True)
    not_registered_reason = models.CharField(
        max_length=30, choices=NotRegisteredReason.choices, blank=True
    )
    study_facts = models.TextField(blank=True)
    study_analysis = models.TextField(blank=True)
    study_conclusion = models.TextField(blank=True)
    verdicts = models.JSONField(default=list, blank=True)
    decision_reason = models.TextField(blank=True)
    public_summary = models.TextField(blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_cases"
    )
    # Who handles it: a staff member of the case's office (set by leadership or taken by
    # staff through ``assignment.case_assign``; every change audited). None: nobody yet.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    # The first report (earliest submitted, ties by id) as the inbox shows and sorts it,
    # stored so that the inbox sorts by index, not by a subquery per case (issue #13). The
    # reported person and agency only, never the reporter's identity. Kept in step by
    # ``netral.cases.first_report``; "" / None when the case has no report (merged away).
    first_reported_name = models.CharField(max_length=200, blank=True, default="")
    first_agency = models.CharField(max_length=200, blank=True, default="")
    first_event_date = models.DateField(null=True, blank=True)
    # The stage of the case's election cycle running on that date (as
    # ``ElectionCycle.stage_on``), so the inbox shows and sorts by it through a join, not a
    # subquery per case; recomputed when a stage of the cycle changes.
    first_event_stage = models.ForeignKey(
        "elections.Stage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [
            models.Index(fields=["office_region", "status", "due_at"]),
            # An office's cases by deadline, whatever their status (issue #13).
            models.Index(fields=["office_region", "due_at"], name="case_office_due"),
            # The inbox sorted by reported person or agency: per office, and nationally.
            models.Index(fields=["office_region", "first_reported_name"], name="case_office_name"),
            models.Index(fields=["office_region", "first_agency"], name="case_office_agency"),
            models.Index(fields=["first_reported_name"], name="case_name"),
            models.Index(fields=["first_agency"], name="case_agency"),
        ]

    def __str__(self) -> str:
        return self.register_number or f"kasus #{self.pk}"

    @property
    def jurisdiction_region(self) -> Region:
        return self.office_region


class RegisterCounter(models.Model):
    """The last register number issued per office, year and origin (locked when used)."""

    office_region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    origin = models.CharField(max_length=10)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["office_region", "year", "origin"], name="register_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.office_region_id}/{self.year}/{self.origin}: {self.last}"


class Clarification(models.Model):
    """An invitation to a clarification meeting and, once held, its minutes. The invitee is
    a free label ("Terlapor", a witness's initials): never the reporter's identity."""

    class InviteeRole(models.TextChoices):
        REPORTER = "reporter", _("Pelapor")
        REPORTED = "reported", _("Terlapor")
        WITNESS = "witness", _("Saksi")

    class Status(models.TextChoices):
        INVITED = "invited", _("Diundang")
        ATTENDED = "attended", _("Hadir")
        ABSENT = "absent", _("Tidak hadir")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="clarifications")
    invitee_role = models.CharField(max_length=10, choices=InviteeRole.choices)
    invitee_label = models.CharField(max_length=100)
    scheduled_at = models.DateTimeField()
    place = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INVITED)
    minutes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["scheduled_at", "pk"]

    def __str__(self) -> str:
        return (
            f"{self.get_invitee_role_display()} {self.invitee_label} ({self.scheduled_at:%Y-%m-%d})"
        )


class ClarificationAttachment(models.Model):
    """A file attached to the minutes. The original is kept sealed exactly as received (its
    SHA-256 taken at upload); staff open a copy without identifying metadata (EXIF/GPS,
    document properties), as with evidence."""

    clarification = models.ForeignKey(
        Clarification, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(max_length=10)  # reports.evidence.EvidenceKind
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    path = BlobRefField(CLARIFICATION_BLOBS, sha256_field="sha256")
    content_type = models.CharField(max_length=100)
    clean_path = BlobRefField(CLARIFICATION_BLOBS, blank=True)
    clean_content_type = models.CharField(max_length=100, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"lampiran #{self.pk}"


from netral.cases.models.casefile import *  # noqa: E402, F403
from netral.cases.models.notes import *  # noqa: E402, F403
from netral.cases.models.search import *  # noqa: E402, F403
