"""A case follows a correction of its report (``netral.reports.corrections``).

The case copies the report's violation type when it opens. When staff later correct the
report's type (e.g. accepting a triage suggestion), the case takes the new type too, while
it is still being handled and still carries the report's old one: a type set on the case
itself, or a case already decided, is never overwritten.
"""

from __future__ import annotations

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_record, audited
from netral.cases.models import Case, Status
from netral.reports.models import Report

# Past these, the case's type is part of what was decided or closed.
SETTLED = (
    Status.DECIDED,
    Status.ANNOUNCED,
    Status.CLOSED,
    Status.MERGED,
    Status.NOT_REGISTERED,
)


@audited
def case_violation_type_follow(*, actor: User, report: Report, before: str) -> Case | None:
    """Give the report's case the report's (corrected) violation type, if the case still has
    ``before`` (the report's old type) and is not settled. Returns the case when changed."""
    if report.case_id is None:
        return None
    case = Case.objects.select_for_update(of=("self",)).get(pk=report.case_id)
    require(actor, "case.handle", case)
    code = report.violation_type
    if case.status in SETTLED or case.violation_type not in ("", before) or not code:
        return None
    if case.violation_type == code:
        return None
    old = case.violation_type
    case.violation_type = code
    case.save(update_fields=["violation_type"])
    audit_record(
        actor=actor,
        action="case.violation_type_follow",
        obj=case,
        before={"violation_type": old},
        after={"violation_type": code, "report": str(report.public_id)},
    )
    return case
