"""Writes for appeals (imbauan) from a Bawaslu office to regional governments.

Each action: lock -> authorize -> validate -> save(update_fields) -> audit -> on_commit.
A Bawaslu office drafts an appeal from a rulebook template (``appeals.toml``), edits it,
and issues it as an official numbered letter (``netral.documents``, the office's series).
Each addressee's PPK office then finds it on its desk (and in its mail), acknowledges it
once and reports what it did (a circular letter to its ASN, briefings).

Who may address whom (:func:`office_may_address`): Bawaslu RI any regional government; a
provincial office the province (the governor) and every regency/city in it; a regency/city
office only its own. Jakarta's administrative cities have no regional government of their
own (their ASN answer to the governor), so they are no addressee.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import QuerySet
from django.utils import formats, timezone

from netral.accounts.models import User
from netral.accounts.permissions import covers, require
from netral.audit.services import audit_record, audited
from netral.common import blobs, clock
from netral.common.errors import ApplicationError, Conflict, NotFound
from netral.common.text import clean_name, clean_text
from netral.documents.kinds import Subject
from netral.documents.services import document_issue, office_name, office_tz
from netral.elections.models import Election, Stage
from netral.prevention import appeals_workflow as workflow
from netral.prevention.appeals_selectors import appeal_list_for, recipient_list_for
from netral.prevention.document_kinds import APPEAL_LETTER
from netral.prevention.models import APPEAL_BLOBS, Appeal, AppealFollowUp, AppealRecipient
from netral.regions.models import Region
from netral.rules.deadlines import END_OF_DAY, add_working_days, non_working_days
from netral.rules.schemas_appeals import AppealDeadline, AppealTemplate
from netral.rules.selectors import collective_leave_dates, rulebook_get

SUBJECT_MAX = 300
BODY_MAX = 20_000
LEGAL_BASIS_MAX = 5_000
NAME_MAX = 200
NUMBER_MAX = 100
NOTE_MAX = 5_000
ASN_REACHED_MAX = 10_000_000
# One appeal may go to every regional government of the country (38 + 514).
RECIPIENTS_MAX = 600
MAX_FILE_BYTES = 10 * 1024 * 1024

NOT_FOUND = "Imbauan tidak ditemukan."
TEMPLATE_UNKNOWN = "Templat imbauan '{code}' tidak dikenal."
ELECTION_UNKNOWN = "Pemilihan tidak dikenal."
ELECTION_OUTSIDE = "Pemilihan '{name}' tidak diawasi kantor Anda."
RECIPIENTS_REQUIRED = "Pilih sedikitnya satu pemerintah daerah yang dituju."
RECIPIENTS_TOO_MANY = "Satu imbauan paling banyak ditujukan kepada {max} pemerintah daerah."
REGION_UNKNOWN = "Wilayah '{code}' tidak dikenal."
REGION_OUTSIDE = (
    "{name} berada di luar wilayah kerja {office}: kantor provinsi menujukan imbauan kepada "
    "gubernur dan bupati/wali kota di provinsinya, kantor kabupaten/kota hanya kepada kepala "
    "daerahnya sendiri."
)
REGION_ADMINISTRATIVE = (
    "{name} adalah wilayah administrasi tanpa pemerintah daerah sendiri; tujukan imbauan "
    "kepada Gubernur DKI Jakarta."
)
NOT_DRAFT = "Imbauan yang sudah diterbitkan tidak dapat diubah atau diterbitkan lagi."
NOT_ISSUED = "Imbauan ini belum diterbitkan."
SUBJECT_REQUIRED = "Perihal wajib diisi."
SUBJECT_TOO_LONG = "Perihal paling panjang {max} karakter."
BODY_REQUIRED = "Isi imbauan wajib diisi."
BODY_TOO_LONG = "Isi imbauan paling panjang {max} karakter."
LEGAL_BASIS_REQUIRED = "Dasar hukum wajib diisi, satu rujukan per baris."
LEGAL_BASIS_TOO_LONG = "Dasar hukum paling panjang {max} karakter."
ALREADY_ACKNOWLEDGED = "Imbauan ini sudah dikonfirmasi oleh {name} ({position}) pada {date}."
ACK_NAME_REQUIRED = "Nama pejabat yang mengonfirmasi wajib diisi."
ACK_POSITION_REQUIRED = "Jabatan pejabat yang mengonfirmasi wajib diisi."
TEXT_TOO_LONG = "Isian paling panjang {max} karakter."
KIND_UNKNOWN = "Jenis tindak lanjut tidak dikenal (pilih: surat edaran atau sosialisasi)."
DATE_REQUIRED = "Tanggal tindak lanjut wajib diisi."
DATE_IN_FUTURE = "Tanggal tindak lanjut tidak boleh di masa depan."
DATE_BEFORE_ISSUE = "Tanggal tindak lanjut tidak boleh sebelum imbauan diterbitkan ({date})."
NUMBER_REQUIRED = "Nomor surat edaran wajib diisi."
ASN_REACHED_REQUIRED = "Jumlah ASN yang mengikuti sosialisasi wajib diisi (sedikitnya 1)."
ASN_REACHED_TOO_MANY = "Jumlah ASN paling banyak {max}."
FILE_ONLY_CIRCULAR = "Berkas hanya dilampirkan untuk surat edaran."
FILE_TOO_LARGE = "Berkas surat edaran paling besar {mb} MB."
FILE_NOT_PDF = "Berkas surat edaran harus berupa PDF."

MANY_ADDRESSEES = "Bapak/Ibu Kepala Daerah"
CLOSING = (
    "Demikian imbauan ini disampaikan. Konfirmasi penerimaan dan laporan tindak lanjutnya "
    "disampaikan melalui meja PPK di Netral."
)


class AlreadyAcknowledged(Conflict):
    """The addressee acknowledged already: nothing changed. ``recipient`` is the row as it
    stands, for a caller that answers a repeated acknowledgement as done (the API)."""

    def __init__(self, recipient: AppealRecipient) -> None:
        at = recipient.acknowledged_at
        super().__init__(
            ALREADY_ACKNOWLEDGED,
            params={
                "name": recipient.acknowledger_name,
                "position": recipient.acknowledger_position,
                "date": formats.date_format(timezone.localtime(at), "j F Y") if at else "-",
            },
        )
        self.recipient = recipient


# --- Helpers -------------------------------------------------------------------------------


def addressee_for(region: Region) -> str:
    """Whom the letter names: "Gubernur Jawa Barat", "Bupati Bogor", "Wali Kota Bekasi"."""
    if region.level == Region.Level.PROVINCE:
        return f"Gubernur {region.name}"
    if region.type == Region.Type.KOTA:
        return f"Wali Kota {region.name.removeprefix('Kota ')}"
    return f"Bupati {region.name.removeprefix('Kabupaten ')}"


def office_may_address(office: Region | None, region: Region) -> bool:
    """Whether the Bawaslu office of ``office`` (None: Bawaslu RI) may address ``region``."""
    if office is None:
        return True
    return region.code == office.code or region.parent_id == office.code


def template_get(code: str) -> AppealTemplate:
    for template in rulebook_get().appeals.templates:
        if template.code == code:
            return template
    raise ApplicationError(TEMPLATE_UNKNOWN, params={"code": code}, field="template_code")


def appeal_due(
    *, start: datetime.datetime, deadline: AppealDeadline, tz: ZoneInfo
) -> datetime.datetime:
    """When an appeal deadline that began at ``start`` ends: the end of the N-th working (or
    calendar) day after the office's local date of issue, the issue day not counted, as
    ``rules.deadlines`` counts statutory periods. No statute sets these periods
    (``appeals.toml``: ``confirmed = false``)."""
    local_day = start.astimezone(tz).date()
    if deadline.unit == "calendar_day":
        last = local_day + datetime.timedelta(days=deadline.days)
    else:
        non_working = non_working_days(
            years=range(local_day.year, local_day.year + 2),
            collective_leave=collective_leave_dates(),
        )
        last = add_working_days(local_day, deadline.days, non_working)
    return datetime.datetime.combine(last, END_OF_DAY, tzinfo=tz)


def _election_for(actor: User, election_id: int) -> Election:
    election = (
        Election.objects.select_related("cycle", "region").filter(pk=election_id).first()
        if 0 < election_id < 2**63
        else None
    )
    if election is None:
        raise ApplicationError(ELECTION_UNKNOWN, field="election_id")
    office = actor.jurisdiction
    # A national election is supervised everywhere; a regional one by the offices covering
    # its region and, for a governor election, by the regency/city offices in the province.
    supervised = (
        election.region is None
        or covers(actor, election.region)
        or (office is not None and office.parent_id == election.region_id)
    )
    if not supervised:
        raise ApplicationError(
            ELECTION_OUTSIDE, params={"name": election.name}, field="election_id"
        )
    return election


def _stage_for(election: Election, template: AppealTemplate) -> tuple[str, str]:
    """The template's stage the election is in or comes to next (its last one once past)."""
    stages = list(
        Stage.objects.filter(cycle=election.cycle, code__in=template.stages).order_by("order")
    )
    if not stages:
        code = template.stages[0]
        return code, code.replace("_", " ")
    today = clock.today()
    current = next((s for s in stages if s.end >= today), stages[-1])
    return current.code, current.name


