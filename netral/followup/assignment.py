"""Who handles a recommendation at the desk it is at (BKN, the PPK office, Gakkumdu, KPU).
Partner desks have no leadership role of their own: a desk member takes the recommendation,
hands it to a colleague of the same desk (same role and office) or releases it. Every change
is audited (old and new assignee); the new assignee is notified. When BKN passes a
recommendation to the PPK the assignment ends (``services.recommendation_assess``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import User
from netral.accounts.permissions import has_capability, require
from netral.audit.services import audited
from netral.cases.assignment import assignee_pick, assignee_set
from netral.common.errors import ApplicationError, NotFound
from netral.followup.models import Recommendation
from netral.followup.selectors import NOT_FOUND, recommendation_list_for

ACTION_UNKNOWN = "Tindakan penugasan tidak dikenal."
ENDED_ALREADY = "Tindak lanjut rekomendasi ini sudah selesai."
NOT_DESK_STAFF = "Petugas harus rekan di meja yang sama (peran dan kantor yang sama)."
ASSIGNED_TEXT = "Rekomendasi {number} ditugaskan kepada Anda"


@dataclass(frozen=True)
class AssignmentAction:
    label: Any  # a lazy translation
    # "take": the assignee is the actor; "clear": nobody; "choose": a desk colleague.
    target: str


ASSIGNMENT_ACTIONS: dict[str, AssignmentAction] = {
    "assign": AssignmentAction(_("Tugaskan"), "choose"),
    "unassign": AssignmentAction(_("Lepaskan penugasan"), "clear"),
    "take": AssignmentAction(_("Ambil rekomendasi ini"), "take"),
}
CAPABILITY = "recommendation.take"


def desk_colleagues(*, actor: User) -> QuerySet[User]:
    """The actor's desk: active accounts of the same role and the same office."""
    return User.objects.filter(
        is_active=True, role=actor.role, jurisdiction_id=actor.jurisdiction_id
    ).order_by("first_name", "last_name", "username")


def recommendation_assignment_actions(*, actor: User, rec: Recommendation) -> list[str]:
    if rec.ended or not has_capability(actor, CAPABILITY):
        return []
    names = ["assign"]
    if rec.assignee_id != actor.pk:
        names.append("take")
    if rec.assignee_id is not None:
        names.append("unassign")
    return names


@audited
def recommendation_assign(
    *, actor: User, rec_id: int, action: str, assignee_id: int | None = None
) -> Recommendation:
    """Run ``action`` (``ASSIGNMENT_ACTIONS``) on a recommendation at the actor's desk."""
    spec = ASSIGNMENT_ACTIONS.get(action)
    if spec is None:
        raise ApplicationError(ACTION_UNKNOWN)
    # The desk selector scopes it: a recommendation on another desk is "not found".
    rec = (
        recommendation_list_for(actor=actor)
        .select_for_update(of=("self",))
        .filter(pk=rec_id)
        .first()
    )
    if rec is None:
        raise NotFound(NOT_FOUND)
    require(actor, CAPABILITY)
    if rec.ended:
        raise ApplicationError(ENDED_ALREADY)
    target = assignee_pick(
        actor=actor,
        how=spec.target,
        assignee_id=assignee_id,
        candidates=desk_colleagues(actor=actor),
        not_member=NOT_DESK_STAFF,
    )
    assignee_set(
        actor=actor,
        obj=rec,
        target=target,
        action=f"recommendation.{action}",
        text=ASSIGNED_TEXT.format(number=rec.number),
        link=reverse("followup:detail", kwargs={"rec_id": rec.pk}),
    )
    return rec
