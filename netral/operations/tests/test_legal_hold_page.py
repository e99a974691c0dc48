"""The legal hold on the staff case page: the office's leadership places and releases it."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from netral.accounts.models import Role
from netral.cases.tests.factories import case_from_report
from netral.operations.models import LegalHold


@pytest.mark.django_db
def test_the_leadership_places_and_releases_a_hold_from_the_case_page(
    elections: None, sign_in: Any
) -> None:
    case, _code = case_from_report()
    office = case.office_region_id
    page = reverse("cases:case_detail", kwargs={"case_id": case.pk})
    url = reverse("operations:legal_hold", kwargs={"case_id": case.pk})

    staff, _ = sign_in(Role.BAWASLU_STAFF, office)
    assert b"penahanan-hukum" not in staff.get(page).content
    assert staff.post(url, {"reason": "x"}).status_code == 403

    leader, _ = sign_in(Role.BAWASLU_LEADER, office)
    assert "Tetapkan penahanan hukum" in leader.get(page).content.decode()
    response = leader.post(url, {"action": "place", "reason": "Gugatan di PTUN"}, follow=True)
    assert "Gugatan di PTUN" in response.content.decode()
    assert (
        LegalHold.objects.get(case=case, released_at__isnull=True).placed_by.role
        == "bawaslu_leader"
    )
    # Staff of the office see the hold (not the form).
    assert "Gugatan di PTUN" in staff.get(page).content.decode()

    empty = leader.post(url, {"action": "release", "reason": " "}, follow=True)
    assert "wajib diisi" in empty.content.decode()
    leader.post(url, {"action": "release", "reason": "Putusan inkracht"})
    assert not LegalHold.objects.filter(case=case, released_at__isnull=True).exists()

    outsider, _ = sign_in(Role.BAWASLU_LEADER, "11")
    assert outsider.post(url, {"reason": "x"}).status_code == 404
