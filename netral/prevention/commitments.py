"""Writes for integrity pacts, coordination meetings, commitments and prevention activities.

Each service: lock -> authorize -> validate -> save -> audit entry (``audited`` appends it as
the transaction's last write). Bawaslu records everything (``prevention.record``); the PPK
office of a commitment's owner region may update that commitment's status
(``commitment.update``). A region outside the actor's jurisdiction is "not found" (404);
a role without the right is refused (403). Dates are the domain clock's (``common.clock``).

Files (scanned pacts, minutes) are PDFs sealed in the one blob store, put inside the
transaction that records their ref (``common.blobs``).
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from netral.accounts.models import Role, User
from netral.accounts.permissions import covers, require
from netral.audit.services import audit_record, audited
from netral.common import blobs, clock
from netral.common.errors import ApplicationError, NotFound
from netral.common.text import clean_name, clean_text
from netral.prevention.commitments_selectors import commitment_list_for, meeting_list_for
from netral.prevention.models import (
    MINUTES_BLOBS,
    PACT_BLOBS,
    ActivityKind,
    Commitment,
    CommitmentStatus,
    CoordinationMeeting,
    IntegrityPact,
    MeetingParticipant,
    PreventionActivity,
)
from netral.regions.models import Region

MAX_PDF_BYTES = 10 * 1024 * 1024
MAX_PARTICIPANTS = 60
MAX_PEOPLE = 100_000
MAX_REACH = 10_000_000
NAME_MAX = 200
PLACE_MAX = 300
TEXT_MAX = 5_000

REGION_NOT_FOUND = "Wilayah tidak ditemukan di wilayah kerja Anda."
REQUIRED = "{label} wajib diisi."
TOO_LONG = "{label} paling panjang {max} karakter."
DATE_IN_FUTURE = "Tanggal tidak boleh di masa depan."
FILE_TOO_LARGE = "Berkas paling besar 10 MB."
FILE_NOT_PDF = "Berkas harus berupa PDF."
PARTICIPANTS_REQUIRED = "Sebutkan paling sedikit satu instansi peserta."
PARTICIPANTS_TOO_MANY = "Paling banyak {max} instansi peserta."
PARTICIPANT_DUPLICATE = "Instansi '{name}' disebut lebih dari sekali."
PEOPLE_OUT_OF_RANGE = "Jumlah peserta tiap instansi antara 1 dan {max}."
OWNER_OUTSIDE = "Pemerintah daerah penanggung jawab harus berada di wilayah kantor penyelenggara."
DUE_BEFORE_MEETING = "Tenggat tidak boleh sebelum tanggal rapat."
STATUS_UNKNOWN = "Status tindak lanjut tidak dikenal."
NOTE_REQUIRED = "Catatan wajib diisi bila komitmen tidak terlaksana."
KIND_UNKNOWN = "Jenis kegiatan tidak dikenal."
REACH_OUT_OF_RANGE = "Jumlah orang yang dijangkau antara 0 dan {max}."


@dataclass(frozen=True)
class RegionScope:
    """Something lying in ``jurisdiction_region`` (for ``require`` before a row exists)."""

    jurisdiction_region: Region | None


def _region_in_reach(actor: User, code: str | None) -> Region | None:
    """The region ``code`` names ("" or None: national) if the actor covers it; NotFound
    otherwise, alike for an unknown code and one outside the jurisdiction."""
    code = (code or "").strip()[:13]
    region = Region.objects.filter(code=code).first() if code else None
    if (code and region is None) or not covers(actor, region):
        raise NotFound(REGION_NOT_FOUND, field="region")
    return region


def _line(value: str, *, label: str, field: str, limit: int = NAME_MAX) -> str:
    text = clean_name(value or "")
    if not text:
        raise ApplicationError(REQUIRED, params={"label": label}, field=field)
    if len(text) > limit:
        raise ApplicationError(TOO_LONG, params={"label": label, "max": limit}, field=field)
    return text


def _free_text(value: str, *, label: str, field: str, required: bool = False) -> str:
    text = clean_text(value or "").strip()
    if required and not text:
        raise ApplicationError(REQUIRED, params={"label": label}, field=field)
    if len(text) > TEXT_MAX:
        raise ApplicationError(TOO_LONG, params={"label": label, "max": TEXT_MAX}, field=field)
    return text


def _past(day: datetime.date | None, *, label: str, field: str) -> datetime.date:
    if day is None:
        raise ApplicationError(REQUIRED, params={"label": label}, field=field)
    if day > clock.today():
        raise ApplicationError(DATE_IN_FUTURE, field=field)
    return day


def _pdf(data: bytes | None, *, field: str) -> bytes | None:
    if not data:
        return None
    if len(data) > MAX_PDF_BYTES:
        raise ApplicationError(FILE_TOO_LARGE, field=field)
    if not data.startswith(b"%PDF-"):
        raise ApplicationError(FILE_NOT_PDF, field=field)
    return data


# --- Integrity pacts -------------------------------------------------------------------


@audited
def pact_record(
    *,
    actor: User,
    region: str,
    signatory_name: str,
    signatory_position: str,
    signed_on: datetime.date | None,
    occasion: str,
    file: bytes | None = None,
) -> IntegrityPact:
    """Record a neutrality integrity pact the PPK of ``region``'s government signed."""
    require(actor, "prevention.record")
    region_obj = _region_in_reach(actor, region)
    if region_obj is None:
        raise NotFound(REGION_NOT_FOUND, field="region")  # a pact is a regional government's
    require(actor, "prevention.record", RegionScope(region_obj))
    pact = IntegrityPact(
        region=region_obj,
        signatory_name=_line(signatory_name, label="Nama", field="signatory_name"),
        signatory_position=_line(signatory_position, label="Jabatan", field="signatory_position"),
        signed_on=_past(signed_on, label="Tanggal", field="signed_on"),
        occasion=_line(occasion, label="Kegiatan", field="occasion", limit=PLACE_MAX),
        recorded_by=actor,
        recorded_at=clock.now(),
    )
    pdf = _pdf(file, field="file")
    if pdf is not None:
        pact.file_sha256 = hashlib.sha256(pdf).hexdigest()
        pact.file_path = blobs.put(PACT_BLOBS, pdf, label="pdf")
    pact.save()
    audit_record(
        actor=actor,
        action="prevention.pact_record",
        obj=pact,
        after={
            "region": region_obj.code,
            "signed_on": pact.signed_on.isoformat(),
            "signatory_position": pact.signatory_position,
            "file_sha256": pact.file_sha256,
        },
    )
    return pact


