"""One case from the plenary decision to the sanction the PPK imposed, across three logins
(Bawaslu leadership, a BKN officer, the Kota Bekasi PPK office), each seeing only its part."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from netral.accounts.models import User
from netral.cases import services as case_services
from netral.cases.tests.factories import case_from_report
from netral.followup.models import Recommendation
from netral.rules.selectors import requirement_list
from tests.browser.conftest import BrowserSignIn

pytestmark = pytest.mark.browser


def submit(page: Page, form: str) -> None:
    page.locator(f"{form} button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Tersimpan")


def test_decision_to_sanction_across_three_logins(
    live_server: LiveServer,
    regions_and_elections: None,
    make_user: Callable[..., User],
    browser_sign_in: BrowserSignIn,
) -> None:
    case, _ = case_from_report()
    staff = make_user("bawaslu_staff", "32.75")
    leader = make_user("bawaslu_leader", "32.75")
    bkn = make_user("bkn")
    ppk = make_user("ppk", "32.75")
    other_ppk = make_user("ppk", "32.73")
    checklist = {r.code: True for r in requirement_list()}
    case_services.case_register(actor=staff, case_id=case.pk, formal=checklist)
    case_services.case_start_study(actor=staff, case_id=case.pk)
    case_services.case_record_study(
        actor=staff, case_id=case.pk, facts="Unggahan.", analysis="SKB 2022.", conclusion="Ya."
    )

    # Leadership decides in plenary; the recommendation to BKN appears on the desk.
    context, tab = browser_sign_in(leader)
    page = tab.page
    page.goto(f"{live_server.url}/ruang-kerja/kasus/{case.pk}/")
    decide = page.locator("#tindakan-decide")
    decide.get_by_label("Pelanggaran netralitas ASN").check()
    decide.get_by_label("Pertimbangan").fill("Pleno Bawaslu Kota Bekasi.")
    submit(page, "#tindakan-decide")
    page.get_by_role("link", name="Tindak lanjut").click()
    rec = Recommendation.objects.get(case=case)
    expect(page.locator("main")).to_contain_text(rec.number)
    expect(page.locator("main")).to_contain_text("Dikirim")
    assert tab.csp_violations() == []
    context.close()

    # BKN assesses and passes it on to the PPK; it cannot open Bawaslu's case file.
    context, tab = browser_sign_in(bkn, "/ruang-kerja/tindak-lanjut/")
    page = tab.page
    page.get_by_role("link", name=rec.number).click()
    expect(page.locator("main")).to_contain_text("Drs. Bambang Wijaya")
    form = page.locator("#tindakan-assess")
    form.get_by_label("Hasil penilaian BKN").fill("Terbukti mengunggah materi kampanye.")
    form.get_by_label("Sanksi yang direkomendasikan").select_option("moderate")
    submit(page, "#tindakan-assess")
    expect(page.locator("#status-rekomendasi")).to_contain_text("Dinilai BKN")
    response = page.goto(f"{live_server.url}/ruang-kerja/kasus/{case.pk}/")
    assert response is not None and response.status in (403, 404)
    context.close()

    # Another city's PPK office sees nothing of it.
    context, tab = browser_sign_in(other_ppk, "/ruang-kerja/tindak-lanjut/")
    page = tab.page
    expect(page.locator("main")).not_to_contain_text(rec.number)
    response = page.goto(f"{live_server.url}/ruang-kerja/tindak-lanjut/{rec.pk}/")
    assert response is not None and response.status == 404
    context.close()

    # The Kota Bekasi PPK office records the decree.
    context, tab = browser_sign_in(ppk, "/ruang-kerja/tindak-lanjut/")
    page = tab.page
    page.get_by_role("link", name=rec.number).click()
    form = page.locator("#tindakan-sanction")
    form.get_by_label("Sanksi dijatuhkan", exact=True).check()
    form.get_by_label("Nomor keputusan").fill("800.1.6/77/BKPSDM/2024")
    form.get_by_label("Tanggal keputusan").fill(str(timezone.localdate(rec.issued_at)))
    form.get_by_label("Jenis sanksi").select_option("moderate")
    form.get_by_label("Bentuk sanksi").select_option("potong_tukin_6_bulan")
    submit(page, "#tindakan-sanction")
    expect(page.locator("#status-rekomendasi")).to_contain_text("Sanksi dijatuhkan")
    expect(page.locator("#sanksi")).to_contain_text("Hukuman disiplin sedang")
    response = page.goto(f"{live_server.url}/ruang-kerja/kasus/{case.pk}/")
    assert response is not None and response.status in (403, 404)
    context.close()

    # Leadership sees the end of the follow-up.
    context, tab = browser_sign_in(leader)
    page = tab.page
    page.goto(f"{live_server.url}/ruang-kerja/tindak-lanjut/{rec.pk}/")
    expect(page.locator("#sanksi")).to_contain_text("Hukuman disiplin sedang")
    expect(page.locator("main")).to_contain_text("800.1.6/77/BKPSDM/2024")
    context.close()
