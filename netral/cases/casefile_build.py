"""Building a case file (berkas), in the task worker: gather the record (every text through
the case's :class:`~netral.cases.redaction.Redactor`), the cleaned evidence and the official
PDFs, print the index with the SHA-256 of every file, zip, store encrypted, audit.

Progress is written on the row as the build goes (the page refreshes itself). A file that may
carry a redacted word and cannot be redacted (an issued PDF, whose SHA-256 verifies it; a PDF
or office evidence copy) stays out and is listed in the index. The reporter's identity goes
in only as ``casefile`` describes, through ``reporter_identity_reveal`` (audited).
"""

from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop
from pypdf import PdfReader

from netral.accounts.permissions import can
from netral.audit.services import audit_deferred, audit_record
from netral.cases import casefile_pdf as pdf
from netral.cases.casefile import case_file_subjects, recipient_entitled
from netral.cases.models import CASE_FILE_BLOBS, CLARIFICATION_BLOBS, Case, CaseFile, Redaction
from netral.cases.redaction import Redactor
from netral.cases.services import case_list_for
from netral.cases.timeline import case_timeline, verdict_labels
from netral.common import blobs
from netral.common.errors import ApplicationError
from netral.common.pdf import date_id, datetime_id, pdf_text
from netral.documents.kinds import Subject
from netral.documents.services import document_pdf, documents_about, office_name
from netral.reports.evidence import EvidenceKind
from netral.reports.handling import reporter_identity_reveal
from netral.reports.handling_selectors import reveal_approval_active
from netral.reports.models import Evidence, Message, Report
from netral.reports.storage import evidence_read
from netral.rules.selectors import violation_type_list

log = logging.getLogger(__name__)

TOO_LARGE = gettext_noop("Berkas perkara melebihi {max} MB; hubungi administrator.")
BUILD_FAILED = gettext_noop("Berkas tidak dapat disusun; coba lagi atau hubungi administrator.")
BUILDER_LOST_ACCESS = gettext_noop("Penyusun tidak lagi berwenang atas kasus ini.")

MAX_INPUT_BYTES = 300 * 1024 * 1024
MAX_CHECK_PAGES = 200
PDF = "application/pdf"
# Files whose text a redacted word could be in: PDFs are read, office documents held back.
OFFICE_KINDS = frozenset({"docx", "xlsx", "pptx", "odt", "ods", "odp"})
TEXT_FILES = frozenset({PDF} | {k.content_type for k in EvidenceKind if k.value in OFFICE_KINDS})
WITHHELD = "tidak disertakan karena mungkin memuat teks yang disamarkan."
DOCUMENT_WITHHELD = (
    "ditahan: memuat teks yang disamarkan; periksa keasliannya dengan nomornya di /verify/"
)
INDEX_NAME = "00-indeks.pdf"
MANIFEST_NAME = "SHA256SUMS"


# --- Building ---------------------------------------------------------------------------


def _progress(case_file: CaseFile, percent: int, step: str) -> None:
    """Written at once (outside any transaction), so the page sees the build move."""
    CaseFile.objects.filter(pk=case_file.pk).update(progress=percent, step=step)


