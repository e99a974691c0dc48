"""Follow-up's alerts in the notification centre: a recommendation arrived at a desk (BKN,
the PPK office once BKN passed it on, Gakkumdu, KPU), its deadline falls tomorrow, a PPK let
its deadline pass. Who hears: the recommendation's assignee, or while nobody is assigned, the
desk it is at. Texts carry the recommendation's number only (they are mailed)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.urls import reverse
from django_tasks import task

from netral.accounts.models import Role, User
from netral.accounts.notification_models import Notification
from netral.accounts.notifications import BAWASLU_ROLES, notify, office_staff_ids
from netral.cases.alerts import TIME_FORMAT, case_deadline_alerts
from netral.cases.digest import digest_horizon
from netral.common import clock
from netral.followup.models import ENDED, Addressee, Recommendation, RecStatus

ARRIVED_TEXT = "Rekomendasi {number} masuk ke meja Anda"
DEADLINE_TEXT = "Tenggat rekomendasi {number} besok, {due}"
SILENT_TEXT = "PPK {ppk} melewati tenggat rekomendasi {number}"
WIB = "Asia/Jakarta"


def _active(q: Q) -> list[int]:
    return list(User.objects.filter(q, is_active=True).order_by("pk").values_list("pk", flat=True))


def _bkn_ids(rec: Recommendation) -> list[int]:
    """BKN officers of the employee's region (or its province); else BKN's national desk."""
    ppk = rec.ppk_region
    if ppk is not None:
        near = _active(Q(role=Role.BKN_OFFICER, jurisdiction__in=[ppk.code, ppk.parent_id]))
        if near:
            return near
    return _active(Q(role=Role.BKN_OFFICER, jurisdiction__isnull=True))


def desk_ids(rec: Recommendation) -> list[int]:
    """The desk the recommendation is at now (those whose desk page lists it)."""
    if rec.addressee == Addressee.BKN:
        if rec.status == RecStatus.ISSUED:
            return _bkn_ids(rec)
        if rec.status == RecStatus.ASSESSED and rec.ppk_region_id:
            return _active(Q(role=Role.PPK_OFFICE, jurisdiction=rec.ppk_region_id))
        return []
    roles: dict[str, str] = {Addressee.GAKKUMDU: Role.GAKKUMDU, Addressee.KPU: Role.KPU}
    role = roles.get(rec.addressee)
    if role is None:  # DKPP, other agencies: no desk in Netral
        return []
    return _active(Q(role=role, jurisdiction=rec.case.office_region_id))


def handler_ids(rec: Recommendation) -> list[int]:
    return [rec.assignee_id] if rec.assignee_id else desk_ids(rec)


def _link(rec: Recommendation) -> str:
    return reverse("followup:detail", kwargs={"rec_id": rec.pk})


def recommendation_arrived(rec: Recommendation) -> None:
    """Call inside the write that put the recommendation on a desk (issued, passed to the PPK)."""
    notify(
        user_ids=desk_ids(rec),
        kind=Notification.Kind.RECOMMENDATION,
        text=ARRIVED_TEXT.format(number=rec.number),
        link=_link(rec),
        key=f"arrived:{rec.pk}:{rec.status}",
    )


def ppk_silent_alerts(rec_ids: list[int]) -> None:
    """The PPKs just flagged overdue: BKN (as for the overdue mail), the deciding Bawaslu
    office and the recommendation's assignee hear of it, once per recommendation."""
    recs = Recommendation.objects.filter(pk__in=rec_ids).select_related("case", "ppk_region")
    for rec in recs.order_by("pk"):
        ids = _bkn_ids(rec) + office_staff_ids(
            region_code=rec.case.office_region_id, roles=BAWASLU_ROLES
        )
        if rec.assignee_id:
            ids.append(rec.assignee_id)
        notify(
            user_ids=ids,
            kind=Notification.Kind.PPK_SILENT,
            text=SILENT_TEXT.format(
                ppk=rec.ppk_region.name if rec.ppk_region else "instansi pusat", number=rec.number
            ),
            link=_link(rec),
            key=f"ppk_silent:{rec.pk}",
        )


def recommendation_deadline_alerts(*, now: datetime.datetime) -> int:
    """Tell the handlers of every unfinished recommendation due tomorrow (in the PPK's, or
    else the deciding office's, time zone), once per deadline. Returns how many."""
    recs = (
        Recommendation.objects.exclude(status__in=ENDED)
        .filter(
            due_at__gte=now,
            due_at__lt=now + datetime.timedelta(days=3),
        )
        .select_related("case__office_region", "ppk_region")
        .order_by("due_at", "pk")
    )
    alerted = 0
    for rec in recs:
        region = rec.ppk_region or rec.case.office_region
        tz = ZoneInfo(region.tzinfo_name if region else WIB)
        end = digest_horizon(now=now, tz=tz)
        assert rec.due_at is not None
        if not end - datetime.timedelta(days=1) <= rec.due_at < end:
            continue
        notify(
            user_ids=handler_ids(rec),
            kind=Notification.Kind.DEADLINE_TOMORROW,
            text=DEADLINE_TEXT.format(
                number=rec.number,
                due=f"{rec.due_at.astimezone(tz):{TIME_FORMAT}} {region.timezone}",
            ),
            link=_link(rec),
            key=f"deadline:rec:{rec.pk}:{rec.due_at.isoformat()}",
        )
        alerted += 1
    return alerted


@task()
def deadline_alerts() -> int:
    """Daily: the "deadline tomorrow" alerts for cases and recommendations. Returns how many
    cases and recommendations were alerted (none twice for the same deadline)."""
    now = clock.now()
    return case_deadline_alerts(now=now) + recommendation_deadline_alerts(now=now)
