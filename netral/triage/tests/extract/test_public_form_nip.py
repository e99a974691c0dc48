"""The public report form warns early about an invalid reported NIP, without JavaScript
(issue #12 item 5): "Periksa NIP" sends the form back with the NIP's verdict only, storing
nothing; a full submission with an invalid NIP names the same specific reason."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from netral.reports.models import Report
from netral.reports.tests.views.test_public_views import form_data as public_form_data

pytestmark = pytest.mark.usefixtures("elections")

PAGE_LIMIT = 150 * 1024


def form_data(**overrides: Any) -> dict[str, Any]:
    """The public form of ``test_public_views``, anonymous."""
    data: dict[str, Any] = {
        "chronology": "Terlapor mengajak guru-guru memilih pasangan calon tertentu saat rapat.",
        "anonymous": "on",
        "reporter_name": None,
        "reporter_address": None,
        "reporter_phone": None,
        "violation_type": None,
    }
    return public_form_data(**{**data, **overrides})


def token(client: Client) -> str:
    found = re.search(rb'name="submission" value="([^"]+)"', client.get("/lapor/").content)
    assert found
    return found.group(1).decode()


def test_the_form_offers_the_check_and_stays_small(client: Client) -> None:
    page = client.get("/lapor/")
    assert page.status_code == 200
    assert b'name="check" value="nip" formnovalidate' in page.content
    assert len(page.content) < PAGE_LIMIT


@pytest.mark.parametrize(
    ("nip", "reason"),
    [
        (
            "198503172010013004",
            "angka ke-15 harus 1 (laki-laki) atau 2 (perempuan), bukan 3",
        ),
        ("1985031720100110", "berisi 16 angka, seharusnya 18"),
        ("19850317201001100A", "hanya boleh berisi angka (spasi, titik atau tanda hubung boleh)"),
        (
            "198502302010011004",
            "8 angka pertama harus tanggal lahir (TTTTBBHH), 19850230 bukan tanggal yang mungkin",
        ),
        (
            "198503172010131004",
            "angka ke-9 sampai ke-14 harus tahun dan bulan pengangkatan (TTTTBB), 201013 tidak "
            "mungkin",
        ),
        ("198503172010011000", "nomor urut (3 angka terakhir) tidak boleh 000"),
    ],
)
def test_check_nip_warns_with_the_specific_reason_and_stores_nothing(
    client: Client, nip: str, reason: str
) -> None:
    data = form_data(reported_nip=nip, chronology="", submission=token(client), check="nip")
    response = client.post("/lapor/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"NIP ini tidak valid: {reason}." in html
    # Only the NIP's verdict: the empty chronology is not reported as an error yet.
    assert "field--error" not in html
    assert 'value="Drs. Bambang Wijaya"' in html  # what was typed comes back
    assert Report.objects.count() == 0


def test_check_nip_confirms_a_valid_nip(client: Client) -> None:
    data = form_data(reported_nip="19850317 201001 1 004", submission=token(client), check="nip")
    html = client.post("/lapor/", data).content.decode()
    assert "NIP ini sah: lahir 17-03-1985, diangkat 01/2010, laki-laki." in html
    assert "tidak valid" not in html
    assert Report.objects.count() == 0


def test_submitting_with_an_invalid_nip_gives_the_same_reason(client: Client) -> None:
    data = form_data(reported_nip="198503172010013004", submission=token(client))
    response = client.post("/lapor/", data)
    assert response.status_code == 400
    assert (
        "NIP ini tidak valid: angka ke-15 harus 1 (laki-laki) atau 2 (perempuan), bukan 3."
        in response.content.decode()
    )
    assert Report.objects.count() == 0


def test_after_the_check_the_form_still_submits(client: Client) -> None:
    submission = token(client)
    checked = client.post(
        "/lapor/", form_data(reported_nip="198503172010011004", submission=submission, check="nip")
    )
    assert f'value="{submission}"'.encode() in checked.content  # the same one-time token
    sent = client.post(
        "/lapor/", form_data(reported_nip="198503172010011004", submission=submission)
    )
    assert sent.status_code == 302
    assert Report.objects.get().reported_nip == "198503172010011004"


def test_the_warning_in_english(client: Client) -> None:
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    data = form_data(reported_nip="198503172010013004", submission=token(client), check="nip")
    html = client.post("/lapor/", data).content.decode()
    assert "This NIP is invalid: digit 15 must be 1 (male) or 2 (female), not 3." in html
    assert "Check the NIP" in html
