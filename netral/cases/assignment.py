"""Who handles a case, and the internal notes its handlers leave each other.

Assignment is an action table like the workflow's (``ASSIGNMENT_ACTIONS``): leadership sets or
clears the assignee, a staff member takes the case; either way the assignee is a Bawaslu staff
member or leader of the case's own office, every change is audited (old and new assignee), and
the new assignee is notified (unless they took it themselves).

Internal notes are for the office only: the reporter's tracking page reads the report, never
the case, and partner desks (BKN, PPK, Gakkumdu, KPU) have no ``case.view``. Attachments go
through the evidence pipeline (typed by content, the original sealed, a cleaned copy to open);
adding a note and opening an attachment are audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import User
from netral.accounts.notification_models import Notification
from netral.accounts.notifications import BAWASLU_ROLES, notify
from netral.accounts.permissions import can, require
from netral.audit.services import audit_deferred, audit_record, audited
from netral.cases.attachments import case_attachment_open
from netral.cases.models import Case
from netral.cases.models.notes import NOTE_BLOBS, CaseNote, CaseNoteAttachment
from netral.cases.services import CASE_NOT_FOUND, case_list_for
from netral.cases.workflow import FINAL
from netral.common import blobs, clock
from netral.common.errors import ApplicationError, NotFound
from netral.reports.evidence import evidence_prepare

ACTION_UNKNOWN = "Tindakan penugasan tidak dikenal."
CASE_FINISHED = "Kasus yang sudah selesai atau digabung tidak dapat ditugaskan."
NOT_OFFICE_STAFF = "Petugas harus staf atau pimpinan kantor Bawaslu yang menangani kasus ini."
ASSIGNEE_REQUIRED = "Pilih petugas yang ditugaskan."
NOTE_EMPTY = "Tulis catatan atau lampirkan berkas."
NOTE_TOO_LONG = "Catatan terlalu panjang (paling banyak {max} karakter)."
ASSIGNED_TEXT = "{case} ditugaskan kepada Anda"
NOTE_MAX = 5_000


@dataclass(frozen=True)
class AssignmentAction:
    label: Any  # a lazy translation
    capability: str
    # "take": the assignee is the actor; "clear": nobody; "choose": the one chosen.
    target: str


ASSIGNMENT_ACTIONS: dict[str, AssignmentAction] = {
    "assign": AssignmentAction(_("Tugaskan"), "case.assign", "choose"),
    "unassign": AssignmentAction(_("Lepaskan penugasan"), "case.assign", "clear"),
    "take": AssignmentAction(_("Ambil kasus ini"), "case.take", "take"),
}


def case_office_staff(*, case: Case) -> QuerySet[User]:
    """Who may be assigned: active Bawaslu staff and leaders of exactly the case's office."""
    return User.objects.filter(
        is_active=True, role__in=BAWASLU_ROLES, jurisdiction_id=case.office_region_id
    ).order_by("first_name", "last_name", "username")


def case_assignment_actions(*, actor: User, case: Case) -> list[str]:
    """The assignment actions ``actor`` may take on ``case`` now (for the case page)."""
    if case.status in FINAL:
        return []
    names = []
    for name, spec in ASSIGNMENT_ACTIONS.items():
        if not _may(actor, spec, case):
            continue
        if spec.target == "take" and (
            case.assignee_id == actor.pk or actor.jurisdiction_id != case.office_region_id
        ):
            continue
        if spec.target == "clear" and case.assignee_id is None:
            continue
        names.append(name)
    return names


def _may(actor: User, spec: AssignmentAction, case: Case) -> bool:
    return can(actor, spec.capability, case)


@audited
def case_assign(*, actor: User, case_id: int, action: str, assignee_id: int | None = None) -> Case:
    """Run assignment ``action`` (``ASSIGNMENT_ACTIONS``) on the actor's case."""
    spec = ASSIGNMENT_ACTIONS.get(action)
    if spec is None:
        raise ApplicationError(ACTION_UNKNOWN)
    case = case_list_for(actor=actor).select_for_update(of=("self",)).filter(pk=case_id).first()
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    require(actor, spec.capability, case)
    if case.status in FINAL:
        raise ApplicationError(CASE_FINISHED)
    target = assignee_pick(
        actor=actor,
        how=spec.target,
        assignee_id=assignee_id,
        candidates=case_office_staff(case=case),
        not_member=NOT_OFFICE_STAFF,
    )
    assignee_set(
        actor=actor,
        obj=case,
        target=target,
        action=f"case.{action}",
        text=ASSIGNED_TEXT.format(case=case_label(case)),
        link=reverse("cases:case_detail", kwargs={"case_id": case.pk}),
    )
    return case


