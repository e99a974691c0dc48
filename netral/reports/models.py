"""Reports from the public, their protected reporter identity, evidence and messages.

Protection is structural, not a flag: the reporter's identity lives only in ``Reporter``,
every field of it encrypted; evidence files are stored encrypted; the receipt code exists
only as a slow hash; no client address is stored with anything here.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.common.blobs import BlobRefField
from netral.common.fields import EncryptedTextField
from netral.regions.models import Region
from netral.reports.storage import EVIDENCE_BLOBS
from netral.reports.subjects import AgencyType, PositionClass


class Report(models.Model):
    class Kind(models.TextChoices):
        # Identified: a formal report (laporan) with statutory deadlines.
        LAPORAN = "laporan", _("Laporan")
        # Anonymous: information supervisors may turn into a finding (temuan).
        INFORMASI = "informasi", _("Informasi awal")
        # Registered by supervisors themselves (see netral.reports.findings).
        TEMUAN = "temuan", _("Temuan")

    class FindingSource(models.TextChoices):
        FIELD_PATROL = "field_patrol", _("Patroli lapangan")
        SOCIAL_MEDIA_PATROL = "social_media_patrol", _("Patroli siber/media sosial")
        MEDIA_REPORT = "media_report", _("Pemberitaan media")
        FROM_INFORMATION = "from_information", _("Informasi awal masyarakat")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Diterima")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    receipt_digest = models.CharField(max_length=64, unique=True)
    submitted_at = models.DateTimeField(db_index=True)
    channel = models.CharField(max_length=10, default="web")  # web | api | staff
    # Findings only: how the supervisor came upon it, and who registered it.
    finding_source = models.CharField(
        _("sumber temuan"), max_length=20, choices=FindingSource.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    # Where and in which election. The region is where the event happened.
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="reports"
    )
    location = models.CharField(_("alamat/lokasi kejadian"), max_length=500, blank=True)

    # Who is reported (the subject, not protected like the reporter).
    reported_name = models.CharField(_("nama terlapor"), max_length=200)
    reported_nip = models.CharField(_("NIP terlapor"), max_length=18, blank=True)
    agency = models.CharField(_("instansi"), max_length=200)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    # Classes for the statistics: chosen by the reporter or inferred (``subjects.py``).
    position_class = models.CharField(
        _("kelas jabatan"), max_length=20, choices=PositionClass.choices, blank=True
    )
    agency_type = models.CharField(
        _("jenis instansi"), max_length=20, choices=AgencyType.choices, blank=True
    )

    # What happened.
    violation_type = models.CharField(_("jenis pelanggaran"), max_length=60, blank=True)
    chronology = models.TextField(_("kronologi"))
    event_date = models.DateField(_("tanggal kejadian"))
    known_date = models.DateField(_("tanggal diketahui"))
    candidate_pair = models.CharField(_("pasangan calon diuntungkan"), max_length=200, blank=True)
    witnesses = models.TextField(_("saksi"), blank=True)
    links = models.JSONField(_("tautan"), default=list, blank=True)
    # Past the reporting window of the rulebook when received (still accepted).
    late = models.BooleanField(default=False)
    # Anonymous information whose reporter later gave their identity through the tracking
    # page, within the reporting window: a laporan since then (``reports.step_forward``).
    stepped_forward_at = models.DateTimeField(null=True, blank=True)
    # The case that handles it (duplicates share one); set by netral.cases.services.
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    # The region of the Bawaslu office whose case holds the report: staff access follows it,
    # not the event's region (a governor-election report from a regency is the province's).
    # Written with ``case`` by ``netral.reports.handling.report_case_set`` and
    # ``case_reports_reroute``, which the cases app calls on opening, merge and handover.
    # None until a case holds the report: then only national accounts see it.
    handling_region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-submitted_at"]
        # Statistics by region over time and by election within regions (issue #13). On
        # PostgreSQL, trigram indexes on the name, NIP and agency serve the inbox's and the
        # merge candidates' case-insensitive look-ups (migration 0007_indexes, not here:
        # SQLite has no GIN).
        indexes = [
            models.Index(fields=["region", "submitted_at"], name="report_region_submitted"),
            models.Index(fields=["election", "region"], name="report_election_region"),
        ]
        verbose_name = _("laporan")
        verbose_name_plural = _("laporan")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.public_id}"

    @property
    def jurisdiction_region(self) -> Region | None:
        """Where the report is handled: its case's office (``None`` before a case holds it)."""
        return self.handling_region

    @property
    def is_anonymous(self) -> bool:
        return self.kind == self.Kind.INFORMASI


