"""The statistics on a 375 px phone: no table widens the page; a table wider than the screen
scrolls inside its own frame, which says so; numbers in the Indonesian format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from netral.accounts.models import User
from netral.analytics.tests.conftest import SPECS, build
from netral.elections.services import election_cycles_load_all
from netral.regions.services import regions_load
from tests.browser.conftest import BrowserSignIn, open_tab

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}


def _page_width(page: Page) -> tuple[int, int]:
    return page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )


def _wide_tables_have_a_cue(page: Page) -> int:
    """Every table that is wider than its frame sits in a scrolling frame with a visible
    hint, and can be reached by keyboard."""
    frames = page.evaluate(
        """[...document.querySelectorAll('main table')].map(t => {
            const frame = t.closest('.table-scroll__frame');
            const cue = t.closest('.table-scroll')?.querySelector('.table-scroll__cue');
            return {
              wide: t.scrollWidth > t.parentElement.clientWidth + 1,
              framed: !!frame,
              focusable: !!frame && frame.tabIndex === 0,
              cue: !!cue && cue.offsetParent !== null,
            };
        })"""
    )
    assert frames, "the page has tables"
    for frame in frames:
        if frame["wide"]:
            assert frame["framed"] and frame["focusable"] and frame["cue"], frame
    return sum(frame["wide"] for frame in frames)


def test_public_statistics_fit_a_phone(
    browser: Browser, live_server: LiveServer, transactional_db: Any
) -> None:
    regions_load()
    election_cycles_load_all()
    build(SPECS)
    context, tab = open_tab(browser, viewport=PHONE)
    page = tab.page
    for query in ("", "?region=32"):
        page.goto(f"{live_server.url}/statistik/{query}")
        expect(page.locator("main table").first).to_be_visible()
        scroll_width, viewport = _page_width(page)
        assert scroll_width <= viewport == 375
        assert _wide_tables_have_a_cue(page) == 0  # two columns: they wrap and fit
    expect(page.locator("main")).to_contain_text("“x”")
    assert tab.csp_violations() == []
    context.close()


def test_staff_dashboard_fits_a_phone(
    live_server: LiveServer,
    regions_and_elections: None,
    make_user: Callable[..., User],
    browser_sign_in: BrowserSignIn,
) -> None:
    build(SPECS)
    leader = make_user("bawaslu_leader")
    context, tab = browser_sign_in(leader, viewport=PHONE)
    page = tab.page
    for query in ("?peta=rate", "?region=32"):
        page.goto(f"{live_server.url}/ruang-kerja/statistik/{query}")
        expect(page.locator("main table").first).to_be_visible()
        scroll_width, viewport = _page_width(page)
        assert scroll_width <= viewport == 375
        # The regions table (seven columns) is wider than a phone: it scrolls in its frame.
        assert _wide_tables_have_a_cue(page) >= 1
    assert tab.csp_violations() == []
    context.close()
