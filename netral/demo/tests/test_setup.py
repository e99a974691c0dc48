"""`make demo` prints API tokens and links that hold from one start to the next: a script
written against the first run keeps working after a restart, and links follow ``PORT``."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from netral.accounts.models import ApiToken
from netral.demo.accounts import demo_accounts_ensure

pytestmark = pytest.mark.usefixtures("elections")

ROOT = Path(__file__).resolve().parents[3]


def demo_setup_tokens() -> dict[str, str]:
    out = io.StringIO()
    call_command("demo_setup", "--reports", "30", stdout=out)
    text = out.getvalue()
    users = re.findall(r"^ (\S+)\s+.*$\n\s+TOTP secret: \S+\n\s+API token:\s+(\S+)$", text, re.M)
    return dict(users)


def test_demo_tokens_are_the_same_on_every_start_and_authenticate(
    settings: Any, client: Client
) -> None:
    settings.NETRAL_DEMO = True
    first = demo_setup_tokens()
    second = demo_setup_tokens()
    assert len(first) >= 10 and first == second
    response = client.get("/api/accounts/me", headers={"Authorization": f"Bearer {first['admin']}"})
    assert response.status_code == 200 and response.json()["username"] == "admin"


def test_demo_token_comes_back_when_revoked(client: Client) -> None:
    def tokens() -> dict[str, str]:
        return {a.user.username: a.api_token for a in demo_accounts_ensure()}

    token = tokens()["bekasi.staf"]
    ApiToken.objects.filter(user__username="bekasi.staf").update(revoked_at=timezone.now())
    assert tokens()["bekasi.staf"] == token
    assert ApiToken.objects.filter(user__username="bekasi.staf").count() == 1
    response = client.get("/api/accounts/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def site_url(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("NETRAL_SITE_URL", "PORT")}
    code = "import netral.settings as s; print(s.NETRAL_SITE_URL)"
    done = subprocess.run(  # noqa: S603 - our own interpreter and settings module
        [sys.executable, "-c", code],
        env={**clean, "DEBUG": "1", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_demo_links_follow_the_port() -> None:
    assert site_url(PORT="8123") == "http://127.0.0.1:8123"
    assert site_url() == "http://127.0.0.1:8000"
    assert site_url(PORT="8123", NETRAL_SITE_URL="https://netral.example/") == (
        "https://netral.example"
    )
