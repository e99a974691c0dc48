"""The official receipt a reporter downloads with the receipt code: an official document
(``netral.documents``) that names neither the code nor the reporter, and verifies."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from pypdf import PdfReader

from netral.audit.models import AuditEntry
from netral.documents.models import IssuedDocument
from netral.documents.services import document_pdf
from netral.documents.tests.test_views import API, upload
from netral.reports.document_kinds import RECEIPT
from netral.reports.models import Report
from netral.reports.tests.views.test_public_views import submit

pytestmark = pytest.mark.usefixtures("elections")


def test_official_receipt_is_registered_without_the_code(client: Client) -> None:
    _, code = submit(client)
    response = client.post("/lapor/tanda-terima.pdf", {"receipt_code": code, "resmi": "1"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "tanda-terima-resmi" in response["Content-Disposition"]
    document = IssuedDocument.objects.get(kind=RECEIPT)
    assert response.content == document_pdf(document=document)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert document.number in text and "TANDA TERIMA LAPORAN" in text and "Kota Bekasi" in text
    digits = re.sub(r"\D", "", text)
    assert code not in digits and code[:8] not in text and "Rina" not in text
    # Nowhere at rest either: the stored bytes are the PDF above; not in the row or the audit.
    report = Report.objects.get()
    assert (document.subject_type, document.subject_id) == ("report", str(report.public_id))
    entry = AuditEntry.objects.get(action="document.issue", object_id=str(document.pk))
    assert code not in str(entry.after) and code not in document.subject_id
    again = client.post("/lapor/tanda-terima.pdf", {"receipt_code": code, "resmi": "1"})
    assert again.content == response.content and IssuedDocument.objects.count() == 1
    verified = upload(client, API, response.content).json()
    assert verified["genuine"] is True and verified["kind"] == "receipt"


def test_code_receipt_stays_unregistered(client: Client) -> None:
    _, code = submit(client)
    response = client.post("/lapor/tanda-terima.pdf", {"receipt_code": code})
    assert response.status_code == 200 and not IssuedDocument.objects.exists()
    verified = upload(client, API, response.content).json()
    assert verified == {"genuine": False, "reason": verified["reason"]}
