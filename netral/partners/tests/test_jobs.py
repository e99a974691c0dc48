"""Item 3: the periodic retry is in the scheduler's registry and sends what is due."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from netral.cases.tests.factories import case_from_report
from netral.common import schedule
from netral.partners.models import Delivery, Endpoint
from netral.partners.tests.partner_server import Partner


@pytest.mark.usefixtures("elections")
def test_the_scheduler_retries_due_deliveries(
    partner: Partner, register_endpoint: Callable[..., Endpoint], make_user: Any
) -> None:
    register_endpoint(partner.url, "32", ["report.received"])
    case_from_report(region="32.75")  # committed callbacks never run here: nothing sent yet
    assert partner.received == []
    job = {j.name: j for j in schedule.jobs()}["partners.deliveries_retry"]
    assert job.every is not None
    assert job.run() == 1
    assert len(partner.received) == 1
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED
    assert job.run() == 0  # delivered once
