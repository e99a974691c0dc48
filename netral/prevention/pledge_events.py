"""Writes for collective pledge events (ikrar bersama): recorded by the PPK office of the
regional government that held the event, or by Bawaslu in its jurisdiction; audited.

The optional photo goes through the report evidence pipeline (``reports.evidence``): typed
from its content, limits checked, a copy made without metadata (EXIF/GPS) before anything is
locked; the original is sealed as received with its SHA-256 (``common.blobs``), the clean
copy beside it. Nothing is stored when the photo is refused.

Who may record where: ``pledge_event.record`` (``accounts.permissions``) for the role, and
the region must be one ``pledge_event_regions`` offers: a PPK office only its own regional
government (a provincial one does not hold the events of the regencies below it, as with
the follow-up desk), Bawaslu any region it covers.
"""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from netral.accounts.models import User
from netral.accounts.permissions import NOT_ALLOWED, has_capability, require
from netral.audit.services import audit_deferred, audit_record, audited
from netral.common import blobs, clock
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.common.text import clean_name
from netral.elections.models import Election
from netral.prevention.models import PLEDGE_EVENT_BLOBS, PledgeEvent
from netral.prevention.pledge_events_selectors import (
    EVENT_NOT_FOUND,
    pledge_event_regions,
    pledge_events_visible,
)
from netral.reports.evidence import (
    EMPTY_FILE,
    IMAGE_KINDS,
    EvidenceKind,
    EvidenceRejected,
    PreparedFile,
    check_count_and_total,
    display_name,
    evidence_prepare,
    sealed_copy_read,
    sniff,
)
from netral.reports.subjects import AgencyType

AGENCY_MAX = 200
PLACE_MAX = 200
# The largest civil service employers have a few hundred thousand ASN; a typo beyond that
# would swamp every aggregate.
ASN_COUNT_MAX = 500_000
# Events before the 2024 cycle are not recorded here.
EARLIEST = datetime.date(2023, 1, 1)

REGION_NOT_ALLOWED = "Wilayah tidak dikenal atau di luar wewenang Anda."
ELECTION_UNKNOWN = "Pemilihan tidak dikenal."
AGENCY_REQUIRED = "Instansi wajib diisi."
AGENCY_TOO_LONG = "Nama instansi paling panjang {max} karakter."
AGENCY_TYPE_INVALID = "Pilih jenis instansi."
PLACE_REQUIRED = "Tempat wajib diisi."
PLACE_TOO_LONG = "Tempat paling panjang {max} karakter."
ASN_COUNT_INVALID = "Jumlah ASN harus antara 1 dan {max}."
DATE_IN_FUTURE = "Tanggal ikrar bersama tidak boleh di masa depan."
DATE_TOO_EARLY = "Tanggal ikrar bersama paling awal {date}."
NOT_A_PHOTO = "Bukti ikrar bersama harus berupa foto (JPEG, PNG, WebP, GIF atau HEIC): {name}."
NO_PHOTO = "Ikrar bersama ini tidak memiliki foto."
PHOTO_ALTERED = "Foto tidak cocok dengan sidik jarinya; hubungi administrator."


def _clean_one_line(value: str, *, field: str, required: str, too_long: str, limit: int) -> str:
    cleaned = clean_name(value or "")
    if not cleaned:
        raise ApplicationError(required, field=field)
    if len(cleaned) > limit:
        raise ApplicationError(too_long, params={"max": limit}, field=field)
    return cleaned


def _photo_prepare(photo: UploadedFile | None) -> PreparedFile | None:
    """The photo checked and cleaned by the evidence pipeline; anything but an image is
    refused from its content before any cleaning is spent on it."""
    if photo is None:
        return None
    check_count_and_total([photo.size or 0])
    head = photo.read(64)
    photo.seek(0)
    try:
        kind: EvidenceKind | None = sniff(head, photo.name or "foto")
    except EvidenceRejected as refused:
        if refused.template == EMPTY_FILE:
            raise
        kind = None  # a program, an Office file, anything unknown: not a photo either way
    if kind not in IMAGE_KINDS:
        raise ApplicationError(
            NOT_A_PHOTO, params={"name": display_name(photo.name or "foto")}, field="photo"
        )
    prepared = evidence_prepare(files=[photo])[0]
    if prepared.kind not in IMAGE_KINDS:  # the whole file says otherwise than its head
        raise ApplicationError(
            NOT_A_PHOTO, params={"name": display_name(prepared.name)}, field="photo"
        )
    return prepared


def pledge_event_record(
    *,
    actor: User,
    region: str,
    election: int | str,
    held_on: datetime.date,
    agency: str,
    agency_type: str,
    asn_count: int,
    place: str,
    photo: UploadedFile | None = None,
) -> PledgeEvent:
    """Record one collective pledge event. ``ApplicationError`` names the field at fault;
    a region outside what ``pledge_event_regions`` offers is ``NotFound``, like an unknown
    one; a role without ``pledge_event.record`` is ``PermissionDenied``."""
    if not has_capability(actor, "pledge_event.record"):
        raise PermissionDenied(NOT_ALLOWED)
    # The photo is read and cleaned before any lock (a slow file holds nothing).
    prepared = _photo_prepare(photo)
    with blobs.deleted_on_failure() as written, transaction.atomic(), audit_deferred():
        return _record(
            actor=actor,
            region=region,
            election=election,
            held_on=held_on,
            agency=agency,
            agency_type=agency_type,
            asn_count=asn_count,
            place=place,
            photo=prepared,
            written=written,
        )


