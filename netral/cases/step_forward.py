"""The case side of a reporter stepping forward (``netral.reports.step_forward``): the
information's case becomes a laporan case, with a laporan's handling deadline counted from
when the identity was given (moved to the next opening time outside office hours, as any
receipt), while the office still handles it (workflow ``IN_PLACE["to_report"]``)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext_noop

from netral.audit.services import audit_record
from netral.cases.models import Case, Status
from netral.cases.routing import effective_receipt
from netral.cases.search import case_search_refresh
from netral.cases.services import HANDLING_RULES, _later
from netral.cases.workflow import IN_PLACE
from netral.common.errors import ApplicationError
from netral.rules.selectors import deadline_due, office_hours_get

REPORT_TOO_LATE = gettext_noop(
    "Informasi ini sudah berstatus '{status}', sehingga tidak dapat lagi menjadi laporan resmi."
)
NOT_INFORMATION_CASE = gettext_noop("Hanya kasus dari informasi awal yang dapat menjadi laporan.")


def case_to_report(*, case_id: int, at: datetime.datetime) -> Case:
    """Make the information case ``case_id`` a laporan case as of ``at``. Called by the
    reports app's hook inside the transaction that stored the identity; a refusal undoes it."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("election__cycle", "office_region")
        .get(pk=case_id)
    )
    if case.status not in IN_PLACE["to_report"].sources:
        raise ApplicationError(REPORT_TOO_LATE, params={"status": Status(case.status).label})
    if case.origin != "informasi":
        raise ApplicationError(NOT_INFORMATION_CASE)
    before = {"origin": case.origin, "due_at": case.due_at}
    kind = case.election.cycle.kind
    normal, extended, counts_from = HANDLING_RULES[kind]
    tz_name = case.office_region.tzinfo_name
    stage = case.election.cycle.stage_on(timezone.localdate(at))
    received = effective_receipt(
        at=at, tz=ZoneInfo(tz_name), hours=office_hours_get(), stage=stage.code if stage else None
    )
    start = received if counts_from == "received" else case.registered_at
    due = None
    if start is not None:
        code = extended if case.extended else normal
        due = deadline_due(kind=kind, code=code, start=start, tz_name=tz_name)
    case.origin = "laporan"
    case.due_at = _later(case.due_at, due)
    case.save(update_fields=["origin", "due_at"])
    case_search_refresh(case_ids=[case.pk])
    audit_record(
        actor=None,
        action="case.to_report",
        obj=case,
        before=before,
        after={"origin": case.origin, "due_at": case.due_at, "received": received},
    )
    return case
