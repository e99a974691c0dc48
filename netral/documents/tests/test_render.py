"""Official documents are numbered in the issuing transaction and rendered after it commits:
a plenary decision's letters end up rendered and verifiable, a pending document is rendered
on the first download or by ``documents_render_pending``, and storage checks do not call it
broken."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse

from netral.accounts.models import Role
from netral.audit.selectors import audit_verify
from netral.cases.models import Verdict
from netral.documents import services
from netral.documents.models import IssuedDocument
from netral.documents.services import document_pdf, document_verify_bytes
from netral.documents.tests.test_services import _issue
from netral.followup.models import Recommendation
from netral.followup.tests.factories import decided_case

pytestmark = pytest.mark.usefixtures("elections")


def test_a_decision_issues_letters_that_are_rendered_after_its_commit(make_user: Any) -> None:
    with TestCase.captureOnCommitCallbacks(execute=False) as queued:
        case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY, Verdict.CRIMINAL])
    numbers = list(
        Recommendation.objects.filter(case=case)
        .order_by("pk")
        .values_list("letter_number", flat=True)
    )
    letters = IssuedDocument.objects.filter(number__in=numbers)
    assert len(numbers) == 2 and letters.count() == 2
    # Committed with their numbers, no PDF rendered inside the decision's transaction.
    assert all(doc.pending and doc.sha256 is None for doc in letters)
    for callback in queued:  # the commit happens: the queued renders run
        callback()
    for document in IssuedDocument.objects.filter(number__in=numbers):
        assert not document.pending and document.draft == ""
        data = document_pdf(document=document)
        assert document_verify_bytes(data=data).genuine
        page = Client().get(f"/verify/{document.number}").content.decode()
        assert document.sha256 is not None and document.sha256 in page
        assert "masih disiapkan" not in page
    assert audit_verify() is None


def test_pending_documents_are_rendered_by_the_command(make_user: Any) -> None:
    pending = [_issue("registration_notice", "32.75"), _issue("recommendation", None)]
    assert all(document.pending for document in pending)
    out = io.StringIO()
    call_command("documents_render_pending", "--list", stdout=out)
    assert [line.split()[1] for line in out.getvalue().splitlines()] == [d.number for d in pending]
    call_command("documents_render_pending", stdout=io.StringIO())
    for document in pending:
        document.refresh_from_db()
        assert not document.pending
        assert document_verify_bytes(data=document_pdf(document=document)).genuine
    assert audit_verify() is None


def test_a_pending_document_is_rendered_on_its_first_download() -> None:
    document = _issue("registration_notice", "32.75")
    data = document_pdf(document=document)
    document.refresh_from_db()
    assert not document.pending and document_verify_bytes(data=data).genuine
    assert document_pdf(document=document) == data  # the same bytes, not a second render


def test_storage_check_does_not_call_a_pending_document_broken(
    settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    _issue("registration_notice", "32.75")
    call_command("storage_check", stdout=io.StringIO())  # raises CommandError on a problem


def test_a_letter_whose_pdf_cannot_be_rendered_yet_is_a_message_not_a_500(
    make_user: Any, sign_in: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)

    def broken(document: Any) -> bytes:
        raise OSError("renderer unavailable")

    monkeypatch.setattr(services, "official_pdf", broken)
    bkn, _ = sign_in(Role.BKN_OFFICER)
    response = bkn.get(reverse("followup:letter", kwargs={"rec_id": rec.pk}), follow=True)
    assert response.status_code == 200
    assert "sedang disiapkan" in response.content.decode()
    assert IssuedDocument.objects.get(number=rec.letter_number).pending
