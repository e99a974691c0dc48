"""The SP4N-LAPOR! block of the staff report page (``lapor``): the forwarding, when recorded,
and the form for those who handle cases (posted to ``lapor_views.lapor_forward``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from netral.accounts.permissions import has_capability
from netral.reports.hooks import ReportPage, ReportSection
from netral.reports.lapor import report_lapor_forward


class LaporForwardForm(forms.Form):
    tracking_number = forms.CharField(
        label=gettext_lazy("Nomor pelacakan LAPOR!"),
        required=False,  # the service says what a tracking number looks like
        max_length=64,
        widget=forms.TextInput(attrs={"class": "input", "autocomplete": "off"}),
    )


def lapor_section(page: ReportPage) -> ReportSection | None:
    """The block for the staff report page; None for those who neither handle the report nor
    have a forwarding to see."""
    forward = report_lapor_forward(report=page.report)
    if forward is None and not has_capability(page.actor, "case.handle"):
        return None
    return ReportSection(
        template="reports/staff/_lapor_forward.html",
        context={"forward": forward, "form": LaporForwardForm()},
    )
