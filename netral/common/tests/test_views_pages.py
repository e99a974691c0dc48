"""Public pages: home, language switch, error pages, health check."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.template import Engine, loader
from django.test import Client, RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_is_in_indonesian_and_lists_who_handles_reports(client: Client) -> None:
    response = client.get(reverse("home"))
    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="id">' in body
    assert "Laporkan pelanggaran netralitas ASN" in body
    for body_part in ("Bawaslu", "BKN", "PPK", "kode tanda terima"):
        assert body_part in body
    assert 'href="#main"' in body  # skip link
    assert 'href="/lapor/"' in body and 'href="/lacak/"' in body
    assert "<script" not in body  # public pages need no JavaScript
    assert "style=" not in body


def test_language_switch_sets_the_cookie_and_home_turns_english(client: Client) -> None:
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body
    assert "Report a breach of civil-service neutrality" in body

    client.post(reverse("set_language"), {"language": "id", "next": "/"})
    assert "Laporkan pelanggaran netralitas ASN" in client.get("/").content.decode()


def test_language_switch_refuses_other_sites_and_unknown_languages(client: Client) -> None:
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": "https://evil.example/"}
    )
    assert response.headers["Location"] == "/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_browser_language_does_not_override_indonesian(client: Client) -> None:
    body = client.get("/", headers={"accept-language": "en"}).content.decode()
    assert '<html lang="id">' in body


def test_missing_page_is_explained_in_indonesian(client: Client) -> None:
    response = client.get("/tidak-ada/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in body
    assert 'href="/"' in body


def test_server_error_page_renders_without_a_request() -> None:
    body = loader.get_template("500.html").render()
    assert "Maaf, terjadi kesalahan pada layanan" in body
    assert 'href="/"' in body
    assert "csrfmiddlewaretoken" not in body


def test_csrf_failure_page_is_friendly() -> None:
    client = Client(enforce_csrf_checks=True)
    # Any protected form (the language switch is exempt: it only picks the display language).
    response = client.post(reverse("reports:track_start"), {"receipt_code": "1234"})
    assert response.status_code == 403
    assert "Formulir tidak dapat dikirim" in response.content.decode()


def test_healthz() -> None:
    response = Client().get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_pages_send_a_strict_content_security_policy(client: Client) -> None:
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_templates_carry_no_inline_script_or_style() -> None:
    engine = Engine.get_default()
    names = ["base.html", "base_staff.html", "common/home.html", "accounts/login.html"]
    for name in names:
        source = engine.get_template(name).source
        assert "style=" not in source, name
        assert "<script>" not in source, name


def test_forbidden_page_is_in_indonesian(rf: RequestFactory) -> None:
    body = loader.render_to_string("403.html", request=rf.get("/"))
    assert "Anda tidak diizinkan membuka halaman ini" in body
    assert 'href="/"' in body
