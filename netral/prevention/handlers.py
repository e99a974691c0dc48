"""Prevention's answers to the hooks of case handling (registered in
``PreventionConfig.ready``)."""

from __future__ import annotations

from netral.cases.hooks import CaseEvent, CaseSection
from netral.prevention.pledges_selectors import case_reported_pledges


def case_page_section(event: CaseEvent) -> CaseSection | None:
    """The staff case page tells, for each reported NIP, whether that civil servant pledged
    neutrality for the case's election (the page itself is scoped to who may see the case)."""
    rows = case_reported_pledges(case_id=event.case.pk, election_id=event.case.election_id)
    if not rows:
        return None
    return CaseSection("prevention/_case_pledges.html", {"rows": rows})
