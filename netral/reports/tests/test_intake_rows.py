"""The rows the intake writes with its audit entries (issue #13 item 3): the reporter's
identity, the notice address and the rollup deltas are queued during the intake's transaction
and written with the audit entries and the chain head, in one statement on PostgreSQL. What is
stored is what was sent; a failure stores none of it, and leaves nothing queued for the next."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netral.analytics.models import ReportCount
from netral.analytics.rollups import rollups_differences
from netral.cases.tests.factories import case_from_report
from netral.reports import hooks as report_hooks
from netral.reports.models import Contact, Report, Reporter

pytestmark = pytest.mark.usefixtures("elections")


def test_identity_notice_and_rollups_are_stored_with_the_audit_entries() -> None:
    case_from_report()  # the chain head exists
    with CaptureQueriesContext(connection) as queries:
        case, _code = case_from_report()
    report = case.reports.get()
    reporter = Reporter.objects.get(report=report)
    assert (reporter.name, reporter.nik, reporter.address) == (
        "Rina Kartika",
        "3275015703900001",
        "Jl. Ahmad Yani 1, Bekasi",
    )
    assert (reporter.phone, reporter.email) == ("081234567890", "rina@example.org")
    assert Contact.objects.get(report=report).email == "rina@example.org"
    assert rollups_differences() == []
    if connection.vendor == "postgresql":
        [last] = [q["sql"] for q in queries.captured_queries if "audit_auditentry" in q["sql"]]
        for table in ("reports_reporter", "reports_contact", "analytics_reportcount"):
            assert f'INSERT INTO "{table}"' in last
        assert 'INSERT INTO "analytics_casecount"' in last
        assert 'UPDATE "audit_chainhead"' in last


def test_anonymous_information_with_a_notice_address_has_no_identity() -> None:
    case, _code = case_from_report(anonymous=True, reporter=None, notify_email="a@example.org")
    report = case.reports.get()
    assert not Reporter.objects.filter(report=report).exists()
    assert Contact.objects.get(report=report).email == "a@example.org"


def test_a_failed_intake_stores_none_of_its_queued_rows() -> None:
    def refuse(_: Any) -> None:
        raise RuntimeError("refused")

    with report_hooks.report_submitted.replaced(refuse), pytest.raises(RuntimeError):
        case_from_report()
    assert not Report.objects.exists() and not Reporter.objects.exists()
    assert not Contact.objects.exists() and not ReportCount.objects.exists()
    # Nothing of it is left queued: the next intake writes its own rows only.
    case_from_report()
    assert Reporter.objects.count() == 1 and Contact.objects.count() == 1
    assert rollups_differences() == []
