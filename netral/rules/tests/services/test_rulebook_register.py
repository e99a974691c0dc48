"""Recording the rulebook in force: one row and one audit entry per distinct set of files."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import override_settings

from netral.audit.models import AuditEntry
from netral.rules.models import RulebookVersion
from netral.rules.selectors import rulebook_get, rulebook_version_registered
from netral.rules.services import rulebook_register_active
from netral.rules.tests.conftest import SHIPPED_VERSION, EditFn

pytestmark = pytest.mark.django_db


def _register_entries() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="rules.version_register"))


def test_registering_records_the_version_and_audits_it() -> None:
    rulebook = rulebook_get()

    result = rulebook_register_active()

    assert result.created
    row = RulebookVersion.objects.get()
    assert (row.version, row.sha256) == (SHIPPED_VERSION, rulebook.sha256)
    assert row.counts == rulebook.counts()
    [entry] = _register_entries()
    assert entry.actor_id is None
    assert entry.actor_label == "sistem"
    assert (entry.object_type, entry.object_id) == ("rules.rulebookversion", str(row.pk))
    assert entry.after == {
        "version": SHIPPED_VERSION,
        "sha256": rulebook.sha256,
        "counts": rulebook.counts(),
    }
    assert rulebook_version_registered() == row


def test_registering_again_changes_nothing() -> None:
    first = rulebook_register_active()

    second = rulebook_register_active()

    assert not second.created
    assert second.version == first.version
    assert RulebookVersion.objects.count() == 1
    assert len(_register_entries()) == 1


def test_changed_files_of_the_same_version_are_recorded_anew(
    rulebook_root: Path, edit_rulebook: EditFn
) -> None:
    rulebook_register_active()
    edit_rulebook("office_hours.toml", "closes = 16:00:00", "closes = 17:00:00")

    with override_settings(NETRAL_RULEBOOK_DIR=rulebook_root):
        result = rulebook_register_active()

    assert result.created
    assert RulebookVersion.objects.filter(version=SHIPPED_VERSION).count() == 2
    entries = _register_entries()
    assert len(entries) == 2
    assert len({entry.after["sha256"] for entry in entries if entry.after}) == 2
