"""The caseworker's inbox at 1366x768 (issue #14): at least ten cases above the fold with
the filter panel open, and a keyboard-only user goes from the inbox to the next case and back
to the list."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from netral.accounts.models import User
from netral.cases.models import Case
from netral.cases.tests.factories import case_from_report
from tests.browser.conftest import BrowserSignIn

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1366, 768


def test_inbox_dense_and_keyboard_only(
    live_server: LiveServer,
    regions_and_elections: None,
    make_user: Callable[..., User],
    browser_sign_in: BrowserSignIn,
) -> None:
    cases = [
        case_from_report(reported_name=f"Pegawai Nomor {n:02d}", agency=f"Dinas Contoh {n:02d}")[0]
        for n in range(12)
    ]
    Case.objects.filter(pk=cases[5].pk).update(due_at=timezone.now() - datetime.timedelta(hours=1))
    staff = make_user("bawaslu_staff", "32.75")
    context, tab = browser_sign_in(
        staff, "/ruang-kerja/kasus/", viewport={"width": WIDTH, "height": HEIGHT}
    )
    page = tab.page
    expect(page.locator("details.filter")).to_have_attribute("open", "")
    # The menu's count arrives after the page (htmx): one case of the office is overdue.
    expect(page.locator('.nav__count[title="Menunggu Anda"]')).to_have_text("1")
    expect(page.locator("details.filter").get_by_label("Status")).to_be_visible()
    rows = page.locator("table[data-case-list] tbody tr")
    expect(rows).to_have_count(12)
    bottoms = [rows.nth(i).bounding_box() for i in range(12)]
    above_fold = sum(1 for box in bottoms if box and box["y"] + box["height"] <= HEIGHT)
    assert above_fold >= 10, f"{above_fold} rows above the fold"

    # Keyboard only: j selects the first case, j the next, o opens it.
    expect(page.locator("[data-shortcuts]")).to_be_visible()
    page.keyboard.press("j")
    page.keyboard.press("j")
    second = rows.nth(1)
    expect(second).to_have_class("is-current")
    target = second.get_attribute("data-case-url")
    page.keyboard.press("o")
    expect(page).to_have_url(f"{live_server.url}{target}")
    # On the case page, n goes to the next case of the list, u back to the list.
    page.keyboard.press("n")
    expect(page).not_to_have_url(f"{live_server.url}{target}")
    third = page.url
    page.keyboard.press("u")
    expect(page).to_have_url(f"{live_server.url}/ruang-kerja/kasus/")
    assert third == f"{live_server.url}{rows.nth(2).get_attribute('data-case-url')}"
    # Back on the list, the case last seen is the current row and has the focus.
    expect(rows.nth(2)).to_have_class("is-current")
    expect(rows.nth(2).locator("a").first).to_be_focused()
    assert tab.csp_violations() == []
    context.close()