def _regions_for(office: Region | None, codes: Iterable[str]) -> list[Region]:
    wanted = list(dict.fromkeys(str(code).strip()[:13] for code in codes if str(code).strip()))
    if not wanted:
        raise ApplicationError(RECIPIENTS_REQUIRED, field="recipient_region_codes")
    if len(wanted) > RECIPIENTS_MAX:
        raise ApplicationError(
            RECIPIENTS_TOO_MANY, params={"max": RECIPIENTS_MAX}, field="recipient_region_codes"
        )
    found = {r.code: r for r in Region.objects.filter(code__in=wanted)}
    regions = []
    for code in wanted:
        region = found.get(code)
        if region is None:
            raise ApplicationError(
                REGION_UNKNOWN, params={"code": code}, field="recipient_region_codes"
            )
        if not office_may_address(office, region):
            raise ApplicationError(
                REGION_OUTSIDE,
                params={"name": region.name, "office": office_name(office)},
                field="recipient_region_codes",
            )
        if region.is_administrative:
            raise ApplicationError(
                REGION_ADMINISTRATIVE, params={"name": region.name}, field="recipient_region_codes"
            )
        regions.append(region)
    return sorted(regions, key=lambda r: r.code)


def _fill(text: str, values: dict[str, str]) -> str:
    # Plain replacement, not str.format: an edited text may hold braces of its own.
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def _set_recipients(appeal: Appeal, regions: Sequence[Region]) -> tuple[list[str], list[str]]:
    """Make ``regions`` the appeal's addressees; returns the codes (added, removed)."""
    existing = set(appeal.recipients.values_list("region_id", flat=True))
    wanted = {r.code for r in regions}
    removed = sorted(existing - wanted)
    if removed:
        appeal.recipients.filter(region_id__in=removed).delete()
    added = [r for r in regions if r.code not in existing]
    AppealRecipient.objects.bulk_create(
        AppealRecipient(appeal=appeal, region=r, addressee=addressee_for(r)) for r in added
    )
    return [r.code for r in added], removed


