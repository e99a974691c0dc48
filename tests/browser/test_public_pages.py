"""The public pages in a real browser: language switch, no JavaScript, page weight."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import Tab, open_tab

pytestmark = pytest.mark.browser

# Home and login together, every byte the browser receives (HTML, CSS, anything else).
WEIGHT_BUDGET = 150 * 1024


def test_language_switch_turns_the_home_page_english_and_back(
    tab: Tab, live_server: LiveServer
) -> None:
    page = tab.page
    page.goto(live_server.url)
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_have_text("Laporkan pelanggaran netralitas ASN")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Report a breach of civil-service neutrality"
    )
    expect(page).to_have_url(f"{live_server.url}/")

    page.get_by_role("button", name="Bahasa Indonesia").click()
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_have_text("Laporkan pelanggaran netralitas ASN")


def test_home_works_without_javascript(browser: Browser, live_server: LiveServer) -> None:
    context, tab = open_tab(browser, java_script_enabled=False)
    page = tab.page
    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Siapa yang menangani?")).to_be_visible()
    # The language switch is a plain form: it works with scripts off too.
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="Staff sign-in").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff sign-in")
    context.close()
    assert tab.csp_violations() == []


def test_home_and_login_weigh_under_150_kb(tab: Tab, live_server: LiveServer) -> None:
    home = tab.visit_and_weigh(live_server.url)
    login = tab.visit_and_weigh(f"{live_server.url}/akun/masuk/")
    print(f"page weight: home {home} B, login {login} B")  # shown with pytest -s
    assert home > 0 and login > 0
    assert home + login < WEIGHT_BUDGET


def test_page_has_no_inline_styles_or_scripts(tab: Tab, live_server: LiveServer) -> None:
    tab.page.goto(live_server.url)
    assert tab.page.locator("[style]").count() == 0
    assert tab.page.locator("script:not([src])").count() == 0
