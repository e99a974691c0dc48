"""A member of the public reports with a geotagged photo, keeps the code and tracks the report."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from netral.elections.services import election_cycles_load_all
from netral.regions.services import regions_load
from netral.reports.models import Evidence, Report
from netral.reports.storage import evidence_read
from netral.reports.tests.files import REPORTER, jpeg_with_exif
from tests.browser.conftest import Tab, open_tab

pytestmark = pytest.mark.browser

FORM_BUDGET_BYTES = 150 * 1024


def fill_report(tab: Tab, *, anonymous: bool) -> None:
    page = tab.page
    today = timezone.localdate()
    page.get_by_label("Nama ASN yang dilaporkan").fill("Drs. Bambang Wijaya")
    page.get_by_label("Instansi tempat bekerja").fill("Dinas Pendidikan Kota Bekasi")
    page.get_by_label("Apa yang terjadi?").fill(
        "Terlapor mengunggah foto bersama pasangan calon dengan gestur dua jari di Instagram."
    )
    page.get_by_label("Provinsi", exact=True).select_option("32")
    page.get_by_label("Kabupaten/kota", exact=True).select_option("32.75")
    page.get_by_label("Tanggal kejadian").fill(str(today - datetime.timedelta(days=2)))
    page.get_by_label("Tanggal Anda mengetahuinya").fill(str(today - datetime.timedelta(days=1)))
    page.locator("#id_files").set_input_files(
        [{"name": "IMG_2024.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_exif()}]
    )
    if anonymous:
        page.get_by_label("Saya melapor tanpa identitas").check()
    else:
        page.get_by_label("Nama lengkap").fill("Rina Kartika")
        page.get_by_label("Alamat", exact=True).fill("Jl. Ahmad Yani 1, Bekasi")
        page.get_by_label("Nomor telepon/WhatsApp").fill("081234567890")
    page.get_by_role("button", name="Kirim laporan").click()


def test_report_with_geotagged_photo_then_track_it(
    tab: Tab, live_server: LiveServer, transactional_db: Any
) -> None:
    regions_load()
    election_cycles_load_all()
    weight = tab.visit_and_weigh(f"{live_server.url}/lapor/")
    assert weight < FORM_BUDGET_BYTES, f"report form weighs {weight} bytes"
    # With JavaScript on, choosing a province narrows the regency list.
    tab.page.get_by_label("Provinsi", exact=True).select_option("32")
    assert tab.page.locator("#id_regency optgroup:not([hidden])").count() == 1

    fill_report(tab, anonymous=False)
    page = tab.page
    expect(page.get_by_role("heading", level=1)).to_have_text("Laporan Anda telah diterima")
    code = page.locator("#receipt-code").get_attribute("data-code")
    assert code and len(code) == 16

    report = Report.objects.get()
    evidence = Evidence.objects.get(report=report)
    cleaned = Image.open(io.BytesIO(evidence_read(evidence.clean_path)))
    assert dict(cleaned.getexif()) == {}
    assert REPORTER.encode() not in evidence_read(evidence.clean_path)
    assert b"Exif" in evidence_read(evidence.original_path)  # the sealed original is intact

    # Later, on another device: only the code leads back to the report.
    context, other = open_tab(tab.page.context.browser)  # type: ignore[arg-type]
    try:
        other.page.goto(f"{live_server.url}/lacak/")
        other.page.get_by_label("Kode tanda terima").fill(
            f"{code[:4]} {code[4:8]} {code[8:12]} {code[12:]}"
        )
        other.page.get_by_role("button", name="Lihat laporan").click()
        expect(other.page.get_by_role("heading", level=1)).to_have_text("Perkembangan laporan")
        expect(other.page.locator("#report-status")).to_have_text("Diterima")
        expect(other.page.locator("main")).not_to_contain_text("Rina")
        other.page.get_by_label("Tulis pesan atau keterangan tambahan").fill(
            "Ada saksi lain: Pak RT."
        )
        other.page.get_by_role("button", name="Kirim", exact=True).click()
        expect(other.page.locator("main")).to_contain_text("Pesan Anda terkirim")
        assert other.csp_violations() == []
    finally:
        context.close()


def test_report_without_javascript_anonymously(
    browser: Any, live_server: LiveServer, transactional_db: Any
) -> None:
    regions_load()
    election_cycles_load_all()
    context, tab = open_tab(browser, java_script_enabled=False)
    try:
        tab.page.goto(f"{live_server.url}/lapor/")
        fill_report(tab, anonymous=True)
        expect(tab.page.get_by_role("heading", level=1)).to_have_text(
            "Informasi Anda telah diterima"
        )
        assert Report.objects.get().kind == "informasi"
    finally:
        context.close()
