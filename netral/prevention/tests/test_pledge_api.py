"""ASN pledges through the API (issue #11 item 3): one per NIP per election, the
certificate verifies, the summary counts without names."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from netral.documents.models import IssuedDocument
from netral.elections.models import Election
from netral.prevention.models import Pledge

NIP = "198503122010011003"
OTHER_NIP = "199001012015032002"
NAME = "Budi Santoso Pledgewati"


@pytest.fixture
def election(elections: None) -> Election:
    return Election.objects.get(region_id="32.75")


def body(election: Election, **over: Any) -> dict[str, Any]:
    data = {
        "nip": NIP,
        "name": NAME,
        "agency": "Dinas Pendidikan Kota Bekasi",
        "region": "32.75",
        "election": election.pk,
    }
    data.update(over)
    return data


def post(client: Client, data: dict[str, Any], **extra: Any) -> Any:
    return client.post("/api/pledges", data, content_type="application/json", **extra)


def test_pledge_201_then_200_with_the_same_number(client: Client, election: Election) -> None:
    first = post(client, body(election))
    assert first.status_code == 201, first.content
    number = first.json()["number"]
    assert number.startswith("NTR/")
    assert first.json()["verify_url"].endswith(f"/verify/{number}")

    again = post(client, body(election, nip="1985 0312 2010 01 1 003", name="Budi S."))
    assert again.status_code == 200
    assert again.json()["number"] == number
    assert Pledge.objects.count() == 1


def test_pledge_stores_no_nip_or_name_in_the_clear(client: Client, election: Election) -> None:
    assert post(client, body(election)).status_code == 201
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT nip, name, nip_digest FROM prevention_pledge")
        nip, name, digest = cursor.fetchone()
    assert NIP not in nip and NAME not in name and NIP not in digest


def test_another_election_is_another_pledge(client: Client, election: Election) -> None:
    national = Election.objects.filter(region__isnull=True).first()
    assert national is not None
    assert post(client, body(election)).status_code == 201
    assert post(client, body(national)).status_code == 201


@pytest.mark.parametrize(
    ("language", "reason"),
    [("id", "NIP harus 18 angka"), ("en", "A NIP is 18 digits")],
)
def test_invalid_nip_is_400_with_a_reason(
    client: Client, election: Election, language: str, reason: str
) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = post(client, body(election, nip="12345"))
    assert response.status_code == 400
    assert response.json()["field"] == "nip"
    assert reason in response.json()["detail"]
    assert not Pledge.objects.exists()


def test_invalid_nip_birth_date_is_400(client: Client, election: Election) -> None:
    response = post(client, body(election, nip="198513122010011003"))
    assert response.status_code == 400
    assert response.json()["field"] == "nip"


def test_unknown_region_and_election_are_400(client: Client, election: Election) -> None:
    assert post(client, body(election, region="99.99")).json()["field"] == "region"
    response = post(client, {**body(election), "election": 10**12})
    assert response.status_code == 400 and response.json()["field"] == "election"


def test_certificate_verifies(client: Client, election: Election) -> None:
    number = post(client, body(election)).json()["number"]
    document = IssuedDocument.objects.get(number=number)
    assert document.kind == "pledge"
    page = client.get(f"/verify/{number}")
    assert page.status_code == 200
    assert number in page.content.decode()
    assert NAME not in page.content.decode()


def test_certificates_never_take_the_offices_letter_numbers(
    client: Client, election: Election
) -> None:
    # Anyone may pledge: if certificates shared the office's counter, the public could move
    # the numbering of Bawaslu Kota Bekasi's own letters.
    from netral.documents.models import DocumentCounter

    number = post(client, body(election)).json()["number"]
    assert "/IKR-3275/" in number
    assert not DocumentCounter.objects.filter(scope="3275").exists()
    assert client.get(f"/verify/{number}").status_code == 200


def test_summary_counts_by_region_and_agency_type(client: Client, election: Election) -> None:
    post(client, body(election))
    post(client, body(election, nip=OTHER_NIP, agency="Kementerian Agama", name="Siti Aminah"))
    post(client, body(election, nip="197002021995031001", region="32.01", name="Asep"))
    response = client.get("/api/pledges/summary", {"region": "32", "election": str(election.pk)})
    assert response.status_code == 200
    data = response.json()
    # Three pledges: every count is small, so published as open data does ("<5").
    assert (data["total"], data["total_suppressed"]) == (None, "<5")
    regions = {r["region"]: r["suppressed"] for r in data["by_region"]}
    assert regions == {"32.75": "<5", "32.01": "<5"}
    by_type = {t["agency_type"]: t["suppressed"] for t in data["by_agency_type"]}
    assert by_type["regency"] == "<5" and by_type["central"] == "<5"
    only_bekasi = client.get("/api/pledges/summary", {"region": "32.75"}).json()
    assert only_bekasi["total_suppressed"] == "<5"
    text = response.content.decode()
    for secret in (NIP, OTHER_NIP, NAME, "Siti", "Asep", "Kementerian Agama"):
        assert secret not in text


def test_summary_unknown_region_is_400(client: Client, db: Any) -> None:
    response = client.get("/api/pledges/summary", {"region": "99.99"})
    assert response.status_code == 400 and response.json()["field"] == "region"
