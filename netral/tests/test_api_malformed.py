"""Malformed and hostile input on the API: always a 4xx with a JSON reason, never a 500 or an
HTML page (issue 10, item 7)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client, override_settings

from netral.accounts.models import ApiToken, Role, User
from netral.accounts.services import api_token_create
from netral.cases.models import Verdict
from netral.followup.models import Recommendation, RecStatus
from netral.followup.tests.factories import decided_case
from netral.reports.models import Evidence, Report
from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import jpeg_with_exif

pytestmark = pytest.mark.usefixtures("elections")

DEEP = "[" * 1000 + "]" * 1000
LONG_NUMBER = "1" * 5000


@pytest.fixture
def client() -> Client:
    # A 500 must show up as a response here, not as an exception in the test.
    return Client(raise_request_exception=False)


@pytest.fixture
def bkn(make_user: Callable[..., User]) -> dict[str, str]:
    user = make_user(Role.BKN_OFFICER)
    return {"Authorization": f"Bearer {api_token_create(actor=user, owner=user, name='s').raw}"}


def post(client: Client, url: str, body: str, headers: dict[str, str] | None = None) -> Any:
    return client.post(url, body, content_type="application/json", headers=headers or {})


def refused(response: Any, status: int = 400) -> str:
    """The JSON reason of a refusal with ``status``."""
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json"), response.content[:300]
    detail: str = response.json()["detail"]
    return detail


@pytest.mark.parametrize("url", ["/api/reports", "/api/accounts/tokens"])
def test_json_nested_1000_deep_is_refused(client: Client, bkn: dict[str, str], url: str) -> None:
    body = '{"name": ' + DEEP + "}" if url.endswith("tokens") else DEEP
    assert "terlalu dalam" in refused(post(client, url, body, bkn))


@pytest.mark.parametrize("url", ["/api/reports", "/api/accounts/tokens"])
def test_a_5000_digit_number_is_refused(client: Client, bkn: dict[str, str], url: str) -> None:
    assert "terlalu panjang" in refused(post(client, url, '{"name": ' + LONG_NUMBER + "}", bkn))


def test_a_lone_surrogate_in_intake_is_refused_and_nothing_stored(client: Client) -> None:
    body = json.dumps(valid(reported_name="Budi \ud800 Santoso"))  # dumps escapes it: \ud800
    assert "surrogate" in refused(post(client, "/api/reports", body))
    assert not Report.objects.exists()


def test_a_lone_surrogate_in_a_token_name_is_refused(
    client: Client, bkn: dict[str, str], make_user: Callable[..., User]
) -> None:
    before = ApiToken.objects.count()
    assert "surrogate" in refused(post(client, "/api/accounts/tokens", '{"name": "\\ud800"}', bkn))
    assert ApiToken.objects.count() == before
    # A pair of surrogates is one character (an emoji) and is fine.
    emoji = post(client, "/api/accounts/tokens", '{"name": "skrip \\ud83d\\ude00"}', bkn)
    assert emoji.status_code == 201 and emoji.json()["name"] == "skrip \U0001f600"


def test_a_lone_surrogate_in_a_bkn_assessment_is_refused(
    client: Client, bkn: dict[str, str], make_user: Callable[..., User]
) -> None:
    rec = Recommendation.objects.get(
        case=decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    )
    body = '{"assessment": "Terbukti \\udfff.", "sanction": "heavy"}'
    url = f"/api/followup/recommendations/{rec.pk}/assess"
    assert "surrogate" in refused(post(client, url, body, bkn))
    rec.refresh_from_db()
    assert rec.status != RecStatus.ASSESSED


@pytest.mark.parametrize(
    "query",
    [
        "offset=99999999999999999999",
        "offset=-1",
        "limit=99999999999999999999",
        "limit=0",
    ],
)
def test_pagination_out_of_bounds_is_422(client: Client, bkn: dict[str, str], query: str) -> None:
    refused(client.get(f"/api/followup/recommendations?{query}", headers=bkn), 422)


@pytest.mark.parametrize(
    "url",
    [
        "/api/followup/recommendations/99999999999999999999",
        "/api/accounts/tokens/99999999999999999999",
        "/api/audit/entries?before_seq=99999999999999999999",
        "/api/public/cases?region=32&limit=99999999999999999999",
        "/api/stats/summary?election=99999999999999999999",
    ],
)
def test_ids_beyond_64_bits_are_refused(client: Client, bkn: dict[str, str], url: str) -> None:
    method = client.delete if "/tokens/" in url else client.get
    response = method(url, headers=bkn)
    assert 400 <= response.status_code < 500, response.content[:300]
    assert response["Content-Type"].startswith("application/json")


def test_a_5000_character_file_name_is_a_json_400(client: Client) -> None:
    upload = io.BytesIO(jpeg_with_exif())
    upload.name = "a" * 5000 + ".jpg"
    response = client.post("/api/reports", {"report": json.dumps(valid()), "files": upload})
    assert "tidak dapat dibaca" in refused(response)
    assert not Report.objects.exists()


def test_a_long_file_name_is_kept_cut_to_255_characters(client: Client) -> None:
    upload = io.BytesIO(jpeg_with_exif())
    upload.name = "a" * 600 + ".jpg"
    response = client.post("/api/reports", {"report": json.dumps(valid()), "files": upload})
    assert response.status_code == 201, response.content[:300]
    (evidence,) = Evidence.objects.all()
    assert len(evidence.original_name) <= 255 and evidence.original_name.endswith(".jpg")


def test_a_body_over_the_upload_limit_is_a_json_413(client: Client, bkn: dict[str, str]) -> None:
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000):
        body = json.dumps({"name": "x" * 2000})
        assert "terlalu besar" in refused(post(client, "/api/accounts/tokens", body, bkn), 413)


def test_a_broken_multipart_body_is_a_json_400(client: Client) -> None:
    response = client.post(
        "/api/reports",
        b"--x\r\nContent-Disposition: form-data; name=report\r\n\r\n{}",  # never closed
        content_type="multipart/form-data; boundary=x",
    )
    assert response.status_code in (400, 422), response.content[:300]
    assert response["Content-Type"].startswith("application/json")


def test_an_unknown_api_path_is_a_json_404(client: Client) -> None:
    for response in (client.get("/api/no-such-thing"), client.post("/api/reports/x/y")):
        assert "/api/docs" in refused(response, 404)


def test_an_unexpected_error_is_a_json_500(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**kwargs: Any) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr("netral.regions.apis.region_get", broken)
    response = client.get("/api/regions/32")
    detail = refused(response, 500)
    assert "bug" not in detail  # the reason is logged, not shown
