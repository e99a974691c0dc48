"""Triage's answers to the hooks of the apps below (registered in ``TriageConfig.ready``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from netral.accounts.permissions import can
from netral.cases.hooks import CaseEvent, CaseFlag, CaseListRows, CaseSection
from netral.reports.hooks import ReportReceived
from netral.triage.persons import report_person_link
from netral.triage.persons_selectors import case_persons


def link_received_report(event: ReportReceived) -> None:
    """A new report (or finding) gets its person: linked by a valid NIP, proposed by name and
    agency, or a new person (in the post-intake task, after the intake committed; idempotent:
    a report linked already is left as it is)."""
    report_person_link(report=event.report)


def case_page_section(event: CaseEvent) -> CaseSection | None:
    """The staff case page names the person of each report, flagging repeat offenders."""
    if not can(event.actor, "person.view"):
        return None
    people = case_persons(case_ids=[event.case.pk]).get(event.case.pk, [])
    if not people:
        return None
    return CaseSection("triage/persons/_case_section.html", {"people": people})


def case_list_flags(rows: CaseListRows) -> dict[int, list[CaseFlag]]:
    """Inbox rows: a badge on each case with a repeat offender among its reported."""
    if not rows.case_ids or not can(rows.actor, "person.view"):
        return {}
    flags: dict[int, list[CaseFlag]] = {}
    for case_id, people in case_persons(case_ids=rows.case_ids).items():
        for entry in people:
            if entry.offence_cases:
                flags.setdefault(case_id, []).append(
                    CaseFlag(
                        label=_("Pelanggar berulang"),
                        title=_("%(name)s: pelanggaran di %(n)d kasus")
                        % {"name": entry.person.name, "n": entry.offence_cases},
                        url=reverse(
                            "triage_persons:person_detail",
                            kwargs={"public_id": entry.person.public_id},
                        ),
                    )
                )
    return flags