@dataclass
class _Zip:
    files: list[tuple[str, bytes]]
    total: int = 0

    def add(self, name: str, data: bytes) -> None:
        self.total += len(data)
        if self.total > MAX_INPUT_BYTES:
            raise ApplicationError(TOO_LARGE, params={"max": MAX_INPUT_BYTES // (1024 * 1024)})
        self.files.append((name, data))


def _extension(content_type: str, fallback: str) -> str:
    for kind in EvidenceKind:
        if kind.content_type == content_type:
            return kind.extension
    return fallback


class _Builder:
    def __init__(self, case_file: CaseFile) -> None:
        self.case_file = case_file
        self.case = Case.objects.select_related("office_region", "election").get(
            pk=case_file.case_id
        )
        self.actor = case_file.requested_by
        self.redactor = Redactor(self.case.pk)
        self.tz = ZoneInfo(self.case.office_region.tzinfo_name)
        self.zone = self.case.office_region.timezone
        self.reports = list(Report.objects.filter(case=self.case).order_by("submitted_at", "pk"))
        self.zip = _Zip(files=[])
        self.identity_included = False
        self.pdf_terms = [_normalise(pdf_text(term)) for term in self.redactor.terms]
        self.evidence_ids: list[int] = []

    def when(self, value: object) -> str:
        if value is None:
            return "-"
        return datetime_id(value.astimezone(self.tz), zone=self.zone)  # type: ignore[attr-defined]

    # Each report: the record as filed, its texts redacted, the identity only if allowed.
    def report_section(self, number: int, report: Report) -> pdf.Section:
        clean = self.redactor.clean
        target = Redaction.Target
        lines = [
            ("Jenis", str(report.get_kind_display())),
            ("Diterima", self.when(report.submitted_at)),
            ("Terlapor", clean(report.reported_name)),
            ("NIP", clean(report.reported_nip)),
            ("Instansi", clean(report.agency)),
            ("Jabatan", clean(report.position)),
            ("Wilayah kejadian", report.region.name),
            ("Lokasi", clean(report.location)),
            ("Tanggal kejadian", date_id(report.event_date)),
            ("Tanggal diketahui", date_id(report.known_date)),
            ("Paslon diuntungkan", clean(report.candidate_pair)),
            ("Tautan", clean(", ".join(str(link) for link in report.links))),
        ]
        paragraphs = [
            "Kronologi: "
            + self.redactor.text(target.CHRONOLOGY, report.public_id, report.chronology)
        ]
        if report.witnesses.strip():
            paragraphs.append(
                "Saksi: " + self.redactor.text(target.WITNESSES, report.public_id, report.witnesses)
            )
        paragraphs += self.identity_paragraphs(report)
        return pdf.Section(title=f"Laporan {number}", lines=lines, paragraphs=paragraphs)

    def identity_paragraphs(self, report: Report) -> list[str]:
        if report.is_anonymous:
            return ["Informasi ini dikirim tanpa identitas pelapor."]
        allowed = (
            self.case_file.identity_requested
            and recipient_entitled(self.case_file.recipient)
            and can(self.actor, "identity.reveal_request", report)
            and reveal_approval_active(actor=self.actor, report=report) is not None
        )
        if not allowed:
            return [pdf.NO_IDENTITY]
        reporter = reporter_identity_reveal(
            actor=self.actor, report_public_id=str(report.public_id)
        )
        self.identity_included = True
        parts = [
            ("Nama", reporter.name),
            ("NIK", reporter.nik),
            ("Alamat", reporter.address),
            ("Telepon", reporter.phone),
            ("E-mail", reporter.email),
        ]
        return [
            "Identitas pelapor (dibuka dengan persetujuan empat mata): "
            + "; ".join(f"{label} {value}" for label, value in parts if value)
        ]

    def evidence(self) -> list[pdf.Section]:
        rows = Evidence.objects.filter(report__in=self.reports).order_by("received_at", "pk")
        notes = []
        for number, item in enumerate(rows, start=1):
            if not item.clean_path:
                notes.append(f"Bukti {number}: tidak ada salinan bersih; aslinya tidak disertakan.")
                continue
            data = evidence_read(item.clean_path)
            if self.holds_redacted(data, item.clean_content_type):
                notes.append(f"Bukti {number}: {WITHHELD}")
                continue
            ext = _extension(item.clean_content_type, EvidenceKind(item.kind).extension)
            self.zip.add(f"bukti/bukti-{number:03d}{ext}", data)
            self.evidence_ids.append(item.pk)
        for clarification in self.case.clarifications.prefetch_related("attachments"):
            for attachment in clarification.attachments.all():
                if not attachment.clean_path:
                    continue
                data = blobs.get(CLARIFICATION_BLOBS, attachment.clean_path)
                if self.holds_redacted(data, attachment.clean_content_type):
                    notes.append(f"Lampiran klarifikasi #{attachment.pk}: {WITHHELD}")
                    continue
                ext = _extension(attachment.clean_content_type, ".bin")
                self.zip.add(f"klarifikasi/lampiran-{attachment.pk}{ext}", data)
        return [pdf.Section(title="Catatan bukti", paragraphs=notes)] if notes else []

    def documents(self) -> list[tuple[str, str, str, str]]:
        subjects = [Subject.of("case", self.case.pk)]
        subjects += [
            Subject.of("clarification", pk)
            for pk in self.case.clarifications.values_list("pk", flat=True)
        ]
        subjects += [Subject.of("report", r.public_id) for r in self.reports]
        for extra in case_file_subjects.ask(self.case):
            subjects += extra
        rows = []
        for document in documents_about(subjects).order_by("issued_at", "pk"):
            data = document_pdf(document=document)
            document.refresh_from_db(fields=["sha256"])
            day = date_id(document.issued_at.astimezone(self.tz))
            title = document.title
            # An issued PDF cannot be redacted afterwards (its SHA-256 is what verifies it):
            # one naming a redacted word stays out, listed so it can be checked by number.
            if self.holds_redacted(data, PDF):
                title = f"{title} ({DOCUMENT_WITHHELD})"
            else:
                self.zip.add(f"dokumen/{document.number.replace('/', '-')}.pdf", data)
            rows.append((document.number, title, day, document.sha256 or ""))
        return rows

    def holds_redacted(self, data: bytes, content_type: str) -> bool:
        """Whether a file must stay out because it may carry a word redacted in the case:
        a PDF whose text names one (or cannot be read), an office document (not read)."""
        if not self.redactor.active or content_type not in TEXT_FILES:
            return False
        if content_type != PDF:
            return True
        words = _pdf_words(data)
        return words is None or any(term in words for term in self.pdf_terms)

    def record(self) -> list[pdf.Section]:
        case, clean = self.case, self.redactor.clean
        names = {vt.code: vt.name for vt in violation_type_list()}
        sections = [
            pdf.Section(
                title="Data kasus",
                lines=[
                    ("Nomor register", case.register_number or "belum diregistrasi"),
                    ("Status", str(case.get_status_display())),
                    ("Asal", case.origin),
                    ("Kantor", office_name(case.office_region)),
                    ("Pemilihan", case.election.name),
                    ("Jenis pelanggaran", names.get(case.violation_type, case.violation_type)),
                    ("Diterima", self.when(case.received_at)),
                    ("Diregistrasi", self.when(case.registered_at)),
                    ("Diputus", self.when(case.decided_at)),
                ],
            )
        ]
        sections += [self.report_section(n, r) for n, r in enumerate(self.reports, start=1)]
        messages = Message.objects.filter(report__in=self.reports).order_by("created_at", "pk")
        texts = [
            f"{self.when(m.created_at)} ({m.get_sender_display()}): "
            + self.redactor.text(Redaction.Target.MESSAGE, m.pk, m.body)
            if m.sender == Message.Sender.REPORTER
            else f"{self.when(m.created_at)} ({m.get_sender_display()}): {clean(m.body)}"
            for m in messages
        ]
        if texts:
            sections.append(pdf.Section(title="Pesan dengan pelapor", paragraphs=texts))
        for item in self.case.clarifications.all():
            minutes = self.redactor.text(Redaction.Target.MINUTES, item.pk, item.minutes)
            party = f"{item.get_invitee_role_display()} {clean(item.invitee_label)}"
            sections.append(
                pdf.Section(
                    title=f"Klarifikasi: {party}",
                    lines=[
                        ("Jadwal", self.when(item.scheduled_at)),
                        ("Tempat", clean(item.place)),
                        ("Status", str(item.get_status_display())),
                    ],
                    paragraphs=[f"Berita acara: {minutes}"] if minutes else [],
                )
            )
        study = [
            (label, clean(value))
            for label, value in (
                ("Fakta", case.study_facts),
                ("Analisis", case.study_analysis),
                ("Kesimpulan", case.study_conclusion),
            )
            if value
        ]
        if study:
            sections.append(pdf.Section(title="Kajian", paragraphs=[f"{a}: {b}" for a, b in study]))
        decision = [("Putusan", "; ".join(verdict_labels(case.verdicts)) or "-")]
        if case.not_registered_reason:
            decision.append(("Tidak diregistrasi", str(case.get_not_registered_reason_display())))
        sections.append(
            pdf.Section(
                title="Putusan",
                lines=decision,
                paragraphs=[clean(p) for p in (case.decision_reason, case.public_summary) if p],
            )
        )
        return sections

    def timeline(self) -> list[tuple[str, str, str]]:
        return [
            (self.when(row.entry.at), row.entry.actor_label, row.label)
            for row in case_timeline(case=self.case)
        ]

    def build(self) -> bytes:
        case_file = self.case_file
        _progress(case_file, 10, "Menyusun data kasus")
        sections = self.record()
        _progress(case_file, 30, "Menyalin bukti (salinan bersih)")
        sections += self.evidence()
        _progress(case_file, 60, "Menyalin dokumen resmi")
        documents = self.documents()
        _progress(case_file, 80, "Menyusun indeks")
        manifest = [
            pdf.ManifestRow(name=name, size=len(data), sha256=blobs.sha256_hex(data))
            for name, data in self.zip.files
        ]
        built_at = timezone.now()
        index = pdf.Index(
            office_name=office_name(self.case.office_region),
            case_label=self.case.register_number or f"kasus #{self.case.pk}",
            recipient=str(CaseFile.Recipient(case_file.recipient).label),
            built_at=built_at,
            built_label=f"{self.when(built_at)} oleh {self.actor.get_username()}",
            sections=sections,
            table_title="Riwayat penanganan",
            table=self.timeline(),
            documents=documents,
            manifest=manifest,
            redacted=self.redactor.active,
        )
        files = [(INDEX_NAME, pdf.index_pdf(index)), *self.zip.files]
        sums = "".join(f"{blobs.sha256_hex(data)}  {name}\n" for name, data in files)
        files.append((MANIFEST_NAME, sums.encode()))
        case_file.manifest = [
            {"name": name, "size": len(data), "sha256": blobs.sha256_hex(data)}
            for name, data in files
            if name != MANIFEST_NAME
        ]
        return _zip_bytes(files, built_at)


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _pdf_words(data: bytes) -> str | None:
    """The text of a PDF, spaces normalised and case folded; None when unreadable or long."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > MAX_CHECK_PAGES:
            return None
        return _normalise(" ".join(page.extract_text() or "" for page in reader.pages))
    except Exception:
        return None


def _zip_bytes(files: list[tuple[str, bytes]], at: object) -> bytes:
    buffer = io.BytesIO()
    stamp = timezone.localtime(at).timetuple()[:6]  # type: ignore[arg-type]
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def case_file_build(*, case_file_id: int) -> CaseFile:
    """Build a requested case file (the task's body): nothing for one already finished."""
    case_file = CaseFile.objects.select_related("requested_by", "case").get(pk=case_file_id)
    if case_file.finished:
        return case_file
    CaseFile.objects.filter(pk=case_file.pk).update(status=CaseFile.Status.BUILDING)
    actor = case_file.requested_by
    # The builder's rights are read again now: a role or jurisdiction may have changed.
    if (
        not can(actor, "casefile.build", case_file.case)
        or not case_list_for(actor=actor).filter(pk=case_file.case_id).exists()
    ):
        return _fail(case_file, BUILDER_LOST_ACCESS)
    builder = _Builder(case_file)
    try:
        data = builder.build()
    except ApplicationError as error:
        return _fail(case_file, error.template.format(**error.params))
    except Exception:
        log.exception("case file %s could not be built", case_file.pk)
        return _fail(case_file, BUILD_FAILED)
    _progress(case_file, 95, "Menyimpan berkas terenkripsi")
    with blobs.deleted_on_failure() as written, transaction.atomic(), audit_deferred():
        locked = CaseFile.objects.select_for_update().get(pk=case_file.pk)
        locked.path = blobs.put(CASE_FILE_BLOBS, data, folder=f"{timezone.now():%Y}", label="zip")
        written.append(locked.path)
        locked.sha256 = blobs.sha256_hex(data)
        locked.size = len(data)
        locked.manifest = case_file.manifest
        locked.identity_included = builder.identity_included
        locked.status = CaseFile.Status.DONE
        locked.progress = 100
        locked.step = str(CaseFile.Status.DONE.label)
        locked.finished_at = timezone.now()
        locked.save(
            update_fields=[
                "path",
                "sha256",
                "size",
                "manifest",
                "identity_included",
                "status",
                "progress",
                "step",
                "finished_at",
            ]
        )
        audit_record(
            actor=actor,
            action="case.file_built",
            obj=locked.case,
            after={
                "case_file": str(locked.public_id),
                "recipient": locked.recipient,
                "sha256": locked.sha256,
                "files": len(locked.manifest) + 1,
                "evidence": builder.evidence_ids,
                "identity_included": locked.identity_included,
                "redactions": len(builder.redactor.current),
            },
        )
    return locked


def _fail(case_file: CaseFile, message: str) -> CaseFile:
    with transaction.atomic(), audit_deferred():
        CaseFile.objects.filter(pk=case_file.pk).update(
            status=CaseFile.Status.FAILED,
            error=message[:300],
            step=str(CaseFile.Status.FAILED.label),
            finished_at=timezone.now(),
        )
        audit_record(
            actor=case_file.requested_by,
            action="case.file_failed",
            obj=case_file.case,
            after={"case_file": str(case_file.public_id), "error": message[:300]},
        )
    case_file.refresh_from_db()
    return case_file
