"""The follow-up part of the staff home page (``accounts.my_work``): recommendations that
arrived at my desk and wait for its action (BKN: to assess; the PPK office: to record the
sanction; Gakkumdu: the criminal path; KPU: to respond), nearest deadline first. Registered
in ``FollowupConfig``."""

from __future__ import annotations

from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from netral.accounts.models import Role, User
from netral.accounts.my_work import SECTION_ROWS, WorkItem, WorkRequest, WorkSection
from netral.followup.models import Recommendation, RecStatus
from netral.followup.selectors import recommendation_list_for

# The statuses in which a recommendation waits for each partner desk.
WAITING_AT: dict[str, tuple[str, ...]] = {
    Role.BKN_OFFICER: (RecStatus.ISSUED,),
    Role.PPK_OFFICE: (RecStatus.ASSESSED,),
    Role.GAKKUMDU: (RecStatus.ISSUED, RecStatus.IN_PROGRESS),
    Role.KPU: (RecStatus.ISSUED,),
}


def recommendations_at_desk(*, actor: User) -> QuerySet[Recommendation]:
    """What waits for the actor's desk (none for roles without one), nearest deadline first;
    ``recommendation_list_for`` keeps it to what the desk may see."""
    statuses = WAITING_AT.get(actor.role)
    if statuses is None:
        return Recommendation.objects.none()
    return (
        recommendation_list_for(actor=actor)
        .filter(status__in=statuses)
        .select_related("case")
        .order_by(F("due_at").asc(nulls_last=True), "issued_at", "pk")
    )


def followup_work_sections(request: WorkRequest) -> list[WorkSection]:
    actor, now = request.actor, request.now
    if actor.role not in WAITING_AT:
        return []
    recs = recommendations_at_desk(actor=actor)
    items = (
        []
        if request.counts_only
        else [
            WorkItem(
                label=rec.subject_name or rec.addressee_name,
                url=reverse("followup:detail", kwargs={"rec_id": rec.pk}),
                note=rec.case.register_number or rec.get_status_display(),
                due_at=rec.due_at,
                late=rec.due_at is not None and rec.due_at < now,
            )
            for rec in recs[:SECTION_ROWS]
        ]
    )
    return [
        WorkSection(
            key="recommendations",
            title=_("Rekomendasi yang tiba di meja saya"),
            count=recs.count(),
            order=50,
            items=items,
            more_url=reverse("followup:desk"),
            empty=_("Tidak ada rekomendasi yang menunggu."),
        )
    ]
