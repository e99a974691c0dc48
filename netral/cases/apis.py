"""Public case endpoint: announced statuses only, never a personal name or reporter detail."""

from __future__ import annotations

import datetime
from typing import Annotated

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema

from netral.cases.hooks import followups_of
from netral.cases.models import Case, Verdict
from netral.cases.selectors import public_case_list
from netral.common.apischemas import refusals
from netral.regions.selectors import region_get
from netral.rules.labels import rule_name
from netral.rules.selectors import violation_type_list

router = Router(tags=["cases"])


class PublicFollowupOut(Schema):
    """Where a recommendation stands, without the person it concerns."""

    addressee: str
    addressee_label: str
    status: str
    status_label: str
    ended: bool


class PublicCaseOut(Schema):
    register_number: str | None
    election: str
    office_region: str
    violation_type: str | None
    violation_type_name: str | None
    status: str
    status_label: str
    verdicts: list[str]
    decision_date: datetime.date | None
    announced_at: datetime.datetime | None
    summary: str
    followups: list[PublicFollowupOut]


@router.get(
    "/cases",
    response={200: list[PublicCaseOut], **refusals(404, 422)},
    summary="Status kasus yang telah diumumkan",
)
def public_cases(
    request: HttpRequest, region: str, limit: Annotated[int, Field(ge=1, le=1000)] = 200
) -> list[PublicCaseOut]:
    scope = region_get(code=region)
    names = {vt.code: rule_name(vt) for vt in violation_type_list()}
    cases: list[Case] = list(public_case_list(region=scope)[:limit])
    # Follow-up stands above cases: it answers where each case's recommendations stand.
    followups = followups_of([case.pk for case in cases])
    return [
        PublicCaseOut(
            register_number=case.register_number,
            election=case.election.name,
            office_region=case.office_region_id,
            violation_type=case.violation_type or None,
            violation_type_name=names.get(case.violation_type),
            status=case.status,
            status_label=str(case.get_status_display()),
            verdicts=[v for v in case.verdicts if v in Verdict.values],
            decision_date=timezone.localdate(case.decided_at) if case.decided_at else None,
            announced_at=case.announced_at,
            summary=case.public_summary,
            followups=[
                PublicFollowupOut(
                    addressee=standing.addressee,
                    addressee_label=standing.addressee_label,
                    status=standing.status,
                    status_label=standing.status_label,
                    ended=standing.ended,
                )
                for standing in followups.get(case.pk, [])
            ],
        )
        for case in cases
    ]
