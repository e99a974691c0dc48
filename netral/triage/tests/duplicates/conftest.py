"""Reports submitted through the intake service (so each has its case and handling office),
with their duplicate signatures computed as after commit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from netral.cases.tests.factories import case_from_report
from netral.reports.models import Report

SubmitReport = Callable[..., Report]


@pytest.fixture
def submit_report(elections: None, django_capture_on_commit_callbacks: Any) -> SubmitReport:
    def submit(**overrides: Any) -> Report:
        with django_capture_on_commit_callbacks(execute=True):
            case, _code = case_from_report(**overrides)
        return Report.objects.get(case=case)

    return submit
