"""Recording events: one row per state change of interest, written inside that change's
transaction (a rolled-back change leaves no event), and one pending delivery per endpoint
that wants it and may see it; the deliveries leave after the commit (``delivery``). A new
report's ``report.received`` is written by the post-intake task (``reports.received``) just
after the intake committed, so it too exists only for a stored report.

The handlers here hear the layers below through their hooks (``reports.hooks``,
``cases.hooks``, ``followup.hooks``; registered in ``PartnersConfig.ready``). What they put
in ``data`` is what every partner role may see: ids, register and recommendation numbers,
statuses, regions and codes; never a name, NIP, contact or receipt code.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q

from netral.cases.hooks import CaseTransition
from netral.cases.models import Case
from netral.common import clock
from netral.followup.hooks import RecommendationChanged
from netral.followup.models import Recommendation, RecStatus
from netral.partners.models import Delivery, Endpoint, Event, EventType
from netral.regions.models import Region
from netral.reports.hooks import ReportReceived

# Workflow action of a case -> the event it makes (other steps are internal).
CASE_ACTIONS = {
    "register": EventType.CASE_REGISTERED,
    "decide": EventType.CASE_DECIDED,
    "announce": EventType.CASE_ANNOUNCED,
}
RECOMMENDATION_ACTIONS = {
    "issue": EventType.RECOMMENDATION_ISSUED,
    "assess": EventType.RECOMMENDATION_ASSESSED,
    "sanction": EventType.RECOMMENDATION_SANCTIONED,
    "overdue": EventType.RECOMMENDATION_OVERDUE,
}


def region_covered_q(region_code: str | None, field: str = "region") -> Q:
    """Rows whose ``field`` lies in ``region_code`` or a region directly under it (the rule of
    ``accounts.permissions.jurisdiction_q``, for an endpoint instead of a user)."""
    if region_code is None:
        return Q()
    return Q(**{f"{field}_id": region_code}) | Q(**{f"{field}__parent_id": region_code})


def _covers(endpoint_region: str | None, region: Region | None) -> bool:
    if endpoint_region is None:
        return True
    if region is None:
        return False
    return endpoint_region in (region.code, region.parent_id)


def event_record(*, type: str, region: Region | None, data: dict[str, Any]) -> Event:
    """Append an event (call inside the change's transaction) and queue its deliveries."""
    event = Event.objects.create(type=type, occurred_at=clock.now(), region=region, data=data)
    endpoints = Endpoint.objects.filter(active=True).only("pk", "event_types", "region_id")
    wanted = [
        e for e in endpoints if type in (e.event_types or []) and _covers(e.region_id, region)
    ]
    if wanted:
        deliveries = Delivery.objects.bulk_create(
            [
                Delivery(endpoint_id=e.pk, event=event, next_attempt_at=event.occurred_at)
                for e in wanted
            ]
        )
        ids = [d.pk for d in deliveries]
        transaction.on_commit(lambda: _send_after_commit(ids), robust=True)
    return event


def _send_after_commit(delivery_ids: list[int]) -> None:
    from netral.partners.tasks import delivery_send

    for delivery_id in delivery_ids:
        delivery_send.enqueue(delivery_id=delivery_id)


def _case_data(case: Case) -> dict[str, Any]:
    return {
        "case_id": case.pk,
        "register_number": case.register_number,
        "status": case.status,
        "origin": case.origin,
        "office_region": case.office_region_id,
        "election": case.election_id,
        "violation_type": case.violation_type,
    }


# --- Hook handlers ---------------------------------------------------------------------------


def on_report_received(event: ReportReceived) -> None:
    """In the post-intake task, after the intake committed the report and its case; a replay
    records nothing when the case has its event already."""
    case = event.report.case
    if case is None:
        return
    if (
        event.replay
        and Event.objects.filter(type=EventType.REPORT_RECEIVED, data__case_id=case.pk).exists()
    ):
        return
    event_record(
        type=EventType.REPORT_RECEIVED,
        region=case.office_region,
        data={**_case_data(case), "kind": event.report.kind},
    )


def on_case_transitioned(event: CaseTransition) -> None:
    type = CASE_ACTIONS.get(event.action)
    if type is None:
        return
    case = event.case
    data = _case_data(case)
    if type == EventType.CASE_DECIDED:
        data["verdicts"] = list(case.verdicts)
        data["decided_at"] = case.decided_at.isoformat() if case.decided_at else None
    if type == EventType.CASE_ANNOUNCED:
        data["public_summary"] = case.public_summary  # published, redacted
    event_record(type=type, region=case.office_region, data=data)


def on_recommendation_changed(event: RecommendationChanged) -> None:
    type = RECOMMENDATION_ACTIONS.get(event.action)
    if type is None:
        return
    rec: Recommendation = event.recommendation
    case = rec.case
    data: dict[str, Any] = {
        "recommendation_id": rec.pk,
        "number": rec.number,
        "case_id": case.pk,
        "register_number": case.register_number,
        "addressee": rec.addressee,
        "verdict": rec.verdict,
        "status": rec.status,
        "ppk_region": rec.ppk_region_id,
        "due_at": rec.due_at.isoformat() if rec.due_at else None,
    }
    if type == EventType.RECOMMENDATION_ASSESSED:
        data["recommended_sanction"] = rec.recommended_sanction
    if type == EventType.RECOMMENDATION_SANCTIONED:
        data["imposed"] = rec.status == RecStatus.SANCTIONED
    event_record(type=type, region=case.office_region, data=data)


def register() -> None:
    from netral.cases.hooks import case_transitioned
    from netral.followup.hooks import recommendation_changed
    from netral.reports.hooks import report_received

    report_received.register(on_report_received)
    case_transitioned.register(on_case_transitioned)
    recommendation_changed.register(on_recommendation_changed)
