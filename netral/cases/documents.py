"""Official documents of a case (``netral.documents.services``): the notice of registration or
non-registration, clarification invitations and minutes, and the status announcement.

Each is issued once per case (per clarification for invitations and minutes): issuing again
returns the document already issued, so a number always names one text. Issuing locks the
case, needs "case.handle" and the case in the right step; downloading needs "case.view".
Cases outside the actor's jurisdiction are ``NotFound`` like missing ones.

The announcement is public by nature: it carries only the register number, election,
office, violation type, status, decision and dates, never a name, NIP or reporter detail.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import QuerySet

from netral.accounts.models import User
from netral.accounts.permissions import has_capability, require
from netral.audit.services import audit_record, audited
from netral.cases import document_kinds as kinds
from netral.cases.clarification import CLARIFICATION_NOT_FOUND
from netral.cases.models import Case, Clarification, Redaction, Status, Verdict
from netral.cases.redaction import Redactor
from netral.cases.services import CASE_NOT_FOUND, case_list_for
from netral.common.errors import ApplicationError, NotFound
from netral.common.pdf import date_id, datetime_id
from netral.documents.kinds import Subject, kind_label
from netral.documents.models import IssuedDocument
from netral.documents.services import document_issue, documents_about, office_name
from netral.rules.selectors import violation_type_list

DOCUMENT_NOT_FOUND = "Dokumen tidak ditemukan."
KIND_NOT_FOR_CASES = "Dokumen jenis ini tidak diterbitkan dari halaman kasus."
NOT_REGISTERED_YET = "Kasus belum diregistrasi: pemberitahuan registrasi belum dapat diterbitkan."
NOT_NON_REGISTERED = "Kasus tidak berstatus tidak diregistrasi."
NOT_ANNOUNCED = "Status kasus belum diumumkan: pengumuman belum dapat diterbitkan."
NOT_HELD = "Klarifikasi belum dilaksanakan: berita acara belum dapat diterbitkan."
CLARIFICATION_REQUIRED = "Pilih undangan klarifikasi."

CASE_KINDS = (
    kinds.REGISTRATION_NOTICE,
    kinds.NON_REGISTRATION_NOTICE,
    kinds.CLARIFICATION_INVITATION,
    kinds.CLARIFICATION_MINUTES,
    kinds.STATUS_ANNOUNCEMENT,
)
PER_CLARIFICATION = (kinds.CLARIFICATION_INVITATION, kinds.CLARIFICATION_MINUTES)
HELD = (Clarification.Status.ATTENDED, Clarification.Status.ABSENT)
ORIGINS = {"laporan": "laporan", "informasi": "informasi awal", "temuan": "temuan"}
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
NO_PERSONAL_DATA = (
    "Pengumuman ini tidak memuat identitas pelapor, terlapor, maupun saksi, sesuai dengan "
    "kewajiban menjaga kerahasiaan data pribadi."
)


@dataclass(frozen=True)
class Draft:
    title: str
    lines: list[tuple[str, str]]
    paragraphs: list[str]


@dataclass(frozen=True)
class CaseDocumentSlot:
    """One document the case page offers: issued already (``document``) or ready to issue."""

    kind: str
    label: str
    detail: str
    clarification_id: int | None
    document: IssuedDocument | None


def case_subject(case_id: int) -> Subject:
    return Subject.of("case", case_id)


def clarification_subject(clarification_id: int) -> Subject:
    return Subject.of("clarification", clarification_id)


def _in_case(case_id: int) -> QuerySet[IssuedDocument]:
    """The case's documents and those of its clarifications."""
    items = Clarification.objects.filter(case_id=case_id).values_list("pk", flat=True)
    return documents_about([case_subject(case_id), *map(clarification_subject, items)])


def _local(case: Case, value: datetime.datetime) -> datetime.datetime:
    return value.astimezone(ZoneInfo(case.office_region.tzinfo_name))


def _when(case: Case, value: datetime.datetime | None) -> str:
    if value is None:
        return "-"
    return datetime_id(_local(case, value), zone=case.office_region.timezone)


def _day(case: Case, value: datetime.datetime | None) -> str:
    return "-" if value is None else date_id(_local(case, value))


def _violation(case: Case) -> str:
    names = {vt.code: vt.name for vt in violation_type_list()}
    return names.get(case.violation_type, case.violation_type) or "belum ditentukan"


def _origin(case: Case) -> str:
    return ORIGINS.get(case.origin, case.origin)


