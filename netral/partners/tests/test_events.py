"""Item 1: every state change of interest leaves one event, in its own transaction, without
identity or receipt code."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

from netral.accounts.models import Role
from netral.cases import services as case_services
from netral.cases.models import Verdict
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError
from netral.followup import services as followup_services
from netral.followup.models import Recommendation
from netral.followup.tests.factories import decided_case
from netral.partners.models import Event

pytestmark = pytest.mark.usefixtures("elections")


def _types() -> list[str]:
    return list(Event.objects.order_by("pk").values_list("type", flat=True))


def test_the_workflow_records_each_event_once_in_order_without_identity(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    case_services.case_announce(actor=leader, case_id=case.pk, summary="Terbukti melanggar.")
    rec = Recommendation.objects.get(case=case)
    followup_services.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER),
        rec_id=rec.pk,
        assessment="Terbukti.",
        sanction="moderate",
    )
    followup_services.sanction_record(
        actor=make_user(Role.PPK_OFFICE, "32.75"),
        rec_id=rec.pk,
        imposed=True,
        decree_number="800/1/2024",
        decree_date=datetime.date.today(),
        sanction="moderate",
    )
    assert _types() == [
        "report.received",
        "case.registered",
        "case.decided",
        "recommendation.issued",
        "case.announced",
        "recommendation.assessed",
        "recommendation.sanctioned",
    ]
    events = list(Event.objects.order_by("pk"))
    assert {e.region_id for e in events} == {"32.75"}
    assert all(e.data["case_id"] == case.pk for e in events)
    assert events[-1].data["imposed"] is True
    assert events[2].data["verdicts"] == [Verdict.ASN_NEUTRALITY]
    dumped = json.dumps([e.data for e in events])
    rec.refresh_from_db()
    for secret in ("198503172010011004", "Bambang", rec.subject_name):
        assert secret and secret not in dumped


def test_a_refused_change_leaves_no_event_and_events_are_append_only(make_user: Any) -> None:
    case, receipt = case_from_report(region="32.75")
    assert _types() == ["report.received"]
    assert receipt not in json.dumps(Event.objects.get().data)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(ApplicationError):
        case_services.case_register(actor=staff, case_id=case.pk, formal={})
    assert _types() == ["report.received"]
    event = Event.objects.get()
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_an_overdue_ppk_is_an_event(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    followup_services.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER),
        rec_id=rec.pk,
        assessment="Terbukti.",
        sanction="moderate",
    )
    rec.refresh_from_db()
    assert rec.due_at is not None
    followup_services.escalations_flag_overdue(now=rec.due_at + datetime.timedelta(days=1))
    followup_services.escalations_flag_overdue(now=rec.due_at + datetime.timedelta(days=2))
    overdue = Event.objects.filter(type="recommendation.overdue")
    assert [e.data["recommendation_id"] for e in overdue] == [rec.pk]
