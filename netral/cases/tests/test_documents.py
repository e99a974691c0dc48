"""A case's official documents: each renders with its facts, only at its step, once; the
announcement carries no personal data; the staff pages are scoped to the jurisdiction."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from conftest import SignIn
from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases import document_kinds as doc_kinds
from netral.cases import services
from netral.cases.clarification import clarification_invite, clarification_record_minutes
from netral.cases.documents import case_document_issue, case_documents_available
from netral.cases.models import Case, Clarification
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.documents.models import IssuedDocument
from netral.documents.services import document_pdf, document_verify_bytes
from netral.rules.selectors import requirement_list

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]
NAME, NIP, REPORTER = "Drs. Bambang Wijaya", "198503172010011004", "Rina Kartika"


def text_of(document: IssuedDocument) -> str:
    data = document_pdf(document=document)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def registered(staff: User) -> Case:
    case, _ = case_from_report()
    formal = {r.code: True for r in requirement_list(kind="formal")}
    return services.case_register(actor=staff, case_id=case.pk, formal=formal)


def invited(staff: User) -> tuple[Case, Clarification]:
    case = registered(staff)
    services.case_start_clarification(actor=staff, case_id=case.pk)
    item = clarification_invite(
        actor=staff,
        case_id=case.pk,
        invitee_role=Clarification.InviteeRole.REPORTED,
        invitee_label="Terlapor",
        scheduled_at=timezone.now() + datetime.timedelta(days=1),
        place="Kantor Bawaslu Kota Bekasi",
    )
    return case, item


def announced(staff: User, leader: User) -> Case:
    case = registered(staff)
    services.case_start_clarification(actor=staff, case_id=case.pk)
    services.case_start_study(actor=staff, case_id=case.pk)
    services.case_record_study(
        actor=staff, case_id=case.pk, facts="Fakta.", analysis="Analisis.", conclusion="Simpulan."
    )
    services.case_decide(
        actor=leader, case_id=case.pk, verdicts=["asn_neutrality"], reason="Pleno."
    )
    return services.case_announce(actor=staff, case_id=case.pk, summary="Terbukti melanggar.")


def test_registration_notice_once_with_register_number_and_audit(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case = registered(staff)
    document = case_document_issue(actor=staff, case_id=case.pk, kind=doc_kinds.REGISTRATION_NOTICE)
    text = text_of(document)
    assert case.register_number and case.register_number in text
    assert "PEMBERITAHUAN REGISTRASI" in text and document.number in text
    assert "BAWASLU KOTA BEKASI" in text and case.election.name in text
    assert (document.subject_type, document.subject_id) == ("case", str(case.pk))
    assert document.issued_by == staff
    assert AuditEntry.objects.filter(action="document.issue", object_id=str(document.pk)).exists()
    again = case_document_issue(actor=staff, case_id=case.pk, kind=doc_kinds.REGISTRATION_NOTICE)
    assert again == document and IssuedDocument.objects.count() == 1
    assert document_verify_bytes(data=document_pdf(document=document)).genuine


def test_documents_only_at_their_step(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case, _ = case_from_report()
    for kind in (doc_kinds.REGISTRATION_NOTICE, doc_kinds.STATUS_ANNOUNCEMENT):
        with pytest.raises(ApplicationError):
            case_document_issue(actor=staff, case_id=case.pk, kind=kind)
    with pytest.raises(ApplicationError):
        case_document_issue(actor=staff, case_id=case.pk, kind="receipt")
    with pytest.raises(ApplicationError):
        case_document_issue(actor=staff, case_id=case.pk, kind=doc_kinds.CLARIFICATION_INVITATION)
    assert not IssuedDocument.objects.exists()
    assert case_documents_available(actor=staff, case=case) == []


def test_non_registration_notice_names_the_reason(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case, _ = case_from_report()
    services.case_not_register(actor=staff, case_id=case.pk, reason="expired", note="Lewat.")
    document = case_document_issue(
        actor=staff, case_id=case.pk, kind=doc_kinds.NON_REGISTRATION_NOTICE
    )
    text = text_of(document)
    assert "PEMBERITAHUAN TIDAK DIREGISTRASI" in text and document.number in text
    assert "Melewati batas waktu pelaporan" in text


def test_clarification_invitation_and_minutes(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case, item = invited(staff)
    invitation = case_document_issue(
        actor=staff,
        case_id=case.pk,
        kind=doc_kinds.CLARIFICATION_INVITATION,
        clarification_id=item.pk,
    )
    text = text_of(invitation)
    assert "UNDANGAN KLARIFIKASI" in text and invitation.number in text
    assert "Terlapor" in text and "Kantor Bawaslu Kota Bekasi" in text
    assert case.register_number and case.register_number in text and "WIB" in text
    with pytest.raises(ApplicationError):
        case_document_issue(
            actor=staff,
            case_id=case.pk,
            kind=doc_kinds.CLARIFICATION_MINUTES,
            clarification_id=item.pk,
        )
    clarification_record_minutes(
        actor=staff,
        clarification_id=item.pk,
        attended=True,
        minutes="Terlapor hadir dan memberi keterangan.\n\nTerlapor mengakui unggahan.",
        files=[],
    )
    minutes = case_document_issue(
        actor=staff,
        case_id=case.pk,
        kind=doc_kinds.CLARIFICATION_MINUTES,
        clarification_id=item.pk,
    )
    text = text_of(minutes)
    assert "BERITA ACARA KLARIFIKASI" in text and "Terlapor mengakui unggahan" in text
    assert (minutes.subject_type, minutes.subject_id) == ("clarification", str(item.pk))
    kinds = [slot.kind for slot in case_documents_available(actor=staff, case=case)]
    assert kinds == ["registration_notice", "clarification_invitation", "clarification_minutes"]


def test_announcement_has_public_data_only(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case = announced(staff, make_user(Role.BAWASLU_LEADER, "32.75"))
    document = case_document_issue(actor=staff, case_id=case.pk, kind=doc_kinds.STATUS_ANNOUNCEMENT)
    text = text_of(document)
    assert case.register_number and case.register_number in text
    assert "PENGUMUMAN STATUS LAPORAN" in text
    assert "Status diumumkan" in text and "Pelanggaran netralitas ASN" in text
    assert case.election.name in text
    for secret in (NAME, "Bambang", NIP, REPORTER, "Rina", "Dinas Pendidikan"):
        assert secret not in text


def test_service_refuses_outside_jurisdiction_and_without_the_right(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case = registered(staff)
    outsider = make_user(Role.BAWASLU_STAFF, "11.71")
    with pytest.raises(NotFound):
        case_document_issue(actor=outsider, case_id=case.pk, kind=doc_kinds.REGISTRATION_NOTICE)
    with pytest.raises(PermissionDenied):
        case_document_issue(
            actor=make_user(Role.BKN_OFFICER), case_id=case.pk, kind="registration_notice"
        )


def test_staff_issue_and_download_through_the_pages(sign_in: SignIn) -> None:
    client, staff = sign_in(Role.BAWASLU_STAFF, "32.75")
    case = registered(staff)
    issue_url = reverse(
        "case_documents:issue", kwargs={"case_id": case.pk, "kind": "registration_notice"}
    )
    response = client.post(issue_url)
    assert response.status_code == 302
    assert (
        response["Location"]
        == reverse("cases:case_detail", kwargs={"case_id": case.pk}) + "#dokumen"
    )
    document = IssuedDocument.objects.get()
    download_url = reverse(
        "case_documents:download", kwargs={"case_id": case.pk, "document_id": document.pk}
    )
    download = client.get(download_url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download.content == document_pdf(document=document)
    assert "no-store" in download["Cache-Control"]
    assert AuditEntry.objects.filter(action="document.download", actor=staff).exists()
    early = client.post(
        reverse("case_documents:issue", kwargs={"case_id": case.pk, "kind": "status_announcement"})
    )
    assert early.status_code == 302 and IssuedDocument.objects.count() == 1


def test_other_region_gets_404_and_partners_403(sign_in: SignIn, make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case = registered(staff)
    document = case_document_issue(actor=staff, case_id=case.pk, kind=doc_kinds.REGISTRATION_NOTICE)
    issue_url = reverse(
        "case_documents:issue", kwargs={"case_id": case.pk, "kind": "registration_notice"}
    )
    download_url = reverse(
        "case_documents:download", kwargs={"case_id": case.pk, "document_id": document.pk}
    )
    outsider, _ = sign_in(Role.BAWASLU_STAFF, "11.71")
    assert outsider.get(download_url).status_code == 404
    assert outsider.post(issue_url).status_code == 404
    partner, _ = sign_in(Role.BKN_OFFICER, None)
    assert partner.get(download_url).status_code == 403
    # A document of another case cannot be fetched through this case's address.
    other = registered(staff)
    own, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    wrong = reverse(
        "case_documents:download", kwargs={"case_id": other.pk, "document_id": document.pk}
    )
    assert own.get(wrong).status_code == 404
    assert own.get(download_url).status_code == 200


def test_include_lists_documents_with_issue_and_download_buttons(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case, item = invited(staff)
    case_document_issue(actor=staff, case_id=case.pk, kind=doc_kinds.REGISTRATION_NOTICE)
    request = RequestFactory().get("/")
    request.user = staff
    html = render_to_string(
        "cases/_documents.html",
        {"case": case, "case_documents": case_documents_available(actor=staff, case=case)},
        request=request,
    )
    document = IssuedDocument.objects.get()
    assert document.number in html and "Unduh" in html and "Terbitkan" in html
    assert f"/ruang-kerja/kasus/{case.pk}/dokumen/{document.pk}/unduh/" in html
    assert f"/ruang-kerja/kasus/{case.pk}/dokumen/clarification_invitation/terbitkan/" in html
    assert f'name="clarification" value="{item.pk}"' in html and "csrfmiddlewaretoken" in html
