"""Retention reaches what other apps derive from reports and cases, through the kinds they
register (``netral.common.retention``): case notes with their sealed attachments, case-file
ZIPs, duplicate signatures and LSH keys, person records, the partners' event log. The dry run
lists each per rule; the real run erases them (blobs from storage too), leaves the statistics'
rollups and a deletion record; a held case keeps everything derived from it."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from netral.accounts.models import Role, User
from netral.analytics.models import CaseCount, ReportCount
from netral.audit.models import AuditEntry
from netral.cases.models import (
    CASE_FILE_BLOBS,
    NOTE_BLOBS,
    Case,
    CaseFile,
    CaseNote,
    CaseNoteAttachment,
    Status,
)
from netral.common import blobs
from netral.common.retention import kinds
from netral.demo.data import demo_data_load
from netral.operations.models import LegalHold, RetentionErasure
from netral.operations.services import legal_hold_place
from netral.partners.models import Event
from netral.reports.models import Report
from netral.rules.selectors import rulebook_get
from netral.triage.duplicates_store import signatures_backfill
from netral.triage.models import Person, PersonLink, ReportSignature, ReportSignatureKey

AS_OF = "2040-01-01"  # every demo case ended over ten years before
MIDWAY = "2032-06-01"  # over five years after LONG_AGO, under ten
LONG_AGO = datetime.datetime(2025, 1, 6, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def own_media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def _retention(*args: str, date: str = AS_OF) -> str:
    out = io.StringIO()
    call_command("retention", *args, "--date", date, stdout=out)
    return out.getvalue()


def _line(output: str, code: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(f"- {code} "))


def _derive(case: Case, author: User) -> list[str]:
    """A note with a sealed attachment, a built case file and an old partner event for
    ``case``; the refs of its blobs."""
    note = CaseNote.objects.create(
        case=case, author=author, body="Saksi Budi takut", created_at=LONG_AGO
    )
    original = blobs.put(NOTE_BLOBS, b"original bytes")
    clean = blobs.put(NOTE_BLOBS, b"clean bytes")
    CaseNoteAttachment.objects.create(
        note=note,
        kind="image",
        size=14,
        sha256=blobs.sha256_hex(b"original bytes"),
        path=original,
        content_type="image/png",
        clean_path=clean,
        clean_content_type="image/png",
    )
    zipped = blobs.put(CASE_FILE_BLOBS, b"PK zip")
    CaseFile.objects.create(
        case=case,
        recipient=CaseFile.Recipient.BKN,
        requested_by=author,
        requested_at=LONG_AGO,
        status=CaseFile.Status.DONE,
        sha256=blobs.sha256_hex(b"PK zip"),
        size=6,
        path=zipped,
    )
    Event.objects.create(
        type="case.decided", occurred_at=LONG_AGO, data={"case_id": case.pk, "status": "closed"}
    )
    return [original, clean, zipped]


def _derived(case: Case) -> dict[str, int]:
    reports = Report.objects.filter(case=case).values("pk")
    return {
        "notes": CaseNote.objects.filter(case=case).count(),
        "case_files": CaseFile.objects.filter(case=case).count(),
        "signatures": ReportSignature.objects.filter(report_id__in=reports).count(),
        "keys": ReportSignatureKey.objects.filter(report_id__in=reports).count(),
        "links": PersonLink.objects.filter(report_id__in=reports).count(),
        "events": Event.objects.filter(data__case_id=case.pk).count(),
    }


def test_every_registered_kind_has_a_rule_with_its_legal_basis() -> None:
    rules = {rule.data: rule for rule in rulebook_get().retention.rules}
    registered = [kind.data for kind in kinds()]
    assert registered == [
        "captured_links",
        "case_files",
        "case_notes",
        "duplicate_signatures",
        "partner_events",
        "reported_persons",
    ]
    for data in registered:
        assert rules[data].basis and rules[data].confirmed is False, data


@pytest.mark.django_db
def test_dry_run_and_real_run_reach_derived_data_and_spare_the_held_case(
    elections: None,
    make_user: Callable[..., User],
    django_capture_on_commit_callbacks: Any,
) -> None:
    demo_data_load(seed=5, reports=40)
    signatures_backfill(all_reports=True)
    # Beside the demo's own held case and notes (``netral.demo.retention``).
    demo_held = list(LegalHold.objects.values_list("case_id", flat=True))
    assert len(demo_held) == 1
    closed = list(
        Case.objects.filter(status=Status.CLOSED, reports__isnull=False)
        .exclude(pk__in=demo_held)
        .exclude(internal_notes__isnull=False)
        .distinct()
        .order_by("pk")[:2]
    )
    erased, held = closed
    Case.objects.filter(pk__in=[erased.pk, held.pk]).update(closed_at=LONG_AGO)
    leader = make_user(Role.BAWASLU_LEADER, region=held.office_region_id)
    refs = _derive(erased, leader)
    held_refs = _derive(held, leader)
    legal_hold_place(actor=leader, case_id=held.pk, reason="Gugatan di PTUN")
    # A person named only in the erased case's reports, and one also named in the held one.
    erased_report = Report.objects.filter(case=erased).first()
    held_report = Report.objects.filter(case=held).first()
    assert erased_report is not None and held_report is not None
    alone = Person.objects.create(name="Drs. Asep", name_key="asep", created_at=LONG_AGO)
    shared = Person.objects.create(name="Ir. Dedi", name_key="dedi", created_at=LONG_AGO)
    PersonLink.objects.filter(report_id__in=[erased_report.pk, held_report.pk]).delete()
    for report, person in ((erased_report, alone), (erased_report, shared)):
        status = "linked" if person is alone else "rejected"
        PersonLink.objects.create(
            report=report, person=person, status=status, basis="new", created_at=LONG_AGO
        )
    PersonLink.objects.create(
        report=held_report, person=shared, status="linked", basis="new", created_at=LONG_AGO
    )
    before = _derived(erased)
    assert all(before.values()), before
    held_before = _derived(held)
    rollups = (list(ReportCount.objects.values()), list(CaseCount.objects.values()))
    entries = AuditEntry.objects.count()

    # 2032: the five-year rules (notes, case files) and the two-year ones (signatures,
    # events) are due; the ten-year ones (closed case, persons) are not yet.
    dry = _retention("--dry-run", date=MIDWAY)
    assert "akan dihapus" in _line(dry, "catatan_internal")
    assert "2 catatan internal, 2 lampiran catatan" in _line(dry, "catatan_internal")
    assert "2 berkas kasus (ZIP)" in _line(dry, "berkas_kasus")
    assert "tanda duplikat" in _line(dry, "tanda_duplikat")
    assert "kunci LSH" in _line(dry, "tanda_duplikat")
    assert "orang terlapor" not in _line(dry, "orang_terlapor")
    assert "peristiwa mitra" in _line(dry, "peristiwa_mitra")
    holds = sorted([*demo_held, held.pk])
    assert f"Ditahan (penahanan hukum), tidak disentuh: 2 kasus (#{holds[0]}, #{holds[1]})" in dry
    assert _derived(erased) == before and all(blobs.exists(ref) for ref in refs)
    assert RetentionErasure.objects.count() == 0 and AuditEntry.objects.count() == entries

    with django_capture_on_commit_callbacks(execute=True):
        real = _retention(date=MIDWAY)
    assert real.splitlines()[1:] == [
        line.replace(": akan dihapus:", ": dihapus:") for line in dry.splitlines()[1:]
    ]
    after = _derived(erased)
    assert (after["notes"], after["case_files"], after["signatures"], after["keys"]) == (0,) * 4
    assert after["events"] == 0 and after["links"] == before["links"]
    assert not any(blobs.exists(ref) for ref in refs)

    # 2040: the closed case goes whole, the person named only there with it.
    dry = _retention("--dry-run")
    assert "orang terlapor, " in _line(dry, "kasus_selesai")
    assert "tautan orang terlapor" in _line(dry, "kasus_selesai")
    with django_capture_on_commit_callbacks(execute=True):
        _retention()
    assert _derived(erased) == dict.fromkeys(before, 0)
    assert not Person.objects.filter(pk=alone.pk).exists()
    # The held case keeps all of it, and the person its reports still name.
    assert _derived(held) == held_before
    assert all(blobs.exists(ref) for ref in held_refs)
    assert Person.objects.get(pk=shared.pk).name == "Ir. Dedi"
    assert not RetentionErasure.objects.filter(case=held).exists()
    # The statistics' rollups read the same.
    assert (list(ReportCount.objects.values()), list(CaseCount.objects.values())) == rollups
    # A deletion record per rule: what and how many, never the content.
    records: dict[str, Any] = {
        entry.after["rule"]: entry  # type: ignore[index]
        for entry in AuditEntry.objects.filter(action="retention.erase")
        if entry.object_id in (str(erased.pk), "peristiwa_mitra")
    }
    counts = {rule: entry.after["counts"] for rule, entry in records.items()}
    assert counts["catatan_internal"] == {"notes": 1, "note_attachments": 1}
    assert counts["berkas_kasus"] == {"case_files": 1}
    assert counts["kasus_selesai"]["persons"] == 1
    assert counts["peristiwa_mitra"]["events"] >= 1
    assert records["peristiwa_mitra"].reason.startswith("peristiwa_mitra: ")
    assert all("Budi" not in str(e.after) and "Asep" not in str(e.after) for e in records.values())
    assert "dihapus: tidak ada" in _line(_retention(), "peristiwa_mitra")
    call_command("storage_check")  # rows and storage agree after the wipe
