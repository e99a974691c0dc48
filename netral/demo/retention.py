"""Demo data for retention: two closed demo cases get an internal note with a sealed
attachment and a built case file, and the first of them a legal hold. So
``manage.py retention --dry-run --date 2040-01-01`` on the demo shows what each rule would
erase (the notes and case files among it) and that a held case keeps everything."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from netral.cases.models import (
    CASE_FILE_BLOBS,
    NOTE_BLOBS,
    Case,
    CaseFile,
    CaseNote,
    CaseNoteAttachment,
    Status,
)
from netral.common import blobs, clock
from netral.demo.accounts import demo_plenary_user
from netral.demo.plan import DEMO_FLAG
from netral.operations.models import LegalHold, RetentionErasure, RetentionWarning

HOLD_REASON = "Data demo: gugatan terlapor di PTUN, kasus tidak boleh dihapus."
NOTE = "Data demo: saksi minta identitasnya tidak dicantumkan di surat undangan."
# A tiny valid PNG (1x1), sealed as a note attachment's original and its cleaned copy.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _derive(case: Case) -> None:
    author = demo_plenary_user()
    now = clock.now()
    note = CaseNote.objects.create(case=case, author=author, body=NOTE, created_at=now)
    CaseNoteAttachment.objects.create(
        note=note,
        kind="image",
        size=len(PNG),
        sha256=blobs.sha256_hex(PNG),
        path=blobs.put(NOTE_BLOBS, PNG, label="png"),
        content_type="image/png",
        clean_path=blobs.put(NOTE_BLOBS, PNG, label="png"),
        clean_content_type="image/png",
    )
    zipped = b"PK\x05\x06" + bytes(18)  # an empty ZIP archive
    CaseFile.objects.create(
        case=case,
        recipient=CaseFile.Recipient.BKN,
        requested_by=author,
        requested_at=now,
        status=CaseFile.Status.DONE,
        progress=100,
        sha256=blobs.sha256_hex(zipped),
        size=len(zipped),
        path=blobs.put(CASE_FILE_BLOBS, zipped, label="zip"),
        finished_at=now,
    )


def demo_retention_load() -> int:
    """Notes and case files on two closed demo cases, a hold on the first; the number of
    holds placed (0 when the demo has fewer than two closed cases)."""
    closed = list(
        Case.objects.filter(
            status=Status.CLOSED, reports__isnull=False, **{f"checklist__{DEMO_FLAG}": True}
        )
        .distinct()
        .order_by("pk")[:2]
    )
    if len(closed) < 2:
        return 0
    for case in closed:
        _derive(case)
    # Written directly, like the rest of the demo's bulk data (the synthetic author cannot
    # sign in, so the service would not let it act).
    LegalHold.objects.create(
        case=closed[0], reason=HOLD_REASON, placed_by=demo_plenary_user(), placed_at=clock.now()
    )
    return 1


def demo_retention_delete(*, cases: QuerySet[Case]) -> None:
    """Before the demo cases go: what retention holds on them, and the blobs of their notes
    and case files (the rows go with the cases)."""
    refs = [
        ref
        for pair in CaseNoteAttachment.objects.filter(note__case__in=cases).values_list(
            "path", "clean_path"
        )
        for ref in pair
    ]
    refs += list(CaseFile.objects.filter(case__in=cases).values_list("path", flat=True))
    for model in (LegalHold, RetentionErasure, RetentionWarning):
        model.objects.filter(case__in=cases).delete()
    kept = [ref for ref in refs if ref]
    transaction.on_commit(lambda: blobs.delete(kept))
