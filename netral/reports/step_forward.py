"""A reporter steps forward: anonymous information (informasi) becomes a formal report
(laporan) when its reporter gives their identity through the tracking page, authenticated by
the receipt code, within the reporting window the law sets from the day the event became
known (Pilkada: 7 days, UU 1/2015 as amended, Ps. 134(4); Pemilu: 7 working days, UU 7/2017
Ps. 454(6); rulebook ``batas_laporan``). Past the window the law does not allow a report: the
information stays information (still handled, still tracked) and the page says so plainly.

The identity is stored exactly as the report form stores it: a ``Reporter`` row, every field
encrypted; the audit trail records that it happened, never what was given.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_noop

from netral.audit.services import audit_deferred, audit_record
from netral.common import clock
from netral.common.errors import ApplicationError, Conflict
from netral.reports.hooks import ReportSteppedForward, report_stepped_forward
from netral.reports.models import Report, Reporter
from netral.rules.deadlines import add_working_days, non_working_days
from netral.rules.selectors import (
    collective_leave_dates,
    deadline_rule_get,
    reporting_window_open,
)

NOT_INFORMATION = gettext_noop(
    "Hanya informasi tanpa identitas yang dapat dilengkapi identitas pelapor."
)
ALREADY_IDENTIFIED = gettext_noop("Laporan ini sudah memuat identitas pelapor.")
WINDOW_CLOSED = gettext_noop(
    "Batas waktu pelaporan sudah lewat (hari terakhir {last}), sehingga informasi ini tidak "
    "dapat lagi menjadi laporan resmi. Informasi Anda tetap ditangani pengawas dan Anda tetap "
    "dapat mengirim pesan di halaman ini."
)


@dataclass(frozen=True)
class StepForwardWindow:
    """Whether the information may still become a report today, and until which day."""

    open: bool
    last_day: datetime.date


def step_forward_window(*, report: Report, today: datetime.date | None = None) -> StepForwardWindow:
    """The reporting window of ``report`` (from its ``known_date``) as it stands ``today``
    (the domain's today by default). Needs ``report.election.cycle``."""
    day = today or clock.today()
    kind = report.election.cycle.kind
    rule = deadline_rule_get(kind=kind, code="batas_laporan")
    known = report.known_date
    if rule.unit == "calendar_day":
        last = known + datetime.timedelta(days=rule.amount)
    elif rule.unit == "hour":
        last = known + datetime.timedelta(days=rule.amount // 24)
    else:
        non_working = non_working_days(
            years=range(known.year, known.year + 2), collective_leave=collective_leave_dates()
        )
        last = add_working_days(known, rule.amount, non_working)
    return StepForwardWindow(
        open=reporting_window_open(kind=kind, known=known, on=day), last_day=last
    )


def information_step_forward(
    *,
    report_id: int,
    name: str,
    nik: str = "",
    address: str = "",
    phone: str = "",
    email: str = "",
) -> Report:
    """Give identity ``name`` ... ``email`` (validated by ``StepForwardForm``) to anonymous
    information ``report_id``, making it a laporan from now on. The caller authenticated the
    reporter by the receipt code. Refused for anything but informasi, outside the reporting
    window, and (by the cases app, through its workflow) once the office has decided on it:
    then nothing is stored."""
    now = clock.now()
    with transaction.atomic(), audit_deferred():
        report = (
            Report.objects.select_for_update(of=("self",))
            .select_related("election__cycle")
            .get(pk=report_id)
        )
        if Reporter.objects.filter(report=report).exists():
            raise Conflict(ALREADY_IDENTIFIED)
        if report.kind != Report.Kind.INFORMASI:
            raise ApplicationError(NOT_INFORMATION)
        window = step_forward_window(report=report, today=clock.today())
        if not window.open:
            raise ApplicationError(
                WINDOW_CLOSED, params={"last": window.last_day.strftime("%d-%m-%Y")}
            )
        Reporter.objects.create(
            report=report, name=name, nik=nik, address=address, phone=phone, email=email
        )
        report.kind = Report.Kind.LAPORAN
        report.stepped_forward_at = now
        report.save(update_fields=["kind", "stepped_forward_at"])
        # That it happened, not who: no identity, no code in the trail.
        audit_record(
            actor=None,
            action="report.step_forward",
            obj=report,
            before={"kind": Report.Kind.INFORMASI},
            after={"kind": report.kind, "identity": "encrypted"},
        )
        # The case follows through its own workflow (cases, above), or everything is undone.
        report_stepped_forward.fire(ReportSteppedForward(report=report, at=now))
    return report
