"""Authenticated encryption of protected data (reporter identity, evidence originals).

AES-256-GCM from ``cryptography``. Keys come from ``settings.NETRAL_FIELD_KEYS``: a list of
urlsafe-base64 strings of 32 bytes each. The first key encrypts; every key decrypts, so a key
is rotated by putting the new one first, re-encrypting the stored values (see
:func:`needs_rotation`) and only then removing the old one.

Blob layout (all of it, header included, is authenticated)::

    version (1 byte) | key id (4 bytes) | nonce (12 bytes) | ciphertext + tag (16 bytes)

The key id is a domain-separated SHA-256 prefix of the key, so decryption picks the key
without trying each one and an unknown key is reported as such.

Associated data binds a ciphertext to where it belongs: a value copied to another row or
field then fails to decrypt. Callers pass a label plus a *stable per-row random id*, e.g.
``b"reports.Reporter.name:" + reporter.uid.bytes``. Do not use the primary key: it does not
exist before the first INSERT, and the associated data must be identical when encrypting and
decrypting.

Everything happens in memory. That is fine for field values and for evidence files up to the
upload limits (tens of MB: the blob is the file plus 33 bytes); it is not meant for streaming
gigabytes.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

FORMAT_VERSION = 1
KEY_BYTES = 32
KEY_ID_BYTES = 4
NONCE_BYTES = 12
TAG_BYTES = 16
HEADER_BYTES = 1 + KEY_ID_BYTES
MIN_BLOB_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BYTES
TEXT_PREFIX = "enc1:"
_KEY_ID_CONTEXT = b"netral.field-key-id.v1:"

# Messages never include key material: they name the setting and the position only.
KEYS_MISSING = "NETRAL_FIELD_KEYS must be a non-empty list of urlsafe-base64 strings."
KEY_NOT_BASE64 = "NETRAL_FIELD_KEYS[{index}] is not valid urlsafe base64."
KEY_WRONG_LENGTH = (
    "NETRAL_FIELD_KEYS[{index}] decodes to {length} bytes; AES-256 needs exactly 32 "
    "(generate one with base64.urlsafe_b64encode(os.urandom(32)))."
)
KEY_DUPLICATE = "NETRAL_FIELD_KEYS[{index}] repeats an earlier key (or shares its key id)."
BLOB_TOO_SHORT = "Ciphertext is too short to be a Netral blob."
BLOB_BAD_VERSION = "Unknown ciphertext format version {version}."
BLOB_UNKNOWN_KEY = "Ciphertext was encrypted with a key that is not in NETRAL_FIELD_KEYS."
BLOB_TAMPERED = "Ciphertext failed authentication: tampered, or wrong associated data."
TEXT_NOT_ENCRYPTED = "Value is not an encrypted text (missing the enc1: prefix)."
TEXT_BAD_ENCODING = "Encrypted text is not valid base64."
TEXT_NOT_UTF8 = "Decrypted value is not UTF-8 text."


class DecryptionError(Exception):
    """A blob could not be decrypted: tampered, wrong associated data, unknown key or garbled."""


@dataclass(frozen=True, slots=True)
class _Key:
    key_id: bytes
    aead: AESGCM


def _key_id(key: bytes) -> bytes:
    return hashlib.sha256(_KEY_ID_CONTEXT + key).digest()[:KEY_ID_BYTES]


def _decode_key(value: object, index: int) -> bytes:
    if not isinstance(value, str):
        raise ImproperlyConfigured(KEY_NOT_BASE64.format(index=index))
    text = value.strip()
    try:
        # validate=True refuses stray characters instead of silently dropping them.
        key = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise ImproperlyConfigured(KEY_NOT_BASE64.format(index=index)) from None
    if len(key) != KEY_BYTES:
        raise ImproperlyConfigured(KEY_WRONG_LENGTH.format(index=index, length=len(key)))
    return key


@functools.lru_cache(maxsize=8)
def _keyring_for(key_strings: tuple[str, ...]) -> tuple[_Key, ...]:
    """Decode and validate keys; cached by the key strings so settings overrides take effect."""
    ring: list[_Key] = []
    for index, value in enumerate(key_strings):
        key = _decode_key(value, index)
        key_id = _key_id(key)
        if any(known.key_id == key_id for known in ring):
            raise ImproperlyConfigured(KEY_DUPLICATE.format(index=index))
        ring.append(_Key(key_id=key_id, aead=AESGCM(key)))
    return tuple(ring)


def _keyring() -> tuple[_Key, ...]:
    configured = getattr(settings, "NETRAL_FIELD_KEYS", None)
    if isinstance(configured, str) or not isinstance(configured, Sequence) or not configured:
        raise ImproperlyConfigured(KEYS_MISSING)
    return _keyring_for(tuple(configured))


def check_keys() -> None:
    """Validate ``NETRAL_FIELD_KEYS`` now (for a system check or start-up) instead of at first use.

    Raises ImproperlyConfigured naming the faulty entry.
    """
    _keyring()


def _split(blob: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """Return (header, key id, nonce, ciphertext+tag) after checking length and version."""
    if len(blob) < MIN_BLOB_BYTES:
        raise DecryptionError(BLOB_TOO_SHORT)
    if blob[0] != FORMAT_VERSION:
        raise DecryptionError(BLOB_BAD_VERSION.format(version=blob[0]))
    header = blob[:HEADER_BYTES]
    nonce = blob[HEADER_BYTES : HEADER_BYTES + NONCE_BYTES]
    return header, header[1:], nonce, blob[HEADER_BYTES + NONCE_BYTES :]


def encrypt_bytes(data: bytes, *, associated_data: bytes = b"") -> bytes:
    """Encrypt ``data`` with the current (first) key; a fresh random nonce every call."""
    key = _keyring()[0]
    header = bytes([FORMAT_VERSION]) + key.key_id
    nonce = os.urandom(NONCE_BYTES)
    # The header is authenticated too, so version and key id cannot be swapped unnoticed.
    return header + nonce + key.aead.encrypt(nonce, data, header + associated_data)


def decrypt_bytes(blob: bytes, *, associated_data: bytes = b"") -> bytes:
    """Decrypt a blob from :func:`encrypt_bytes`; raises DecryptionError on any failure."""
    header, key_id, nonce, sealed = _split(blob)
    key = next((k for k in _keyring() if k.key_id == key_id), None)
    if key is None:
        raise DecryptionError(BLOB_UNKNOWN_KEY)
    try:
        return key.aead.decrypt(nonce, sealed, header + associated_data)
    except InvalidTag:
        raise DecryptionError(BLOB_TAMPERED) from None


def _blob_from_text(token: str) -> bytes:
    if not token.startswith(TEXT_PREFIX):
        raise DecryptionError(TEXT_NOT_ENCRYPTED)
    try:
        return base64.urlsafe_b64decode(token[len(TEXT_PREFIX) :].encode("ascii"))
    except (binascii.Error, ValueError):
        raise DecryptionError(TEXT_BAD_ENCODING) from None


def is_encrypted_text(value: str) -> bool:
    """Whether ``value`` looks like :func:`encrypt_text` output (prefix only; not verified)."""
    return value.startswith(TEXT_PREFIX)


def encrypt_text(text: str, *, associated_data: bytes = b"") -> str:
    """Encrypt text to ``"enc1:" + urlsafe-base64(blob)``, safe to store in a text column."""
    blob = encrypt_bytes(text.encode("utf-8"), associated_data=associated_data)
    return TEXT_PREFIX + base64.urlsafe_b64encode(blob).decode("ascii")


def decrypt_text(token: str, *, associated_data: bytes = b"") -> str:
    """Inverse of :func:`encrypt_text`; raises DecryptionError on any failure."""
    data = decrypt_bytes(_blob_from_text(token), associated_data=associated_data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise DecryptionError(TEXT_NOT_UTF8) from None


def needs_rotation(blob: bytes | str) -> bool:
    """Whether a blob (or :func:`encrypt_text` token) was sealed with a key other than the first.

    Only the header is read; nothing is decrypted. A blob under a key no longer configured
    also answers True (decrypting it will then raise DecryptionError).
    """
    raw = _blob_from_text(blob) if isinstance(blob, str) else blob
    _header, key_id, _nonce, _sealed = _split(raw)
    return key_id != _keyring()[0].key_id
