"""A staff member signs in with password and authenticator code in a real browser."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from conftest import TEST_PASSWORD, totp_now
from netral.accounts.models import User
from netral.regions.services import regions_load
from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser


def _fill_login(tab: Tab, live_server: LiveServer, user: User, code: str) -> None:
    page = tab.page
    page.goto(f"{live_server.url}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(user.username)
    page.get_by_label("Kata sandi").fill(TEST_PASSWORD)
    page.get_by_label("Kode autentikator").fill(code)
    page.get_by_role("button", name="Masuk", exact=True).click()


def test_staff_signs_in_and_lands_on_the_workspace(
    tab: Tab,
    live_server: LiveServer,
    make_user: Callable[..., User],
    enrol_totp: Callable[[User], TOTPDevice],
) -> None:
    regions_load()
    user = make_user("bawaslu_staff", region="32", first_name="Sari")
    device = enrol_totp(user)
    _fill_login(tab, live_server, user, totp_now(device))

    page = tab.page
    expect(page).to_have_url(f"{live_server.url}/akun/ruang-kerja/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Selamat datang, Sari")
    expect(page.locator(".summary")).to_contain_text("Jawa Barat")
    expect(page.get_by_role("button", name="Keluar")).to_be_visible()
    # htmx loaded from our own origin, without a CSP complaint (checked by the fixture).
    page.wait_for_function("() => window.htmx !== undefined")


def test_wrong_code_shows_the_indonesian_error(
    tab: Tab,
    live_server: LiveServer,
    make_user: Callable[..., User],
    enrol_totp: Callable[[User], TOTPDevice],
) -> None:
    user = make_user("bkn")
    device = enrol_totp(user)
    wrong = f"{(int(totp_now(device)) + 1) % 1_000_000:06d}"
    _fill_login(tab, live_server, user, wrong)

    page = tab.page
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Ada masalah")
    expect(summary).to_contain_text("Nama pengguna, kata sandi, atau kode autentikator salah.")
    expect(page).to_have_title("Galat: Masuk untuk staf — Netral")
    expect(page).to_have_url(f"{live_server.url}/akun/masuk/")


def test_keyboard_user_can_sign_in(
    tab: Tab,
    live_server: LiveServer,
    make_user: Callable[..., User],
    enrol_totp: Callable[[User], TOTPDevice],
) -> None:
    user = make_user("kpu")
    device = enrol_totp(user)
    page = tab.page
    page.goto(f"{live_server.url}/akun/masuk/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Langsung ke isi utama")).to_be_focused()
    page.get_by_label("Nama pengguna").focus()
    page.keyboard.type(user.username)
    page.keyboard.press("Tab")
    page.keyboard.type(TEST_PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.type(totp_now(device))
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/akun/ruang-kerja/")


def test_first_sign_in_enrols_an_authenticator(
    tab: Tab, live_server: LiveServer, make_user: Callable[..., User]
) -> None:
    user = make_user("bawaslu_leader", first_name="Rahmat")
    _fill_login(tab, live_server, user, "")

    page = tab.page
    expect(page).to_have_url(f"{live_server.url}/akun/masuk/autentikator/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pasang aplikasi autentikator")
    expect(page.locator("svg.qr")).to_be_visible()
    page.get_by_text("Tidak bisa memindai? Ketik kunci ini").click()
    expect(page.locator(".secret")).to_be_visible()

    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.get_by_label("Kode autentikator").fill(totp_now(device))
    page.get_by_role("button", name="Aktifkan dan masuk").click()
    expect(page).to_have_url(f"{live_server.url}/akun/ruang-kerja/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Selamat datang, Rahmat")
