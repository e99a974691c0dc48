"""The public pages: form -> receipt -> tracking, without JavaScript."""

from __future__ import annotations

import datetime
import io
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from netral.reports.models import Evidence, Message, Report
from netral.reports.tests.files import jpeg_with_exif

pytestmark = pytest.mark.usefixtures("elections")


def form_data(**overrides: Any) -> dict[str, Any]:
    today = timezone.localdate()
    data = {
        "province": "32",
        "regency": "32.75",
        "reported_name": "Drs. Bambang Wijaya",
        "reported_nip": "",
        "agency": "Dinas Pendidikan Kota Bekasi",
        "violation_type": "",
        "chronology": (
            "Terlapor mengajak guru-guru memilih pasangan calon tertentu saat rapat dinas."
        ),
        "event_date": str(today - datetime.timedelta(days=1)),
        "known_date": str(today),
        "reporter_name": "Rina Kartika",
        "reporter_address": "Jl. Ahmad Yani 1, Bekasi",
        "reporter_phone": "081234567890",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def form_token(client: Client) -> str:
    """The one-time submission token of a freshly opened form."""
    found = re.search(rb'name="submission" value="([^"]+)"', client.get("/lapor/").content)
    assert found, "the form carries a submission token"
    return found.group(1).decode()


def submit(client: Client, *, token: str | None = None, **overrides: Any) -> tuple[Any, str]:
    """Open the form, send it with a photo and follow the redirect to the receipt page."""
    photo = io.BytesIO(jpeg_with_exif())
    photo.name = "bukti.jpg"
    data = {**form_data(**overrides), "submission": token or form_token(client), "files": [photo]}
    response = client.post("/lapor/", data, follow=True)
    match = re.search(rb'data-code="(\d{16})"', response.content)
    return response, match.group(1).decode() if match else ""


def test_the_form_page_renders_in_indonesian(client: Client) -> None:
    response = client.get("/lapor/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Laporkan dugaan pelanggaran netralitas ASN" in html
    assert 'name="province"' in html and 'value="32.75"' in html
    assert "Tidak tahu / belum yakin" in html


def test_submit_then_track_then_message(client: Client) -> None:
    response, code = submit(client)
    assert response.status_code == 200 and code
    report = Report.objects.get()
    assert report.kind == "laporan" and report.region_id == "32.75"
    assert Evidence.objects.filter(report=report).count() == 1
    assert "Rina" not in response.content.decode()

    tracked = client.post("/lacak/", {"receipt_code": f"{code[:4]} {code[4:8]}-{code[8:]}"})
    assert tracked.status_code == 302
    page = client.get("/lacak/laporan/")
    assert page.status_code == 200 and "Diterima" in page.content.decode()
    sent = client.post("/lacak/laporan/", {"body": "Saya punya saksi tambahan."})
    assert sent.status_code == 200 and "Pesan Anda terkirim" in sent.content.decode()
    assert Message.objects.get().sender == "reporter"

    client.post("/lacak/selesai/")
    assert client.get("/lacak/laporan/").status_code == 302


def test_anonymous_without_identity_fields(client: Client) -> None:
    response, code = submit(
        client, anonymous="on", reporter_name="", reporter_address="", reporter_phone=""
    )
    assert response.status_code == 200 and code
    assert Report.objects.get().kind == "informasi"


def test_errors_are_shown_in_indonesian_and_nothing_is_stored(client: Client) -> None:
    response, code = submit(client, reported_name="", regency="11.01")
    assert response.status_code == 400 and not code
    html = response.content.decode()
    assert "Ada masalah" in html
    assert "Kabupaten/kota tidak berada di provinsi yang dipilih." in html
    assert not Report.objects.exists()


def test_honeypot_refuses_bots(client: Client) -> None:
    response, code = submit(client, website="http://spam.example")
    assert response.status_code == 400 and not code
    assert not Report.objects.exists()


def test_unknown_code_gets_the_same_answer_as_malformed(client: Client) -> None:
    unknown = client.post("/lacak/", {"receipt_code": "1234567812345678"})
    malformed = client.post("/lacak/", {"receipt_code": "abc"})
    assert unknown.status_code == malformed.status_code == 404
    assert "tidak ditemukan" in unknown.content.decode()


def test_pdf_receipt_carries_the_code_but_no_identity(client: Client) -> None:
    _, code = submit(client)
    response = client.post("/lapor/tanda-terima.pdf", {"receipt_code": code})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert f"{code[:4]}-{code[4:8]}-{code[8:12]}-{code[12:]}" in text
    assert "Kota Bekasi" in text and "Tindak lanjut" in text
    assert "Rina" not in text


def test_submissions_are_rate_limited_per_client(client: Client, settings: Any) -> None:
    settings.NETRAL_RATE_LIMITS = {"report-submit": (2, 3600)}
    assert submit(client)[0].status_code == 200
    assert submit(client)[0].status_code == 200
    response, code = submit(client)
    assert response.status_code == 429 and not code
    assert "coba lagi" in response.content.decode()
    assert Report.objects.count() == 2


def test_code_lookups_are_rate_limited(client: Client, settings: Any) -> None:
    settings.NETRAL_RATE_LIMITS = {"receipt-lookup": (3, 600)}
    for _ in range(3):
        assert client.post("/lacak/", {"receipt_code": "1234567812345678"}).status_code == 404
    assert client.post("/lacak/", {"receipt_code": "1234567812345678"}).status_code == 429
