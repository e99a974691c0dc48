"""Issue #14, second "Done when" (first part): a leader assigns a case, the staff member sees
it on their home page and in the notification count, leaves an internal note, and the
reporter's tracking page does not show it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from netral.accounts.models import User
from netral.cases.models import Case, CaseNote
from netral.cases.tests.factories import case_from_report
from tests.browser.conftest import BrowserSignIn, open_tab

pytestmark = pytest.mark.browser
NOTE = "Catatan internal: saksi kedua belum dihubungi, jangan umumkan dulu."


def test_leader_assigns_staff_sees_it_and_notes_stay_internal(
    browser: Browser,
    live_server: LiveServer,
    regions_and_elections: None,
    make_user: Callable[..., User],
    browser_sign_in: BrowserSignIn,
) -> None:
    case, code = case_from_report()
    leader = make_user("bawaslu_leader", "32.75")
    staff = make_user("bawaslu_staff", "32.75", first_name="Ani", last_name="Lestari")
    case_path = f"/ruang-kerja/kasus/{case.pk}/"

    context, tab = browser_sign_in(leader, case_path)
    page = tab.page
    assign = page.locator("#penugasan-assign")
    assign.get_by_label("Petugas").select_option(label="Ani Lestari")
    assign.get_by_role("button", name="Tugaskan").click()
    expect(page.locator("#case-assignee")).to_have_text("Ditangani oleh Ani Lestari")
    context.close()
    assert Case.objects.get(pk=case.pk).assignee == staff

    context, tab = browser_sign_in(staff)  # lands on the home page
    page = tab.page
    expect(page.locator("#notification-count")).to_have_text("1")
    assigned = page.locator("#kerja-cases_assigned")
    expect(assigned.locator(f"a[href='{case_path}']")).to_have_count(1)
    page.locator("#nav-notifications").click()
    page.get_by_role("link", name=f"Kasus #{case.pk} ditugaskan kepada Anda").click()
    expect(page).to_have_url(f"{live_server.url}{case_path}")
    expect(page.locator("#notification-count")).to_have_text("0")
    note = page.locator("#tindakan-note")
    note.get_by_label("Catatan internal").fill(NOTE)
    note.get_by_role("button", name="Simpan catatan").click()
    expect(page.locator("#internal-notes")).to_contain_text(NOTE)
    assert tab.csp_violations() == []
    context.close()
    assert CaseNote.objects.filter(case=case, author=staff).count() == 1

    context, tab = open_tab(browser)
    page = tab.page
    page.goto(f"{live_server.url}/lacak/")
    page.get_by_label("Kode tanda terima").fill(code)
    page.get_by_role("button", name="Lihat laporan").click()
    expect(page.locator("#report-status")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("saksi kedua")
    expect(page.locator("body")).not_to_contain_text("Catatan internal")
    context.close()
