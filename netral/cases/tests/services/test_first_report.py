"""Issue #13 item 4: the case's first report, stored on the case for the inbox, follows every
write that changes which report is first or what it says (opening, merge, a correction of
the report's text, retention), a bulk load is rebuilt by the command and the migration's
fill, and the inbox sorted by reported person or agency keeps the order it had when the
values were a subquery per case."""

from __future__ import annotations

import datetime
import importlib
import io
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.cases import services
from netral.cases.inbox_sort import inbox_sort_parse, inbox_sorted
from netral.cases.models import Case, Status
from netral.cases.search import case_search_filter
from netral.cases.selectors import case_inbox
from netral.cases.tests.factories import case_from_report
from netral.elections.models import Election
from netral.reports.hooks import report_text_changed
from netral.reports.models import Report

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]


def stored(case: Case) -> tuple[str, str, datetime.date | None]:
    case.refresh_from_db()
    return (case.first_reported_name, case.first_agency, case.first_event_date)


def said(report: Report) -> tuple[str, str, datetime.date | None]:
    report.refresh_from_db()
    return (report.reported_name, report.agency, report.event_date)


def only_report(case: Case) -> Report:
    return Report.objects.get(case=case)


def test_opening_a_case_stores_its_report() -> None:
    case, _ = case_from_report(reported_name="Siti Guru", agency="SMPN 5 Bekasi")
    assert stored(case) == said(only_report(case))
    assert stored(case)[:2] == ("Siti Guru", "SMPN 5 Bekasi")


