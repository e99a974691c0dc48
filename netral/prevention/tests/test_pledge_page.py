"""The public pledge page (issue #11 item 3): form without JavaScript, post/redirect/get to
the thank-you page, the certificate for the session that pledged only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from netral.elections.models import Election
from netral.prevention.models import Pledge

NIP = "198503122010011003"


@pytest.fixture
def election(elections: None) -> Election:
    return Election.objects.get(region_id="32.75")


def form(election: Election, **over: Any) -> dict[str, Any]:
    data = {
        "nip": NIP,
        "name": "Budi\u200b Santoso",
        "agency": "Dinas Pendidikan Kota Bekasi",
        "region": "32.75",
        "election": str(election.pk),
    }
    data.update(over)
    return data


def test_page_pledge_flow(client: Client, election: Election) -> None:
    page = client.get("/ikrar/")
    assert page.status_code == 200
    assert 'name="nip"' in page.content.decode()

    sent = client.post("/ikrar/", form(election))
    assert sent.status_code == 302
    assert sent["Location"] == "/ikrar/terima-kasih/"
    pledge = Pledge.objects.get()
    assert pledge.name == "Budi Santoso"  # cleaned of the zero-width space

    thanks = client.get(sent["Location"])
    text = thanks.content.decode()
    assert pledge.number in text
    assert "Budi" not in text and NIP not in text
    certificate = client.get(f"/ikrar/sertifikat/{pledge.public_id}/")
    assert certificate.status_code == 200
    assert certificate["Content-Type"] == "application/pdf"
    assert certificate.content.startswith(b"%PDF")

    # The certificate verifies as an official document.
    verify = client.post(f"/verify/{pledge.number}", {"file": _upload(certificate.content)})
    assert verify.status_code == 200
    assert "asli" in verify.content.decode().lower()


def _upload(data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("sertifikat.pdf", data, content_type="application/pdf")


def test_page_second_pledge_is_answered_kindly(client: Client, election: Election) -> None:
    client.post("/ikrar/", form(election))
    number = Pledge.objects.get().number
    again = client.post("/ikrar/", form(election), follow=True)
    text = again.content.decode()
    assert 'id="pledge-repeat"' in text and number in text
    assert Pledge.objects.count() == 1


def test_certificate_is_not_for_other_sessions(client: Client, election: Election) -> None:
    client.post("/ikrar/", form(election))
    pledge = Pledge.objects.get()
    stranger = Client()
    assert stranger.get(f"/ikrar/sertifikat/{pledge.public_id}/").status_code == 404
    # Knowing the NIP is not enough: a different name gets the number, not the certificate.
    again = stranger.post("/ikrar/", form(election, name="Orang Lain"), follow=True)
    assert pledge.number in again.content.decode()
    assert f"/ikrar/sertifikat/{pledge.public_id}/" not in again.content.decode()
    assert stranger.get(f"/ikrar/sertifikat/{pledge.public_id}/").status_code == 404


def test_page_invalid_nip_shows_the_reason(client: Client, election: Election) -> None:
    response = client.post("/ikrar/", form(election, nip="123"))
    assert response.status_code == 400
    assert "NIP harus 18 angka" in response.content.decode()
    assert not Pledge.objects.exists()


def test_thanks_without_a_pledge_goes_to_the_form(client: Client, db: Any) -> None:
    response = client.get("/ikrar/terima-kasih/")
    assert response.status_code == 302 and response["Location"] == "/ikrar/"


def test_page_in_english(client: Client, election: Election) -> None:
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Civil servant neutrality pledge" in client.get("/ikrar/").content.decode()
    refused = client.post("/ikrar/", form(election, nip="123")).content.decode()
    assert "A NIP is 18 digits" in refused
    sent = client.post("/ikrar/", form(election), follow=True).content.decode()
    assert "Thank you, your pledge is recorded" in sent
