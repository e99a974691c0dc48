"""Early warnings for partner and Bawaslu systems: ``GET /api/prevention/warnings`` (staff
token, scoped to the jurisdiction). A region outside it answers 404, like an unknown one."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from netral.accounts.api_auth import staff_auth
from netral.accounts.decorators import request_staff
from netral.common.apischemas import STAFF, Offset, refusals
from netral.common.errors import ApplicationError
from netral.prevention.models import EarlyWarning
from netral.prevention.warnings_selectors import warning_list_for
from netral.prevention.warnings_signals import action_text, signal_text

DAY_PATTERN = r"^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$"
BAD_DAY = "Tanggal tidak valid: gunakan YYYY-MM-DD."

router = Router(tags=["prevention"], auth=staff_auth)


class SignalOut(Schema):
    code: str
    fired: bool
    points: int
    text: str
    # The numbers behind the text (count, baseline_mean, p_value, threshold, stage...).
    values: dict[str, Any]


class ActionOut(Schema):
    code: str
    text: str
    values: dict[str, Any]


class WarningOut(Schema):
    id: int
    region: str
    region_name: str
    computed_for: datetime.date
    score: int
    stage: str
    status: str
    signals: list[SignalOut]
    actions: list[ActionOut]
    acknowledged_at: datetime.datetime | None
    action_taken: str


class Filters(Schema):
    region: str = Field("", max_length=20)
    status: str = Field("", max_length=20)
    # A day as YYYY-MM-DD (the pattern keeps numbers such as 0 from passing as dates).
    date: str = Field("", pattern=DAY_PATTERN)
    limit: int = Field(100, ge=1, le=500)
    offset: Offset = 0


def _values(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in ("code", "fired", "points")}


def warning_out(warning: EarlyWarning) -> WarningOut:
    return WarningOut(
        id=warning.pk,
        region=warning.region_id,
        region_name=warning.region.name,
        computed_for=warning.computed_for,
        score=warning.score,
        stage=warning.stage_code,
        status=warning.status,
        signals=[
            SignalOut(
                code=s["code"],
                fired=bool(s["fired"]),
                points=int(s["points"]),
                text=signal_text(s),
                values=_values(s),
            )
            for s in warning.signals
        ],
        actions=[
            ActionOut(code=a["code"], text=action_text(a), values=_values(a))
            for a in warning.actions
        ],
        acknowledged_at=warning.acknowledged_at,
        action_taken=warning.action_taken,
    )


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError as error:  # 2024-02-30 fits the pattern, not the calendar
        raise ApplicationError(BAD_DAY, field="date") from error


@router.get(
    "",
    response={200: list[WarningOut], **refusals(*STAFF, 400, 403, 404, 422)},
    summary="Peringatan dini per wilayah dalam yurisdiksi pengguna",
)
def warning_list(request: HttpRequest, filters: Query[Filters]) -> list[WarningOut]:
    """Newest first. ``region``: a province or regency/city code (a province includes its
    regencies/cities); outside the jurisdiction or unknown: 404. ``status``: open or
    acknowledged. ``date``: the day computed."""
    warnings = warning_list_for(
        actor=request_staff(request),
        region_code=filters.region,
        status=filters.status,
        day=_day(filters.date),
    )
    page = warnings[filters.offset : filters.offset + filters.limit]
    return [warning_out(w) for w in page]
