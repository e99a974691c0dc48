"""Issue #14 item 7: redaction. Names, phone numbers and addresses are suggested by a bounded
scan; marked spans replace the text wherever it leaves (the case file, the minutes letter,
the announcement) while the original stays untouched; both versions are kept; every marking
is audited without the words themselves; outsiders get 404, other roles 403."""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from pypdf import PdfReader

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases import document_kinds as doc_kinds
from netral.cases import services
from netral.cases.casefile import case_file_download, case_file_request
from netral.cases.clarification import clarification_invite, clarification_record_minutes
from netral.cases.documents import case_document_issue
from netral.cases.models import Case, CaseFile, Clarification, Redaction
from netral.cases.redaction import MASK, redaction_save, terms_remove
from netral.cases.redaction_suggest import MAX_SUGGESTIONS, redaction_suggest
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.documents.services import document_pdf
from netral.reports.models import Report
from netral.reports.services import reporter_message_post
from netral.rules.selectors import requirement_list

MakeUser = Callable[..., User]
WITNESS = "Sutrisno Hadi"
CHRONOLOGY = (
    "Terlapor membagikan kaos paslon di balai desa. Saksi bernama Sutrisno Hadi melihatnya, "
    "rumahnya di Jl. Melati No. 5, Bekasi. Hubungi 0812-3456-7890 untuk keterangan."
)


def test_suggestions_find_names_phones_and_addresses() -> None:
    found = {(s.kind, s.text) for s in redaction_suggest(target="chronology", text=CHRONOLOGY)}
    assert ("name", WITNESS) in found
    assert ("phone", "0812-3456-7890") in found
    assert any(kind == "address" and text.startswith("Jl. Melati No. 5") for kind, text in found)
    witnesses = redaction_suggest(target="witnesses", text="Ani (0812 1111 2222)\nBudi Santoso")
    assert {("name", "Ani"), ("name", "Budi Santoso"), ("phone", "0812 1111 2222")} <= {
        (s.kind, s.text) for s in witnesses
    }


def test_suggestions_are_bounded_on_hostile_text() -> None:
    hostile = "Bapak " * 50_000 + "0" * 100_000
    found = redaction_suggest(target="chronology", text=hostile)
    assert len(found) <= MAX_SUGGESTIONS and all(s.end <= 20_000 for s in found)


def test_terms_removed_ignoring_case_longest_first_however_often() -> None:
    text = "sutrisno hadi dan SUTRISNO datang"
    assert terms_remove(text, ["Sutrisno Hadi", "Sutrisno"]) == f"{MASK} dan {MASK} datang"
    assert "Ani" not in terms_remove("Ani, " * 5_000, ["Ani"])


def in_clarification(staff: User) -> Case:
    case, _ = case_from_report(chronology=CHRONOLOGY, witnesses=[f"{WITNESS} (tetangga)"])
    formal = {r.code: True for r in requirement_list(kind="formal")}
    services.case_register(actor=staff, case_id=case.pk, formal=formal)
    return services.case_start_clarification(actor=staff, case_id=case.pk)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def redact_witness(staff: User, case: Case, report: Report) -> Redaction:
    start = CHRONOLOGY.index(WITNESS)
    return redaction_save(
        actor=staff,
        case_id=case.pk,
        target=Redaction.Target.CHRONOLOGY,
        target_id=str(report.public_id),
        spans=[(start, start + len(WITNESS))],
    )


