"""Authenticated encryption of protected data, with key rotation."""

from __future__ import annotations

import base64
import os
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from netral.common.crypto import (
    DecryptionError,
    check_keys,
    decrypt_bytes,
    decrypt_text,
    encrypt_bytes,
    encrypt_text,
    is_encrypted_text,
    needs_rotation,
)

SECRET = "Budi Santoso, NIK 3171010101010001"
ROW = b"reports.Reporter.name:4f0c3b1e"


def _new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


@pytest.fixture
def keys(settings: Any) -> list[str]:
    settings.NETRAL_FIELD_KEYS = [_new_key()]
    return settings.NETRAL_FIELD_KEYS


@pytest.mark.usefixtures("keys")
@pytest.mark.parametrize("data", [b"", b"x", SECRET.encode(), os.urandom(100_000)])
def test_bytes_round_trip(data: bytes) -> None:
    blob = encrypt_bytes(data, associated_data=ROW)
    assert len(blob) == len(data) + 1 + 4 + 12 + 16
    assert blob[0] == 1
    assert decrypt_bytes(blob, associated_data=ROW) == data


@pytest.mark.usefixtures("keys")
@pytest.mark.parametrize("text", ["", "Budi", SECRET, "Kepala Dinas — ñ 漢字 😀"])
def test_text_round_trip(text: str) -> None:
    token = encrypt_text(text, associated_data=ROW)
    assert token.startswith("enc1:")
    assert is_encrypted_text(token)
    assert not is_encrypted_text(text)
    assert token.isascii()
    assert decrypt_text(token, associated_data=ROW) == text


@pytest.mark.usefixtures("keys")
def test_plaintext_does_not_appear_and_nonces_differ() -> None:
    first, second = encrypt_text(SECRET), encrypt_text(SECRET)
    assert first != second
    for token in (first, second):
        blob = base64.urlsafe_b64decode(token.removeprefix("enc1:"))
        assert SECRET.encode() not in blob
        assert b"Budi" not in blob
        assert "Budi" not in token


@pytest.mark.usefixtures("keys")
@pytest.mark.parametrize(
    ("position", "message"),
    [
        (0, "format version"),  # version
        (1, "not in NETRAL_FIELD_KEYS"),  # key id
        (6, "failed authentication"),  # nonce
        (20, "failed authentication"),  # ciphertext
        (-1, "failed authentication"),  # tag
    ],
)
def test_any_flipped_byte_is_detected(position: int, message: str) -> None:
    blob = bytearray(encrypt_bytes(SECRET.encode(), associated_data=ROW))
    blob[position] ^= 0x01
    with pytest.raises(DecryptionError, match=message):
        decrypt_bytes(bytes(blob), associated_data=ROW)


@pytest.mark.usefixtures("keys")
def test_truncated_blob_is_refused() -> None:
    blob = encrypt_bytes(b"", associated_data=ROW)
    with pytest.raises(DecryptionError, match="too short"):
        decrypt_bytes(blob[:-1], associated_data=ROW)


@pytest.mark.usefixtures("keys")
@pytest.mark.parametrize(
    "other", [b"", b"reports.Reporter.name:99999999", b"reports.Reporter.nik:4f0c3b1e"]
)
def test_ciphertext_moved_to_another_row_or_field_fails(other: bytes) -> None:
    token = encrypt_text(SECRET, associated_data=ROW)
    with pytest.raises(DecryptionError, match="wrong associated data"):
        decrypt_text(token, associated_data=other)


@pytest.mark.usefixtures("keys")
@pytest.mark.parametrize("token", ["Budi Santoso", "enc1:***", "enc1:" + "A" * 10])
def test_text_that_is_not_ours_is_refused(token: str) -> None:
    with pytest.raises(DecryptionError):
        decrypt_text(token)


def test_rotation_new_key_first_old_key_still_decrypts(settings: Any) -> None:
    old, new = _new_key(), _new_key()
    settings.NETRAL_FIELD_KEYS = [old]
    old_blob = encrypt_bytes(b"lama", associated_data=ROW)
    old_token = encrypt_text("lama")
    assert not needs_rotation(old_blob)

    settings.NETRAL_FIELD_KEYS = [new, old]

    assert decrypt_bytes(old_blob, associated_data=ROW) == b"lama"
    assert decrypt_text(old_token) == "lama"
    assert needs_rotation(old_blob)
    assert needs_rotation(old_token)
    new_blob = encrypt_bytes(b"baru", associated_data=ROW)
    assert not needs_rotation(new_blob)

    settings.NETRAL_FIELD_KEYS = [new]  # old key retired

    assert decrypt_bytes(new_blob, associated_data=ROW) == b"baru"
    with pytest.raises(DecryptionError, match="not in NETRAL_FIELD_KEYS"):
        decrypt_bytes(old_blob, associated_data=ROW)
    assert needs_rotation(old_blob)


def test_keys_without_padding_or_with_whitespace_are_accepted(settings: Any) -> None:
    key = _new_key()
    settings.NETRAL_FIELD_KEYS = [f"  {key.rstrip('=')} "]
    blob = encrypt_bytes(b"x")
    settings.NETRAL_FIELD_KEYS = [key]
    assert decrypt_bytes(blob) == b"x"


def test_configured_keys_are_valid() -> None:
    check_keys()


@pytest.mark.parametrize(
    ("configured", "message"),
    [
        ([], "non-empty list"),
        (None, "non-empty list"),
        ("a-single-string-not-a-list", "non-empty list"),
        (["not base64 ***"], r"NETRAL_FIELD_KEYS\[0\] is not valid urlsafe base64"),
        ([base64.urlsafe_b64encode(b"k" * 16).decode()], r"\[0\] decodes to 16 bytes"),
        ([base64.urlsafe_b64encode(b"k" * 32).decode(), "c2hvcnQ="], r"\[1\] decodes to 5"),
        ([base64.urlsafe_b64encode(b"k" * 32).decode()] * 2, r"\[1\] repeats an earlier key"),
    ],
)
def test_bad_key_configuration_is_refused(settings: Any, configured: object, message: str) -> None:
    settings.NETRAL_FIELD_KEYS = configured
    with pytest.raises(ImproperlyConfigured, match=message) as caught:
        encrypt_bytes(b"x")
    if isinstance(configured, list) and configured:
        assert configured[0] not in str(caught.value)  # never echo key material
    with pytest.raises(ImproperlyConfigured):
        check_keys()
