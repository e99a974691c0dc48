"""On the wire: HTML and JSON compressed (gzip with Django's BREACH padding), public pages
without personal data cacheable by shared caches, and never while setting a cookie."""

from __future__ import annotations

import gzip
from typing import Any

import pytest
from django.test import Client

from conftest import SignIn

pytestmark = pytest.mark.usefixtures("elections")
PUBLIC_PAGES = ["/", "/statistik/", "/statistik/data.json"]


def test_report_form_is_sent_gzip_compressed() -> None:
    response = Client().get("/lapor/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert "Laporkan dugaan pelanggaran netralitas ASN" in html
    assert len(response.content) * 3 < len(html.encode())


def test_compressed_bodies_differ_in_length_against_breach() -> None:
    lengths = {len(Client().get("/", HTTP_ACCEPT_ENCODING="gzip").content) for _ in range(12)}
    assert len(lengths) > 1  # random padding in the gzip header (Django's mitigation)


def test_json_is_compressed_and_plain_without_accept_encoding() -> None:
    client = Client()
    compressed = client.get("/api/regions?level=province", HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    assert len(__import__("json").loads(gzip.decompress(compressed.content))) == 38
    plain = client.get("/api/regions?level=province")
    assert "Content-Encoding" not in plain
    assert len(plain.json()) == 38


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_are_cacheable_and_set_no_cookie(url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert "public" in directives
    assert any(d.startswith("max-age=") and int(d[8:]) > 0 for d in directives)
    assert not response.cookies  # no session, no CSRF cookie on a shared copy


def test_the_report_form_is_never_cached_by_others() -> None:
    response = Client().get("/lapor/")
    # It carries a CSRF token tied to the visitor's own cookie: private, never shared.
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_a_signed_in_visitor_is_never_served_a_shared_copy(sign_in: SignIn) -> None:
    client, _ = sign_in("bawaslu_staff", "32.75")
    for url in PUBLIC_PAGES:
        response = client.get(url)
        assert "public" not in response.get("Cache-Control", ""), url


def test_the_language_switch_needs_no_csrf_cookie(settings: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/bahasa/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
