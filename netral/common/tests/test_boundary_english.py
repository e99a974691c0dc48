"""English at the boundary, beyond the domain errors of ``test_errors_in_english``: evidence
refusals that name the file, the bounded JSON parser and the intake, ninja's validation and
authentication answers, case-to-finding, accounts, rate limits and document verification.
Indonesian stays the default."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from netral.accounts.models import Role, User
from netral.accounts.services import user_create
from netral.cases.services import case_to_finding
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError
from netral.common.ratelimit import Limit, RateLimited, refusal_message
from netral.reports.tests.views.test_public_views import form_data, form_token

pytestmark = pytest.mark.usefixtures("elections")


def english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _program(name: str) -> io.BytesIO:
    upload = io.BytesIO(b"MZ\x90\x00" + b"\x00" * 60)
    upload.name = name
    return upload


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Program files are not accepted: alat.exe."),
        ("", "Berkas program tidak diterima: alat.exe."),
    ],
)
def test_evidence_refusal_names_the_file_in_the_readers_language(
    client: Client, language: str, expected: str
) -> None:
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    data = {**form_data(), "submission": form_token(client), "files": [_program("alat.exe")]}
    page = client.post("/lapor/", data)
    assert expected in page.content.decode()


def test_json_parser_intake_and_validation_answer_in_english() -> None:
    client = english(Client())
    deep = client.post("/api/reports", "[" * 100 + "]" * 100, "application/json")
    assert deep.json()["detail"] == "The JSON is nested too deeply (more than 32 levels)."

    unknown = client.post("/api/reports", {"bogus": 1}, "application/json")
    assert unknown.json()["detail"] == "Unknown fields: bogus."

    wrong = client.post("/api/reports", {"region": ["32.75"]}, "application/json")
    assert wrong.json()["detail"] == "region must be text."

    invalid = client.post("/api/reports/status", {}, "application/json")
    assert invalid.status_code == 422
    assert invalid.json()["detail"].startswith("Invalid input — receipt_code:")

    anonymous = client.get("/api/accounts/me")
    assert anonymous.status_code == 401
    assert anonymous.json()["detail"].startswith("Authentication required")


def test_json_parser_stays_indonesian_by_default(client: Client) -> None:
    deep = client.post("/api/reports", "[" * 100 + "]" * 100, "application/json")
    assert deep.json()["detail"] == "JSON bersarang terlalu dalam (lebih dari 32 tingkat)."


def _message(error: pytest.ExceptionInfo[ApplicationError], language: str) -> str:
    with translation.override(language):
        return error.value.message


def test_case_to_finding_refusal_in_english(make_user: Any) -> None:
    case, _code = case_from_report()  # a report with an identity: not information
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(ApplicationError) as refused:
        case_to_finding(actor=staff, case_id=case.pk)
    assert _message(refused, "en").startswith("Only a case that came from initial information")
    assert _message(refused, "id").startswith("Hanya kasus dari informasi awal")


def test_accounts_refusals_in_english(make_user: Any) -> None:
    taken: User = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(ApplicationError) as refused:
        user_create(
            actor=None,
            username=taken.username,
            password="a long enough password 123",
            role=Role.BAWASLU_STAFF,
            jurisdiction=taken.jurisdiction,
        )
    assert _message(refused, "en") == f"The username {taken.username!r} is already taken."


def test_rate_limit_refusal_in_english() -> None:
    limited = RateLimited(Limit("report-submit", 5, 3600), retry_after=120)
    everyone = RateLimited(Limit("report-submit-all", 5, 3600), retry_after=60)
    with translation.override("en"):
        assert refusal_message(limited) == (
            "Too many requests from your network. Please try again in 2 minutes."
        )
        assert refusal_message(everyone).startswith("The service is very busy")
    with translation.override("id"):
        assert refusal_message(limited).startswith("Terlalu banyak permintaan")


def test_document_verification_refusal_in_english(client: Client) -> None:
    english(client)
    upload = io.BytesIO(b"not a pdf at all")
    upload.name = "surat.pdf"
    page = client.post("/verify/", {"file": upload})
    assert page.status_code == 400
    assert "The file is not a PDF." in page.content.decode()


def test_staff_pages_and_tracking_show_the_rulebook_in_english(sign_in: Any) -> None:
    case, code = case_from_report()
    staff, _user = sign_in(Role.BAWASLU_STAFF, "32.75")
    english(staff)
    inbox = staff.get("/ruang-kerja/kasus/").content.decode()
    assert "Campaigning or promoting a candidate on social media" in inbox  # type filter
    assert "Kampanye atau sosialisasi melalui media sosial" not in inbox
    detail = staff.get(f"/ruang-kerja/kasus/{case.pk}/").content.decode()
    assert "Reporter&#x27;s identity: name, address and contacts" in detail
    assert f"case #{case.pk}" in detail

    tracking = english(Client()).post("/lacak/", {"receipt_code": code}, follow=True)
    assert "Follow-up of a report" in tracking.content.decode()
