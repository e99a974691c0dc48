"""The event of a report handed to SP4N-LAPOR! (issue #16 item 4), heard through
``reports.hooks.report_forwarded_to_lapor`` and recorded like every other event
(``events.event_record``: inside the forwarding's transaction, delivered after it commits).

The data says that the report's matter went to SP4N-LAPOR! and when; it leaves out LAPOR!'s
tracking number, which opens the complaint (and what the reporter wrote there) at
lapor.go.id.
"""

from __future__ import annotations

from netral.cases.models import Case
from netral.partners.events import _case_data, event_record
from netral.partners.models import EventType
from netral.reports.hooks import ReportForwardedToLapor

DESTINATION = "sp4n-lapor"


def on_report_forwarded_to_lapor(event: ReportForwardedToLapor) -> None:
    """Only the first forwarding of a report (a corrected tracking number is no new event)."""
    if not event.first:
        return
    report = event.report
    case = (
        Case.objects.select_related("office_region").filter(pk=report.case_id).first()
        if report.case_id
        else None
    )
    data = {
        **(_case_data(case) if case is not None else {}),
        "kind": report.kind,
        "destination": DESTINATION,
        "forwarded_at": event.at.isoformat(),
    }
    event_record(
        type=EventType.REPORT_FORWARDED_LAPOR,
        region=case.office_region if case is not None else report.handling_region,
        data=data,
    )


def register() -> None:
    from netral.reports.hooks import report_forwarded_to_lapor

    report_forwarded_to_lapor.register(on_report_forwarded_to_lapor)
