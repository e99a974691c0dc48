"""The demo data lives around the demo clock's day (``NETRAL_DEMO_TODAY``): nothing arrives
after it, cases still in hand arrived in the last days, and every report is seen by the
office that handles its case."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db.models import F

from netral.cases.models import Case, Status
from netral.cases.workflow import OPEN_FOR_HANDLING
from netral.common import clock
from netral.demo.data import demo_data_load
from netral.reports.models import Report

pytestmark = pytest.mark.usefixtures("elections")


def test_demo_data_is_placed_relative_to_the_demo_clock(settings: Any) -> None:
    settings.DEBUG, settings.NETRAL_DEMO_TODAY = True, datetime.date(2024, 11, 10)
    demo_data_load(seed=5, reports=800)
    now = clock.now()
    assert not Report.objects.filter(submitted_at__gt=now).exists()
    assert not Case.objects.filter(closed_at__gt=now).exists()
    open_cases = Case.objects.filter(status__in=OPEN_FOR_HANDLING, due_at__isnull=False)
    assert open_cases.exists()
    # Still in hand: received in the last days, so deadlines are near, not months behind.
    assert not open_cases.filter(due_at__lt=now - datetime.timedelta(days=7)).exists()
    finished = Case.objects.exclude(status__in=OPEN_FOR_HANDLING)
    decided = finished.exclude(status=Status.MERGED)
    assert finished.exists() and not finished.filter(finished_at__isnull=True).exists()
    # (Settled 25 days back; a weekend report counts as received on Monday.)
    bad = decided.filter(received_at__gt=now - datetime.timedelta(days=22))
    assert not bad.exists(), list(bad.values_list("status", "received_at", "origin")[:5])
    # Staff access follows the handling office for the bulk rows too.
    assert not Report.objects.exclude(handling_region_id=F("case__office_region_id")).exists()
