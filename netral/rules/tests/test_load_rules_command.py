"""The load_rules command and the read-only admin."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import RequestFactory, override_settings

from netral.audit.models import AuditEntry
from netral.rules.models import RulebookVersion
from netral.rules.tests.conftest import SHIPPED_VERSION, EditFn

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("load_rules", *args, stdout=out)
    return out.getvalue()


def test_load_rules_registers_and_prints_counts() -> None:
    output = _run()

    assert f"Buku aturan {SHIPPED_VERSION}" in output
    assert "criminal_articles: 4" in output
    assert "Versi dicatat." in output
    assert RulebookVersion.objects.count() == 1
    assert "sudah tercatat" in _run()
    assert AuditEntry.objects.filter(action="rules.version_register").count() == 1


def test_check_only_records_nothing() -> None:
    assert "--check" in _run("--check")
    assert not RulebookVersion.objects.exists()


def test_load_rules_refuses_an_invalid_rulebook(rulebook_root: Path, edit_rulebook: EditFn) -> None:
    edit_rulebook(
        "deadlines.toml", 'unit = "working_day"\nfrom = "known"', 'unit = "week"\nfrom = "known"'
    )

    with (
        override_settings(NETRAL_RULEBOOK_DIR=rulebook_root),
        pytest.raises(ImproperlyConfigured, match=r"deadlines\.toml: pemilu\[1\]\.unit"),
    ):
        _run()
    assert not RulebookVersion.objects.exists()


def test_admin_is_read_only() -> None:
    model_admin = site._registry[RulebookVersion]
    request = RequestFactory().get("/")

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