# --- Coordination meetings and commitments ---------------------------------------------


def participants_clean(participants: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """The institutions present and how many people each sent, checked."""
    if not participants:
        raise ApplicationError(PARTICIPANTS_REQUIRED, field="participants")
    if len(participants) > MAX_PARTICIPANTS:
        raise ApplicationError(
            PARTICIPANTS_TOO_MANY, params={"max": MAX_PARTICIPANTS}, field="participants"
        )
    seen: set[str] = set()
    cleaned = []
    for institution, people in participants:
        name = _line(institution, label="Instansi", field="participants")
        if name.casefold() in seen:
            raise ApplicationError(
                PARTICIPANT_DUPLICATE, params={"name": name}, field="participants"
            )
        seen.add(name.casefold())
        if not isinstance(people, int) or not 1 <= people <= MAX_PEOPLE:
            raise ApplicationError(
                PEOPLE_OUT_OF_RANGE, params={"max": MAX_PEOPLE}, field="participants"
            )
        cleaned.append((name, people))
    return cleaned


@audited
def meeting_record(
    *,
    actor: User,
    office_region: str | None,
    title: str,
    held_on: datetime.date | None,
    place: str,
    participants: Sequence[tuple[str, int]],
    summary: str = "",
    minutes: bytes | None = None,
) -> CoordinationMeeting:
    """Record a coordination meeting of the Bawaslu office of ``office_region`` ("": RI),
    its participants and minutes; it also counts as a prevention activity (reach: the
    people present)."""
    require(actor, "prevention.record")
    region = _region_in_reach(actor, office_region)
    require(actor, "prevention.record", RegionScope(region))
    now = clock.now()
    meeting = CoordinationMeeting(
        office_region=region,
        title=_line(title, label="Judul", field="title", limit=PLACE_MAX),
        held_on=_past(held_on, label="Tanggal", field="held_on"),
        place=_line(place, label="Tempat", field="place", limit=PLACE_MAX),
        summary=_free_text(summary, label="Ringkasan", field="summary"),
        recorded_by=actor,
        recorded_at=now,
    )
    present = participants_clean(participants)
    pdf = _pdf(minutes, field="minutes")
    if pdf is not None:
        meeting.minutes_sha256 = hashlib.sha256(pdf).hexdigest()
        meeting.minutes_path = blobs.put(MINUTES_BLOBS, pdf, label="pdf")
    meeting.save()
    MeetingParticipant.objects.bulk_create(
        MeetingParticipant(meeting=meeting, institution=name, people=people)
        for name, people in present
    )
    PreventionActivity.objects.create(
        office_region=region,
        kind=ActivityKind.COORDINATION,
        held_on=meeting.held_on,
        place=meeting.place,
        audience=", ".join(name for name, _ in present)[:PLACE_MAX],
        reach=sum(people for _, people in present),
        description=meeting.title,
        meeting=meeting,
        recorded_by=actor,
        recorded_at=now,
    )
    audit_record(
        actor=actor,
        action="prevention.meeting_record",
        obj=meeting,
        after={
            "office_region": region.code if region else None,
            "held_on": meeting.held_on.isoformat(),
            "participants": [list(item) for item in present],
            "minutes_sha256": meeting.minutes_sha256,
        },
    )
    return meeting


def _meeting_for_update(actor: User, meeting_id: int) -> CoordinationMeeting:
    meeting = (
        meeting_list_for(actor=actor)
        .select_for_update(of=("self",))
        .select_related("office_region")
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        raise NotFound("Rapat koordinasi tidak ditemukan.")
    return meeting


def _within_office(office: Region | None, region: Region) -> bool:
    """Whether ``region`` lies in the area of the Bawaslu office of ``office``."""
    if office is None:
        return True
    return region.code == office.code or region.parent_id == office.code


@audited
def commitment_add(
    *,
    actor: User,
    meeting_id: int,
    text: str,
    owner_institution: str,
    owner_region: str | None,
    due_on: datetime.date | None,
) -> Commitment:
    """Add a commitment made at a meeting: what, who answers for it (an institution, and
    the regional government whose PPK office follows it up, if any), and by when."""
    meeting = _meeting_for_update(actor, meeting_id)
    require(actor, "prevention.record", meeting)
    owner = None
    code = (owner_region or "").strip()[:13]
    if code:
        owner = Region.objects.filter(code=code).first()
        if owner is None or not _within_office(meeting.office_region, owner):
            raise ApplicationError(OWNER_OUTSIDE, field="owner_region")
    if due_on is None:
        raise ApplicationError(REQUIRED, params={"label": "Tenggat"}, field="due_on")
    if due_on < meeting.held_on:
        raise ApplicationError(DUE_BEFORE_MEETING, field="due_on")
    commitment = Commitment.objects.create(
        meeting=meeting,
        text=_free_text(text, label="Isi komitmen", field="text", required=True),
        owner_institution=_line(
            owner_institution, label="Penanggung jawab", field="owner_institution"
        ),
        owner_region=owner,
        due_on=due_on,
        created_at=clock.now(),
    )
    audit_record(
        actor=actor,
        action="prevention.commitment_add",
        obj=commitment,
        after={
            "meeting": meeting.pk,
            "owner_institution": commitment.owner_institution,
            "owner_region": owner.code if owner else None,
            "due_on": due_on.isoformat(),
        },
    )
    return commitment


@audited
def commitment_status_update(
    *, actor: User, commitment_id: int, status: str, note: str = ""
) -> Commitment:
    """Record where a commitment stands (open, in progress, done, not done) with a note.

    Bawaslu may update the commitments of meetings in its jurisdiction; a PPK office those
    its regional government owns. Saving what is already recorded changes nothing."""
    commitment = (
        commitment_list_for(actor=actor)
        .select_for_update(of=("self",))
        .select_related("meeting__office_region", "owner_region")
        .filter(pk=commitment_id)
        .first()
    )
    if commitment is None:
        raise NotFound("Komitmen tidak ditemukan.")
    # The PPK office answers for its own region's commitments; Bawaslu for its meetings'.
    scope = RegionScope(commitment.owner_region) if actor.role == Role.PPK_OFFICE else commitment
    require(actor, "commitment.update", scope)
    if status not in CommitmentStatus.values:
        raise ApplicationError(STATUS_UNKNOWN, field="status")
    note_clean = _free_text(note, label="Catatan", field="note")
    if status == CommitmentStatus.NOT_DONE and not note_clean:
        raise ApplicationError(NOTE_REQUIRED, field="note")
    if status == commitment.status and note_clean == commitment.status_note:
        return commitment
    before = {"status": commitment.status, "note": commitment.status_note}
    commitment.status, commitment.status_note = status, note_clean
    commitment.status_at, commitment.status_by = clock.now(), actor
    commitment.save(update_fields=["status", "status_note", "status_at", "status_by"])
    audit_record(
        actor=actor,
        action="prevention.commitment_status",
        obj=commitment,
        before=before,
        after={"status": status, "note": note_clean},
    )
    return commitment


# --- Prevention activities -------------------------------------------------------------


@audited
def activity_record(
    *,
    actor: User,
    office_region: str | None,
    kind: str,
    held_on: datetime.date | None,
    place: str,
    audience: str,
    reach: int | None,
    description: str = "",
) -> PreventionActivity:
    """Log a socialisation event, a patrol (field or social media) or a coordination meeting
    of the Bawaslu office of ``office_region`` ("": RI)."""
    require(actor, "prevention.record")
    region = _region_in_reach(actor, office_region)
    require(actor, "prevention.record", RegionScope(region))
    if kind not in ActivityKind.values:
        raise ApplicationError(KIND_UNKNOWN, field="kind")
    if not isinstance(reach, int) or not 0 <= reach <= MAX_REACH:
        raise ApplicationError(REACH_OUT_OF_RANGE, params={"max": MAX_REACH}, field="reach")
    activity = PreventionActivity.objects.create(
        office_region=region,
        kind=kind,
        held_on=_past(held_on, label="Tanggal", field="held_on"),
        place=_line(place, label="Tempat", field="place", limit=PLACE_MAX),
        audience=_line(audience, label="Sasaran", field="audience", limit=PLACE_MAX),
        reach=reach,
        description=_free_text(description, label="Uraian", field="description"),
        recorded_by=actor,
        recorded_at=clock.now(),
    )
    audit_record(
        actor=actor,
        action="prevention.activity_record",
        obj=activity,
        after={
            "office_region": region.code if region else None,
            "kind": kind,
            "held_on": activity.held_on.isoformat(),
            "reach": reach,
        },
    )
    return activity
