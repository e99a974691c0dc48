"""A Kota Bekasi supervisor registers a report, records clarification and study, leadership
decides "ASN neutrality violation" in plenary, and the reporter's tracking page shows it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from netral.accounts.models import User
from netral.cases.models import Case
from netral.cases.tests.factories import case_from_report
from tests.browser.conftest import BrowserSignIn, open_tab

pytestmark = pytest.mark.browser


def act(page: Page, action: str) -> None:
    page.locator(f"#tindakan-{action} button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Tersimpan")


def test_case_from_registration_to_plenary_decision(
    browser: Browser,
    live_server: LiveServer,
    regions_and_elections: None,
    make_user: Callable[..., User],
    browser_sign_in: BrowserSignIn,
) -> None:
    case, code = case_from_report()
    staff = make_user("bawaslu_staff", "32.75")
    leader = make_user("bawaslu_leader", "32.75")

    context, tab = browser_sign_in(staff, "/ruang-kerja/kasus/")
    page = tab.page
    page.locator(f"a[href='/ruang-kerja/kasus/{case.pk}/']").first.click()
    expect(page.locator("#tindakan-decide")).to_have_count(0)  # staff do not decide
    checkboxes = page.locator("#tindakan-register input[type=checkbox]")
    for i in range(checkboxes.count()):
        checkboxes.nth(i).check()
    act(page, "register")
    act(page, "start_clarification")
    act(page, "start_study")
    page.locator("#tindakan-record_study").get_by_label("Fakta").fill("Foto dengan gestur paslon.")
    page.locator("#tindakan-record_study").get_by_label("Analisis").fill("PP 94/2021 Ps. 5 n.")
    page.locator("#tindakan-record_study").get_by_label("Kesimpulan").fill("Memenuhi unsur.")
    act(page, "record_study")
    assert tab.csp_violations() == []
    context.close()

    context, tab = browser_sign_in(leader)
    page = tab.page
    page.goto(f"{live_server.url}/ruang-kerja/kasus/{case.pk}/")
    decide = page.locator("#tindakan-decide")
    decide.get_by_label("Pelanggaran netralitas ASN").check()
    decide.get_by_label("Pertimbangan").fill("Pleno Bawaslu Kota Bekasi.")
    act(page, "decide")
    context.close()
    assert Case.objects.get(pk=case.pk).verdicts == ["asn_neutrality"]

    context, tab = open_tab(browser)
    page = tab.page
    page.goto(f"{live_server.url}/lacak/")
    page.get_by_label("Kode tanda terima").fill(code)
    page.get_by_role("button", name="Lihat laporan").click()
    expect(page.locator("#report-status")).to_have_text("Diputus pleno")
    expect(page.locator("#decision")).to_contain_text("Pelanggaran netralitas ASN")
    context.close()