def _locked_appeal(actor: User, appeal_id: int, action: str) -> Appeal:
    """Lock and authorize ``appeal_id`` for ``action`` (``appeals_workflow``): 403 without
    the right, 404 outside the actor's offices, a refusal in a state the action does not
    start from."""
    step = workflow.STEPS[action]
    require(actor, step.capability)
    appeal = (
        appeal_list_for(actor=actor).select_for_update(of=("self",)).filter(pk=appeal_id).first()
    )
    if appeal is None:
        raise NotFound(NOT_FOUND)
    require(actor, step.capability, appeal)
    if not workflow.applies(action, appeal):
        raise ApplicationError(NOT_DRAFT)
    return appeal


def _locked_recipient(actor: User, recipient_id: int, action: str) -> AppealRecipient:
    """The addressee row, locked, for the PPK office of that region only."""
    step = workflow.STEPS[action]
    require(actor, step.capability)
    recipient = (
        recipient_list_for(actor=actor)
        .select_for_update(of=("self",))
        .select_related("appeal", "region")
        .filter(pk=recipient_id)
        .first()
    )
    if recipient is None:
        raise NotFound(NOT_FOUND)
    require(actor, step.capability, recipient)
    if recipient.appeal.status != Appeal.Status.ISSUED:
        raise ApplicationError(NOT_ISSUED)
    return recipient


def _bounded(value: str, *, required: str, limit: int, too_long: str, field: str) -> str:
    if not value:
        raise ApplicationError(required, field=field)
    if len(value) > limit:
        raise ApplicationError(too_long, params={"max": limit}, field=field)
    return value


