"""A case's first report, stored on the case for the inbox (issue #13).

The inbox shows and sorts by the first report's reported person, agency and event date (the
earliest submitted report of the case, ties by id). Computed by a subquery per case, a
national page sorted by reported person cost seconds; stored on the case
(``first_reported_name``, ``first_agency``, ``first_event_date``) and indexed per office and
nationally, it is an index scan; the stage that date falls in (``first_event_stage``) is
stored beside it and follows the cycle's calendar when it changes. Only what is said about
the reported person: never the reporter's identity.

The writes that change which report is first or what it says keep it in step, inside their
transaction: opening a case (``first_report_values`` when it is built), a merge (reports move
in, the merged case keeps none), a correction of a report's text (``report_text_changed``),
retention erasing the texts. After a bulk load that bypassed them:
``manage.py case_first_report_rebuild`` (``case_first_report_rebuild``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from netral.cases.models import Case
from netral.elections.models import Stage
from netral.reports.models import Report

FIELDS = ("first_reported_name", "first_agency", "first_event_date", "first_event_stage")


def first_report_values(report: Report) -> dict[str, Any]:
    """The stored fields of a case whose first report is ``report`` (the intake's election
    comes with its cycle's stages loaded: no query)."""
    stage = None
    if report.event_date is not None and report.election_id is not None:
        stage = report.election.cycle.stage_on(report.event_date)
    return {
        "first_reported_name": report.reported_name,
        "first_agency": report.agency,
        "first_event_date": report.event_date,
        "first_event_stage": stage,
    }


def event_stage() -> Subquery:
    """The stage of the case's election cycle running on its stored ``first_event_date``
    (the latest-starting one where stages overlap, as ``ElectionCycle.stage_on``); usable
    in an UPDATE of cases (no join of the outer row)."""
    return Subquery(
        Stage.objects.filter(
            cycle__elections=OuterRef("election_id"),
            start__lte=OuterRef("first_event_date"),
            end__gte=OuterRef("first_event_date"),
        )
        .order_by("-start", "-order")
        .values("pk")[:1]
    )


def _first(field: str) -> Subquery:
    return Subquery(
        Report.objects.filter(case=OuterRef("pk")).order_by("submitted_at", "pk").values(field)[:1]
    )


def _refresh(cases: Q) -> int:
    """The cases matching ``cases`` from their reports now (one UPDATE), then their stage
    from the date just stored (a second: an UPDATE's SET reads the row as it was); how many
    rows."""
    done = Case.objects.filter(cases).update(
        first_reported_name=Coalesce(_first("reported_name"), Value("")),
        first_agency=Coalesce(_first("agency"), Value("")),
        first_event_date=_first("event_date"),
    )
    Case.objects.filter(cases).update(first_event_stage=event_stage())
    return done


def case_event_stage_refresh(*, cycle_id: int) -> int:
    """The stored stage of every case of the cycle's elections, after a stage of it was
    added, changed or deleted: one UPDATE."""
    return Case.objects.filter(election__cycle_id=cycle_id).update(first_event_stage=event_stage())


def case_first_report_refresh(*, case_ids: Iterable[int]) -> None:
    """Store the first report of ``case_ids`` as it is now. Call inside the transaction of
    the write that changed their reports (a queryset update: no model signals)."""
    ids = sorted(set(case_ids))
    if ids:
        _refresh(Q(pk__in=ids))


def case_first_report_rebuild(*, batch_size: int = 5000) -> int:
    """Refresh every case in batches of consecutive ids (after a bulk load or a restore);
    returns how many cases were refreshed. Idempotent."""
    done = 0
    last = 0
    while True:
        bounds = list(
            Case.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", flat=True)[batch_size - 1 : batch_size]
        )
        if bounds:
            done += _refresh(Q(pk__gt=last, pk__lte=bounds[0]))
            last = bounds[0]
            continue
        return done + _refresh(Q(pk__gt=last))


def stage_changed(*, instance: Stage, **_: Any) -> None:
    """``post_save``/``post_delete`` of a stage (the cases app connects it): its cycle's
    cases take the stage their date now falls in."""
    case_event_stage_refresh(cycle_id=instance.cycle_id)