def _registration_notice(case: Case) -> Draft:
    if case.registered_at is None or not case.register_number:
        raise ApplicationError(NOT_REGISTERED_YET)
    return Draft(
        title="Pemberitahuan Registrasi",
        lines=[
            ("Nomor register", case.register_number),
            ("Tanggal registrasi", _day(case, case.registered_at)),
            ("Tanggal diterima", _day(case, case.received_at)),
            ("Pemilihan", case.election.name),
            ("Dugaan pelanggaran", _violation(case)),
            ("Kantor", office_name(case.office_region)),
        ],
        paragraphs=[
            f"Dengan ini diberitahukan bahwa {_origin(case)} yang diterima pada "
            f"{_day(case, case.received_at)} telah memenuhi syarat formal dan materiel dan "
            f"diregistrasi dengan nomor {case.register_number}.",
            "Penanganan selanjutnya (klarifikasi dan kajian) dilakukan dalam tenggat menurut "
            "peraturan perundang-undangan. Perkembangan dapat dipantau di halaman Lacak laporan "
            "dengan kode tanda terima.",
        ],
    )


def _non_registration_notice(case: Case) -> Draft:
    if case.status != Status.NOT_REGISTERED:
        raise ApplicationError(NOT_NON_REGISTERED)
    reason = str(case.get_not_registered_reason_display()) or "-"
    return Draft(
        title="Pemberitahuan Tidak Diregistrasi",
        lines=[
            ("Tanggal diterima", _day(case, case.received_at)),
            ("Pemilihan", case.election.name),
            ("Dugaan pelanggaran", _violation(case)),
            ("Alasan", reason),
            ("Kantor", office_name(case.office_region)),
        ],
        paragraphs=[
            f"Dengan ini diberitahukan bahwa {_origin(case)} yang diterima pada "
            f"{_day(case, case.received_at)} tidak diregistrasi dengan alasan: {reason}.",
            "Informasi yang disampaikan tetap dicatat dan dapat menjadi bahan pengawasan.",
        ],
    )


def _subject(case: Case) -> str:
    number = case.register_number or "(belum diregistrasi)"
    return f"Klarifikasi atas {_origin(case)} nomor register {number}"


def _invitation(case: Case, item: Clarification) -> Draft:
    at = _local(case, item.scheduled_at)
    label = Redactor(case.pk).clean(item.invitee_label)  # what staff redacted stays out
    return Draft(
        title="Undangan Klarifikasi",
        lines=[
            ("Kepada", f"{item.get_invitee_role_display()}: {label}"),
            ("Perihal", _subject(case)),
            ("Hari, tanggal", f"{WEEKDAYS[at.weekday()]}, {date_id(at)}"),
            ("Pukul", f"{at:%H.%M} {case.office_region.timezone}"),
            ("Tempat", item.place),
        ],
        paragraphs=[
            f"Dalam rangka penanganan dugaan pelanggaran pada {case.election.name}, Saudara "
            "diundang untuk hadir dan memberikan keterangan (klarifikasi) pada waktu dan tempat "
            "tersebut di atas.",
            "Mohon membawa kartu identitas dan dokumen yang berkaitan. Demikian undangan ini "
            "disampaikan; atas perhatian dan kehadiran Saudara diucapkan terima kasih.",
        ],
    )


def _minutes(case: Case, item: Clarification) -> Draft:
    if item.status not in HELD:
        raise ApplicationError(NOT_HELD)
    attended = item.status == Clarification.Status.ATTENDED
    # The letter carries the redacted minutes (``redaction``); the original stays on the row.
    redactor = Redactor(case.pk)
    minutes = redactor.text(Redaction.Target.MINUTES, item.pk, item.minutes)
    body = [p.strip() for p in minutes.replace("\r\n", "\n").split("\n\n") if p.strip()]
    opening = (
        f"Pada {_when(case, item.scheduled_at)}, bertempat di {item.place}, telah dilaksanakan "
        f"klarifikasi dalam rangka {_subject(case).lower()}."
    )
    return Draft(
        title="Berita Acara Klarifikasi",
        lines=[
            ("Nomor register", case.register_number or "-"),
            ("Pihak", f"{item.get_invitee_role_display()}: {redactor.clean(item.invitee_label)}"),
            ("Waktu", _when(case, item.scheduled_at)),
            ("Tempat", item.place),
            ("Kehadiran", str(item.get_status_display())),
        ],
        paragraphs=[opening]
        + (body if attended else ["Pihak yang diundang tidak hadir pada waktu yang ditetapkan."])
        + ["Demikian berita acara ini dibuat dengan sebenarnya."],
    )


