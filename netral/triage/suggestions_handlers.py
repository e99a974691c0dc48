"""Triage's answer to the staff report page (``reports.hooks.report_sections``): the
suggestions panel beside each report and finding (registered in ``TriageConfig.ready``)."""

from __future__ import annotations

from netral.reports.hooks import ReportPage, ReportSection
from netral.triage.suggestions_selectors import suggestion_panel_for


def report_page_section(event: ReportPage) -> ReportSection:
    panel = suggestion_panel_for(actor=event.actor, report=event.report)
    return ReportSection("triage/suggestions/_report_section.html", {"panel": panel})