def _record(
    *,
    actor: User,
    region: str,
    election: int | str,
    held_on: datetime.date,
    agency: str,
    agency_type: str,
    asn_count: int,
    place: str,
    photo: PreparedFile | None,
    written: list[str],
) -> PledgeEvent:
    region_obj = pledge_event_regions(actor=actor).filter(code=(region or "").strip()[:13]).first()
    if region_obj is None:
        raise NotFound(REGION_NOT_ALLOWED, field="region")
    try:
        election_id = int(election)
    except (TypeError, ValueError):
        election_id = 0
    election_obj = (
        Election.objects.filter(pk=election_id).first() if 0 < election_id < 2**63 else None
    )
    if election_obj is None:
        raise ApplicationError(ELECTION_UNKNOWN, field="election")
    agency_clean = _clean_one_line(
        agency, field="agency", required=AGENCY_REQUIRED, too_long=AGENCY_TOO_LONG, limit=AGENCY_MAX
    )
    if agency_type not in AgencyType.values:
        raise ApplicationError(AGENCY_TYPE_INVALID, field="agency_type")
    place_clean = _clean_one_line(
        place, field="place", required=PLACE_REQUIRED, too_long=PLACE_TOO_LONG, limit=PLACE_MAX
    )
    if not isinstance(asn_count, int) or not 1 <= asn_count <= ASN_COUNT_MAX:
        raise ApplicationError(ASN_COUNT_INVALID, params={"max": ASN_COUNT_MAX}, field="asn_count")
    if held_on > clock.today():
        raise ApplicationError(DATE_IN_FUTURE, field="held_on")
    if held_on < EARLIEST:
        raise ApplicationError(
            DATE_TOO_EARLY, params={"date": EARLIEST.isoformat()}, field="held_on"
        )
    event = PledgeEvent(
        election=election_obj,
        region=region_obj,
        held_on=held_on,
        agency=agency_clean,
        agency_type=agency_type,
        asn_count=asn_count,
        place=place_clean,
        recorded_by=actor,
        recorded_at=clock.now(),
    )
    require(actor, "pledge_event.record", event)
    if photo is not None:
        folder = region_obj.code.replace(".", "-")
        event.photo_path = blobs.put(PLEDGE_EVENT_BLOBS, photo.data, folder=folder, label="orig")
        written.append(event.photo_path)
        event.photo_kind = photo.kind.value
        event.photo_size = len(photo.data)
        event.photo_sha256 = photo.sha256
        if photo.clean is not None:
            event.photo_clean_path = blobs.put(
                PLEDGE_EVENT_BLOBS, photo.clean.data, folder=folder, label="clean"
            )
            written.append(event.photo_clean_path)
            event.photo_clean_content_type = photo.clean.content_type
    event.save()
    audit_record(
        actor=actor,
        action="prevention.pledge_event_record",
        obj=event,
        after={
            "region": region_obj.code,
            "election": election_obj.pk,
            "held_on": held_on,
            "agency_type": agency_type,
            "asn_count": asn_count,
            "photo_sha256": event.photo_sha256,
        },
    )
    return event


@audited
def pledge_event_photo_open(
    *, actor: User, event_id: int, original: bool = False
) -> tuple[bytes, str, str]:
    """Decrypt one event's photo: ``(data, content_type, download_name)``; audited.

    The copy without metadata for whoever may see the event; the original (with its EXIF)
    needs ``evidence.open_original`` and must still hash to the SHA-256 taken at upload."""
    event = pledge_events_visible(actor=actor).filter(pk=event_id).first()
    if event is None:
        raise NotFound(EVENT_NOT_FOUND)
    if original:
        require(actor, "evidence.open_original", event)
    if not event.photo_path:
        raise NotFound(NO_PHOTO)
    data, content_type, extension = sealed_copy_read(
        lambda path: blobs.get(PLEDGE_EVENT_BLOBS, path),
        kind=EvidenceKind(event.photo_kind),
        path=event.photo_path,
        sha256=event.photo_sha256,
        clean_path=event.photo_clean_path,
        clean_content_type=event.photo_clean_content_type,
        original=original,
        altered=PHOTO_ALTERED,
        clean_fallback="image/jpeg",
    )
    audit_record(
        actor=actor,
        action="prevention.pledge_event_photo_open",
        obj=event,
        after={"sha256": event.photo_sha256, "original": original},
    )
    suffix = "-asli" if original else ""
    return data, content_type, f"ikrar-bersama-{event.pk}{suffix}{extension}"
