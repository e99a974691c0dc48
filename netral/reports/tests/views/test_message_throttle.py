"""Reporter messages on the tracking page are rate-limited per report and per client."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from netral.reports.models import Message
from netral.reports.tests.apis.test_submit_api import post_json, valid

pytestmark = pytest.mark.usefixtures("elections")


def _tracking(client: Client) -> Client:
    code = post_json(client, valid()).json()["receipt_code"]
    assert client.post("/lacak/", {"receipt_code": code}).status_code == 302
    return client


def test_messages_from_the_tracking_page_are_rate_limited(settings: Any) -> None:
    settings.NETRAL_RATE_LIMITS = {"report-message": (2, 3600)}
    client = _tracking(Client())
    statuses = [
        client.post("/lacak/laporan/", {"body": f"Tambahan keterangan {n}."}).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert Message.objects.count() == 2
    refused = client.post("/lacak/laporan/", {"body": "Lagi."})
    assert "coba lagi" in refused.content.decode()


def test_another_report_behind_the_same_address_has_its_own_budget(settings: Any) -> None:
    settings.NETRAL_RATE_LIMITS = {"report-message": (1, 3600)}
    first, second = _tracking(Client()), _tracking(Client())
    assert first.post("/lacak/laporan/", {"body": "Keterangan pertama."}).status_code == 200
    assert first.post("/lacak/laporan/", {"body": "Keterangan kedua."}).status_code == 429
    assert second.post("/lacak/laporan/", {"body": "Keterangan lain."}).status_code == 200


def test_one_client_cannot_flood_many_reports(settings: Any) -> None:
    settings.NETRAL_RATE_LIMITS = {"report-message-client": (1, 3600)}
    client = _tracking(Client())
    assert client.post("/lacak/laporan/", {"body": "Keterangan pertama."}).status_code == 200
    _tracking(client)  # the same client now follows another report
    assert client.post("/lacak/laporan/", {"body": "Keterangan kedua."}).status_code == 429
