"""Retention: the dry run lists, the real run erases (blobs, identities, texts), counts and
the audit trail remain, a held case survives, the office is warned first."""

from __future__ import annotations

import datetime
import io
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases.models import Case, Status
from netral.common import blobs
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.demo.data import demo_data_load
from netral.operations.models import LegalHold, RetentionErasure
from netral.operations.retention_warnings import retention_warnings_send
from netral.operations.services import legal_hold_place, legal_hold_release
from netral.reports.forms import ReportForm
from netral.reports.intake import payload_to_form_data
from netral.reports.models import Evidence, Report, Reporter
from netral.reports.services import report_submit
from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import png_with_text

AS_OF = "2040-01-01"  # every demo case ended over ten years before


@pytest.fixture(autouse=True)
def own_media(settings: Any, tmp_path: Path) -> None:
    """Blobs of this module's tests only: ``storage_check`` compares every file with the
    rows, and files left by other tests (their rows rolled back) would be orphans to it."""
    settings.MEDIA_ROOT = tmp_path / "media"


def _closed_with_photo(*, closed: datetime.datetime) -> Case:
    form = ReportForm(payload_to_form_data(valid()))
    assert form.is_valid(), form.errors
    photo = SimpleUploadedFile("foto_dari_rina.png", png_with_text(), "image/png")
    report = report_submit(form=form, files=[photo], channel="api").report
    report.refresh_from_db()
    assert report.case_id is not None
    Case.objects.filter(pk=report.case_id).update(
        status=Status.CLOSED, closed_at=closed, finished_at=closed, study_facts="Fakta rahasia"
    )
    return Case.objects.get(pk=report.case_id)


def _retention(*args: str) -> str:
    out = io.StringIO()
    call_command("retention", *args, "--date", AS_OF, stdout=out)
    return out.getvalue()


def _statistics() -> Counter[tuple[str, str, str]]:
    rows = Report.objects.values_list("region_id", "violation_type", "case__status")
    return Counter(rows)


@pytest.mark.django_db
def test_dry_run_then_real_run_on_demo_data_keeps_held_case_and_counts(
    elections: None,
    make_user: Callable[..., User],
    django_capture_on_commit_callbacks: Any,
) -> None:
    demo_data_load(seed=5, reports=60)
    with django_capture_on_commit_callbacks(execute=True):
        case = _closed_with_photo(closed=datetime.datetime(2025, 1, 6, tzinfo=datetime.UTC))
    demo_held = LegalHold.objects.values("case_id")  # the demo's own (netral.demo.retention)
    held = (
        Case.objects.filter(status=Status.CLOSED, reports__isnull=False)
        .exclude(pk=case.pk)
        .exclude(pk__in=demo_held)
        .first()
    )
    assert held is not None
    leader = make_user(Role.BAWASLU_LEADER, region=held.office_region_id)
    legal_hold_place(actor=leader, case_id=held.pk, reason="Gugatan di PTUN")
    held_chronology = list(held.reports.values_list("chronology", flat=True))
    evidence = Evidence.objects.get(report__case=case)
    refs = [evidence.original_path, evidence.clean_path]
    before = _statistics()
    entries = AuditEntry.objects.count()

    dry = _retention("--dry-run")
    assert "kasus_selesai (closed_case, 3650 hari, belum dikonfirmasi): akan dihapus:" in dry
    assert "1 berkas asli" in dry and "identitas pelapor" in dry
    assert RetentionErasure.objects.count() == 0 and AuditEntry.objects.count() == entries
    assert all(blobs.exists(ref) for ref in refs)

    with django_capture_on_commit_callbacks(execute=True):
        real = _retention()
    assert "kasus_selesai (closed_case, 3650 hari, belum dikonfirmasi): dihapus:" in real
    # What the dry run listed is what went: the same lines with the other verb.
    assert real.splitlines()[1:] == [
        line.replace(": akan dihapus:", ": dihapus:") for line in dry.splitlines()[1:]
    ]
    # The closed case: blobs gone, identity blanked, texts erased.
    assert not any(blobs.exists(ref) for ref in refs)
    evidence.refresh_from_db()
    assert evidence.original_path == "" and evidence.clean_path == ""
    reporter = Reporter.objects.get(report__case=case)
    assert (reporter.name, reporter.nik, reporter.email) == ("", "", "")
    report = Report.objects.get(case=case)
    assert (report.chronology, report.reported_name, report.reported_nip) == ("", "", "")
    case.refresh_from_db()
    assert case.study_facts == ""
    # The held case is untouched; every aggregate count reads the same.
    assert list(held.reports.values_list("chronology", flat=True)) == held_chronology
    assert not RetentionErasure.objects.filter(case=held).exists()
    assert _statistics() == before
    # A deletion record per erasure: rule, when, counts; never the content.
    records: dict[str, Any] = {
        entry.after["rule"]: entry  # type: ignore[index]
        for entry in AuditEntry.objects.filter(action="retention.erase", object_id=str(case.pk))
    }
    assert set(records) == {
        "identitas_pelapor",
        "bukti_asli",
        "salinan_bersih",
        "pesan",
        "kasus_selesai",
        "catatan_internal",
        "berkas_kasus",
        "tanda_duplikat",
        "orang_terlapor",
        "tautan_tertangkap",
    }
    assert records["bukti_asli"].after["counts"] == {"originals": 1}
    assert records["kasus_selesai"].reason.startswith("kasus_selesai: UU 43/2009")
    assert all("Fakta" not in str(e.after) and "Rina" not in str(e.after) for e in records.values())
    # Done once: the next run finds nothing left.
    assert "dihapus: tidak ada" in _retention()
    call_command("storage_check")  # rows and storage agree after the wipe

    # Released, the held case goes on the next run.
    legal_hold_release(actor=leader, case_id=held.pk, reason="Putusan inkracht")
    _retention()
    assert RetentionErasure.objects.filter(case=held, rule="kasus_selesai").exists()