# --- Bawaslu: draft, edit, issue -----------------------------------------------------------


@audited
def appeal_draft_create(
    *, actor: User, election_id: int, template_code: str, recipient_region_codes: Sequence[str]
) -> Appeal:
    """A draft from the rulebook template ``template_code`` for the actor's office, with the
    placeholders filled ({addressee}, {election}, {office}, {stage}); edit it before issuing."""
    require(actor, "appeal.issue")
    office = actor.jurisdiction
    template = template_get(template_code)
    election = _election_for(actor, election_id)
    regions = _regions_for(office, recipient_region_codes)
    stage_code, stage_name = _stage_for(election, template)
    values = {
        "addressee": addressee_for(regions[0]) if len(regions) == 1 else MANY_ADDRESSEES,
        "election": election.name,
        "office": office_name(office),
        "stage": stage_name,
    }
    appeal = Appeal.objects.create(
        office_region=office,
        election=election,
        template_code=template.code,
        stage_code=stage_code,
        subject=_fill(template.subject, values)[:SUBJECT_MAX],
        body=_fill(template.body, values),
        legal_basis="\n".join(template.legal_basis),
        created_by=actor,
        created_at=clock.now(),
    )
    _set_recipients(appeal, regions)
    audit_record(
        actor=actor,
        action="appeal.create",
        obj=appeal,
        after={
            "template": template.code,
            "election": election.pk,
            "recipients": [r.code for r in regions],
        },
    )
    return appeal


@audited
def appeal_update(
    *,
    actor: User,
    appeal_id: int,
    subject: str,
    body: str,
    legal_basis: str,
    recipient_region_codes: Sequence[str],
) -> Appeal:
    """Edit a draft: its text, legal basis (one reference per line) and addressees."""
    appeal = _locked_appeal(actor, appeal_id, "edit")
    subject_clean = _bounded(
        clean_name(subject or ""),
        required=SUBJECT_REQUIRED,
        limit=SUBJECT_MAX,
        too_long=SUBJECT_TOO_LONG,
        field="subject",
    )
    body_clean = _bounded(
        clean_text(body or "").replace("\r\n", "\n").replace("\r", "\n").strip(),
        required=BODY_REQUIRED,
        limit=BODY_MAX,
        too_long=BODY_TOO_LONG,
        field="body",
    )
    lines = [clean_name(line) for line in (legal_basis or "").splitlines()]
    basis_clean = _bounded(
        "\n".join(line for line in lines if line),
        required=LEGAL_BASIS_REQUIRED,
        limit=LEGAL_BASIS_MAX,
        too_long=LEGAL_BASIS_TOO_LONG,
        field="legal_basis",
    )
    regions = _regions_for(appeal.office_region, recipient_region_codes)
    before = {"subject": appeal.subject}
    changed = [
        name
        for name, value in (
            ("subject", subject_clean),
            ("body", body_clean),
            ("legal_basis", basis_clean),
        )
        if getattr(appeal, name) != value
    ]
    appeal.subject, appeal.body, appeal.legal_basis = subject_clean, body_clean, basis_clean
    if changed:
        appeal.save(update_fields=changed)
    added, removed = _set_recipients(appeal, regions)
    if not changed and not added and not removed:
        return appeal  # nothing changed: nothing to record
    audit_record(
        actor=actor,
        action="appeal.update",
        obj=appeal,
        before=before,
        after={"subject": appeal.subject, "fields": changed, "added": added, "removed": removed},
    )
    return appeal


def _stage_name(appeal: Appeal) -> str:
    stage = Stage.objects.filter(cycle_id=appeal.election.cycle_id, code=appeal.stage_code).first()
    return stage.name if stage is not None else appeal.stage_code.replace("_", " ")


def _letter_lines(appeal: Appeal, recipients: list[AppealRecipient]) -> list[tuple[str, str]]:
    tz = office_tz(appeal.office_region)
    ack = appeal.acknowledge_due_at
    follow = appeal.follow_up_due_at
    names = [r.addressee for r in recipients]
    shown = "; ".join(names[:12]) + (f"; dan {len(names) - 12} lainnya" if len(names) > 12 else "")
    return [
        ("Perihal", appeal.subject),
        ("Kepada", shown),
        ("Pemilihan", appeal.election.name),
        ("Tahapan", _stage_name(appeal)),
        (
            "Konfirmasi penerimaan paling lambat",
            formats.date_format(ack.astimezone(tz), "j F Y") if ack else "-",
        ),
        (
            "Laporan tindak lanjut paling lambat",
            formats.date_format(follow.astimezone(tz), "j F Y") if follow else "-",
        ),
    ]


