"""Issue #13: the stage of a case's first event, stored on the case so that the inbox sorts
and filters by it through a join (it was a subquery per case: 2.3 s nationally at 100,000
cases). The intake's value, the UPDATE's and ``ElectionCycle.stage_on`` agree on every day of
the calendar; a change of the calendar moves the cases; the sort keeps its old order."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import F, OuterRef, Subquery

from netral.accounts.models import Role, User
from netral.cases.first_report import case_first_report_refresh
from netral.cases.inbox_sort import inbox_sort_parse, inbox_sorted
from netral.cases.models import Case
from netral.cases.selectors import case_inbox
from netral.cases.tests.factories import case_from_report
from netral.elections.models import Stage

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]

# Before, inside and between the Pilkada 2024 stages, overlaps included (fixed: the same in
# every test process).
DAYS = [datetime.date(2024, m, d) for m, d in ((2, 1), (8, 27), (9, 25), (10, 10), (11, 24))] + [
    datetime.date(2024, 11, 27),
    datetime.date(2024, 12, 20),
    datetime.date(2025, 3, 1),
]


def _stage(case: Case) -> int | None:
    case.refresh_from_db()
    return case.first_event_stage_id


def test_intake_the_update_and_the_calendar_agree_on_every_day() -> None:
    for day in DAYS:
        case, _code = case_from_report(event_date=day.isoformat())
        expected = case.election.cycle.stage_on(day)
        at_intake = _stage(case)
        assert at_intake == (expected.pk if expected else None), day
        Case.objects.filter(pk=case.pk).update(first_event_stage=None)
        case_first_report_refresh(case_ids=[case.pk])
        assert _stage(case) == at_intake, day


def test_a_change_of_the_calendar_moves_the_cases() -> None:
    case, _code = case_from_report(event_date="2024-10-10")
    campaign = Stage.objects.get(cycle__code="pilkada-2024", code="kampanye")
    assert _stage(case) == campaign.pk
    campaign.start = datetime.date(2024, 10, 11)  # the day falls outside it now
    campaign.save(update_fields=["start"])
    now = case.election.cycle.stage_on(datetime.date(2024, 10, 10))
    assert _stage(case) == (now.pk if now else None)
    campaign.start = datetime.date(2024, 9, 25)
    campaign.save(update_fields=["start"])
    assert _stage(case) == campaign.pk
    campaign.delete()
    after = case.election.cycle.stage_on(datetime.date(2024, 10, 10))
    assert _stage(case) == (after.pk if after else None)


@pytest.mark.parametrize("column", ["tahapan", "-tahapan"])
def test_sorting_by_stage_keeps_the_old_order(make_user: MakeUser, column: str) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    for day in DAYS:
        case_from_report(event_date=day.isoformat())
    # As it was: the stage's name by a subquery per case, NULL last.
    old = Subquery(
        Stage.objects.filter(
            cycle=OuterRef("election__cycle"),
            start__lte=OuterRef("first_event_date"),
            end__gte=OuterRef("first_event_date"),
        )
        .order_by("-start", "-order")
        .values("name")[:1]
    )
    key = F("old")
    before = list(
        case_inbox(actor=staff)
        .annotate(old=old)
        .order_by(
            key.desc(nulls_last=True) if column.startswith("-") else key.asc(nulls_last=True),
            "received_at",
            "pk",
        )
        .values_list("pk", flat=True)
    )
    got = [c.pk for c in inbox_sorted(case_inbox(actor=staff), inbox_sort_parse(column))]
    assert got == before and len(got) == len(DAYS)


def test_the_migration_fills_existing_cases_in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    cases = [case_from_report(event_date=day.isoformat())[0] for day in DAYS[:5]]
    expected = [_stage(case) for case in cases]
    assert any(expected)
    Case.objects.update(first_event_stage=None)
    migration = importlib.import_module("netral.cases.migrations.0010_first_event_stage")
    monkeypatch.setattr(migration, "BATCH", 2)
    migration.fill(apps, SimpleNamespace(connection=connection))
    assert [_stage(case) for case in cases] == expected
