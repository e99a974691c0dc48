"""A national leader opens the statistics dashboard: charts and the province map render
without a CSP complaint, a click on Jawa Barat's tile drills down to its regencies/cities,
and the XLSX of a table downloads and holds the numbers the page shows."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from netral.accounts.models import User
from netral.analytics.tests.conftest import SPECS, build
from netral.elections.services import election_cycles_load_all
from netral.regions.services import regions_load
from tests.browser.conftest import BrowserSignIn, open_tab

pytestmark = pytest.mark.browser


def test_dashboard_map_drill_down_and_export(
    live_server: LiveServer,
    regions_and_elections: None,
    make_user: Callable[..., User],
    browser_sign_in: BrowserSignIn,
) -> None:
    build(SPECS)
    leader = make_user("bawaslu_leader")

    context, tab = browser_sign_in(leader, "/ruang-kerja/statistik/", accept_downloads=True)
    page = tab.page
    expect(page.locator("[data-total=reports]")).to_have_text("5")
    expect(page.locator("svg.map__svg a.map__link")).to_have_count(38)
    expect(page.locator("#tabel-by_type .bar--w100")).to_be_visible()  # kampanye_media_sosial
    box = page.locator("#tabel-by_type .bar--w100").bounding_box()
    half = page.locator("#tabel-by_type tr[data-key=menghadiri_deklarasi] .bar").bounding_box()
    assert box is not None and half is not None and box["width"] > 2 * half["width"] > 0

    page.locator("a.map__link[data-region='32']").click()
    expect(page).to_have_url(f"{live_server.url}/ruang-kerja/statistik/?region=32")
    expect(page.locator("h1")).to_contain_text("Jawa Barat")
    expect(page.locator("[data-total=reports]")).to_have_text("4")
    expect(page.locator("table[data-table=regions] tr[data-key='32.75'] a")).to_be_visible()

    shown = {
        row.get_attribute("data-key"): int(row.locator("td[data-count]").inner_text())
        for row in page.locator("table[data-table=by_type] tbody tr").all()
    }
    with page.expect_download() as info:
        page.locator("#tabel-by_type a.export-xlsx").click()
    path = info.value.path()
    sheet = load_workbook(io.BytesIO(path.read_bytes())).active
    assert sheet is not None
    exported = {str(r[0]): int(str(r[2])) for r in list(sheet.iter_rows(values_only=True))[1:]}
    assert exported == shown
    assert shown["kampanye_media_sosial"] == 2

    page.locator("table[data-table=regions] tr[data-key='32.75'] a").click()
    expect(page.locator("h1")).to_contain_text("Kota Bekasi")
    expect(page.locator("[data-total=ikp]")).to_be_visible()
    assert tab.csp_violations() == []
    context.close()


def test_open_data_page_is_light_and_scriptless(
    browser: Browser, live_server: LiveServer, transactional_db: Any
) -> None:
    regions_load()
    election_cycles_load_all()
    build(SPECS)
    context, tab = open_tab(browser, java_script_enabled=False)
    weight = tab.visit_and_weigh(f"{live_server.url}/statistik/")
    assert weight < 150_000
    expect(tab.page.locator("main")).to_contain_text("<5")
    tab.page.get_by_role("link", name="Jawa Barat").click()
    expect(tab.page.locator("h1")).to_contain_text("Jawa Barat")
    assert tab.csp_violations() == []
    context.close()
