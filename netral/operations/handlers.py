"""What operations adds to pages of the apps below it (registered in ``apps.py``)."""

from __future__ import annotations

from netral.accounts.permissions import can
from netral.cases.hooks import CaseEvent, CaseSection
from netral.operations.models import LegalHold


def case_page_section(event: CaseEvent) -> CaseSection | None:
    """The case's legal hold, and for the office's leadership the form to place or release
    it (the page is already scoped to who may see the case)."""
    hold = LegalHold.objects.filter(case=event.case, released_at__isnull=True).first()
    may_hold = can(event.actor, "case.decide", event.case)
    if hold is None and not may_hold:
        return None
    return CaseSection(
        "operations/_case_legal_hold.html",
        {"hold": hold, "may_hold": may_hold, "case_id": event.case.pk},
    )
