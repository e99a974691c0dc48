"""Fixtures shared by the triage tests: an API bearer for a staff member, and reports through
the real intake."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from netral.accounts.models import Role, User
from netral.accounts.services import api_token_create
from netral.cases.tests.factories import case_from_report
from netral.reports.models import Report

SubmitReport = Callable[..., Report]


@pytest.fixture
def bearer(make_user: Callable[..., User]) -> dict[str, str]:
    """The ``Authorization`` header of an API token of a Jawa Barat staff member."""
    user = make_user(Role.BAWASLU_STAFF, region="32")
    raw = api_token_create(actor=user, owner=user, name="triase").raw
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def submit_report(elections: None, django_capture_on_commit_callbacks: Any) -> SubmitReport:
    """``submit_report(**overrides)``: a report through the real intake, with its case, and
    what runs after commit (its duplicate signature) run."""

    def submit(**overrides: Any) -> Report:
        with django_capture_on_commit_callbacks(execute=True):
            case, _code = case_from_report(**overrides)
        return Report.objects.get(case=case)

    return submit
