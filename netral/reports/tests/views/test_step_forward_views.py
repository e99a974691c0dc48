"""The tracking page's step forward, as a reporter without JavaScript uses it: the receipt
code opens tracking, the information offers the identity form, the answer is a laporan, or,
past the reporting window, a plain statement that the law no longer allows it."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.test import Client

from netral.cases.tests.factories import case_from_report
from netral.common import clock
from netral.reports.models import Report, Reporter

pytestmark = pytest.mark.usefixtures("elections")
STEP = "/lacak/identitas/"
IDENTITY = {
    "reporter_name": "Sulastri Handayani",
    "reporter_nik": "3275015703900001",
    "reporter_address": "Jl. Cempaka 4, Bekasi",
    "reporter_phone": "081311112222",
    "consent": "on",
}


def tracking(client: Client, *, known_days_ago: int = 1, anonymous: bool = True) -> Report:
    today = clock.today()
    extra = {"anonymous": True, "reporter": None} if anonymous else {}
    case, code = case_from_report(
        event_date=str(today - datetime.timedelta(days=known_days_ago + 1)),
        known_date=str(today - datetime.timedelta(days=known_days_ago)),
        **extra,
    )
    assert client.post("/lacak/", {"receipt_code": code}).status_code == 302
    return Report.objects.get(case=case)


def test_information_becomes_a_report_through_the_tracking_page(client: Client) -> None:
    report = tracking(client)
    page = client.get("/lacak/laporan/").content.decode()
    assert f'href="{STEP}"' in page  # offered on the tracking page
    form = client.get(STEP).content.decode()
    assert 'name="reporter_name"' in form and 'name="consent"' in form
    assert "batas waktu pelaporan" in form

    refused = client.post(STEP, {**IDENTITY, "reporter_name": "", "consent": ""})
    assert refused.status_code == 400
    assert "Centang pernyataan ini untuk melanjutkan." in refused.content.decode()
    assert not Reporter.objects.filter(report=report).exists()

    done = client.post(STEP, IDENTITY)
    assert done.status_code == 302
    assert done["Location"] == "/lacak/laporan/?identitas=1"
    page = client.get(done["Location"]).content.decode()
    assert "Informasi ini kini laporan resmi." in page
    assert "Sulastri" not in page  # the identity is never shown back
    report.refresh_from_db()
    assert report.kind == Report.Kind.LAPORAN
    assert Reporter.objects.get(report=report).name == "Sulastri Handayani"
    # Done once: the page no longer offers it.
    assert client.get(STEP)["Location"] == "/lacak/laporan/"
    assert f'href="{STEP}"' not in client.get("/lacak/laporan/").content.decode()


def test_outside_the_window_the_page_says_so_plainly(client: Client) -> None:
    report = tracking(client, known_days_ago=20)
    page = client.get(STEP).content.decode()
    assert 'id="window-closed"' in page
    assert "tidak dapat lagi menjadi laporan resmi" in page
    assert 'name="reporter_name"' not in page
    assert client.post(STEP, IDENTITY).status_code == 400
    report.refresh_from_db()
    assert report.kind == Report.Kind.INFORMASI
    assert not Reporter.objects.filter(report=report).exists()

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(STEP).content.decode()
    assert "can no longer become a formal report" in english


def test_only_with_a_tracking_session_and_only_for_information(client: Client) -> None:
    assert client.get(STEP)["Location"] == "/lacak/?expired=1"
    assert client.post(STEP, IDENTITY)["Location"] == "/lacak/?expired=1"
    tracking(client, anonymous=False)
    assert client.get(STEP)["Location"] == "/lacak/laporan/"