@audited
def appeal_issue(*, actor: User, appeal_id: int) -> Appeal:
    """Issue a draft: an official letter numbered in the office's series (rendered after the
    commit), the acknowledgement and follow-up deadlines of the rulebook in force kept on the
    appeal, and each addressee's PPK office told by e-mail after the commit."""
    appeal = _locked_appeal(actor, appeal_id, "issue")
    recipients = list(appeal.recipients.select_related("region").order_by("region_id"))
    if not recipients:
        raise ApplicationError(RECIPIENTS_REQUIRED, field="recipient_region_codes")
    rules = rulebook_get()
    now = clock.now()
    tz = office_tz(appeal.office_region)
    appeal.status, appeal.issued_by, appeal.issued_at = Appeal.Status.ISSUED, actor, now
    appeal.acknowledge_due_at = appeal_due(start=now, deadline=rules.appeals.acknowledge, tz=tz)
    appeal.follow_up_due_at = appeal_due(start=now, deadline=rules.appeals.follow_up, tz=tz)
    appeal.rulebook_version = rules.version
    basis = "Dasar hukum: " + "; ".join(appeal.legal_basis.splitlines()) + "."
    appeal.document = document_issue(
        kind=APPEAL_LETTER,
        title=appeal.subject,
        office_region=appeal.office_region,
        lines=_letter_lines(appeal, recipients),
        paragraphs=[*[p for p in appeal.body.split("\n\n") if p.strip()], basis, CLOSING],
        issued_by=actor,
        subject=Subject.of("appeal", appeal.pk),
        signatory=f"Ketua {office_name(appeal.office_region)}",
    )
    appeal.save(
        update_fields=[
            "status",
            "issued_by",
            "issued_at",
            "acknowledge_due_at",
            "follow_up_due_at",
            "rulebook_version",
            "document",
        ]
    )
    audit_record(
        actor=actor,
        action="appeal.issue",
        obj=appeal,
        before={"status": Appeal.Status.DRAFT},
        after={
            "status": appeal.status,
            "number": appeal.document.number,
            "recipients": [r.region_id for r in recipients],
            "acknowledge_due_at": appeal.acknowledge_due_at.isoformat(),
            "follow_up_due_at": appeal.follow_up_due_at.isoformat(),
            "rulebook": rules.version,
        },
    )
    appeal_id_ = appeal.pk
    transaction.on_commit(lambda: _queue_delivery(appeal_id_), robust=True)
    return appeal


def _queue_delivery(appeal_id: int) -> None:
    from netral.prevention.appeals_tasks import appeal_deliver

    appeal_deliver.enqueue(appeal_id=appeal_id)


def appeal_recipients_mark_emailed(*, recipient_ids: Iterable[int], at: datetime.datetime) -> int:
    """Record that the addressees' PPK offices were sent the appeal (the delivery task)."""
    ids = list(recipient_ids)
    rows: QuerySet[AppealRecipient] = AppealRecipient.objects.filter(
        pk__in=ids, emailed_at__isnull=True
    )
    return rows.update(emailed_at=at)


# --- The addressee's PPK office: acknowledge, follow up -------------------------------------


@audited
def appeal_acknowledge(
    *, actor: User, recipient_id: int, name: str, position: str
) -> AppealRecipient:
    """The addressee confirms receipt: who (name, position) and when. Once: a second time
    raises :class:`AlreadyAcknowledged` (409, the first confirmation named) and changes
    nothing."""
    recipient = _locked_recipient(actor, recipient_id, "acknowledge")
    if recipient.acknowledged_at is not None:
        raise AlreadyAcknowledged(recipient)
    name_clean = _bounded(
        clean_name(name or ""),
        required=ACK_NAME_REQUIRED,
        limit=NAME_MAX,
        too_long=TEXT_TOO_LONG,
        field="name",
    )
    position_clean = _bounded(
        clean_name(position or ""),
        required=ACK_POSITION_REQUIRED,
        limit=NAME_MAX,
        too_long=TEXT_TOO_LONG,
        field="position",
    )
    recipient.acknowledged_at, recipient.acknowledged_by = clock.now(), actor
    recipient.acknowledger_name, recipient.acknowledger_position = name_clean, position_clean
    recipient.save(
        update_fields=[
            "acknowledged_at",
            "acknowledged_by",
            "acknowledger_name",
            "acknowledger_position",
        ]
    )
    audit_record(
        actor=actor,
        action="appeal.acknowledge",
        obj=recipient,
        after={
            "appeal": recipient.appeal_id,
            "region": recipient.region_id,
            "name": name_clean,
            "position": position_clean,
        },
    )
    return recipient


