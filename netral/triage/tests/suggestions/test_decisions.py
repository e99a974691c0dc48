"""Accepting and rejecting suggestions (issue #12, item 5): accepting fills the field through
the reports app's service and is audited, rejecting is recorded and changes nothing, only
what the panel offers can be decided, once; 404 outside the jurisdiction, 403 without
``case.handle``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.common.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from netral.reports.models import Report
from netral.triage import suggestions
from netral.triage.models import Suggestion
from netral.triage.tests.suggestions.conftest import NIP

pytestmark = pytest.mark.django_db

SignIn = Callable[..., tuple[Any, Any]]
TYPE = "kegiatan_keberpihakan"  # what the classifier ranks first for the chronology


def _post(client: Any, report: Report, action: str, kind: str, value: str) -> Any:
    url = reverse(f"triage_suggestions:{action}", kwargs={"public_id": report.public_id})
    return client.post(url, {"kind": kind, "value": value})


def _actions(obj_type: str, obj_id: int) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_type=obj_type, object_id=str(obj_id)).values_list(
            "action", flat=True
        )
    )


def test_accepting_the_type_fills_the_field_and_is_audited(
    sign_in: SignIn, new_report: Report
) -> None:
    client, user = sign_in(Role.BAWASLU_STAFF, "32.75")
    response = _post(client, new_report, "accept", "violation_type", TYPE)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/laporan/{new_report.public_id}/#saran")
    new_report.refresh_from_db()
    assert new_report.violation_type == TYPE
    decision = Suggestion.objects.get(report=new_report)
    assert (decision.kind, decision.value, decision.outcome) == ("violation_type", TYPE, "accepted")
    assert decision.rank == 1 and decision.confidence is not None and decision.confidence > 0.5
    assert decision.decided_by == user and decision.because and decision.model
    accept = AuditEntry.objects.get(action="suggestion.accept")
    assert accept.actor == user
    after = accept.after or {}
    assert after["value"] == TYPE and after["confidence"] == decision.confidence
    change = AuditEntry.objects.get(action="report.violation_type_set")
    assert change.object_id == str(new_report.pk)
    assert change.before == {"violation_type": ""} and change.after == {"violation_type": TYPE}
    # The page now shows the decision instead of the buttons.
    html = client.get(response["Location"]).content.decode()
    assert "Diterima" in html and "Terima jenis" not in html.split('data-value="' + TYPE)[1][:600]


def test_accepting_an_extracted_nip_fills_an_empty_nip(sign_in: SignIn, new_report: Report) -> None:
    client, _ = sign_in(Role.BAWASLU_LEADER, "32.75")
    assert _post(client, new_report, "accept", "nip", NIP).status_code == 302
    new_report.refresh_from_db()
    assert new_report.reported_nip == NIP
    assert "report.nip_fill" in _actions("reports.report", new_report.pk)


def test_a_nip_never_overwrites_one_already_there(
    make_user: Callable[..., User], submit_report: Any
) -> None:
    from netral.triage.tests.suggestions.conftest import CHRONOLOGY

    report = submit_report(chronology=CHRONOLOGY, reported_nip="198703022011012003")
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(Conflict):
        suggestions.suggestion_accept(
            actor=staff, report_public_id=str(report.public_id), kind="nip", value=NIP
        )
    report.refresh_from_db()
    assert report.reported_nip == "198703022011012003"
    assert not Suggestion.objects.exists()  # the refused acceptance left nothing behind


def test_rejecting_is_recorded_and_changes_nothing(sign_in: SignIn, new_report: Report) -> None:
    client, user = sign_in(Role.BAWASLU_STAFF, "32.75")
    assert _post(client, new_report, "reject", "violation_type", TYPE).status_code == 302
    assert _post(client, new_report, "reject", "nip", NIP).status_code == 302
    new_report.refresh_from_db()
    assert new_report.violation_type == "" and new_report.reported_nip == ""
    rows = Suggestion.objects.filter(report=new_report).order_by("kind")
    assert [(r.kind, r.outcome, r.decided_by_id) for r in rows] == [
        ("nip", "rejected", user.pk),
        ("violation_type", "rejected", user.pk),
    ]
    assert AuditEntry.objects.filter(action="suggestion.reject").count() == 2
    assert not AuditEntry.objects.filter(
        action__in=["report.violation_type_set", "report.nip_fill"]
    ).exists()


def test_only_what_is_suggested_can_be_decided_and_only_once(
    make_user: Callable[..., User], new_report: Report
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    pid = str(new_report.public_id)
    # A real type the classifier does not rank among the shown ones, a NIP not in the text,
    # the invalid NIP that is in the text, an unknown kind.
    for kind, value in [
        ("violation_type", "anggota_parpol"),
        ("nip", "199001012015031001"),
        ("nip", "198513172010011004"),
        ("position", "camat"),
    ]:
        with pytest.raises(ApplicationError, match="tidak \\(lagi\\) ditawarkan"):
            suggestions.suggestion_accept(actor=staff, report_public_id=pid, kind=kind, value=value)
    suggestions.suggestion_accept(
        actor=staff, report_public_id=pid, kind="violation_type", value=TYPE
    )
    with pytest.raises(Conflict):
        suggestions.suggestion_reject(
            actor=staff, report_public_id=pid, kind="violation_type", value=TYPE
        )
    assert Suggestion.objects.filter(report=new_report).count() == 1


def test_a_refusal_goes_back_to_the_report_page_with_its_message(
    sign_in: SignIn, new_report: Report
) -> None:
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    response = _post(client, new_report, "accept", "violation_type", "anggota_parpol")
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "tidak (lagi) ditawarkan" in html
    new_report.refresh_from_db()
    assert new_report.violation_type == ""


def test_outside_the_jurisdiction_is_404(sign_in: SignIn, new_report: Report) -> None:
    client, user = sign_in(Role.BAWASLU_LEADER, "33")  # Jawa Tengah
    assert _post(client, new_report, "accept", "violation_type", TYPE).status_code == 404
    assert _post(client, new_report, "reject", "violation_type", TYPE).status_code == 404
    with pytest.raises(NotFound):
        suggestions.suggestion_accept(
            actor=user, report_public_id=str(new_report.public_id), kind="nip", value=NIP
        )
    new_report.refresh_from_db()
    assert new_report.violation_type == "" and not Suggestion.objects.exists()


def test_a_role_without_case_handling_is_403(
    sign_in: SignIn, make_user: Callable[..., User], new_report: Report
) -> None:
    client, _ = sign_in(Role.BKN_OFFICER)
    assert _post(client, new_report, "accept", "violation_type", TYPE).status_code == 403
    client, _ = sign_in(Role.PPK_OFFICE, "32.75")
    assert _post(client, new_report, "reject", "nip", NIP).status_code == 403
    with pytest.raises(PermissionDenied):
        suggestions.suggestion_accept(
            actor=make_user(Role.ADMIN),
            report_public_id=str(new_report.public_id),
            kind="violation_type",
            value=TYPE,
        )
    new_report.refresh_from_db()
    assert new_report.violation_type == "" and not Suggestion.objects.exists()


def test_a_bad_form_is_refused_without_a_change(sign_in: SignIn, new_report: Report) -> None:
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    response = _post(client, new_report, "accept", "violation_type", "x" * 500)
    assert response.status_code == 302
    assert "tidak lengkap" in client.get(response["Location"]).content.decode()
    assert not Suggestion.objects.exists()
