"""Start-up checks: public development keys and console e-mail are refused outside DEBUG;
PostgreSQL with synchronous_commit off is reported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from netral.common.checks import (
    development_keys_refused,
    email_configured,
    postgres_commits_durably,
)
from netral.common.devkeys import DEV_FIELD_KEY, DEV_SECRET_KEY

ROOT = Path(__file__).resolve().parents[3]
REAL_FIELD_KEY = "cHJvZHVjdGlvbi1saWtlLWZpZWxkLWtleS0zMmJ5dGU="


def _manage_check(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NETRAL_", "DJANGO_"))}
    clean.pop("SECRET_KEY", None)
    clean.pop("DEBUG", None)
    clean.pop("EMAIL_URL", None)
    clean.update(
        {"DJANGO_SETTINGS_MODULE": "netral.settings", "DATABASE_URL": "sqlite:////tmp/x.db"}
    )
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_development_keys_are_refused_outside_debug(settings: Any) -> None:
    settings.DEBUG = False
    settings.SECRET_KEY = DEV_SECRET_KEY
    settings.NETRAL_FIELD_KEYS = [REAL_FIELD_KEY, DEV_FIELD_KEY]
    assert {e.id for e in development_keys_refused()} == {"netral.E001", "netral.E002"}
    settings.DEBUG = True
    assert development_keys_refused() == []


def test_console_email_is_refused_outside_debug(settings: Any) -> None:
    settings.DEBUG = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert [e.id for e in email_configured()] == ["netral.E003"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert email_configured() == []


def test_the_test_suite_does_not_run_on_the_development_keys(settings: Any) -> None:
    assert settings.SECRET_KEY != DEV_SECRET_KEY
    assert DEV_FIELD_KEY not in settings.NETRAL_FIELD_KEYS


def test_production_settings_with_the_testing_flag_refuse_the_development_keys() -> None:
    refused = _manage_check(NETRAL_TESTING="1", EMAIL_URL="smtp://mail.example:25")
    assert refused.returncode != 0
    assert "netral.E001" in refused.stderr and "netral.E002" in refused.stderr


def test_production_refuses_to_start_without_email_url() -> None:
    refused = _manage_check(SECRET_KEY="x" * 50, NETRAL_FIELD_KEY=REAL_FIELD_KEY)
    assert refused.returncode != 0
    assert "EMAIL_URL" in refused.stderr
    started = _manage_check(
        SECRET_KEY="x" * 50,
        NETRAL_FIELD_KEY=REAL_FIELD_KEY,
        EMAIL_URL="smtp+tls://user:pass@mail.example:587",
    )
    assert started.returncode == 0, started.stderr


def test_development_still_starts_with_its_keys() -> None:
    started = _manage_check(DEBUG="1")
    assert started.returncode == 0, started.stderr


@pytest.mark.django_db
def test_synchronous_commit_off_is_reported_on_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    assert postgres_commits_durably(databases=["default"]) == []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
    assert [w.id for w in postgres_commits_durably(databases=["default"])] == ["netral.W001"]
