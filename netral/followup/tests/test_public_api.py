"""The public case list shows where each recommendation stands, never whom it concerns."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from netral.accounts.models import Role
from netral.cases import services as case_services
from netral.cases.models import Verdict
from netral.followup import services
from netral.followup.models import Recommendation
from netral.followup.tests.factories import decided_case
from netral.rules.selectors import requirement_list

pytestmark = pytest.mark.usefixtures("elections")


def test_public_cases_carry_followup_status_without_names(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY, Verdict.CRIMINAL])
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case_services.case_announce(actor=staff, case_id=case.pk, summary="Terbukti melanggar.")
    rec = Recommendation.objects.get(case=case, addressee="bkn")
    services.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER), rec_id=rec.pk, assessment="x", sanction="moral"
    )
    services.sanction_record(
        actor=make_user(Role.PPK_OFFICE, "32.75"),
        rec_id=rec.pk,
        imposed=True,
        decree_number="800/9",
        decree_date=timezone.localdate(),
        sanction="moral",
    )
    body = Client().get("/api/public/cases", {"region": "32.75"}).json()
    followups = sorted((f["addressee"], f["status"], f["ended"]) for f in body[0]["followups"])
    assert followups == [("bkn", "sanctioned", True), ("gakkumdu", "in_progress", False)]
    text = json.dumps(body)
    for personal in ("Bambang", "198503172010011004", "Rina", "800/9"):
        assert personal not in text


def test_reporter_sees_where_the_follow_up_stands(make_user: Any) -> None:
    from netral.cases.tests.factories import case_from_report

    case, code = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    checklist = {r.code: True for r in requirement_list()}
    case_services.case_register(actor=staff, case_id=case.pk, formal=checklist)
    case_services.case_start_study(actor=staff, case_id=case.pk)
    case_services.case_record_study(
        actor=staff, case_id=case.pk, facts="a", analysis="b", conclusion="c"
    )
    case_services.case_decide(
        actor=leader, case_id=case.pk, verdicts=[Verdict.ASN_NEUTRALITY], reason="Pleno."
    )
    response = Client().post(
        "/api/reports/status", {"receipt_code": code}, content_type="application/json"
    )
    assert response.status_code == 200
    [decision] = response.json()["decisions"]
    assert decision["followups"] == ["Badan Kepegawaian Negara (BKN): Dikirim"]
