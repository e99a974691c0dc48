"""Browser tests: Playwright (sync API) driving the system Chromium against ``live_server``.

Never ``playwright install``: the tests use Debian's Chromium at ``/usr/bin/chromium``. When it
is missing the tests skip locally and fail on CI (``CI`` set), so CI cannot pass silently.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Response,
    expect,
    sync_playwright,
)
from pytest_django.live_server_helper import LiveServer

from conftest import TEST_PASSWORD, totp_now
from netral.accounts.models import User
from netral.elections.services import election_cycles_load_all
from netral.regions.services import regions_load

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse the
# ORM calls the tests make to create their data.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@dataclass
class Tab:
    """A page plus what the browser said while it ran: console lines and responses."""

    page: Page
    console: list[str] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return [line for line in self.console if "Content Security Policy" in line]

    def visit_and_weigh(self, url: str) -> int:
        """Load ``url`` and return the body bytes of every response it needed (the document,
        its CSS, scripts, images). Bodies must be read before the page navigates away."""
        self.responses.clear()
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")  # also delivers pending response events
        return sum(len(r.body()) for r in self.responses if not 300 <= r.status < 400)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def open_tab(browser: Browser, **context_options: Any) -> tuple[BrowserContext, Tab]:
    """A fresh context (own cookies) and page that records console lines and responses."""
    context = browser.new_context(locale="id-ID", **context_options)
    context.set_default_timeout(10_000)
    tab = Tab(page=context.new_page())

    def on_console(message: ConsoleMessage) -> None:
        tab.console.append(f"{message.type}: {message.text}")

    def on_response(response: Response) -> None:
        tab.responses.append(response)

    tab.page.on("console", on_console)
    tab.page.on("response", on_response)
    return context, tab


@pytest.fixture
def tab(browser: Browser) -> Iterator[Tab]:
    context, tab = open_tab(browser)
    yield tab
    context.close()
    assert tab.csp_violations() == []


def staff_sign_in(page: Page, live_server: LiveServer, user: User, device: TOTPDevice) -> None:
    """Sign ``user`` in through the login page with password and authenticator code."""
    page.goto(f"{live_server.url}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(user.username)
    page.get_by_label("Kata sandi").fill(TEST_PASSWORD)
    page.get_by_label("Kode autentikator").fill(totp_now(device))
    page.get_by_role("button", name="Masuk", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/akun/ruang-kerja/")


@pytest.fixture
def regions_and_elections(transactional_db: Any) -> None:
    """The regions and the election cycles loaded, as a staff journey starts from them."""
    regions_load()
    election_cycles_load_all()


BrowserSignIn = Callable[..., tuple[BrowserContext, Tab]]


@pytest.fixture
def browser_sign_in(
    browser: Browser, live_server: LiveServer, enrol_totp: Callable[[User], TOTPDevice]
) -> BrowserSignIn:
    """``browser_sign_in(user, path="", **context_options)``: a fresh context and tab (see
    ``open_tab``) with ``user`` signed in through the login page (a new authenticator each
    time), then at ``path`` (a path of ``live_server``) when given. The caller closes it."""

    def sign_in(user: User, path: str = "", **context_options: Any) -> tuple[BrowserContext, Tab]:
        context, tab = open_tab(browser, **context_options)
        staff_sign_in(tab.page, live_server, user, enrol_totp(user))
        if path:
            tab.page.goto(f"{live_server.url}{path}")
        return context, tab

    return sign_in
