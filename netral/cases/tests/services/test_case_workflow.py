"""The case workflow: routing, the statutory steps, deadlines, rights and the audit trail."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases import services
from netral.cases.models import Case, Status
from netral.cases.routing import effective_receipt, office_region_for
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.elections.models import Election
from netral.regions.models import Region
from netral.rules.selectors import office_hours_get, requirement_list

pytestmark = pytest.mark.usefixtures("elections")
WIB = ZoneInfo("Asia/Jakarta")


def all_formal() -> dict[str, bool]:
    return {r.code: True for r in requirement_list(kind="formal")}


def test_routing_follows_the_election() -> None:
    bekasi = Region.objects.get(code="32.75")
    regency_election = Election.objects.get(region_id="32.75")
    governor_election = Election.objects.get(region_id="32")
    pemilu = Election.objects.get(region__isnull=True)
    assert office_region_for(election=regency_election, event_region=bekasi).code == "32.75"
    assert office_region_for(election=governor_election, event_region=bekasi).code == "32"
    assert office_region_for(election=pemilu, event_region=bekasi).code == "32.75"


@pytest.mark.parametrize(
    ("local", "stage", "expected"),
    [
        ("2024-10-02 10:00", None, "2024-10-02 10:00"),  # Wednesday, office open
        ("2024-10-05 10:00", None, "2024-10-07 08:00"),  # Saturday -> Monday opening
        ("2024-10-02 17:30", None, "2024-10-03 08:00"),  # after closing
        ("2024-11-24 23:00", "masa_tenang", "2024-11-24 23:00"),  # round the clock
    ],
)
def test_receipt_outside_office_hours_counts_from_the_next_opening(
    local: str, stage: str | None, expected: str
) -> None:
    at = datetime.datetime.fromisoformat(local).replace(tzinfo=WIB)
    got = effective_receipt(at=at, tz=WIB, hours=office_hours_get(), stage=stage)
    assert got == datetime.datetime.fromisoformat(expected).replace(tzinfo=WIB)


def test_a_report_opens_a_routed_case_with_a_deadline() -> None:
    case, _ = case_from_report()
    assert (case.status, case.office_region_id, case.origin) == ("received", "32.75", "laporan")
    assert case.due_at is not None and case.due_at > case.received_at
    assert (case.due_at - case.received_at) <= datetime.timedelta(days=4)
    assert AuditEntry.objects.filter(action="case.open", object_id=str(case.pk)).exists()
    anonymous, _ = case_from_report(anonymous=True, reporter=None)
    assert anonymous.origin == "informasi" and anonymous.due_at is None


def test_full_path_to_announcement_and_the_reporter_sees_it(
    make_user: Callable[..., User], client: Client
) -> None:
    case, code = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    due = case.due_at
    case = services.case_register(actor=staff, case_id=case.pk, formal=all_formal())
    assert re.fullmatch(r"001/Reg/LP/PK/32\.75/[IVX]+/\d{4}", case.register_number or "")
    services.case_start_clarification(actor=staff, case_id=case.pk)
    services.case_start_study(actor=staff, case_id=case.pk)
    services.case_record_study(
        actor=staff,
        case_id=case.pk,
        facts="Unggahan foto.",
        analysis="Ps. 5 huruf n.",
        conclusion="Memenuhi unsur.",
    )
    with pytest.raises(PermissionDenied):
        services.case_decide(actor=staff, case_id=case.pk, verdicts=["asn_neutrality"], reason="x")
    case = services.case_decide(
        actor=leader, case_id=case.pk, verdicts=["asn_neutrality"], reason="Pleno 3 Okt."
    )
    case = services.case_announce(actor=staff, case_id=case.pk, summary="Terbukti melanggar.")
    assert case.status == Status.ANNOUNCED and case.due_at is not None and due is not None
    assert case.due_at >= due
    actions = list(
        AuditEntry.objects.filter(object_type="cases.case", object_id=str(case.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == [
        "case.open",
        "case.register",
        "case.start_clarification",
        "case.start_study",
        "case.record_study",
        "case.decide",
        "case.announce",
    ]
    status = client.post(
        "/api/reports/status", json.dumps({"receipt_code": code}), content_type="application/json"
    ).json()
    assert status["status"] == "announced"


def test_illegal_steps_are_refused(make_user: Callable[..., User]) -> None:
    case, _ = case_from_report()
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    with pytest.raises(ApplicationError, match="tidak dapat"):
        services.case_decide(actor=leader, case_id=case.pk, verdicts=["criminal"], reason="x")
    with pytest.raises(ApplicationError, match="Syarat formal"):
        services.case_register(actor=leader, case_id=case.pk, formal={})
    assert Case.objects.get(pk=case.pk).status == Status.RECEIVED


def test_other_regions_cannot_touch_the_case(make_user: Callable[..., User]) -> None:
    case, _ = case_from_report()
    aceh = make_user(Role.BAWASLU_STAFF, "11.01")
    with pytest.raises(NotFound):
        services.case_register(actor=aceh, case_id=case.pk, formal=all_formal())
    province = make_user(Role.BAWASLU_STAFF, "32")  # the province above may act
    services.case_register(actor=province, case_id=case.pk, formal=all_formal())
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    with pytest.raises(PermissionDenied):
        services.case_list_for(actor=ppk)


def test_extension_moves_the_deadline_later_once(make_user: Callable[..., User]) -> None:
    case, _ = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    before = case.due_at
    extended = services.case_extend(actor=staff, case_id=case.pk, reason="Perlu keterangan saksi.")
    assert before is not None and extended.due_at is not None
    assert extended.due_at - before == datetime.timedelta(days=2)
    with pytest.raises(ApplicationError):
        services.case_extend(actor=staff, case_id=case.pk, reason="Lagi.")


def test_duplicates_merge_and_each_reporter_keeps_tracking(
    make_user: Callable[..., User], client: Client
) -> None:
    first, code_a = case_from_report()
    second, code_b = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    services.case_merge(actor=staff, case_id=second.pk, into_id=first.pk)
    assert Case.objects.get(pk=second.pk).status == Status.MERGED
    assert first.reports.count() == 2
    for code in (code_a, code_b):
        status = client.post(
            "/api/reports/status",
            json.dumps({"receipt_code": code}),
            content_type="application/json",
        )
        assert status.status_code == 200 and status.json()["status"] == "received"


def test_not_registered_needs_a_known_reason(make_user: Callable[..., User]) -> None:
    case, _ = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(ApplicationError):
        services.case_not_register(actor=staff, case_id=case.pk, reason="bosan", note="")
    done = services.case_not_register(actor=staff, case_id=case.pk, reason="expired", note="Lewat.")
    assert done.status == Status.NOT_REGISTERED


def test_public_cases_show_announced_statuses_without_personal_data(
    make_user: Callable[..., User], client: Client
) -> None:
    announced, _ = case_from_report()
    pending, _ = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    services.case_register(actor=staff, case_id=announced.pk, formal=all_formal())
    services.case_start_study(actor=staff, case_id=announced.pk)
    services.case_record_study(
        actor=staff, case_id=announced.pk, facts="f", analysis="a", conclusion="c"
    )
    services.case_decide(
        actor=leader, case_id=announced.pk, verdicts=["asn_neutrality"], reason="r"
    )
    services.case_announce(
        actor=staff, case_id=announced.pk, summary="Terbukti melanggar netralitas."
    )

    for region in ("32", "32.75"):
        body = client.get("/api/public/cases", {"region": region}).json()
        assert [c["status"] for c in body] == ["announced"]
        assert body[0]["register_number"].startswith("001/Reg/LP/PK/32.75/")
        text = json.dumps(body)
        for personal in ("Bambang", "Rina", "198503172010011004", "3275015703900001"):
            assert personal not in text
    assert client.get("/api/public/cases", {"region": "11"}).json() == []
    assert client.get("/api/public/cases", {"region": "99"}).status_code == 404
    assert pending.pk != announced.pk
