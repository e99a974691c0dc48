"""Fixtures for early warnings: reports and findings put straight into the database on
chosen days (intake is tested elsewhere), each with its own case."""

from __future__ import annotations

import datetime
import secrets
import uuid
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from netral.cases.models import Case
from netral.elections.models import Election
from netral.reports.models import Report

WIB = ZoneInfo("Asia/Jakarta")
# Sunday 10 November 2024: the demo's day, in the Pilkada campaign (a risk stage).
DAY = datetime.date(2024, 11, 10)

AddReports = Callable[..., list[Report]]


@pytest.fixture
def add_reports(elections: None) -> AddReports:
    """``add_reports(region, day, n, agency=..., nip=...)``: ``n`` reports on ``day``."""

    def add(
        region: str,
        day: datetime.date,
        n: int = 1,
        *,
        agency: str = "Dinas Pendidikan",
        nip: str = "",
        kind: str = "laporan",
    ) -> list[Report]:
        election = Election.objects.filter(region_id=region, cycle__code="pilkada-2024").first()
        if election is None:
            election = Election.objects.get(region_id=region[:2], cycle__code="pilkada-2024")
        at = datetime.datetime.combine(day, datetime.time(10), WIB)
        out = []
        for _ in range(n):
            case = Case.objects.create(
                origin=kind, office_region_id=region, election=election, received_at=at
            )
            out.append(
                Report.objects.create(
                    public_id=uuid.uuid4(),
                    kind=kind,
                    receipt_digest=secrets.token_hex(32),
                    submitted_at=at,
                    region_id=region,
                    election=election,
                    reported_name="Terlapor",
                    reported_nip=nip,
                    agency=agency,
                    chronology="Kronologi.",
                    event_date=day,
                    known_date=day,
                    case=case,
                    handling_region_id=region,
                )
            )
        return out

    return add


def steady(add: AddReports, region: str, *, per_week: int = 2, weeks: int = 9) -> None:
    """``per_week`` reports in each of the ``weeks`` weeks ending on ``DAY``."""
    for week in range(weeks):
        add(region, DAY - datetime.timedelta(days=7 * week + 2), per_week)


@pytest.fixture
def demo_clock(settings: Any) -> datetime.date:
    settings.DEBUG = True
    settings.NETRAL_DEMO_TODAY = DAY
    return DAY
