"""An appeal (imbauan) from the Kota Bekasi office's draft to the Kota Bekasi PPK office's
acknowledgement and follow-up, and the provincial (Jawa Barat) office's page showing which
regions stay silent."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from netral.accounts.models import User
from netral.elections.models import Election
from netral.prevention import appeals as services
from netral.prevention.models import Appeal, AppealFollowUp
from tests.browser.conftest import BrowserSignIn

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_appeal_from_draft_to_follow_up_and_silent_regions(
    live_server: LiveServer,
    regions_and_elections: None,
    make_user: Callable[..., User],
    browser_sign_in: BrowserSignIn,
) -> None:
    bekasi = Election.objects.get(region_id="32.75", office=Election.Office.WALIKOTA)
    governor = Election.objects.get(region_id="32", office=Election.Office.GUBERNUR)
    office = make_user("bawaslu_staff", "32.75")
    ppk = make_user("ppk", "32.75", email="bkpsdm@bekasikota.example.org")
    other_ppk = make_user("ppk", "32.73")
    province = make_user("bawaslu_leader", "32")
    # The provincial office's own appeal to the governor and Kabupaten Bogor: nobody answers.
    earlier = services.appeal_draft_create(
        actor=province,
        election_id=governor.pk,
        template_code="campaign",
        recipient_region_codes=["32", "32.01"],
    )
    services.appeal_issue(actor=province, appeal_id=earlier.pk)

    # The Kota Bekasi office drafts from the campaign template, edits, and issues.
    context, tab = browser_sign_in(office)
    page = tab.page
    page.get_by_role("link", name="Imbauan", exact=True).click()
    page.get_by_role("link", name="Buat imbauan baru").click()
    form = page.locator("#imbauan-baru")
    form.get_by_label("Pemilihan").select_option(str(bekasi.pk))
    form.get_by_label("Templat").select_option("campaign")
    form.get_by_label("32.75 Kota Bekasi").check()
    form.get_by_role("button", name="Buat draf").click()
    edit = page.locator("#ubah-imbauan")
    expect(edit.get_by_label("Isi imbauan")).to_contain_text("Yth. Wali Kota Bekasi,")
    edit.get_by_label("Perihal").fill("Imbauan netralitas ASN pada masa kampanye di Kota Bekasi")
    edit.get_by_role("button", name="Simpan draf").click()
    expect(page.locator("#status-imbauan")).to_contain_text("Draf")
    page.locator("#tindakan-issue button[type=submit]").click()
    expect(page.locator("#status-imbauan")).to_contain_text("Diterbitkan")
    appeal = Appeal.objects.get(office_region_id="32.75")
    assert appeal.document is not None
    number = appeal.document.number
    assert "/3275/" in number
    expect(page.locator("h1")).to_contain_text(number)
    expect(page.locator("#daerah-32\\.75")).to_contain_text("diam")
    assert tab.csp_violations() == []
    context.close()

    # Another city's PPK office sees nothing of it.
    context, tab = browser_sign_in(other_ppk, "/ruang-kerja/imbauan/")
    page = tab.page
    expect(page.locator("main")).not_to_contain_text(number)
    response = page.goto(f"{live_server.url}/ruang-kerja/imbauan/{appeal.pk}/")
    assert response is not None and response.status == 404
    context.close()

    # The Kota Bekasi PPK office acknowledges and reports its circular letter.
    context, tab = browser_sign_in(ppk)
    page = tab.page
    page.get_by_role("link", name="Imbauan", exact=True).click()
    page.get_by_role("link", name=number).click()
    ack = page.locator("#tindakan-acknowledge")
    ack.get_by_label("Nama pejabat").fill("Dr. H. Junaedi")
    ack.get_by_label("Jabatan").fill("Sekretaris Daerah Kota Bekasi")
    ack.get_by_role("button", name="Konfirmasi penerimaan").click()
    expect(page.locator("main")).to_contain_text("Tersimpan")
    expect(page.locator("#konfirmasi")).to_contain_text("Dr. H. Junaedi")
    expect(page.locator("#tindakan-acknowledge")).to_have_count(0)
    follow = page.locator("#tindakan-follow_up")
    follow.get_by_label("Surat edaran kepada ASN").check()
    follow.get_by_label("Tanggal", exact=True).fill(timezone.localdate().isoformat())
    follow.get_by_label("Nomor surat edaran").fill("800.1/412/BKPSDM")
    follow.locator("input[type=file]").set_input_files(
        {"name": "surat-edaran.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    follow.get_by_role("button", name="Laporkan tindak lanjut").click()
    expect(page.locator("main")).to_contain_text("Tersimpan")
    expect(page.locator("#tindak-lanjut-saya")).to_contain_text("800.1/412/BKPSDM")
    assert AppealFollowUp.objects.get().file_sha256
    assert tab.csp_violations() == []
    context.close()

    # The Jawa Barat office: Kota Bekasi answered; the governor and Kabupaten Bogor are silent.
    context, tab = browser_sign_in(province)
    page = tab.page
    page.get_by_role("link", name="Imbauan", exact=True).click()
    expect(page.locator("#daftar-imbauan")).to_contain_text(number)
    page.get_by_role("link", name="Tanggapan per daerah").click()
    silent = page.locator("#daerah-diam")
    expect(silent).to_contain_text("Jawa Barat")
    expect(silent).to_contain_text("Kabupaten Bogor")
    expect(silent).not_to_contain_text("Kota Bekasi")
    expect(page.locator("#daerah-32\\.75")).to_contain_text("Kota Bekasi")
    page.goto(f"{live_server.url}/ruang-kerja/imbauan/{appeal.pk}/")
    row = page.locator("#daerah-32\\.75")
    expect(row).to_contain_text("Dr. H. Junaedi")
    expect(row).to_contain_text("Sekretaris Daerah Kota Bekasi")
    expect(row).to_contain_text("800.1/412/BKPSDM")
    expect(row).to_contain_text("lengkap")
    assert tab.csp_violations() == []
    context.close()
