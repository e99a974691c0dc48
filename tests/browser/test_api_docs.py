"""/api/docs in a real browser under our CSP: Swagger UI renders the operations, and the
console reports no Content-Security-Policy violation (issue 10, item 11)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser


def test_swagger_ui_renders_the_operations_without_csp_violations(
    tab: Tab, live_server: LiveServer
) -> None:
    tab.page.goto(f"{live_server.url}/api/docs")
    expect(tab.page.locator(".opblock").first).to_be_visible()
    expect(tab.page.locator(".opblock-summary-path", has_text="/api/reports").first).to_be_visible()
    tab.page.wait_for_load_state("networkidle")
    assert tab.csp_violations() == []
    assert all(r.url.startswith(live_server.url) for r in tab.responses), [
        r.url for r in tab.responses if not r.url.startswith(live_server.url)
    ]
