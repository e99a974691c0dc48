"""Each new report gets its signature in the post-intake task, once the intake committed; the
backfill catches up."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from netral.cases.tests.factories import case_from_report
from netral.reports.models import Report
from netral.reports.received import report_received_run
from netral.triage.duplicates import VERSION
from netral.triage.models import ReportSignature, ReportSignatureKey

pytestmark = pytest.mark.django_db
# The production queue: the post-intake task is a row until a worker runs it.
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=QUEUE)
def test_submitting_a_report_stores_its_signature_after_commit(elections: None) -> None:
    case, _ = case_from_report(reported_nip="19850317 201001 1 004")
    report = Report.objects.get(case=case)
    assert not ReportSignature.objects.filter(report=report).exists()  # until the task runs
    report_received_run(report_id=report.pk)
    sig = ReportSignature.objects.get(report=report)
    assert sig.version == VERSION
    assert sig.reported_nip == "198503172010011004"
    assert sig.name_key == "bambang wijaya"
    assert sig.region_code == "32.75"
    assert len(bytes(sig.text_minhash)) == 4 * 60
    assert ReportSignatureKey.objects.filter(report=report).count() > 20


@override_settings(TASKS=QUEUE)
def test_backfill_command_fills_missing_signatures_in_batches(elections: None) -> None:
    for name in ("Siti Aminah", "Agus Salim", "Dewi Sartika"):
        case_from_report(reported_name=name)
    assert ReportSignature.objects.count() == 0  # the post-intake tasks never ran
    out = io.StringIO()
    call_command("triage_signatures_backfill", "--batch", "2", stdout=out)
    assert "3 laporan" in out.getvalue()
    assert ReportSignature.objects.count() == 3
    names = set(ReportSignature.objects.values_list("name_key", flat=True))
    assert names == {"siti aminah", "agus salim", "dewi sartika"}
