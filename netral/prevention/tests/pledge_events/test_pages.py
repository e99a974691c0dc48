"""The staff pages for collective pledge events: the PPK office records its own event with
a photo through the form; each role sees its scope only; the photo is served cleaned."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from conftest import SignIn
from netral.elections.models import Election
from netral.prevention.models import PledgeEvent
from netral.prevention.tests.pledge_events.conftest import jpeg_with_gps

pytestmark = pytest.mark.django_db

URL = "/ruang-kerja/ikrar-bersama/"


def form(election: Election, **over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "region": "32.75",
        "election": str(election.pk),
        "held_on": "2024-09-20",
        "agency": "Dinas Pendidikan Kota Bekasi",
        "agency_type": "regency",
        "asn_count": "850",
        "place": "Aula Dinas Pendidikan",
    }
    data.update(over)
    return data


def test_ppk_office_records_with_a_photo_and_sees_it_cleaned(
    sign_in: SignIn, election: Election
) -> None:
    client, _user = sign_in("ppk", "32.75")
    page = client.get(URL)
    assert page.status_code == 200 and 'name="asn_count"' in page.content.decode()
    photo = SimpleUploadedFile("ikrar.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(URL, {**form(election), "photo": photo})
    assert response.status_code == 302, response.content.decode()[:2000]
    event = PledgeEvent.objects.get()
    assert (event.region_id, event.asn_count) == ("32.75", 850) and event.has_photo
    html = client.get(URL).content.decode()
    assert "Dinas Pendidikan Kota Bekasi" in html and f'data-event="{event.pk}"' in html
    shown = client.get(f"{URL}{event.pk}/foto/")
    assert shown.status_code == 200 and shown["Content-Type"] == "image/jpeg"
    assert b"KameraRahasia" not in shown.content
    assert not Image.open(io.BytesIO(shown.content)).getexif()
    assert client.get(f"{URL}{event.pk}/foto/", {"asli": "1"}).status_code == 403


def test_bad_input_is_shown_on_the_form(sign_in: SignIn, election: Election) -> None:
    client, _user = sign_in("ppk", "32.75")
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = client.post(URL, {**form(election), "photo": pdf})
    assert response.status_code == 400
    assert "harus berupa foto" in response.content.decode()
    assert client.post(URL, form(election, asn_count="0")).status_code == 400
    assert client.post(URL, form(election, region="32.01")).status_code == 400  # not offered
    assert PledgeEvent.objects.count() == 0


def test_each_role_sees_its_scope(sign_in: SignIn, election: Election) -> None:
    national, _user = sign_in("bawaslu_staff")
    for region in ("32.75", "32.01", "33.03"):
        assert national.post(URL, form(election, region=region)).status_code == 302
    bekasi = PledgeEvent.objects.get(region_id="32.75")

    def regions(client: Any) -> set[str]:
        html = client.get(URL).content.decode()
        return {e.region_id for e in PledgeEvent.objects.all() if f'data-event="{e.pk}"' in html}

    assert regions(sign_in("ppk", "32.75")[0]) == {"32.75"}
    assert regions(sign_in("bawaslu_staff", "32")[0]) == {"32.75", "32.01"}
    assert regions(sign_in("bkn", None)[0]) == {"32.75", "32.01", "33.03"}
    other_ppk, _user = sign_in("ppk", "32.01")
    assert other_ppk.get(f"{URL}{bekasi.pk}/foto/").status_code == 404
    bkn, _user = sign_in("bkn", None)
    assert bkn.post(URL, form(election)).status_code == 403  # sees, may not record
    assert 'name="asn_count"' not in bkn.get(URL).content.decode()
    kpu, _user = sign_in("kpu", "32.75")
    assert kpu.get(URL).status_code == 403


def test_pages_in_english(sign_in: SignIn, election: Election, client: Any) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Collective neutrality pledges" in client.get("/ikrar-bersama/").content.decode()
    assert "Neutrality pledges by region" in client.get("/statistik/ikrar/").content.decode()
    staff, _user = sign_in("ppk", "32.75")
    staff.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Record a collective pledge" in staff.get(URL).content.decode()
