"""Cases built the way production builds them: a validated report through the intake
service (not the HTTP endpoint, so the public rate limits do not get in the way)."""

from __future__ import annotations

from typing import Any

from netral.cases.models import Case
from netral.reports.forms import ReportForm
from netral.reports.intake import payload_to_form_data
from netral.reports.services import report_submit
from netral.reports.tests.apis.test_submit_api import valid


def case_from_report(**overrides: Any) -> tuple[Case, str]:
    """Submit a report; return its case and the receipt code."""
    form = ReportForm(payload_to_form_data(valid(**overrides)))
    assert form.is_valid(), form.errors
    result = report_submit(form=form, files=[], channel="api")
    result.report.refresh_from_db()
    assert result.report.case is not None
    return result.report.case, result.receipt_code