def _checked_file(kind: str, file: bytes | None) -> bytes | None:
    if not file:
        return None
    if kind != AppealFollowUp.Kind.CIRCULAR:
        raise ApplicationError(FILE_ONLY_CIRCULAR, field="file")
    if len(file) > MAX_FILE_BYTES:
        raise ApplicationError(
            FILE_TOO_LARGE, params={"mb": MAX_FILE_BYTES // (1024 * 1024)}, field="file"
        )
    if not file.startswith(b"%PDF-"):
        raise ApplicationError(FILE_NOT_PDF, field="file")
    return file


@audited
def appeal_follow_up_record(
    *,
    actor: User,
    recipient_id: int,
    kind: str,
    date: datetime.date | None,
    number: str = "",
    asn_reached: int | None = None,
    note: str = "",
    file: bytes | None = None,
) -> AppealFollowUp:
    """What the addressee did: a circular letter to its ASN (number, date, the PDF) or a
    briefing (date, how many ASN it reached). The first one marks the addressee followed up."""
    recipient = _locked_recipient(actor, recipient_id, "follow_up")
    if kind not in AppealFollowUp.Kind.values:
        raise ApplicationError(KIND_UNKNOWN, field="kind")
    if not isinstance(date, datetime.date):
        raise ApplicationError(DATE_REQUIRED, field="date")
    tz = ZoneInfo(recipient.region.tzinfo_name)
    if date > clock.now().astimezone(tz).date():
        raise ApplicationError(DATE_IN_FUTURE, field="date")
    issued = recipient.appeal.issued_at
    if issued is not None and date < issued.astimezone(tz).date():
        raise ApplicationError(
            DATE_BEFORE_ISSUE,
            params={"date": formats.date_format(issued.astimezone(tz), "j F Y")},
            field="date",
        )
    number_clean = clean_name(number or "")
    if kind == AppealFollowUp.Kind.CIRCULAR:
        _bounded(
            number_clean,
            required=NUMBER_REQUIRED,
            limit=NUMBER_MAX,
            too_long=TEXT_TOO_LONG,
            field="number",
        )
        reached = None
    else:
        number_clean = ""
        if asn_reached is None or asn_reached < 1:
            raise ApplicationError(ASN_REACHED_REQUIRED, field="asn_reached")
        if asn_reached > ASN_REACHED_MAX:
            raise ApplicationError(
                ASN_REACHED_TOO_MANY, params={"max": ASN_REACHED_MAX}, field="asn_reached"
            )
        reached = asn_reached
    note_clean = clean_text(note or "").strip()
    if len(note_clean) > NOTE_MAX:
        raise ApplicationError(TEXT_TOO_LONG, params={"max": NOTE_MAX}, field="note")
    data = _checked_file(kind, file)
    now = clock.now()
    follow_up = AppealFollowUp(
        recipient=recipient,
        kind=kind,
        number=number_clean,
        date=date,
        asn_reached=reached,
        note=note_clean,
        recorded_by=actor,
        recorded_at=now,
    )
    if data is not None:
        # Sealed inside this transaction: the bytes are on disk before the row can commit.
        follow_up.file_sha256 = hashlib.sha256(data).hexdigest()
        follow_up.file_path = blobs.put(APPEAL_BLOBS, data, label="pdf")
    follow_up.save()
    if recipient.followed_up_at is None:
        recipient.followed_up_at = now
        recipient.save(update_fields=["followed_up_at"])
    audit_record(
        actor=actor,
        action="appeal.follow_up",
        obj=recipient,
        after={
            "appeal": recipient.appeal_id,
            "follow_up": follow_up.pk,
            "kind": kind,
            "number": number_clean,
            "date": date.isoformat(),
            "asn_reached": reached,
            "sha256": follow_up.file_sha256,
        },
    )
    return follow_up
