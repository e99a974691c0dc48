"""The cases part of the staff home page (``accounts.my_work``): cases assigned to me by
deadline, and the cases of my office due today or overdue. Registered in ``CasesConfig``."""

from __future__ import annotations

import datetime
from dataclasses import replace

from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.accounts.my_work import SECTION_ROWS, WorkItem, WorkRequest, WorkSection
from netral.accounts.permissions import has_capability
from netral.cases.models import Case
from netral.cases.selectors import case_inbox
from netral.cases.services import case_list_for
from netral.cases.workflow import OPEN_FOR_HANDLING


def end_of_today(now: datetime.datetime) -> datetime.datetime:
    """The next midnight in the site's time zone (``TIME_ZONE``): "due today" means before it."""
    local = timezone.localtime(now)
    midnight = datetime.datetime.combine(local.date() + datetime.timedelta(days=1), datetime.time())
    return timezone.make_aware(midnight, local.tzinfo)


def _open_cases(actor_cases: QuerySet[Case]) -> QuerySet[Case]:
    return actor_cases.filter(status__in=OPEN_FOR_HANDLING)


def _items(cases: QuerySet[Case], now: datetime.datetime) -> list[WorkItem]:
    rows = []
    for case in cases[:SECTION_ROWS]:
        label = case.register_number or _("belum diregistrasi (#%(pk)s)") % {"pk": case.pk}
        note = ", ".join(
            part
            for part in (getattr(case, "first_reported_name", ""), case.get_status_display())
            if part
        )
        rows.append(
            WorkItem(
                label=label,
                url=reverse("cases:case_detail", kwargs={"case_id": case.pk}),
                note=note,
                due_at=case.due_at,
                late=case.due_at is not None and case.due_at < now,
            )
        )
    return rows


def case_work_sections(request: WorkRequest) -> list[WorkSection]:
    actor, now = request.actor, request.now
    if not has_capability(actor, "case.view"):
        return []
    mine = Q(assignee=actor)
    due = Q(due_at__lt=end_of_today(now))
    scoped = _open_cases(case_list_for(actor=actor))
    inbox = reverse("cases:case_list")
    sections = [
        WorkSection(
            key="cases_assigned",
            title=_("Kasus yang ditugaskan kepada saya"),
            count=scoped.filter(mine).count(),
            order=10,
            more_url=inbox,
            empty=_("Tidak ada kasus yang ditugaskan kepada Anda."),
        ),
        WorkSection(
            key="cases_due",
            title=_("Tenggat hari ini dan terlambat di kantor saya"),
            count=scoped.filter(due).count(),
            order=20,
            more_url=inbox,
            empty=_("Tidak ada tenggat hari ini atau yang terlambat."),
        ),
    ]
    if request.counts_only:
        return sections
    listed = case_inbox(actor=actor).filter(status__in=OPEN_FOR_HANDLING)
    by_deadline = (F("due_at").asc(nulls_last=True), "received_at", "pk")
    found = {
        "cases_assigned": _items(listed.filter(mine).order_by(*by_deadline), now),
        "cases_due": _items(listed.filter(due).order_by(*by_deadline), now),
    }
    return [replace(section, items=found[section.key]) for section in sections]
