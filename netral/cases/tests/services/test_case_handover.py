"""Handover (pelimpahan): a case moves to another legitimate Bawaslu office, audited, and
the old office loses sight of it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import TEST_PASSWORD, totp_now
from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases import services
from netral.cases.models import Case, Status
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError, NotFound, PermissionDenied

pytestmark = pytest.mark.usefixtures("elections")


def test_bekasi_hands_over_to_the_province_with_an_audit_entry(
    make_user: Callable[..., User],
) -> None:
    case, _ = case_from_report()
    due = case.due_at
    bekasi = make_user(Role.BAWASLU_STAFF, "32.75")
    province = make_user(Role.BAWASLU_STAFF, "32")
    case = services.case_handover(
        actor=bekasi, case_id=case.pk, to_region_code="32", reason="Melibatkan pejabat provinsi."
    )
    case.refresh_from_db()
    assert (case.office_region_id, case.status, case.due_at) == ("32", Status.RECEIVED, due)
    entry = AuditEntry.objects.get(action="case.handover", object_id=str(case.pk))
    assert entry.before == {"office": "32.75"} and entry.after == {"office": "32"}
    assert entry.reason == "Melibatkan pejabat provinsi."

    with pytest.raises(NotFound):
        services.case_start_clarification(actor=bekasi, case_id=case.pk)
    with pytest.raises(NotFound):
        services.case_handover(actor=bekasi, case_id=case.pk, to_region_code="32.75", reason="x")
    assert not services.case_list_for(actor=bekasi).filter(pk=case.pk).exists()
    services.case_extend(actor=province, case_id=case.pk, reason="Keterangan tambahan.")
    # The province may delegate back within its province.
    services.case_handover(
        actor=province, case_id=case.pk, to_region_code="32.75", reason="Dikembalikan."
    )
    assert Case.objects.get(pk=case.pk).office_region_id == "32.75"


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("11.01", "Provinsi lain."),  # another province: no jurisdiction over this election
        ("99.99", "Tidak ada."),  # unknown region
        ("32.75", "Kantor sama."),  # the current office
        ("32", "   "),  # no reason
    ],
)
def test_refused_handovers(make_user: Callable[..., User], target: str, reason: str) -> None:
    case, _ = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(ApplicationError):
        services.case_handover(actor=staff, case_id=case.pk, to_region_code=target, reason=reason)
    case.refresh_from_db()
    assert case.office_region_id == "32.75"
    assert not AuditEntry.objects.filter(action="case.handover").exists()


def test_only_while_open_for_handling(make_user: Callable[..., User]) -> None:
    case, _ = case_from_report()
    Case.objects.filter(pk=case.pk).update(status=Status.DECIDED)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(ApplicationError, match="handover"):
        services.case_handover(actor=staff, case_id=case.pk, to_region_code="32", reason="x")


def test_outsider_not_found_and_ppk_denied(make_user: Callable[..., User]) -> None:
    case, _ = case_from_report()
    outsider = make_user(Role.BAWASLU_STAFF, "11.71")
    with pytest.raises(NotFound):
        services.case_handover(actor=outsider, case_id=case.pk, to_region_code="32", reason="x")
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    with pytest.raises(PermissionDenied):
        services.case_handover(actor=ppk, case_id=case.pk, to_region_code="32", reason="x")
    case.refresh_from_db()
    assert case.office_region_id == "32.75"


def test_handover_through_the_page(
    make_user: Callable[..., User], enrol_totp: Callable[[User], TOTPDevice]
) -> None:
    case, _ = case_from_report()
    user = make_user(Role.BAWASLU_STAFF, "32.75")
    device = enrol_totp(user)
    client = Client()
    client.post(
        reverse("accounts:login"),
        {"username": user.username, "password": TEST_PASSWORD, "otp_token": totp_now(device)},
    )
    detail = reverse("cases:case_detail", kwargs={"case_id": case.pk})
    assert 'id="tindakan-handover"' in client.get(detail).content.decode()
    url = reverse("cases:case_action", kwargs={"case_id": case.pk, "action": "handover"})
    refused = client.post(url, {"to_region_code": "11.01", "reason": "Salah kantor."})
    assert refused.status_code == 400 and "tidak berwenang" in refused.content.decode()
    response = client.post(url, {"to_region_code": "32", "reason": "Pejabat provinsi."})
    assert response.status_code == 302 and response["Location"] == reverse("cases:case_list")
    assert Case.objects.get(pk=case.pk).office_region_id == "32"
    assert client.get(detail).status_code == 404
