"""Evidence files at rest: blobs of purpose "evidence" in the common encrypted store
(:mod:`netral.common.blobs`: local files by default, S3-compatible object storage in
production; written durably before the transaction that records them commits)."""

from __future__ import annotations

from netral.common import blobs

EVIDENCE_BLOBS = blobs.BlobPurpose(name="evidence", root="evidence")


def evidence_write(*, folder: str, data: bytes, label: str) -> str:
    """Encrypt and store ``data``; return its storage path (call inside the transaction that
    records it)."""
    return blobs.put(EVIDENCE_BLOBS, data, folder=folder, label=label)


def evidence_read(path: str) -> bytes:
    return blobs.get(EVIDENCE_BLOBS, path)
