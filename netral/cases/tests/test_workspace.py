"""The staff workspace additions: inbox filters by stage, agency and election; the merge
picker and its service guard; the material checklist at registration."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import SignIn
from netral.accounts.models import Role, User
from netral.cases import services
from netral.cases.first_report import case_first_report_refresh
from netral.cases.models import Case, Status
from netral.cases.selectors import case_inbox, case_merge_candidates
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError
from netral.elections.models import Election, Stage
from netral.reports.models import Report
from netral.rules.selectors import requirement_list

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]


def _event_on(case: Case, day: datetime.date) -> Case:
    Report.objects.filter(case=case).update(event_date=day)
    case_first_report_refresh(case_ids=[case.pk])  # the update above bypassed the services
    return case


def _stage(code: str) -> Stage:
    return Stage.objects.get(cycle__code="pilkada-2024", code=code)


def test_inbox_filters_by_stage_agency_and_election(make_user: MakeUser) -> None:
    campaign = _event_on(case_from_report()[0], datetime.date(2024, 10, 10))
    quiet = _event_on(
        case_from_report(agency="Kecamatan Bekasi Timur")[0], datetime.date(2024, 11, 25)
    )
    depok = _event_on(case_from_report(region="32.76")[0], datetime.date(2024, 10, 12))
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    by_stage = list(case_inbox(actor=staff, stage_id=_stage("kampanye").pk))
    assert [c.pk for c in by_stage] == [campaign.pk]
    assert getattr(by_stage[0], "event_stage_name") == _stage("kampanye").name  # noqa: B009
    by_agency = case_inbox(actor=staff, agency="kecamatan")
    assert [c.pk for c in by_agency] == [quiet.pk]
    province = make_user(Role.BAWASLU_STAFF, "32")
    depok_election = Election.objects.get(region_id="32.76", cycle__code="pilkada-2024")
    by_election = case_inbox(actor=province, election_id=depok_election.pk)
    assert [c.pk for c in by_election] == [depok.pk]


def test_inbox_query_count_does_not_grow(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case_from_report()

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            list(case_inbox(actor=staff, stage_id=_stage("kampanye").pk, agency="dinas"))
            list(case_inbox(actor=staff))
        return len(ctx.captured_queries)

    few = count()
    for _ in range(4):
        case_from_report()
    assert count() == few


def test_merge_service_refuses_final_or_foreign_targets(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case, _ = case_from_report()
    closed, _ = case_from_report()
    Case.objects.filter(pk=closed.pk).update(status=Status.CLOSED)
    other_election, _ = case_from_report()
    # Set-up only: a case of the same office about another election (as after a handover).
    governor = Election.objects.get(region_id="32", cycle__code="pilkada-2024")
    Case.objects.filter(pk=other_election.pk).update(election=governor)
    with pytest.raises(ApplicationError, match="sudah selesai"):
        services.case_merge(actor=staff, case_id=case.pk, into_id=closed.pk)
    with pytest.raises(ApplicationError, match="pemilihan yang sama"):
        services.case_merge(actor=staff, case_id=case.pk, into_id=other_election.pk)
    duplicate, _ = case_from_report()
    candidates = case_merge_candidates(actor=staff, case=case)
    assert [c.pk for c in candidates] == [duplicate.pk]
    assert getattr(candidates[0], "similar")  # noqa: B009 - the same reported person
    merged = services.case_merge(actor=staff, case_id=case.pk, into_id=duplicate.pk)
    assert merged.status == Status.MERGED


def test_merge_picker_and_material_checklist_on_the_page(sign_in: SignIn) -> None:
    case, _ = case_from_report()
    duplicate, _ = case_from_report()
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    page = client.get(reverse("cases:case_detail", kwargs={"case_id": case.pk})).content.decode()
    assert f'type="radio" name="into_id" value="{duplicate.pk}"' in page
    register = reverse("cases:case_action", kwargs={"case_id": case.pk, "action": "register"})
    formal_only = {f"formal_{r.code}": "on" for r in requirement_list(kind="formal")}
    refused = client.post(register, formal_only)
    assert refused.status_code == 400 and "materiel" in refused.content.decode().lower()
    assert Case.objects.get(pk=case.pk).status == Status.RECEIVED
    everything = {f"{r.kind}_{r.code}": "on" for r in requirement_list()}
    assert client.post(register, everything).status_code == 302
    assert Case.objects.get(pk=case.pk).status == Status.REGISTERED
