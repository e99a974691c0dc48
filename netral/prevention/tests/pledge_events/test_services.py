"""Recording collective pledge events (issue #11 item 3): who may record where, the photo
through the evidence pipeline (metadata stripped, original sealed), audited, nothing kept
when refused."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from netral.audit.models import AuditEntry
from netral.common import blobs
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.elections.models import Election
from netral.prevention.models import PLEDGE_EVENT_BLOBS, PledgeEvent
from netral.prevention.pledge_events import pledge_event_photo_open, pledge_event_record
from netral.prevention.pledge_events_selectors import pledge_event_list
from netral.prevention.tests.pledge_events.conftest import jpeg_with_gps

pytestmark = pytest.mark.django_db


def record(actor: Any, election_: Election, **over: Any) -> PledgeEvent:
    values: dict[str, Any] = {
        "region": "32.75",
        "election": election_.pk,
        "held_on": datetime.date(2024, 9, 20),
        "agency": "Pemerintah Kota Bekasi",
        "agency_type": "regency",
        "asn_count": 1250,
        "place": "Plaza Pemkot Bekasi",
    }
    values.update(over)
    return pledge_event_record(actor=actor, **values)


def test_ppk_office_records_its_own_event_audited(make_user: Any, election: Election) -> None:
    ppk = make_user("ppk", "32.75")
    event = record(ppk, election, agency="  Pemerintah   Kota Bekasi ")
    assert (event.region_id, event.asn_count, event.agency) == (
        "32.75",
        1250,
        "Pemerintah Kota Bekasi",
    )
    entry = AuditEntry.objects.get(action="prevention.pledge_event_record")
    assert entry.object_id == str(event.pk) and entry.actor_id == ppk.pk
    assert entry.after is not None and entry.after["asn_count"] == 1250


def test_photo_is_sealed_and_its_copy_has_no_metadata(
    make_user: Any, election: Election, media: Path
) -> None:
    ppk = make_user("ppk", "32.75")
    original = jpeg_with_gps()
    assert b"KameraRahasia" in original
    event = record(ppk, election, photo=SimpleUploadedFile("ikrar.jpg", original))
    assert event.photo_kind == "jpeg" and event.photo_size == len(original)
    # Sealed at rest: neither the original nor the copy lie on disk in the clear.
    assert (media / event.photo_path).read_bytes() != original
    assert b"KameraRahasia" not in (media / event.photo_path).read_bytes()
    assert blobs.get(PLEDGE_EVENT_BLOBS, event.photo_path) == original
    data, content_type, name = pledge_event_photo_open(actor=ppk, event_id=event.pk)
    assert content_type == "image/jpeg" and name.endswith(".jpg")
    assert b"KameraRahasia" not in data
    assert not Image.open(io.BytesIO(data)).getexif()
    assert AuditEntry.objects.filter(action="prevention.pledge_event_photo_open").count() == 1
    # The original (with its EXIF) only for leadership.
    with pytest.raises(PermissionDenied):
        pledge_event_photo_open(actor=ppk, event_id=event.pk, original=True)
    leader = make_user("bawaslu_leader", "32")
    data, _type, _name = pledge_event_photo_open(actor=leader, event_id=event.pk, original=True)
    assert data == original


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_kept(
    make_user: Any, election: Election, media: Path
) -> None:
    ppk = make_user("ppk", "32.75")
    pdf = SimpleUploadedFile("notulen.pdf", b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(ApplicationError) as refused:
        record(ppk, election, photo=pdf)
    assert refused.value.field == "photo" or "foto" in refused.value.message.lower()
    broken = SimpleUploadedFile("rusak.jpg", b"\xff\xd8\xff\xe0garbage")
    with pytest.raises(ApplicationError):
        record(ppk, election, photo=broken)
    assert PledgeEvent.objects.count() == 0
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_a_failed_save_leaves_no_blob(make_user: Any, election: Election, media: Path) -> None:
    ppk = make_user("ppk", "32.75")
    photo = SimpleUploadedFile("ikrar.jpg", jpeg_with_gps())
    with pytest.raises(ApplicationError):
        record(ppk, election, photo=photo, held_on=datetime.date(2099, 1, 1))
    assert not [p for p in media.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("agency", "   "),
        ("agency", "x" * 201),
        ("place", ""),
        ("agency_type", "martian"),
        ("asn_count", 0),
        ("asn_count", 10_000_000),
        ("held_on", datetime.date(2099, 1, 1)),
        ("held_on", datetime.date(1990, 1, 1)),
        ("election", "abc"),
        ("election", 2**70),
    ],
)
def test_bad_values_name_their_field(
    make_user: Any, election: Election, field: str, value: Any
) -> None:
    with pytest.raises(ApplicationError) as refused:
        record(make_user("ppk", "32.75"), election, **{field: value})
    assert refused.value.field == field
    assert PledgeEvent.objects.count() == 0


def test_scope_of_who_records_where(make_user: Any, election: Election) -> None:
    # A PPK office: only its own regional government, not a neighbour, not the one above.
    with pytest.raises(NotFound):
        record(make_user("ppk", "32.75"), election, region="32.01")
    with pytest.raises(NotFound):
        record(make_user("ppk", "32"), election, region="32.75")
    record(make_user("ppk", "32"), election, region="32", agency_type="province")
    # Bawaslu: anywhere it covers.
    record(make_user("bawaslu_staff", "32"), election, region="32.01")
    with pytest.raises(NotFound):
        record(make_user("bawaslu_staff", "32"), election, region="33.03")
    # Other roles: not at all.
    for role, region in (("bkn", None), ("kpu", "32.75"), ("gakkumdu", "32.75")):
        with pytest.raises(PermissionDenied):
            record(make_user(role, region), election)
    assert PledgeEvent.objects.count() == 2


def test_lists_are_scoped(make_user: Any, election: Election) -> None:
    national = make_user("bawaslu_staff")
    bekasi = record(national, election)
    bogor = record(national, election, region="32.01")
    other = record(national, election, region="33.03")
    ids = lambda actor: {e.pk for e in pledge_event_list(actor=actor)}  # noqa: E731
    assert ids(make_user("ppk", "32.75")) == {bekasi.pk}
    assert ids(make_user("ppk", "32")) == set()
    assert ids(make_user("bawaslu_staff", "32")) == {bekasi.pk, bogor.pk}
    assert ids(make_user("bkn", None)) == {bekasi.pk, bogor.pk, other.pk}
    assert ids(make_user("kpu", "32.75")) == set()
    with pytest.raises(NotFound):
        pledge_event_photo_open(actor=make_user("ppk", "32.01"), event_id=bekasi.pk)
