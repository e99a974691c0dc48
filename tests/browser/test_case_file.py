"""Issue #14, "Done when": a supervisor redacts a witness's name in the chronology, builds the
case file for Sentra Gakkumdu in one click, downloads it, and finds that the manifest's
SHA-256 hashes match the files in the ZIP (and are printed in the index) and that the
redacted name appears in none of them."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect
from pypdf import PdfReader

from netral.accounts.models import User
from netral.cases.tests.services.test_redaction import CHRONOLOGY, WITNESS
from netral.reports.forms import ReportForm
from netral.reports.intake import payload_to_form_data
from netral.reports.services import report_submit
from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import jpeg_with_exif
from tests.browser.conftest import BrowserSignIn

pytestmark = pytest.mark.browser


def test_case_file_downloads_with_matching_manifest_and_without_the_redacted_name(
    regions_and_elections: None,
    make_user: Callable[..., User],
    browser_sign_in: BrowserSignIn,
) -> None:
    photo = SimpleUploadedFile("bukti.jpg", jpeg_with_exif(), content_type="image/jpeg")
    body = valid(chronology=CHRONOLOGY, witnesses=[f"{WITNESS} (tetangga terlapor)"])
    form = ReportForm(payload_to_form_data(body))
    assert form.is_valid(), form.errors
    report = report_submit(form=form, files=[photo], channel="api").report
    report.refresh_from_db()
    case = report.case
    assert case is not None
    staff = make_user("bawaslu_staff", "32.75")

    context, tab = browser_sign_in(staff, f"/ruang-kerja/kasus/{case.pk}/")
    page = tab.page
    page.locator("#redaksi ~ ul a", has_text="Samarkan").first.click()
    page.get_by_label(WITNESS).check()
    page.get_by_role("button", name="Simpan redaksi").click()
    expect(page.locator("main")).to_contain_text("Redaksi disimpan")

    page.get_by_label("Diteruskan kepada").select_option("gakkumdu")
    page.get_by_role("button", name="Buat berkas perkara").click()
    expect(page.locator("#berkas-status")).to_have_attribute("data-status", "done")
    with page.expect_download() as download_info:
        page.locator("#unduh-berkas").click()
    data = download_info.value.path().read_bytes()  # before the context takes it away
    context.close()
    assert tab.csp_violations() == []

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    sums = {}
    for line in files["SHA256SUMS"].decode().splitlines():
        sha, name = line.split("  ", 1)
        sums[name] = sha
    assert set(sums) == set(files) - {"SHA256SUMS"}
    assert any(name.startswith("bukti/") for name in files)
    for name, sha in sums.items():
        assert hashlib.sha256(files[name]).hexdigest() == sha, name
    index = "".join(
        sheet.extract_text() for sheet in PdfReader(io.BytesIO(files["00-indeks.pdf"])).pages
    ).replace("\n", "")
    for name in set(sums) - {"00-indeks.pdf"}:
        assert sums[name] in index, name
    for name, content in files.items():
        assert WITNESS.encode() not in content and b"Sutrisno" not in content, name
    assert "Sutrisno" not in index and "[disamarkan]" in index