def test_a_merge_gives_the_target_the_earliest_report(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    earlier, _ = case_from_report(reported_name="Pegawai Awal", agency="Dinas A")
    later, _ = case_from_report(reported_name="Pegawai Akhir", agency="Dinas B")
    first = only_report(earlier)

    services.case_merge(actor=staff, case_id=earlier.pk, into_id=later.pk)
    assert stored(later) == said(first)  # the moved report was submitted first
    assert stored(earlier) == ("", "", None)  # the merged case keeps no report

    # Merging the other way round leaves the target's own first report first.
    third, _ = case_from_report(reported_name="Pegawai Ketiga", agency="Dinas C")
    services.case_merge(actor=staff, case_id=third.pk, into_id=later.pk)
    assert stored(later) == said(first)


def test_a_correction_of_the_report_text_follows() -> None:
    case, _ = case_from_report(reported_name="Bambang W.", agency="Dinas Pendidikan")
    report = only_report(case)
    Report.objects.filter(pk=report.pk).update(
        reported_name="Drs. Bambang Wijaya", agency="Dinas Pendidikan Kota Bekasi"
    )
    report.refresh_from_db()
    report_text_changed.fire(report)  # what a correction of the report's text announces
    assert stored(case)[:2] == ("Drs. Bambang Wijaya", "Dinas Pendidikan Kota Bekasi")


@pytest.mark.django_db
def test_retention_erasing_the_texts_erases_the_stored_name(
    django_capture_on_commit_callbacks: Any,
) -> None:
    case, _ = case_from_report(reported_name="Pegawai Rahasia")
    ended = datetime.datetime(2025, 1, 6, tzinfo=datetime.UTC)
    Case.objects.filter(pk=case.pk).update(status=Status.CLOSED, closed_at=ended, finished_at=ended)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("retention", "--date", "2040-01-01", stdout=io.StringIO())
    assert only_report(case).reported_name == ""
    assert stored(case)[0] == ""
    # Nor can staff find the case by the erased name any more.
    assert not case_search_filter(Case.objects.all(), "Rahasia").exists()


def _bulk_cases(count: int) -> list[Case]:
    """Cases and reports written in bulk, past the services (as a bulk load or the demo
    does): two reports each, the second submitted first."""
    election = Election.objects.get(region_id="32.75")
    now = timezone.now()
    cases = Case.objects.bulk_create(
        Case(
            origin="laporan",
            office_region_id="32.75",
            election=election,
            received_at=now,
            violation_type="kampanye_media_sosial",
        )
        for _ in range(count)
    )
    Report.objects.bulk_create(
        Report(
            kind=Report.Kind.LAPORAN,
            receipt_digest=f"{case.pk:032x}{n:032x}",
            submitted_at=now - datetime.timedelta(minutes=n),
            region_id="32.75",
            election=election,
            reported_name=f"Nama {case.pk}-{n}",
            agency=f"Dinas {case.pk}-{n}",
            chronology="-",
            event_date=(now - datetime.timedelta(days=n)).date(),
            known_date=now.date(),
            case=case,
        )
        for case in cases
        for n in (0, 1)
    )
    return cases


def test_the_command_rebuilds_after_a_bulk_load() -> None:
    cases = _bulk_cases(5)
    assert {stored(case) for case in cases} == {("", "", None)}
    out = io.StringIO()
    call_command("case_first_report_rebuild", "--batch-size", "2", stdout=out)
    assert "5 cases refreshed" in out.getvalue()
    for case in cases:
        earliest = Report.objects.filter(case=case).order_by("submitted_at", "pk").first()
        assert earliest is not None and stored(case) == said(earliest)
        assert stored(case)[0].endswith("-1")


def test_the_migration_fills_existing_cases_in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    cases = _bulk_cases(5)
    migration = importlib.import_module("netral.cases.migrations.0009_first_report")
    monkeypatch.setattr(migration, "BATCH", 2)
    migration.fill(apps, SimpleNamespace(connection=connection))
    for case in cases:
        assert stored(case)[0] == f"Nama {case.pk}-1"


def _before(cases: QuerySet[Case], column: str) -> list[int]:
    """The order as it was: the first report's value by a subquery per case, NULL last."""
    first = Report.objects.filter(case=OuterRef("pk")).order_by("submitted_at", "pk")
    field = {"terlapor": "reported_name", "instansi": "agency"}[column.removeprefix("-")]
    value = Subquery(first.values(field)[:1])
    key = F("old")
    return list(
        cases.annotate(old=value)
        .order_by(
            key.desc(nulls_last=True) if column.startswith("-") else key.asc(nulls_last=True),
            "received_at",
            "pk",
        )
        .values_list("pk", flat=True)
    )


@pytest.mark.parametrize("column", ["terlapor", "-terlapor", "instansi", "-instansi"])
def test_sorting_by_person_or_agency_keeps_the_old_order(make_user: MakeUser, column: str) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    for name, agency in [
        ("budi", "Kecamatan Bekasi Utara"),
        ("Ani", "Dinas Pendidikan"),
        ("Citra", "dinas kesehatan"),
        ("Ani", "Dinas Pendidikan"),  # a tie: by receipt, then id
        ("ANI", "dinas Pendidikan"),
    ]:
        case_from_report(reported_name=name, agency=agency)
    merged, _ = case_from_report(reported_name="Aaron", agency="Badan Pusat")
    into = Case.objects.filter(first_reported_name="Citra").get()
    services.case_merge(actor=staff, case_id=merged.pk, into_id=into.pk)  # Aaron is first now

    got = [c.pk for c in inbox_sorted(case_inbox(actor=staff), inbox_sort_parse(column))]
    assert got == _before(case_inbox(actor=staff), column)
    assert len(got) == 5


def test_the_demo_load_stores_each_cases_first_report() -> None:
    from netral.demo.data import demo_data_load

    demo_data_load(seed=5, reports=60)
    first = Report.objects.filter(case=OuterRef("pk")).order_by("submitted_at", "pk")
    wrong = Case.objects.annotate(name=Subquery(first.values("reported_name")[:1])).exclude(
        first_reported_name=F("name")
    )
    assert Case.objects.filter(first_reported_name__gt="").count() >= 60
    assert not wrong.exclude(name=None).exists()
    assert not wrong.filter(name=None).exclude(first_reported_name="").exists()
