"""The cases app's alerts in the notification centre: a new case at an office, a reporter's
message on a case, a case deadline falling tomorrow. Who hears: the case's assignee, or while
nobody is assigned, the Bawaslu staff and leaders of the case's own office. The texts name a
case by its register number or id only (they are mailed).

``register`` (called from ``CasesConfig.ready``) hooks them to intake, and puts the
assignment and notes block on the case page.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

from netral.accounts.notification_models import Notification
from netral.accounts.notifications import BAWASLU_ROLES, notify, office_staff_ids
from netral.cases.assignment import case_label
from netral.cases.digest import AWAITING_OFFICE, digest_horizon
from netral.cases.models import Case
from netral.regions.models import TZ_NAMES
from netral.reports.hooks import ReporterMessaged, ReportReceived

NEW_CASE_TEXT = "{case} ({origin}) masuk ke kantor Anda"
MESSAGE_TEXT = "Pesan baru dari pelapor pada {case}"
DEADLINE_TEXT = "Tenggat {case} besok, {due}"
TIME_FORMAT = "%d-%m-%Y %H:%M"


def _case_link(case: Case) -> str:
    return reverse("cases:case_detail", kwargs={"case_id": case.pk})


def case_handlers_ids(case: Case, *, exclude: int | None = None) -> list[int]:
    """The assignee, or nobody assigned: the office's Bawaslu staff and leaders."""
    if case.assignee_id is not None:
        return [case.assignee_id] if case.assignee_id != exclude else []
    return office_staff_ids(region_code=case.office_region_id, roles=BAWASLU_ROLES, exclude=exclude)


def new_case_alert(event: ReportReceived) -> None:
    """After the intake committed (the post-intake task): the office's staff hear of the new
    case (not the supervisor who recorded it as a finding). Once per case and person (its
    ``key``), so a replay tells nobody twice."""
    case = event.report.case
    if case is None:
        return
    notify(
        user_ids=office_staff_ids(
            region_code=case.office_region_id, roles=BAWASLU_ROLES, exclude=event.actor_id
        ),
        kind=Notification.Kind.NEW_CASE,
        text=NEW_CASE_TEXT.format(case=case_label(case), origin=case.origin),
        link=_case_link(case),
        key=f"case:new:{case.pk}",
    )


def reporter_message_alert(event: ReporterMessaged) -> None:
    report = event.report
    case = Case.objects.filter(pk=report.case_id).first() if report.case_id else None
    if case is None:
        return
    notify(
        user_ids=case_handlers_ids(case),
        kind=Notification.Kind.REPORTER_MESSAGE,
        text=MESSAGE_TEXT.format(case=case_label(case)),
        link=reverse("reports_staff:report_detail", kwargs={"public_id": report.public_id}),
    )


def _tomorrow(now: datetime.datetime, tz: ZoneInfo) -> tuple[datetime.datetime, datetime.datetime]:
    end = digest_horizon(now=now, tz=tz)
    return end - datetime.timedelta(days=1), end


def case_deadline_alerts(*, now: datetime.datetime) -> int:
    """Tell the handlers of every case the office must act on whose deadline falls tomorrow
    (the office's local day). Once per case and deadline: a second run tells nobody again.
    Returns the number of cases alerted."""
    zones = [ZoneInfo(name) for name in TZ_NAMES.values()]
    earliest = min(_tomorrow(now, tz)[0] for tz in zones)
    latest = max(_tomorrow(now, tz)[1] for tz in zones)
    cases = (
        Case.objects.filter(status__in=AWAITING_OFFICE, due_at__gte=earliest, due_at__lt=latest)
        .select_related("office_region")
        .order_by("due_at", "pk")
    )
    alerted = 0
    for case in cases:
        tz = ZoneInfo(case.office_region.tzinfo_name)
        start, end = _tomorrow(now, tz)
        assert case.due_at is not None
        if not start <= case.due_at < end:
            continue
        local = case.due_at.astimezone(tz)
        notify(
            user_ids=case_handlers_ids(case),
            kind=Notification.Kind.DEADLINE_TOMORROW,
            text=DEADLINE_TEXT.format(
                case=case_label(case),
                due=f"{local:{TIME_FORMAT}} {case.office_region.timezone}",
            ),
            link=_case_link(case),
            key=f"deadline:case:{case.pk}:{case.due_at.isoformat()}",
        )
        alerted += 1
    return alerted


def register() -> None:
    from netral.cases import assignment_views
    from netral.cases.hooks import case_sections
    from netral.reports import hooks as report_hooks

    # In the post-intake task, after the intake committed the case.
    report_hooks.report_received.register(new_case_alert)
    report_hooks.reporter_message_posted.register(reporter_message_alert)
    case_sections.register(assignment_views.case_section)
