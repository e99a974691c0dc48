"""Reading and verifying the audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from netral.audit.hashing import hash_of
from netral.audit.models import GENESIS_HASH, AuditEntry, ChainHead


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    message: str


def audit_verify(*, batch_size: int = 2000) -> ChainProblem | None:
    """Walk the chain in order; return the first broken entry, or None when it is intact.

    Detects an altered row (its hash no longer matches its content), a deleted or inserted
    row (sequence gap, or prev_hash not the previous hash) and deleted newest rows (the head
    points past the last entry).
    """
    expected_prev = GENESIS_HASH
    expected_seq = 1
    entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=batch_size)
    for entry in entries:
        if entry.seq != expected_seq:
            return ChainProblem(
                expected_seq, f"entri #{expected_seq} hilang (berikutnya #{entry.seq})"
            )
        if entry.prev_hash != expected_prev:
            return ChainProblem(entry.seq, f"entri #{entry.seq}: rantai putus (prev_hash berbeda)")
        recomputed = hash_of(entry)
        if recomputed != entry.hash:
            return ChainProblem(entry.seq, f"entri #{entry.seq}: isi telah diubah (hash berbeda)")
        expected_prev = entry.hash
        expected_seq += 1
    head = ChainHead.objects.filter(pk=1).first()
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or head.hash != expected_prev):
        return ChainProblem(last_seq + 1, f"entri #{last_seq + 1} sampai #{head.seq} hilang")
    return None


def audit_entries_for(*, object_type: str, object_id: str | int) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(object_type=object_type, object_id=str(object_id)).order_by(
        "seq"
    )
