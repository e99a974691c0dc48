"""Issue #14 items 6 and 7 on the staff pages: the case page offers the case file in one click,
its page refreshes itself until the build is done, then downloads; the redaction page
suggests spans and stores the redacted version; outsiders get 404, partner desks 403, and
hostile form values a page with the message, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from conftest import SignIn
from netral.accounts.models import Role
from netral.cases.models import CaseFile, Redaction
from netral.cases.tests.factories import case_from_report
from netral.cases.tests.services.test_redaction import CHRONOLOGY, WITNESS
from netral.reports.models import Report

pytestmark = pytest.mark.usefixtures("elections")


def test_one_click_builds_with_progress_page_and_download(
    sign_in: SignIn, django_capture_on_commit_callbacks: Any
) -> None:
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    case, _ = case_from_report()
    page = client.get(reverse("cases:case_detail", kwargs={"case_id": case.pk}))
    assert b'id="buat-berkas"' in page.content

    create = reverse("case_files:create", kwargs={"case_id": case.pk})
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(create, {"recipient": "dkpp"})
        again = client.post(create, {"recipient": "dkpp"})  # a double click: the same build
    case_file = CaseFile.objects.get(case=case)
    assert again["Location"] == response["Location"]
    assert response.status_code == 302 and str(case_file.public_id) in response["Location"]
    # Not built yet: the page says so and refreshes itself.
    pending = client.get(response["Location"])
    assert b'http-equiv="refresh"' in pending.content and b"<progress" in pending.content
    with django_capture_on_commit_callbacks(execute=True):
        for callback in queued:
            callback()
    done = client.get(response["Location"])
    assert b'http-equiv="refresh"' not in done.content and b"00-indeks.pdf" in done.content
    download = client.get(
        reverse(
            "case_files:download", kwargs={"case_id": case.pk, "public_id": case_file.public_id}
        )
    )
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert download.content[:2] == b"PK"


def test_outsiders_get_404_partner_desks_403_and_bad_recipient_a_message(
    sign_in: SignIn,
) -> None:
    case, _ = case_from_report()
    create = reverse("case_files:create", kwargs={"case_id": case.pk})
    elsewhere, _ = sign_in(Role.BAWASLU_STAFF, "32.01")
    assert elsewhere.post(create, {"recipient": "bkn"}).status_code == 404
    ppk, _ = sign_in(Role.PPK_OFFICE, "32.75")
    assert ppk.post(create, {"recipient": "bkn"}).status_code == 403
    staff, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    refused = staff.post(create, {"recipient": "x" * 5000}, follow=True)
    assert refused.status_code == 200 and "Gakkumdu" in refused.content.decode()
    assert not CaseFile.objects.exists()


def test_redaction_page_suggests_and_saves(sign_in: SignIn) -> None:
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    case, _ = case_from_report(chronology=CHRONOLOGY)
    report = Report.objects.get(case=case)
    url = reverse(
        "case_files:redaction",
        kwargs={"case_id": case.pk, "target": "chronology", "target_id": report.public_id},
    )
    page = client.get(url)
    start = CHRONOLOGY.index(WITNESS)
    assert f'value="{start}-{start + len(WITNESS)}"'.encode() in page.content

    bad = client.post(url, {"span": ["9-99999999"], "terms": ""})
    assert bad.status_code == 400 and not Redaction.objects.exists()
    saved = client.post(url, {"span": [f"{start}-{start + len(WITNESS)}"], "terms": "Melati"})
    assert saved.status_code == 302
    row = Redaction.objects.get()
    assert WITNESS not in row.redacted_text and "Melati" not in row.redacted_text
    shown = client.get(url).content.decode().split('id="naskah-redaksi">', 1)[1]
    assert shown.split("</blockquote>", 1)[0].count("[disamarkan]") == 2
    missing = url.replace("chronology", "message")
    assert client.get(missing).status_code == 404
