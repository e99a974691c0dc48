"""Services for integrity pacts, coordination meetings, commitments and activities: the happy
path, each rule, the wrong region (404), the wrong role (403) and the audit entry."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.common import blobs
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.prevention import commitments as services
from netral.prevention.models import (
    MINUTES_BLOBS,
    PACT_BLOBS,
    ActivityKind,
    CommitmentStatus,
    IntegrityPact,
    PreventionActivity,
)
from netral.prevention.tests.commitments.factories import PDF, commitment, meeting

pytestmark = pytest.mark.usefixtures("regions")
MakeUser = Callable[..., User]


def _entries(action: str, obj: Any) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action, object_id=str(obj.pk)).order_by("seq"))


def _pact(actor: User, **fields: Any) -> IntegrityPact:
    values: dict[str, Any] = {
        "region": "32.75",
        "signatory_name": "Tri Wibowo",
        "signatory_position": "Wali Kota Bekasi",
        "signed_on": datetime.date(2022, 9, 27),
        "occasion": "Penandatanganan pakta integritas netralitas ASN (Bawaslu RI)",
    }
    values.update(fields)
    return services.pact_record(actor=actor, **values)


# --- Integrity pacts -------------------------------------------------------------------


def test_pact_record_keeps_the_scan_sealed_and_audits(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32")
    pact = _pact(staff, file=b"%PDF-1.7 pakta")
    assert pact.region_id == "32.75" and pact.signatory_position == "Wali Kota Bekasi"
    assert blobs.get(PACT_BLOBS, pact.file_path) == b"%PDF-1.7 pakta"
    assert b"pakta" not in blobs.read_sealed(pact.file_path)
    [entry] = _entries("prevention.pact_record", pact)
    assert entry.actor_id == staff.pk and (entry.after or {})["region"] == "32.75"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"signed_on": datetime.date(2099, 1, 1)}, "signed_on"),
        ({"signed_on": None}, "signed_on"),
        ({"signatory_name": "  \u200b "}, "signatory_name"),
        ({"signatory_position": "x" * 201}, "signatory_position"),
        ({"occasion": ""}, "occasion"),
        ({"file": b"GIF89a"}, "file"),
        ({"file": b"%PDF-" + b"0" * (10 * 1024 * 1024)}, "file"),
    ],
)
def test_pact_record_rules(make_user: MakeUser, fields: dict[str, Any], field: str) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(ApplicationError) as refused:
        _pact(staff, **fields)
    assert refused.value.field == field
    assert not IntegrityPact.objects.exists()


def test_pact_record_outside_the_jurisdiction_is_not_found(make_user: MakeUser) -> None:
    bekasi = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(NotFound):
        _pact(bekasi, region="32.73")  # Kota Bandung
    with pytest.raises(NotFound):
        _pact(make_user(Role.BAWASLU_STAFF, None), region="")  # a pact needs a region
    with pytest.raises(NotFound):
        _pact(bekasi, region="99.99")


@pytest.mark.parametrize("role", [Role.PPK_OFFICE, Role.BKN_OFFICER, Role.ADMIN, Role.KPU])
def test_pact_record_wrong_role(make_user: MakeUser, role: str) -> None:
    with pytest.raises(PermissionDenied):
        _pact(make_user(role, "32.75"))


# --- Coordination meetings -------------------------------------------------------------


def test_meeting_record_counts_as_a_coordination_activity(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    held = meeting(staff, minutes=PDF, summary="Komitmen menjaga netralitas ASN.")
    assert [(p.institution, p.people) for p in held.participants.all()] == [
        ("Pemerintah Kota Bekasi", 12),
        ("Bawaslu Kota Bekasi", 5),
    ]
    assert blobs.get(MINUTES_BLOBS, held.minutes_path) == PDF
    activity = PreventionActivity.objects.get(meeting=held)
    assert activity.kind == ActivityKind.COORDINATION and activity.reach == 17
    assert activity.office_region_id == "32.75" and activity.held_on == held.held_on
    [entry] = _entries("prevention.meeting_record", held)
    assert (entry.after or {})["participants"] == [
        ["Pemerintah Kota Bekasi", 12],
        ["Bawaslu Kota Bekasi", 5],
    ]


def test_bawaslu_ri_holds_national_meetings(make_user: MakeUser) -> None:
    held = meeting(make_user(Role.BAWASLU_LEADER, None), office="")
    assert held.office_region is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"participants": []}, "participants"),
        ({"participants": [("Pemkot", 3), ("pemkot", 2)]}, "participants"),
        ({"participants": [("Pemkot", 0)]}, "participants"),
        ({"participants": [("Pemkot", 100_001)]}, "participants"),
        ({"participants": [(f"Instansi {i}", 1) for i in range(61)]}, "participants"),
        ({"held_on": datetime.date(2099, 1, 1)}, "held_on"),
        ({"place": ""}, "place"),
        ({"title": ""}, "title"),
        ({"minutes": b"<html>"}, "minutes"),
    ],
)
def test_meeting_record_rules(make_user: MakeUser, fields: dict[str, Any], field: str) -> None:
    with pytest.raises(ApplicationError) as refused:
        meeting(make_user(Role.BAWASLU_STAFF, "32.75"), **fields)
    assert refused.value.field == field
    assert not PreventionActivity.objects.exists()


def test_meeting_record_wrong_region_and_role(make_user: MakeUser) -> None:
    with pytest.raises(NotFound):
        meeting(make_user(Role.BAWASLU_STAFF, "32.75"), office="32")  # the province's office
    with pytest.raises(NotFound):
        meeting(make_user(Role.BAWASLU_STAFF, "32"), office="")  # Bawaslu RI's
    with pytest.raises(PermissionDenied):
        meeting(make_user(Role.BKN_OFFICER, "32.75"))


# --- Commitments -----------------------------------------------------------------------


def test_commitment_add_with_owner_and_due_date(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32")
    held = meeting(staff, office="32")
    made = commitment(staff, held, owner="32.75")
    assert made.owner_region_id == "32.75" and made.status == CommitmentStatus.OPEN
    [entry] = _entries("prevention.commitment_add", made)
    assert entry.after == {
        "meeting": held.pk,
        "owner_institution": "Pemerintah Kota Bekasi",
        "owner_region": "32.75",
        "due_on": "2024-10-01",
    }
    other = commitment(staff, held, owner="", owner_institution="Polres Metro Bekasi Kota")
    assert other.owner_region is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"owner": "33.74"}, "owner_region"),  # Kota Semarang: not Kota Bekasi's office area
        ({"owner": "32"}, "owner_region"),  # the province is above a city's office
        ({"due_on": datetime.date(2024, 9, 1)}, "due_on"),  # before the meeting
        ({"due_on": None}, "due_on"),
        ({"text": " "}, "text"),
        ({"owner_institution": ""}, "owner_institution"),
    ],
)
def test_commitment_add_rules(make_user: MakeUser, fields: dict[str, Any], field: str) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    held = meeting(staff)
    with pytest.raises(ApplicationError) as refused:
        commitment(staff, held, **fields)
    assert refused.value.field == field


def test_commitment_add_wrong_region_and_role(make_user: MakeUser) -> None:
    bekasi = make_user(Role.BAWASLU_STAFF, "32.75")
    held = meeting(bekasi)
    with pytest.raises(NotFound):
        commitment(make_user(Role.BAWASLU_STAFF, "32.73"), held)
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    commitment(bekasi, held)  # now the PPK office sees the meeting (it owns a commitment)
    with pytest.raises(PermissionDenied):
        commitment(ppk, held)


def test_the_owner_ppk_office_updates_its_commitment(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    made = commitment(staff, meeting(staff))
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    updated = services.commitment_status_update(
        actor=ppk,
        commitment_id=made.pk,
        status=CommitmentStatus.DONE,
        note="SE Wali Kota Nomor 800/123 tanggal 20 September 2024.",
    )
    assert updated.status == CommitmentStatus.DONE and updated.status_by == ppk
    assert updated.status_at is not None
    [entry] = _entries("prevention.commitment_status", made)
    assert entry.actor_id == ppk.pk
    assert entry.before == {"status": "open", "note": ""}
    assert (entry.after or {})["status"] == "done"


def test_bawaslu_updates_the_commitments_of_its_meetings(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    made = commitment(staff, meeting(staff), owner="")
    province = make_user(Role.BAWASLU_LEADER, "32")
    services.commitment_status_update(
        actor=province, commitment_id=made.pk, status=CommitmentStatus.IN_PROGRESS
    )
    made.refresh_from_db()
    assert made.status == CommitmentStatus.IN_PROGRESS


def test_commitment_status_rules_and_no_op(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    made = commitment(staff, meeting(staff))
    with pytest.raises(ApplicationError) as refused:
        services.commitment_status_update(
            actor=staff, commitment_id=made.pk, status=CommitmentStatus.NOT_DONE
        )
    assert refused.value.field == "note"
    with pytest.raises(ApplicationError) as refused:
        services.commitment_status_update(actor=staff, commitment_id=made.pk, status="lost")
    assert refused.value.field == "status"
    services.commitment_status_update(actor=staff, commitment_id=made.pk, status="open")
    assert _entries("prevention.commitment_status", made) == []  # nothing changed


def test_commitment_status_wrong_region_and_role(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    made = commitment(staff, meeting(staff))
    outsiders = [
        make_user(Role.PPK_OFFICE, "32.73"),  # another regional government
        make_user(Role.PPK_OFFICE, "32"),  # the province's PPK: not the owner
        make_user(Role.BAWASLU_STAFF, "32.73"),
    ]
    for outsider in outsiders:
        with pytest.raises(NotFound):
            services.commitment_status_update(
                actor=outsider, commitment_id=made.pk, status=CommitmentStatus.DONE
            )
    with pytest.raises(PermissionDenied):  # BKN sees it, may not update it
        services.commitment_status_update(
            actor=make_user(Role.BKN_OFFICER, "32"),
            commitment_id=made.pk,
            status=CommitmentStatus.DONE,
        )


def test_overdue_is_derived_from_the_due_date_and_the_clock(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    made = commitment(staff, meeting(staff), due_on=datetime.date(2024, 10, 1))
    assert not made.is_overdue(datetime.date(2024, 10, 1))
    assert made.is_overdue(datetime.date(2024, 10, 2))
    services.commitment_status_update(
        actor=staff, commitment_id=made.pk, status=CommitmentStatus.DONE
    )
    made.refresh_from_db()
    assert not made.is_overdue(datetime.date(2024, 10, 2))


# --- Prevention activities -------------------------------------------------------------


def _activity(actor: User, **fields: Any) -> PreventionActivity:
    values: dict[str, Any] = {
        "office_region": "32.75",
        "kind": ActivityKind.SOCIALISATION,
        "held_on": datetime.date(2024, 10, 3),
        "place": "Kantor Kecamatan Bekasi Timur",
        "audience": "Lurah dan ASN kecamatan",
        "reach": 85,
    }
    values.update(fields)
    return services.activity_record(actor=actor, **values)


def test_activity_record_and_audit(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32")
    activity = _activity(staff, kind=ActivityKind.SOCIAL_MEDIA_PATROL, reach=0)
    assert activity.kind == ActivityKind.SOCIAL_MEDIA_PATROL and activity.reach == 0
    [entry] = _entries("prevention.activity_record", activity)
    assert (entry.after or {})["kind"] == "social_patrol" and (entry.after or {})[
        "office_region"
    ] == "32.75"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "party"}, "kind"),
        ({"reach": -1}, "reach"),
        ({"reach": 10_000_001}, "reach"),
        ({"reach": None}, "reach"),
        ({"held_on": datetime.date(2099, 1, 1)}, "held_on"),
        ({"audience": ""}, "audience"),
        ({"description": "x" * 5001}, "description"),
    ],
)
def test_activity_record_rules(make_user: MakeUser, fields: dict[str, Any], field: str) -> None:
    with pytest.raises(ApplicationError) as refused:
        _activity(make_user(Role.BAWASLU_STAFF, "32.75"), **fields)
    assert refused.value.field == field


def test_activity_record_wrong_region_and_role(make_user: MakeUser) -> None:
    with pytest.raises(NotFound):
        _activity(make_user(Role.BAWASLU_STAFF, "32.75"), office_region="32.73")
    with pytest.raises(PermissionDenied):
        _activity(make_user(Role.PPK_OFFICE, "32.75"))