def assignee_pick(
    *, actor: User, how: str, assignee_id: int | None, candidates: QuerySet[User], not_member: str
) -> User | None:
    """Who an assignment action names: nobody (``clear``), the actor (``take``) or the chosen
    ``assignee_id``, who must be among ``candidates`` (``not_member`` otherwise). Used by the
    case and the recommendation assignment alike."""
    if how == "clear":
        return None
    wanted = actor.pk if how == "take" else assignee_id
    if wanted is None:
        raise ApplicationError(ASSIGNEE_REQUIRED, field="assignee")
    target = candidates.filter(pk=wanted).first()
    if target is None:
        raise ApplicationError(not_member, field="assignee")
    return target


def assignee_set(
    *, actor: User, obj: Case | Any, target: User | None, action: str, text: str, link: str
) -> bool:
    """Give the locked ``obj`` (a case or a recommendation) the assignee ``target``: saved,
    audited as ``action``, the new assignee notified unless they took it themselves. False
    when it already had that assignee."""
    new_id = target.pk if target else None
    if obj.assignee_id == new_id:
        return False
    before = obj.assignee_id
    obj.assignee = target
    obj.save(update_fields=["assignee"])
    audit_record(
        actor=actor, action=action, obj=obj, before={"assignee": before}, after={"assignee": new_id}
    )
    if target is not None and target.pk != actor.pk:
        notify(user_ids=[target.pk], kind=Notification.Kind.ASSIGNMENT, text=text, link=link)
    return True


def case_label(case: Case) -> str:
    """How alerts name a case: its register number, or its id before registration."""
    return case.register_number or f"Kasus #{case.pk}"


# --- Internal notes ---------------------------------------------------------------------------


def case_note_add(
    *, actor: User, case_id: int, body: str, files: Sequence[UploadedFile] = ()
) -> CaseNote:
    """Leave an internal note on the actor's case, with attachments. Files are checked and
    cleaned before anything is written; nothing is stored when one is refused."""
    case = case_list_for(actor=actor).filter(pk=case_id).first()
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    require(actor, "case.note", case)
    body = body.strip()
    if len(body) > NOTE_MAX:
        raise ApplicationError(NOTE_TOO_LONG, field="body", params={"max": NOTE_MAX})
    if not body and not files:
        raise ApplicationError(NOTE_EMPTY, field="body")
    prepared = evidence_prepare(files=files)
    with blobs.deleted_on_failure() as written, transaction.atomic(), audit_deferred():
        note = CaseNote.objects.create(case=case, author=actor, body=body, created_at=clock.now())
        folder = str(case.pk)
        stored = []
        for item in prepared:
            path = blobs.put(NOTE_BLOBS, item.data, folder=folder, label="orig")
            written.append(path)
            clean_path = ""
            if item.clean is not None:
                clean_path = blobs.put(NOTE_BLOBS, item.clean.data, folder=folder, label="clean")
                written.append(clean_path)
            stored.append(
                CaseNoteAttachment.objects.create(
                    note=note,
                    kind=item.kind.value,
                    size=len(item.data),
                    sha256=item.sha256,
                    path=path,
                    content_type=item.kind.content_type,
                    clean_path=clean_path,
                    clean_content_type=item.clean.content_type if item.clean else "",
                )
            )
        audit_record(
            actor=actor,
            action="case.note_add",
            obj=case,
            after={"note": note.pk, "attachments": [a.sha256 for a in stored]},
        )
    return note


def case_notes(*, actor: User, case: Case) -> list[CaseNote]:
    """The internal notes of a case the caller already scoped to ``actor``, oldest first."""
    require(actor, "case.view", case)
    return list(
        CaseNote.objects.filter(case=case)
        .select_related("author")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )


@audited
def case_note_attachment_open(
    *, actor: User, case_id: int, attachment_id: int, original: bool = False
) -> tuple[bytes, str, str]:
    """Decrypt one note attachment: ``(data, content_type, download_name)``; audited. The
    cleaned copy for those who see the case; the original needs ``evidence.open_original``
    and must still hash to its SHA-256 taken at upload."""
    return case_attachment_open(
        actor=actor,
        case_id=case_id,
        original=original,
        find=lambda case: CaseNoteAttachment.objects.filter(
            pk=attachment_id, note__case=case
        ).first(),
        purpose=NOTE_BLOBS,
        action="case.note_attachment_open",
        prefix="catatan",
    )
