"""What retention erases of a case's own records (``netral.common.retention``): its
internal notes with their sealed attachments, and the case-file ZIPs built for forwarding."""

from __future__ import annotations

from netral.cases.models import CaseFile, CaseNote, CaseNoteAttachment
from netral.common.retention import CaseScope, Erased, RetentionKind, register


def case_notes_erase(scope: CaseScope) -> Erased:
    """Delete the case's internal notes; their attachments' originals and copies go from
    storage after the commit."""
    done = Erased()
    attachments = CaseNoteAttachment.objects.filter(note__case_id=scope.case_id)
    for path, clean_path in attachments.values_list("path", "clean_path"):
        done.add_refs((path, clean_path))
    done.add("note_attachments", attachments.count())
    notes = CaseNote.objects.filter(case_id=scope.case_id)
    done.add("notes", notes.count())
    attachments.delete()
    notes.delete()
    return done


def case_files_erase(scope: CaseScope) -> Erased:
    """Delete the case's built ZIPs (a row per build, its blob after the commit)."""
    done = Erased()
    files = CaseFile.objects.filter(case_id=scope.case_id)
    done.add_refs(files.values_list("path", flat=True))
    done.add("case_files", files.count())
    files.delete()
    return done


register(
    RetentionKind(
        data="case_notes",
        labels=(("notes", "catatan internal"), ("note_attachments", "lampiran catatan")),
        erase_case=case_notes_erase,
    )
)
register(
    RetentionKind(
        data="case_files",
        labels=(("case_files", "berkas kasus (ZIP)"),),
        erase_case=case_files_erase,
    )
)
