"""Reloading the receipt page, or going back and sending the form again, stores no second
report: the form is post/redirect/get with a one-time submission token."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from netral.elections.services import election_cycles_load_all
from netral.regions.services import regions_load
from netral.reports.models import Report
from tests.browser.conftest import Tab
from tests.browser.test_report_flow import fill_report

pytestmark = pytest.mark.browser


def test_reload_and_resend_store_one_report(
    tab: Tab, live_server: LiveServer, transactional_db: Any
) -> None:
    regions_load()
    election_cycles_load_all()
    page = tab.page
    page.goto(f"{live_server.url}/lapor/")
    fill_report(tab, anonymous=True)
    expect(page).to_have_url(f"{live_server.url}/lapor/terkirim/")
    code = page.locator("#receipt-code").get_attribute("data-code")
    assert code and len(code) == 16

    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tanda terima sudah ditampilkan")
    assert page.locator("#receipt-code").count() == 0
    assert Report.objects.count() == 1
