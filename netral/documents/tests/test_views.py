"""The public verification page (/verify/<number>) and API (/api/documents/verify). The
official receipt a reporter downloads is tested in reports (tests/views/test_official_receipt)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client, TestCase
from django.urls import reverse

from netral.documents.kinds import Subject
from netral.documents.models import IssuedDocument
from netral.documents.services import MAX_VERIFY_BYTES, document_issue, document_pdf
from netral.documents.tests.test_services import unrelated_pdf
from netral.regions.models import Region

API = "/api/documents/verify"
pytestmark = pytest.mark.usefixtures("elections")


@pytest.fixture
def document(db: Any) -> IssuedDocument:
    """An issued document, rendered as after its issue's commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        issued = _issue()
    issued.refresh_from_db()
    return issued


def _issue() -> IssuedDocument:
    return document_issue(
        kind="status_announcement",
        title="Pengumuman Status Laporan",
        office_region=Region.objects.get(code="32.75"),
        lines=[("Nomor register", "001/Reg/LP/PK/32.75/XI/2026")],
        paragraphs=["Isi pengumuman."],
        issued_by=None,
        subject=Subject.of("case", 4242),
    )


def upload(client: Client, url: str, data: bytes, name: str = "dokumen.pdf") -> Any:
    file = io.BytesIO(data)
    file.name = name
    return client.post(url, {"file": file})


def modified(data: bytes) -> bytes:
    return data + b"\n% appended after issue\n"


def test_urls_follow_the_contract(document: IssuedDocument) -> None:
    assert reverse("documents:verify", kwargs={"number": document.number}) == (
        f"/verify/{document.number}"
    )
    assert reverse("documents:verify_start") == "/verify/"


def test_page_shows_kind_date_and_hash_without_content(
    client: Client, document: IssuedDocument
) -> None:
    response = client.get(f"/verify/{document.number}")
    body = response.content.decode()
    assert response.status_code == 200
    assert document.sha256 is not None  # rendered
    assert document.number in body and "Pengumuman status" in body and document.sha256 in body
    assert "case:4242" not in body and "001/Reg" not in body and "Isi pengumuman" not in body
    assert "<script" not in body and 'enctype="multipart/form-data"' in body


def test_page_for_unknown_number_is_404(client: Client) -> None:
    response = client.get("/verify/NTR/2026/3275/999999")
    assert response.status_code == 404 and "tidak terdaftar" in response.content.decode()
    assert client.get("/verify/bukan-nomor").status_code == 404


def test_lookup_form_redirects_to_the_number(client: Client, document: IssuedDocument) -> None:
    response = client.get("/verify/", {"nomor": document.number.lower()})
    assert response.status_code == 302 and response["Location"] == f"/verify/{document.number}"
    assert client.get("/verify/").status_code == 200


def test_page_upload_genuine_modified_unknown_and_bad(
    client: Client, document: IssuedDocument
) -> None:
    data = document_pdf(document=document)
    url = f"/verify/{document.number}"
    genuine = upload(client, url, data)
    assert genuine.status_code == 200 and "Dokumen asli" in genuine.content.decode()
    changed = upload(client, url, modified(data))
    assert changed.status_code == 200 and "Dokumen telah diubah" in changed.content.decode()
    unknown = upload(client, "/verify/", unrelated_pdf())
    assert unknown.status_code == 200 and "Dokumen tidak dikenal" in unknown.content.decode()
    bad = upload(client, "/verify/", b"GIF89a not a pdf", name="x.gif")
    assert bad.status_code == 400 and "bukan PDF" in bad.content.decode()
    missing = client.post("/verify/", {})
    assert missing.status_code == 400 and "Unggah berkas PDF" in missing.content.decode()


def test_api_says_genuine_with_kind_and_date_only(client: Client, document: IssuedDocument) -> None:
    response = upload(client, API, document_pdf(document=document))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"genuine", "number", "kind", "kind_label", "issued_at", "sha256"}
    assert body["genuine"] is True and body["number"] == document.number
    assert (body["kind"], body["kind_label"]) == ("status_announcement", "Pengumuman status")
    assert body["issued_at"].startswith(document.issued_at.strftime("%Y-%m-%dT"))


def test_api_modified_and_unknown_are_200_not_genuine(
    client: Client, document: IssuedDocument
) -> None:
    changed = upload(client, API, modified(document_pdf(document=document)))
    assert changed.status_code == 200
    assert changed.json()["genuine"] is False and "diubah" in changed.json()["reason"]
    assert set(changed.json()) == {"genuine", "reason"}
    unknown = upload(client, API, unrelated_pdf())
    assert unknown.status_code == 200
    assert unknown.json() == {"genuine": False, "reason": unknown.json()["reason"]}
    assert "tidak dikenal" in unknown.json()["reason"]


def test_api_bad_uploads_are_400_with_a_reason(client: Client) -> None:
    missing = client.post(API, {})
    assert missing.status_code == 400 and "file" in missing.json()["reason"]
    not_pdf = upload(client, API, b"\x89PNG\r\n\x1a\n", name="x.png")
    assert not_pdf.status_code == 400 and not_pdf.json()["reason"] == "Berkas bukan PDF."
    empty = upload(client, API, b"")
    assert empty.status_code == 400 and empty.json()["reason"]
    json_body = client.post(API, {"file": "x"}, content_type="application/json")
    assert json_body.status_code == 400 and json_body.json()["reason"]
    too_big = upload(client, API, b"%PDF-1.7\n" + b"0" * MAX_VERIFY_BYTES)
    assert too_big.status_code == 400 and "terlalu besar" in too_big.json()["reason"]


def test_api_is_rate_limited(client: Client, settings: Any) -> None:
    settings.NETRAL_RATE_LIMITS = {"document-verify": (1, 3600)}
    assert upload(client, API, unrelated_pdf()).status_code == 200
    refused = upload(client, API, unrelated_pdf())
    assert refused.status_code == 429 and refused.json()["reason"]


def test_a_pending_document_says_its_file_is_being_prepared(client: Client) -> None:
    pending = _issue()  # its render waits for the commit, which never comes here
    response = client.get(f"/verify/{pending.number}")
    body = response.content.decode()
    assert response.status_code == 200 and pending.number in body
    assert "masih disiapkan" in body and "Terdaftar sebagai dokumen resmi" not in body
    # An upload naming the pending number is neither genuine nor "modified".
    named = unrelated_pdf().replace(b"%%EOF", f"% {pending.number}\n%%EOF".encode())
    answer = upload(client, API, named).json()
    assert answer["genuine"] is False and "masih disiapkan" in answer["reason"]