@pytest.mark.django_db
def test_the_office_is_warned_once_before_expiry(
    elections: None, make_user: Callable[..., User]
) -> None:
    case = _closed_with_photo(closed=datetime.datetime(2024, 11, 20, 3, tzinfo=datetime.UTC))
    make_user(Role.BAWASLU_LEADER, region=case.office_region_id, email="pimpinan@example.org")
    # Identity goes 1,825 days after 2024-11-20: on 2029-11-19; warned 30 days ahead.
    assert retention_warnings_send(today=datetime.date(2029, 10, 19)) == 0
    assert retention_warnings_send(today=datetime.date(2029, 10, 21)) == 1
    (message,) = mail.outbox
    assert message.to == ["pimpinan@example.org"]
    assert "identitas_pelapor" in message.body and "19-11-2029" in message.body
    assert "Rina" not in message.body and "Bambang" not in message.body
    assert retention_warnings_send(today=datetime.date(2029, 10, 22)) == 0


@pytest.mark.django_db
def test_only_the_office_leadership_holds_a_case(
    elections: None, make_user: Callable[..., User]
) -> None:
    case = _closed_with_photo(closed=datetime.datetime(2024, 11, 20, tzinfo=datetime.UTC))
    office = case.office_region_id
    with pytest.raises(PermissionDenied):
        legal_hold_place(
            actor=make_user(Role.BAWASLU_STAFF, region=office), case_id=case.pk, reason="x"
        )
    with pytest.raises(NotFound):
        legal_hold_place(
            actor=make_user(Role.BAWASLU_LEADER, region="11"), case_id=case.pk, reason="x"
        )
    leader = make_user(Role.BAWASLU_LEADER, region=office)
    with pytest.raises(ApplicationError):
        legal_hold_place(actor=leader, case_id=case.pk, reason="  ")
    legal_hold_place(actor=leader, case_id=case.pk, reason="Pemeriksaan DKPP")
    with pytest.raises(ApplicationError):
        legal_hold_place(actor=leader, case_id=case.pk, reason="lagi")
    entry = AuditEntry.objects.filter(action="case.legal_hold").last()
    assert entry is not None and entry.reason == "Pemeriksaan DKPP"
