"""Recommendations that a plenary decision sends to other institutions, and what became of
each: BKN's assessment, the sanction the PPK imposed (or why not), the criminal path through
Sentra Gakkumdu, the answers of KPU, DKPP and other agencies, and escalations when a PPK lets
the deadline pass. Every change goes through ``services.py``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.common.blobs import BlobPurpose, BlobRefField
from netral.regions.models import Region

# PPK decree files; sealed under "evidence" before they had their own purpose.
DECREE_BLOBS = BlobPurpose(name="decree", root="decrees", legacy_names=("evidence",))


class Addressee(models.TextChoices):
    BKN = "bkn", _("Badan Kepegawaian Negara (BKN)")
    GAKKUMDU = "gakkumdu", _("Sentra Gakkumdu")
    KPU = "kpu", _("KPU")
    DKPP = "dkpp", _("DKPP")
    OTHER = "other", _("Instansi lain")


class RecStatus(models.TextChoices):
    ISSUED = "issued", _("Dikirim")
    ASSESSED = "assessed", _("Dinilai BKN, diteruskan ke PPK")
    SANCTIONED = "sanctioned", _("Sanksi dijatuhkan")
    NOT_IMPOSED = "not_imposed", _("Sanksi tidak dijatuhkan")
    IN_PROGRESS = "in_progress", _("Dalam proses Gakkumdu")
    CONCLUDED = "concluded", _("Proses pidana selesai")
    RESPONDED = "responded", _("Ditanggapi")


# Where the follow-up has ended: a case may close only when all its recommendations did.
ENDED = frozenset(
    {RecStatus.SANCTIONED, RecStatus.NOT_IMPOSED, RecStatus.CONCLUDED, RecStatus.RESPONDED}
)


class Recommendation(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="recommendations")
    addressee = models.CharField(max_length=10, choices=Addressee.choices)
    # The verdict that produced it (cases.models.Verdict).
    verdict = models.CharField(max_length=20)
    addressee_name = models.CharField(_("nama instansi tujuan"), max_length=200)
    # The reported person, as the decision found them (a snapshot: reports may be merged).
    subject_name = models.CharField(max_length=200, blank=True)
    subject_nip = models.CharField(max_length=18, blank=True)
    subject_agency = models.CharField(max_length=200, blank=True)
    subject_agency_type = models.CharField(max_length=20, blank=True)
    subject_position = models.CharField(max_length=200, blank=True)
    subject_position_class = models.CharField(max_length=20, blank=True)
    # The region whose personnel authority (PPK) must act; None: a central agency.
    ppk_region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    articles = models.JSONField(default=list, blank=True)  # criminal article codes
    body = models.TextField()
    number = models.CharField(max_length=80, unique=True)
    status = models.CharField(max_length=12, choices=RecStatus.choices, default=RecStatus.ISSUED)
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The deadline of the current step (PPK follow-up, forwarding to the police, a court
    # stage); None where the law sets none. Kept once the follow-up ended: it tells whether it
    # ended in time (pages show that, never a countdown).
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # BKN's assessment, passed to the PPK.
    assessed_at = models.DateTimeField(null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assessment = models.TextField(blank=True)
    recommended_sanction = models.CharField(max_length=30, blank=True)  # rules sanction code
    # A response from KPU, DKPP or another agency, or the final criminal outcome.
    response = models.TextField(blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    criminal_stage = models.CharField(max_length=30, blank=True)
    # The number of the letter issued as an official document (documents.IssuedDocument).
    letter_number = models.CharField(max_length=60, blank=True)
    # Who handles it at the desk it is at (BKN, the PPK office, Gakkumdu, KPU): set by that
    # desk's leadership or taken by its staff; every change audited. None: nobody yet.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_recommendations",
    )

    class Meta:
        ordering = ["-issued_at", "pk"]
        indexes = [
            models.Index(fields=["addressee", "status", "due_at"]),
            # Compliance and the PPK desks by the PPK's region (issue #13).
            models.Index(
                fields=["ppk_region", "addressee", "status"], name="rec_ppk_addressee_status"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def jurisdiction_region(self) -> Region:
        return self.case.office_region

    @property
    def ended(self) -> bool:
        return self.status in ENDED


class Sanction(models.Model):
    """What the PPK decided on a neutrality recommendation."""

    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.PROTECT, related_name="sanction"
    )
    imposed = models.BooleanField()
    decree_number = models.CharField(_("nomor keputusan"), max_length=100, blank=True)
    decree_date = models.DateField(_("tanggal keputusan"), null=True, blank=True)
    sanction = models.CharField(max_length=30, blank=True)  # rules sanction code
    option = models.CharField(max_length=40, blank=True)  # rules sanction option code
    reason = models.TextField(_("alasan"), blank=True)
    # The decree as a file, a sealed blob (common.blobs).
    file_path = BlobRefField(DECREE_BLOBS, blank=True, sha256_field="file_sha256")
    file_sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.decree_number or "tidak dijatuhkan"


class CriminalStep(models.Model):
    """One stage of the criminal path (``criminal.py``), opened when the case reaches it."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="criminal_steps"
    )
    stage = models.CharField(max_length=30)
    started_at = models.DateTimeField()
    due_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["started_at", "pk"]

    def __str__(self) -> str:
        return self.stage


class Escalation(models.Model):
    """A PPK let the deadline pass: flagged to BKN and Bawaslu, and what BKN did about it."""

    class Kind(models.TextChoices):
        OVERDUE = "overdue", _("Melewati tenggat PPK")
        MEASURE = "measure", _("Tindakan BKN")

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="escalations"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    measure = models.TextField(blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=models.Q(kind="overdue"),
                name="escalation_one_overdue_flag",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.recommendation_id}"
