"""Evidence files at rest: always encrypted, behind Django's storage API (local files by
default, S3-compatible object storage in production)."""

from __future__ import annotations

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from netral.common.crypto import decrypt_bytes, encrypt_bytes, needs_rotation


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


def evidence_rotate() -> int:
    """Re-encrypt stored evidence sealed with an old key: write a new file, point the row at
    it, then delete the old one (a crash in between leaves a stray file, never a lost one).
    Returns how many files were rewritten."""
    from netral.reports.models import Evidence  # storage stays importable without the app

    rewritten = 0
    for evidence in Evidence.objects.order_by("pk").iterator(chunk_size=200):
        for attr in ("original_path", "clean_path"):
            path = getattr(evidence, attr)
            if not path:
                continue
            with default_storage.open(path, "rb") as handle:
                blob = handle.read()
            if not needs_rotation(blob):
                continue
            label = "orig" if attr == "original_path" else "clean"
            fresh = evidence_write(
                folder=str(evidence.report.public_id), data=evidence_read(path), label=label
            )
            type(evidence).objects.filter(pk=evidence.pk).update(**{attr: fresh})
            default_storage.delete(path)
            rewritten += 1
    return rewritten
