"""Issue #14 item 6: the case file (berkas). The ZIP holds the index, the cleaned evidence and
the official PDFs with a manifest whose hashes match; the identity goes in only when revealed
under the four-eyes rule for an entitled recipient; access follows the jurisdiction; every
request, build and download is audited."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases import document_kinds as doc_kinds
from netral.cases import services
from netral.cases.casefile import case_file_download, case_file_get, case_file_request
from netral.cases.documents import case_document_issue
from netral.cases.models import Case, CaseFile
from netral.common.errors import NotFound, PermissionDenied
from netral.reports.forms import ReportForm
from netral.reports.handling import reveal_request_create, reveal_request_decide
from netral.reports.intake import payload_to_form_data
from netral.reports.models import Report
from netral.reports.services import report_submit
from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import jpeg_with_exif
from netral.rules.selectors import requirement_list

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]
REPORTER = "Rina Kartika"


def case_with_photo() -> Case:
    photo = SimpleUploadedFile("bukti.jpg", jpeg_with_exif(), content_type="image/jpeg")
    form = ReportForm(payload_to_form_data(valid()))
    assert form.is_valid(), form.errors
    report = report_submit(form=form, files=[photo], channel="api").report
    report.refresh_from_db()
    assert report.case is not None
    return report.case


def registered(staff: User) -> Case:
    case = case_with_photo()
    formal = {r.code: True for r in requirement_list(kind="formal")}
    services.case_register(actor=staff, case_id=case.pk, formal=formal)
    case_document_issue(actor=staff, case_id=case.pk, kind=doc_kinds.REGISTRATION_NOTICE)
    return case


def build(capture: Any, actor: User, case: Case, **kwargs: Any) -> CaseFile:
    with capture(execute=True):
        requested = case_file_request(
            actor=actor,
            case_id=case.pk,
            recipient=kwargs.get("recipient", CaseFile.Recipient.GAKKUMDU),
            include_identity=kwargs.get("include_identity", False),
        )
    requested.refresh_from_db()
    return requested


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_zip_holds_index_clean_evidence_and_documents_with_matching_manifest(
    make_user: MakeUser, django_capture_on_commit_callbacks: Any
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case = registered(staff)

    case_file = build(django_capture_on_commit_callbacks, staff, case)

    assert case_file.status == CaseFile.Status.DONE and case_file.progress == 100
    data, name = case_file_download(actor=staff, case_id=case.pk, public_id=case_file.public_id)
    assert name.endswith("-gakkumdu.zip") and hashlib.sha256(data).hexdigest() == case_file.sha256
    files = unzip(data)
    names = sorted(files)
    assert names[0] == "00-indeks.pdf" and "SHA256SUMS" in names
    assert [n for n in names if n.startswith("bukti/")] == ["bukti/bukti-001.jpg"]
    assert len([n for n in names if n.startswith("dokumen/")]) == 1
    # The manifest names every other file with its true SHA-256, and the index prints them.
    sums: dict[str, str] = {}
    for line in files["SHA256SUMS"].decode().splitlines():
        sha, file_name = line.split("  ", 1)
        sums[file_name] = sha
    assert set(sums) == set(files) - {"SHA256SUMS"}
    assert all(hashlib.sha256(files[n]).hexdigest() == sha for n, sha in sums.items())
    index = pdf_text(files["00-indeks.pdf"]).replace("\n", "")
    for other in set(files) - {"SHA256SUMS", "00-indeks.pdf"}:
        assert sums[other] in index
    # The cleaned copy, never the original with its EXIF/GPS.
    assert b"Exif" not in files["bukti/bukti-001.jpg"]
    assert "Pemberitahuan Registrasi" in index and "Riwayat penanganan" in index
    entries = AuditEntry.objects.filter(object_type="cases.case", object_id=str(case.pk))
    actions = set(entries.values_list("action", flat=True))
    assert {"case.file_request", "case.file_built", "case.file_download"} <= actions


def approve_reveal(staff: User, case: Case) -> None:
    leader = User.objects.get(role=Role.BAWASLU_LEADER)
    report = Report.objects.get(case=case)
    request = reveal_request_create(
        actor=staff,
        report_public_id=str(report.public_id),
        reason="Pelapor perlu dipanggil sebagai saksi oleh penyidik Gakkumdu.",
    )
    reveal_request_decide(actor=leader, request_id=request.pk, approve=True, note="")


def test_identity_only_when_revealed_under_four_eyes_and_recipient_entitled(
    make_user: MakeUser, django_capture_on_commit_callbacks: Any
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    make_user(Role.BAWASLU_LEADER, "32.75")
    colleague = make_user(Role.BAWASLU_STAFF, "32.75")
    case = registered(staff)

    def index_of(case_file: CaseFile) -> str:
        data, _ = case_file_download(actor=staff, case_id=case.pk, public_id=case_file.public_id)
        return pdf_text(unzip(data)["00-indeks.pdf"])

    # Asked for, but not revealed: absent.
    unrevealed = build(django_capture_on_commit_callbacks, staff, case, include_identity=True)
    assert not unrevealed.identity_included and REPORTER not in index_of(unrevealed)

    approve_reveal(staff, case)
    # Revealed, but BKN is not entitled to the reporter's identity: absent.
    to_bkn = build(
        django_capture_on_commit_callbacks,
        staff,
        case,
        recipient=CaseFile.Recipient.BKN,
        include_identity=True,
    )
    assert not to_bkn.identity_included and REPORTER not in index_of(to_bkn)
    # Revealed, entitled, but not asked for: absent.
    not_asked = build(django_capture_on_commit_callbacks, staff, case)
    assert REPORTER not in index_of(not_asked)
    # Revealed, entitled and asked for: present, and the reveal audited.
    with_identity = build(django_capture_on_commit_callbacks, staff, case, include_identity=True)
    assert with_identity.identity_included and REPORTER in index_of(with_identity)
    report = Report.objects.get(case=case)
    assert AuditEntry.objects.filter(action="identity.reveal", object_id=str(report.pk)).exists()
    # Only the holder of the approval may download a file carrying the identity.
    with pytest.raises(PermissionDenied):
        case_file_download(actor=colleague, case_id=case.pk, public_id=with_identity.public_id)
    case_file_download(actor=colleague, case_id=case.pk, public_id=not_asked.public_id)


def test_access_follows_the_jurisdiction_and_the_role(
    make_user: MakeUser, django_capture_on_commit_callbacks: Any
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    province = make_user(Role.BAWASLU_STAFF, "32")
    elsewhere = make_user(Role.BAWASLU_STAFF, "32.01")
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    case = registered(staff)
    case_file = build(django_capture_on_commit_callbacks, staff, case)

    with pytest.raises(NotFound):
        case_file_request(actor=elsewhere, case_id=case.pk, recipient="bkn", include_identity=False)
    with pytest.raises(NotFound):
        case_file_get(actor=elsewhere, case_id=case.pk, public_id=case_file.public_id)
    with pytest.raises(PermissionDenied):
        case_file_request(actor=ppk, case_id=case.pk, recipient="bkn", include_identity=False)
    # The province above the office covers it.
    data, _ = case_file_download(actor=province, case_id=case.pk, public_id=case_file.public_id)
    assert data[:2] == b"PK"


def test_a_builder_who_lost_the_case_gets_a_failed_build_audited(
    make_user: MakeUser, django_capture_on_commit_callbacks: Any
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case = registered(staff)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        requested = case_file_request(
            actor=staff, case_id=case.pk, recipient="bkn", include_identity=False
        )
    # Moved to another office before the worker ran: the build refuses, nothing is stored.
    User.objects.filter(pk=staff.pk).update(jurisdiction_id="32.01")
    with django_capture_on_commit_callbacks(execute=True):
        for callback in queued:
            callback()
    requested.refresh_from_db()
    assert requested.status == CaseFile.Status.FAILED and requested.path == ""
    assert AuditEntry.objects.filter(action="case.file_failed", object_id=str(case.pk)).exists()
