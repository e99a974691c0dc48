"""The recommendation letter: issued with the recommendation, verifiable, for its addressee."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from conftest import SignIn
from netral.accounts.models import Role
from netral.cases.models import Verdict
from netral.documents.services import document_verify_bytes
from netral.followup import letters
from netral.followup.models import Recommendation
from netral.followup.tests.factories import decided_case

pytestmark = pytest.mark.usefixtures("elections")


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_each_recommendation_gets_its_letter(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY, Verdict.CRIMINAL])
    bkn_rec = Recommendation.objects.get(case=case, addressee="bkn")
    criminal_rec = Recommendation.objects.get(case=case, addressee="gakkumdu")
    assert bkn_rec.letter_number.startswith("NTR/") and criminal_rec.letter_number
    _, data = letters.recommendation_letter_get(
        actor=make_user(Role.BKN_OFFICER), rec_id=bkn_rec.pk
    )
    text = _text(data)
    assert "SURAT REKOMENDASI" in text and bkn_rec.letter_number in text
    assert case.register_number is not None
    assert "198503172010011004" in text and case.register_number in text
    assert document_verify_bytes(data=data).genuine
    _, criminal = letters.recommendation_letter_get(
        actor=make_user(Role.GAKKUMDU, "32.75"), rec_id=criminal_rec.pk
    )
    assert "Pasal 188" in _text(criminal)


def test_letter_pages(sign_in: SignIn, make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    url = reverse("followup:letter", kwargs={"rec_id": rec.pk})
    bkn, _ = sign_in(Role.BKN_OFFICER)
    assert url in bkn.get(reverse("followup:detail", kwargs={"rec_id": rec.pk})).content.decode()
    response = bkn.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    outsider, _ = sign_in(Role.PPK_OFFICE, "32.73")
    assert outsider.get(url).status_code == 404
    # The public verification page confirms it without any personal data.
    page = Client().get(f"/verify/{rec.letter_number}").content.decode()
    assert "Surat rekomendasi" in page and "Bambang" not in page


def test_a_letter_missing_from_older_data_can_be_issued_once(
    sign_in: SignIn, make_user: Any
) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ADMINISTRATIVE])
    rec = Recommendation.objects.get(case=case)
    Recommendation.objects.filter(pk=rec.pk).update(letter_number="")
    staff, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    issue = reverse("followup:letter_issue", kwargs={"rec_id": rec.pk})
    assert staff.post(issue).status_code == 302
    rec.refresh_from_db()
    first = rec.letter_number
    assert first
    assert staff.post(issue).status_code == 302
    rec.refresh_from_db()
    assert rec.letter_number == first
    kpu, _ = sign_in(Role.KPU, "32.75")
    assert kpu.post(issue).status_code == 403