def _announcement(case: Case) -> Draft:
    if case.announced_at is None or case.status not in (Status.ANNOUNCED, Status.CLOSED):
        raise ApplicationError(NOT_ANNOUNCED)
    verdicts = [str(Verdict(v).label) for v in case.verdicts if v in Verdict.values]
    return Draft(
        title="Pengumuman Status Laporan",
        lines=[
            ("Nomor register", case.register_number or "-"),
            ("Pemilihan", case.election.name),
            ("Kantor", office_name(case.office_region)),
            ("Dugaan pelanggaran", _violation(case)),
            ("Status", str(case.get_status_display())),
            ("Putusan", "; ".join(verdicts) or "-"),
            ("Tanggal putusan", _day(case, case.decided_at)),
            ("Tanggal pengumuman", _day(case, case.announced_at)),
        ],
        paragraphs=[
            f"{office_name(case.office_region)} mengumumkan status penanganan {_origin(case)} "
            f"dengan nomor register {case.register_number or '-'} sebagaimana tersebut di atas.",
            NO_PERSONAL_DATA,
        ],
    )


CASE_DRAFTS: dict[str, Callable[[Case], Draft]] = {
    kinds.REGISTRATION_NOTICE: _registration_notice,
    kinds.NON_REGISTRATION_NOTICE: _non_registration_notice,
    kinds.STATUS_ANNOUNCEMENT: _announcement,
}
CLARIFICATION_DRAFTS: dict[str, Callable[[Case, Clarification], Draft]] = {
    kinds.CLARIFICATION_INVITATION: _invitation,
    kinds.CLARIFICATION_MINUTES: _minutes,
}


@audited
def case_document_issue(
    *, actor: User, case_id: int, kind: str, clarification_id: int | None = None
) -> IssuedDocument:
    """Issue the case's document of ``kind`` (for ``clarification_id`` where it is one per
    clarification), or return the one issued before."""
    case = (
        case_list_for(actor=actor)
        .select_for_update(of=("self",))  # the case row only, not its election or office
        .select_related("office_region", "election")
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    require(actor, "case.handle", case)
    if kind not in CASE_KINDS:
        raise ApplicationError(KIND_NOT_FOR_CASES, field="kind")
    if kind in PER_CLARIFICATION:
        if clarification_id is None:
            raise ApplicationError(CLARIFICATION_REQUIRED, field="clarification")
        item = Clarification.objects.filter(pk=clarification_id, case=case).first()
        if item is None:
            raise NotFound(CLARIFICATION_NOT_FOUND)
        subject = clarification_subject(item.pk)
        draft = CLARIFICATION_DRAFTS[kind](case, item)
    else:
        subject = case_subject(case.pk)
        draft = CASE_DRAFTS[kind](case)
    issued = documents_about([subject]).filter(kind=kind).first()
    if issued is not None:
        return issued
    return document_issue(
        kind=kind,
        title=draft.title,
        office_region=case.office_region,
        lines=draft.lines,
        paragraphs=draft.paragraphs,
        issued_by=actor,
        subject=subject,
    )


def case_document_get(*, actor: User, case_id: int, document_id: int) -> IssuedDocument:
    """A document issued for a case in the actor's jurisdiction (else ``NotFound``); the
    opening is audited, as for evidence."""
    case = case_list_for(actor=actor).filter(pk=case_id).first()
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    require(actor, "case.view", case)
    document = _in_case(case.pk).filter(pk=document_id).first()
    if document is None:
        raise NotFound(DOCUMENT_NOT_FOUND)
    audit_record(actor=actor, action="document.download", obj=document)
    return document


def case_documents_available(*, actor: User, case: Case) -> list[CaseDocumentSlot]:
    """The documents the case page offers now, issued or not (empty for an actor who may
    not view the case)."""
    if not has_capability(actor, "case.view"):
        return []
    issued: dict[tuple[str, Subject], IssuedDocument] = {}
    for document in _in_case(case.pk).order_by("issued_at"):
        subject = Subject(document.subject_type, document.subject_id)
        issued.setdefault((document.kind, subject), document)
    slots: list[CaseDocumentSlot] = []

    def offer(kind: str, subject: Subject, detail: str = "", item_id: int | None = None) -> None:
        label = kind_label(kind)
        slots.append(CaseDocumentSlot(kind, label, detail, item_id, issued.get((kind, subject))))

    ref = case_subject(case.pk)
    if case.registered_at is not None and case.register_number:
        offer(kinds.REGISTRATION_NOTICE, ref)
    if case.status == Status.NOT_REGISTERED:
        offer(kinds.NON_REGISTRATION_NOTICE, ref)
    for item in case.clarifications.order_by("scheduled_at", "pk"):
        item_ref = clarification_subject(item.pk)
        who = f"{item.get_invitee_role_display()}: {item.invitee_label}"
        detail = f"{who}, {_day(case, item.scheduled_at)}"
        offer(kinds.CLARIFICATION_INVITATION, item_ref, detail, item.pk)
        if item.status in HELD:
            offer(kinds.CLARIFICATION_MINUTES, item_ref, detail, item.pk)
    if case.announced_at is not None and case.status in (Status.ANNOUNCED, Status.CLOSED):
        offer(kinds.STATUS_ANNOUNCEMENT, ref)
    return slots
