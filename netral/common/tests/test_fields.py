"""EncryptedTextField, tested on the field itself; models using it are tested end to end."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import FieldError
from django.db import connection
from django.db.models.lookups import IsNull

from netral.common.crypto import DecryptionError, decrypt_text, encrypt_text
from netral.common.fields import EncryptedTextField

NAME = "Siti Aminah"


def _field(purpose: str = "reporter.name", **kwargs: Any) -> EncryptedTextField:
    field = EncryptedTextField(purpose=purpose, **kwargs)
    field.set_attributes_from_name("name")
    return field


def test_value_is_stored_encrypted_and_bound_to_the_purpose() -> None:
    stored = _field().get_prep_value(NAME)

    assert stored.startswith("enc1:")
    assert NAME not in stored
    assert decrypt_text(stored, associated_data=b"netral.field:reporter.name") == NAME


def test_each_save_encrypts_afresh() -> None:
    field = _field()
    assert field.get_prep_value(NAME) != field.get_prep_value(NAME)


def test_round_trip_through_the_database_representation() -> None:
    field = _field()
    stored = field.get_db_prep_save(NAME, connection)
    assert field.from_db_value(stored, None, connection) == NAME


@pytest.mark.parametrize("empty", [None, ""])
def test_empty_values_stay_as_they_are(empty: str | None) -> None:
    field = _field(null=True, blank=True)
    assert field.get_prep_value(empty) == empty
    assert field.from_db_value(empty, None, connection) == empty


def test_value_from_another_field_does_not_decrypt() -> None:
    elsewhere = _field(purpose="reporter.phone").get_prep_value(NAME)
    with pytest.raises(DecryptionError):
        _field().from_db_value(elsewhere, None, connection)


def test_tampered_value_raises_on_load() -> None:
    stored = _field().get_prep_value(NAME)
    tampered = stored[:-6] + ("A" if stored[-6] != "A" else "B") + stored[-5:]
    with pytest.raises(DecryptionError):
        _field().from_db_value(tampered, None, connection)


def test_to_python_never_decrypts_user_input() -> None:
    # Otherwise a reporter could paste a stolen ciphertext into a form and read it back.
    token = encrypt_text(NAME, associated_data=b"netral.field:reporter.name")
    assert _field().to_python(token) == token
    assert _field().to_python(42) == "42"


def test_purpose_is_required() -> None:
    with pytest.raises(TypeError, match="purpose"):
        EncryptedTextField()
    with pytest.raises(TypeError, match="purpose"):
        EncryptedTextField(purpose="  ")


def test_deconstruct_keeps_the_purpose() -> None:
    _name, path, args, kwargs = _field(blank=True).deconstruct()
    assert path == "netral.common.fields.EncryptedTextField"
    assert kwargs == {"purpose": "reporter.name", "blank": True}
    assert EncryptedTextField(*args, **kwargs).purpose == "reporter.name"


@pytest.mark.parametrize("lookup", ["exact", "iexact", "contains", "startswith", "in", "gt"])
def test_lookups_on_plaintext_are_refused(lookup: str) -> None:
    with pytest.raises(FieldError, match=f"encrypted.*'{lookup}'.*__isnull"):
        _field().get_lookup(lookup)


def test_isnull_is_the_one_lookup_allowed() -> None:
    assert _field().get_lookup("isnull") is IsNull


def test_transforms_are_refused() -> None:
    with pytest.raises(FieldError, match="encrypted"):
        _field().get_transform("lower")


@pytest.mark.parametrize("option", [{"unique": True}, {"db_index": True}])
def test_unique_or_indexed_encrypted_field_fails_the_checks(option: dict[str, Any]) -> None:
    assert [error.id for error in _field(**option).check()] == ["common.E001"]
    assert _field().check() == []
