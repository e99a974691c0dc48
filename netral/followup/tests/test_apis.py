from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from netral.accounts.models import Role
from netral.accounts.services import api_token_create
from netral.cases.models import Verdict
from netral.followup.models import Recommendation, RecStatus
from netral.followup.tests.factories import decided_case

pytestmark = pytest.mark.usefixtures("elections")


def bearer(make_user: Any, role: str, region: str | None = None) -> dict[str, str]:
    user = make_user(role, region)
    issued = api_token_create(actor=user, owner=user, name="sistem")
    return {"Authorization": f"Bearer {issued.raw}"}


def test_bkn_then_ppk_systems_follow_up_through_the_api(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    client = Client()
    bkn = bearer(make_user, Role.BKN_OFFICER)
    listed = client.get("/api/followup/recommendations", headers=bkn).json()
    assert [r["number"] for r in listed] == [rec.number]
    assert listed[0]["subject_nip"] == "198503172010011004"
    url = f"/api/followup/recommendations/{rec.pk}"
    bad = client.post(
        f"{url}/assess", {"assessment": "x", "sanction": "exile"}, "application/json", headers=bkn
    )
    assert bad.status_code == 400 and "tidak dikenal" in bad.json()["detail"]
    ok = client.post(
        f"{url}/assess",
        {"assessment": "Terbukti.", "sanction": "heavy"},
        "application/json",
        headers=bkn,
    )
    assert ok.status_code == 200 and ok.json()["status"] == RecStatus.ASSESSED

    elsewhere = bearer(make_user, Role.PPK_OFFICE, "32.73")
    assert client.get(url, headers=elsewhere).status_code == 404
    assert client.get("/api/followup/recommendations", headers=elsewhere).json() == []
    ppk = bearer(make_user, Role.PPK_OFFICE, "32.75")
    body = {
        "imposed": True,
        "decree_number": "800/1",
        "decree_date": str(timezone.localdate()),
        "sanction": "heavy",
        "option": "penurunan_jabatan",
    }
    done = client.post(f"{url}/sanction", body, "application/json", headers=ppk)
    assert done.status_code == 200 and done.json()["status"] == RecStatus.SANCTIONED
    again = client.post(f"{url}/sanction", body, "application/json", headers=ppk)
    assert again.status_code == 400 and "detail" in again.json()


def test_the_api_needs_a_token_and_a_partner_role(make_user: Any) -> None:
    client = Client()
    assert client.get("/api/followup/recommendations").status_code == 401
    admin = bearer(make_user, Role.ADMIN)
    response = client.get("/api/followup/recommendations", headers=admin)
    assert response.status_code == 403 and "detail" in response.json()
