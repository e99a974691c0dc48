"""The report form is post/redirect/get with a one-time submission token: the same form sent
twice stores one report, the receipt page shows the code once and reloading it sends nothing;
files attached to a form that comes back with an error are named, to be attached again."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from netral.reports.models import Evidence, Report
from netral.reports.selectors import report_find_by_code
from netral.reports.submissions import submission_token_new
from netral.reports.tests.files import jpeg_with_exif
from netral.reports.tests.views.test_public_views import form_data, form_token

pytestmark = pytest.mark.usefixtures("elections")

RECEIPT = "/lapor/terkirim/"


def _photo(name: str = "bukti.jpg") -> io.BytesIO:
    photo = io.BytesIO(jpeg_with_exif())
    photo.name = name
    return photo


def _code(response: Any) -> str:
    found = re.search(rb'data-code="(\d{16})"', response.content)
    return found.group(1).decode() if found else ""


def test_the_form_sets_no_session_cookie(client: Client) -> None:
    response = client.get("/lapor/")
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_post_redirects_and_the_receipt_shows_the_code_once(client: Client) -> None:
    token = form_token(client)
    posted = client.post("/lapor/", {**form_data(), "submission": token, "files": [_photo()]})
    assert posted.status_code == 302 and posted["Location"] == RECEIPT
    assert b"data-code" not in posted.content  # the code is not in the POST's answer

    shown = client.get(RECEIPT)
    code = _code(shown)
    assert shown.status_code == 200 and code
    assert "no-store" in shown["Cache-Control"]
    assert report_find_by_code(code=code) == Report.objects.get()
    assert Evidence.objects.count() == 1

    # Reloading the receipt page: nothing is sent again, the code is not shown again.
    again = client.get(RECEIPT)
    assert again.status_code == 200 and not _code(again)
    assert "sudah ditampilkan" in again.content.decode()
    assert Report.objects.count() == 1


def test_the_same_token_twice_stores_one_report(client: Client) -> None:
    token = form_token(client)
    first = client.post("/lapor/", {**form_data(), "submission": token, "files": [_photo()]})
    # A double click: the browser drops the first answer and shows the second.
    second = client.post("/lapor/", {**form_data(), "submission": token, "files": [_photo()]})
    assert first.status_code == second.status_code == 302
    assert Report.objects.count() == 1 and Evidence.objects.count() == 1
    shown = client.get(RECEIPT)
    assert report_find_by_code(code=_code(shown)) == Report.objects.get()
    assert 'id="receipt-repeat"' in shown.content.decode()

    # Another browser (no session) sending the same form gets no second report either.
    other = Client()
    third = other.post("/lapor/", {**form_data(), "submission": token})
    assert third.status_code == 302 and Report.objects.count() == 1
    # A new form is a new report.
    fresh = client.post("/lapor/", {**form_data(), "submission": form_token(client)})
    assert fresh.status_code == 302 and Report.objects.count() == 2


@pytest.mark.parametrize(
    "token", ["", "forged", "tampered", "a" * 5000], ids=["missing", "forged", "tampered", "long"]
)
def test_a_missing_or_forged_token_stores_nothing_and_keeps_the_answers(
    client: Client, token: str
) -> None:
    # A real token with one character more: made here, so the test's id stays the same in
    # every process (the parallel workers must collect the same tests).
    token = submission_token_new() + "x" if token == "tampered" else token
    response = client.post("/lapor/", {**form_data(), "submission": token})
    assert response.status_code == 400
    html = response.content.decode()
    assert "terlalu lama terbuka atau tidak lengkap" in html
    assert 'value="Drs. Bambang Wijaya"' in html  # the answers come back
    assert re.search(r'name="submission" value="[^"]+"', html)  # with a fresh token
    assert not Report.objects.exists()


def test_a_form_error_names_the_files_to_attach_again(client: Client) -> None:
    token = form_token(client)
    data = {**form_data(reported_name=""), "submission": token}
    response = client.post("/lapor/", {**data, "files": [_photo("foto-rapat.jpg"), _photo()]})
    assert response.status_code == 400
    html = response.content.decode()
    notice = html.split('id="id_files_unsent"', 1)[1].split("</div>", 1)[0]
    assert "foto-rapat.jpg" in notice and "bukti.jpg" in notice
    assert "Pilih berkas-berkas ini lagi" in notice
    assert not Report.objects.exists() and not Evidence.objects.exists()
    # Corrected and sent again with the files: one report with both.
    fixed = {**form_data(), "submission": token, "files": [_photo("foto-rapat.jpg"), _photo()]}
    assert client.post("/lapor/", fixed).status_code == 302
    assert Evidence.objects.filter(report=Report.objects.get()).count() == 2