@pytest.mark.usefixtures("elections")
def test_redaction_applies_wherever_the_text_leaves_and_keeps_the_original(
    make_user: MakeUser, django_capture_on_commit_callbacks: Any
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case = in_clarification(staff)
    report = Report.objects.get(case=case)
    reporter_message_post(report=report, body=f"Pak {WITNESS} bersedia bersaksi.")
    item = clarification_invite(
        actor=staff,
        case_id=case.pk,
        invitee_role=Clarification.InviteeRole.WITNESS,
        invitee_label=f"Saksi {WITNESS}",
        scheduled_at=timezone.now() + datetime.timedelta(days=1),
        place="Kantor Bawaslu Kota Bekasi",
    )

    # Issued before the redaction: the invitation names the witness, and its PDF is fixed.
    with django_capture_on_commit_callbacks(execute=True):
        invitation = case_document_issue(
            actor=staff,
            case_id=case.pk,
            kind=doc_kinds.CLARIFICATION_INVITATION,
            clarification_id=item.pk,
        )
    assert WITNESS in pdf_text(document_pdf(document=invitation))

    row = redact_witness(staff, case, report)

    # Both versions kept: the original untouched, the redacted one beside it.
    report.refresh_from_db()
    assert report.chronology == CHRONOLOGY
    assert WITNESS not in row.redacted_text and MASK in row.redacted_text
    assert row.terms == [WITNESS]
    entry = AuditEntry.objects.get(action="case.redaction", object_id=str(case.pk))
    assert entry.after is not None and entry.after["spans"] == 1 and WITNESS not in str(entry.after)

    # The minutes letter: the name is gone from the party and the minutes.
    clarification_record_minutes(
        actor=staff,
        clarification_id=item.pk,
        attended=True,
        minutes=f"{WITNESS} menerangkan bahwa terlapor membagikan kaos.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        letter = case_document_issue(
            actor=staff,
            case_id=case.pk,
            kind=doc_kinds.CLARIFICATION_MINUTES,
            clarification_id=item.pk,
        )
    assert "Sutrisno" not in pdf_text(document_pdf(document=letter))

    # The case file: the name appears in no file (chronology, witnesses, message, minutes).
    with django_capture_on_commit_callbacks(execute=True):
        case_file = case_file_request(
            actor=staff, case_id=case.pk, recipient="gakkumdu", include_identity=False
        )
    case_file.refresh_from_db()
    assert case_file.status == CaseFile.Status.DONE, case_file.error
    data, _ = case_file_download(actor=staff, case_id=case.pk, public_id=case_file.public_id)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    for name, content in files.items():
        assert b"Sutrisno" not in content, name
        if name.endswith(".pdf"):
            assert "Sutrisno" not in pdf_text(content), name
    index = pdf_text(files["00-indeks.pdf"])
    assert MASK in index and "bersedia bersaksi" in index
    # The invitation is withheld (named in the index, to be checked by its number).
    assert not any(invitation.number.replace("/", "-") in name for name in files)
    assert invitation.number in index.replace("\n", "") and "ditahan" in index

    # The announcement.
    services.case_start_study(actor=staff, case_id=case.pk)
    services.case_record_study(
        actor=staff, case_id=case.pk, facts="f", analysis="a", conclusion="c"
    )
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    services.case_decide(actor=leader, case_id=case.pk, verdicts=["no_violation"], reason="x")
    announced = services.case_announce(
        actor=staff, case_id=case.pk, summary=f"Keterangan {WITNESS} tidak cukup."
    )
    assert "Sutrisno" not in announced.public_summary


@pytest.mark.usefixtures("elections")
def test_redaction_refused_outside_jurisdiction_role_and_text(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case, _ = case_from_report(chronology=CHRONOLOGY)
    report = Report.objects.get(case=case)
    kwargs: dict[str, Any] = {
        "case_id": case.pk,
        "target": Redaction.Target.CHRONOLOGY,
        "target_id": str(report.public_id),
        "spans": [(0, 8)],
    }
    with pytest.raises(NotFound):
        redaction_save(actor=make_user(Role.BAWASLU_STAFF, "32.01"), **kwargs)
    with pytest.raises(PermissionDenied):
        redaction_save(actor=make_user(Role.BKN_OFFICER), **kwargs)
    with pytest.raises(ApplicationError):
        redaction_save(actor=staff, **{**kwargs, "spans": [(0, len(CHRONOLOGY) + 1)]})
    with pytest.raises(NotFound):
        redaction_save(actor=staff, **{**kwargs, "target_id": "not-a-uuid"})
    assert not Redaction.objects.exists()
    assert not AuditEntry.objects.filter(action="case.redaction").exists()
