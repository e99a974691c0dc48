"""Item 6: production refuses to start without a usable field key (netral.E004)."""

from __future__ import annotations

from django.test import override_settings

from netral.common.checks import field_keys_usable


@override_settings(DEBUG=False, NETRAL_FIELD_KEYS=[])
def test_missing_field_key_refused_outside_debug() -> None:
    errors = field_keys_usable()
    assert [error.id for error in errors] == ["netral.E004"]


@override_settings(DEBUG=False, NETRAL_FIELD_KEYS=["not-a-key"])
def test_malformed_field_key_refused_outside_debug() -> None:
    errors = field_keys_usable()
    assert [error.id for error in errors] == ["netral.E004"]
    assert "NETRAL_FIELD_KEYS[0]" in errors[0].msg


def test_configured_field_key_accepted() -> None:
    assert field_keys_usable() == []
