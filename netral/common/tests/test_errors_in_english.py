"""A visitor who chose English reads domain errors in English, on pages and in the API, from
cases, follow-up and reports alike; Indonesian stays the default. The rulebook's English
names are shown too."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import SignIn
from netral.accounts.models import Role
from netral.accounts.services import api_token_create
from netral.cases.models import Verdict
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError
from netral.followup import services as followup_services
from netral.followup.models import Recommendation
from netral.followup.tests.factories import decided_case
from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import jpeg_with_exif
from netral.reports.tests.views.test_public_views import form_data, form_token

pytestmark = pytest.mark.usefixtures("elections")


def english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_message_follows_the_active_language() -> None:
    from django.utils import translation

    error = ApplicationError(
        "Tindakan '{action}' tidak dapat dilakukan pada status '{status}'.",
        params={"action": "extend", "status": "closed"},
    )
    with translation.override("en"):
        assert error.message == "The action 'extend' cannot be taken in status 'closed'."
    with translation.override("id"):
        assert error.message == "Tindakan 'extend' tidak dapat dilakukan pada status 'closed'."


def test_reports_page_and_api(client: Client) -> None:
    english(client)
    photo = io.BytesIO(jpeg_with_exif())
    photo.name = "bukti.jpg"
    data = {**form_data(regency="11.01"), "submission": form_token(client), "files": [photo]}
    page = client.post("/lapor/", data).content.decode()
    assert "The regency/city is not in the chosen province." in page
    assert "Kabupaten/kota tidak berada" not in page
    assert "Choose it again before sending" in page  # the dropped file, in English
    # The rulebook's English names in the violation-type list.
    assert "Campaigning or promoting a candidate on social media" in page

    api = client.post("/api/reports", valid(region="99.99"), "application/json")
    assert api.status_code == 422
    assert api.json()["detail"] == (
        "region: Unknown region. Choose the province and regency/city from the list."
    )
    lookup = client.post("/lacak/", {"receipt_code": "1234567812345678"})
    assert "Receipt code not found." in lookup.content.decode()


def test_reports_stay_indonesian_by_default(client: Client) -> None:
    api = client.post("/api/reports", valid(region="99.99"), "application/json")
    assert "Wilayah tidak dikenal." in api.json()["detail"]


def test_cases_page_and_api(sign_in: SignIn) -> None:
    case, _ = case_from_report()
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    english(client)
    register = reverse("cases:case_action", kwargs={"case_id": case.pk, "action": "register"})
    refused = client.post(register, {})
    assert refused.status_code == 400
    assert "Formal requirements not yet met" in refused.content.decode()

    api = english(Client()).get("/api/public/cases", {"region": "99.99"})
    assert api.status_code == 404
    assert api.json()["detail"] == "No region has the code '99.99'."


def test_followup_page_and_api(sign_in: SignIn, make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    bkn = make_user(Role.BKN_OFFICER)
    token = api_token_create(actor=bkn, owner=bkn, name="sistem").raw
    api = english(Client()).post(
        f"/api/followup/recommendations/{rec.pk}/assess",
        {"assessment": "x", "sanction": "exile"},
        "application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert api.status_code == 400 and api.json()["detail"] == "Unknown kind of sanction."

    followup_services.recommendation_assess(
        actor=bkn, rec_id=rec.pk, assessment="x", sanction="heavy"
    )
    client, _ = sign_in(Role.PPK_OFFICE, "32.75")
    english(client)
    data = {
        "imposed": "yes",
        "decree_number": "800/55/BKPSDM",
        "decree_date": "2099-01-01",
        "sanction": "heavy",
        "option": "penurunan_jabatan",
        "reason": "",
    }
    act = reverse("followup:act", kwargs={"rec_id": rec.pk, "action": "sanction"})
    page = client.post(act, data)
    assert page.status_code == 400
    assert "The decree date cannot be in the future." in page.content.decode()
    assert timezone.localdate().year < 2099
