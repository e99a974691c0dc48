"""Evidence files at rest: always encrypted, behind Django's storage API (local files by
default, S3-compatible object storage in production)."""

from __future__ import annotations

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from netral.common.crypto import decrypt_bytes, encrypt_bytes


def _aad(path: str) -> bytes:
    # Binds each blob to its own path: a file copied over another fails to decrypt.
    return f"netral/evidence:{path}".encode()


def evidence_write(*, folder: str, data: bytes, label: str) -> str:
    """Encrypt and store ``data``; return its storage path."""
    path = f"evidence/{folder}/{uuid.uuid4().hex}.{label}"
    saved = default_storage.save(path, ContentFile(encrypt_bytes(data, associated_data=_aad(path))))
    if saved != path:  # a fresh UUID never collides; refuse rather than mis-bind the blob
        default_storage.delete(saved)
        raise RuntimeError(f"storage renamed {path!r} to {saved!r}")
    return path


def evidence_read(path: str) -> bytes:
    with default_storage.open(path, "rb") as handle:
        blob = handle.read()
    return decrypt_bytes(blob, associated_data=_aad(path))


def evidence_delete(paths: list[str]) -> None:
    for path in paths:
        if path:
            default_storage.delete(path)
