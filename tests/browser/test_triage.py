"""Triage in the staff workspace (issue #12, "Done when"): a staff member opens a new report,
sees the suggested type and a likely duplicate from another office, accepts the type, and
opens the person's record with two earlier sanctions.

Everything is built through the services: intake (each report gets its case, office, person
link and duplicate signature), the plenary decision, BKN's assessment and the PPK's decree.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from netral.accounts.models import Role, User
from netral.cases.models import Verdict
from netral.cases.tests.factories import case_from_report
from netral.followup import services as followup
from netral.followup.models import Recommendation
from netral.followup.tests.factories import decided_case
from netral.reports.models import Report
from tests.browser.conftest import BrowserSignIn

pytestmark = pytest.mark.browser

NIP = "198503172010011004"
EVENT = (
    "Pak camat kumpulin kades2 di balai desa, disuruh menangkan paslon nomor urut 2 dan "
    "dibagi amplop 500rb per orang. Camat juga minta kades mengajak warga memilih paslon itu."
)
TYPE = "kegiatan_keberpihakan"


def _days_ago(n: int) -> str:
    return str(timezone.localdate() - datetime.timedelta(days=n))


def _sanctioned_case(make_user: Callable[..., User], *, days: int, text: str) -> None:
    """An earlier case about the same ASN: decided, assessed by BKN, sanctioned by the PPK."""
    case = decided_case(
        make_user,
        verdicts=[Verdict.ASN_NEUTRALITY],
        reported_nip=NIP,
        chronology=text,
        event_date=_days_ago(days),
        known_date=_days_ago(days - 1),
    )
    rec = Recommendation.objects.get(case=case)
    followup.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER),
        rec_id=rec.pk,
        assessment="Terbukti berpihak.",
        sanction="moderate",
    )
    followup.sanction_record(
        actor=make_user(Role.PPK_OFFICE, rec.ppk_region_id),
        rec_id=rec.pk,
        imposed=True,
        decree_number=f"800/{days}/BKPSDM/2024",
        decree_date=timezone.localdate(),
        sanction="moderate",
    )


def test_staff_accepts_the_type_sees_the_duplicate_and_the_persons_sanctions(
    live_server: LiveServer,
    regions_and_elections: None,
    make_user: Callable[..., User],
    browser_sign_in: BrowserSignIn,
) -> None:
    _sanctioned_case(
        make_user, days=80, text="Terlapor mengunggah foto kampanye calon di Instagram pribadinya."
    )
    _sanctioned_case(
        make_user, days=50, text="Terlapor memakai mobil dinas untuk ikut kampanye calon wali kota."
    )
    # The same event told to the neighbouring regency's office, then to the city's.
    elsewhere, _ = case_from_report(
        region="32.16", reported_nip=NIP, chronology=EVENT, event_date=_days_ago(3)
    )
    case, _ = case_from_report(
        region="32.75", reported_nip=NIP, chronology=EVENT, event_date=_days_ago(3)
    )
    report = Report.objects.get(case=case)
    duplicate = Report.objects.get(case=elsewhere)
    assert report.handling_region_id == "32.75" and duplicate.handling_region_id == "32.16"
    assert report.violation_type == ""
    staff = make_user(Role.BAWASLU_STAFF, "32")  # the province's office sees both

    context, tab = browser_sign_in(staff)
    page = tab.page
    page.goto(f"{live_server.url}/ruang-kerja/laporan/{report.public_id}/")
    panel = page.locator("#saran")
    suggested = panel.locator(f'tr[data-suggestion="violation_type"][data-value="{TYPE}"]')
    expect(suggested).to_contain_text("Mengadakan kegiatan yang mengarah pada keberpihakan")
    expect(suggested).to_contain_text("%")
    likely = panel.locator(f'tr[data-duplicate="{duplicate.public_id}"]')
    expect(likely).to_contain_text("kantor lain")
    expect(likely).to_contain_text("NIP sama")

    suggested.get_by_role("button", name="Terima jenis").click()
    expect(page.locator("main")).to_contain_text("Saran diterima dan kolomnya diisi.")
    field = page.locator(".summary__row", has=page.locator("dt", has_text="Jenis pelanggaran"))
    expect(field).to_contain_text("Mengadakan kegiatan yang mengarah pada keberpihakan")
    expect(suggested).to_contain_text("Diterima")
    report.refresh_from_db()
    assert report.violation_type == TYPE

    panel.get_by_role("link", name="Riwayat").click()
    expect(page.locator("h1")).to_contain_text("Bambang Wijaya")
    expect(page.locator("#pelanggar-berulang")).to_be_visible()
    expect(page.locator("#riwayat tr.history--sanction")).to_have_count(2)
    context.close()
    assert tab.csp_violations() == []