class Reporter(models.Model):
    """The reporter's identity: every field encrypted at rest, read only through a reveal."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="reporter")
    name = EncryptedTextField(purpose="reporter.name")
    nik = EncryptedTextField(purpose="reporter.nik", blank=True)
    address = EncryptedTextField(purpose="reporter.address", blank=True)
    phone = EncryptedTextField(purpose="reporter.phone", blank=True)
    email = EncryptedTextField(purpose="reporter.email", blank=True)

    def __str__(self) -> str:
        return "identitas dilindungi"


class Contact(models.Model):
    """Where to send status notices, when the reporter asked for them (anonymous ones too)."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="contact")
    email = EncryptedTextField(purpose="contact.email")

    def __str__(self) -> str:
        return "kontak dilindungi"


class Message(models.Model):
    class Sender(models.TextChoices):
        REPORTER = "reporter", _("Pelapor")
        STAFF = "staff", _("Petugas")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(max_length=10, choices=Sender.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.sender} @ {self.created_at:%Y-%m-%d %H:%M}"


class Evidence(models.Model):
    """One evidence file. The original is kept encrypted exactly as received (its SHA-256
    taken at intake); staff open a cleaned copy (metadata stripped) by default."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    # The uploaded name may identify the reporter ("foto_dari_budi.jpg"): encrypted.
    original_name = EncryptedTextField(purpose="evidence.original_name")
    kind = models.CharField(max_length=20)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    original_path = BlobRefField(EVIDENCE_BLOBS, max_length=200, sha256_field="sha256")
    clean_path = BlobRefField(EVIDENCE_BLOBS, max_length=200, blank=True)
    clean_content_type = models.CharField(max_length=100, blank=True)
    received_at = models.DateTimeField()
    # A snapshot of a link given as evidence (``netral.reports.captured``): the address it
    # was captured from (``received_at`` is the capture time). Empty for uploads.
    source_url = models.CharField(max_length=2000, blank=True)

    class Meta:
        ordering = ["received_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.sha256[:12]}"

    @property
    def has_clean_copy(self) -> bool:
        return bool(self.clean_path)


class RevealRequest(models.Model):
    """Seeing a reporter's identity takes a reason and a second person's approval."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu persetujuan")
        APPROVED = "approved", _("Disetujui")
        REJECTED = "rejected", _("Ditolak")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="reveal_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    requested_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    # An approval lets the requester see the identity until then.
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(decided_by=models.F("requested_by")),
                name="reveal_four_eyes",
            ),
        ]

    def __str__(self) -> str:
        return f"reveal {self.report_id} ({self.status})"


class ImportJob(models.Model):
    """One upload of findings from the XLSX template (``finding_import``): validated row by
    row in the background, then stored all at once or not at all."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu diproses")
        VALIDATING = "validating", _("Memeriksa baris")
        SAVING = "saving", _("Menyimpan temuan")
        FAILED = "failed", _("Tidak diimpor: ada kesalahan")
        DONE = "done", _("Selesai diimpor")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    file_name = models.CharField(max_length=200)
    # The uploaded workbook until it is processed; emptied afterwards.
    content = models.BinaryField(blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    # [{"row": 5, "column": "Tanggal kejadian", "message": "..."}], Excel row numbers.
    errors = models.JSONField(default=list, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"impor {self.file_name} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.FAILED, self.Status.DONE)

    @property
    def percent(self) -> int:
        return int(100 * self.processed / self.total) if self.total else 0


from netral.reports.lapor_models import *  # noqa: E402, F403
