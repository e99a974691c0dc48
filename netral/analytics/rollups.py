"""Rollups: the counts the statistics read, kept beside the reports and cases.

How they stay right:

- **Writes.** Every ``save()`` and ``delete()`` of a report or a case (model signals,
  connected in ``AnalyticsConfig.ready``, so the apps below know nothing of this) adds rows
  to ``ReportCount``/``CaseCount`` inside the writer's own transaction: +1 for the new state,
  -1 for the state before. Adding is an ``INSERT`` only: no existing row is locked, so two
  submissions in the same region never wait on each other and no lock order can deadlock.
  A save whose ``update_fields`` name nothing counted costs nothing.
- **Reads.** A statistic sums every row of its keys, folded or not, in one statement (one
  snapshot): figures are never stale.
- **Folding.** ``rollups_fold`` (a task enqueued after every ``FOLD_EVERY`` added rows, and
  ``manage.py rollups_fold``) sums the added rows into one row per key, in one transaction,
  so the tables stay at a few rows per region whatever the number of reports. Until it runs
  the reads are exact, only a little slower.
- **Bulk paths** (the demo loader, the benchmarks' seeding, any ``bulk_create`` or
  ``QuerySet.update``) bypass the signals: they call ``rollups_rebuild()`` afterwards.
- **Check.** ``manage.py rollups_check`` recounts from the rows (``GROUP BY`` in the
  database) and prints every difference; ``--repair`` rebuilds.

A report's stage is that of its own election's cycle at the time it is counted; after a
stage calendar changes, run ``manage.py rollups_check --repair``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, cast

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Count,
    DateTimeField,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models import Case as When_
from django.db.models.functions import Coalesce, TruncWeek
from django.db.models.signals import post_delete, post_save, pre_save

from netral.analytics.models import CaseCount, ReportCount
from netral.analytics.scope import (
    STATS_TZ,
    Scope,
    StageWindow,
    cycle_stage_windows,
    stage_windows,
    windows_of,
)
from netral.cases.models import Case, Verdict
from netral.cases.workflow import OPEN_FOR_HANDLING
from netral.common.rows import insert_rows_later
from netral.elections.models import Election
from netral.reports.models import Report

OUTSIDE_STAGES = "_outside"
# Enqueue a fold each time this many rows were added (the fold takes them all).
FOLD_EVERY = 5000
FOLD_BATCH = 50_000
Dim = ReportCount.Dim
PLAIN_DIMS = {
    Dim.KIND: "kind",
    Dim.VIOLATION_TYPE: "violation_type",
    Dim.AGENCY_TYPE: "agency_type",
    Dim.POSITION_CLASS: "position_class",
    Dim.AGENCY: "agency",
}
REPORT_FIELDS = ("region_id", "election_id", *PLAIN_DIMS.values(), "submitted_at")
CASE_FIELDS = (
    "office_region_id",
    "election_id",
    "status",
    "received_at",
    "registered_at",
    "decided_at",
    "finished_at",
    "due_at",
    "verdicts",
)
_WATCHED_REPORT = {f.removesuffix("_id") for f in REPORT_FIELDS} | set(REPORT_FIELDS)
_WATCHED_CASE = {f.removesuffix("_id") for f in CASE_FIELDS} | set(CASE_FIELDS)

# (region, election, dim, value)
ReportKey = tuple[str, int, str, str]
# (office region, election, status, registered, decided, violation, has_due, late_ended,
#  ended, due_at)
CaseKey = tuple[str, int, str, bool, bool, bool, bool, bool, bool, datetime.datetime | None]
CASE_KEY_FIELDS = (
    "office_region_id",
    "election_id",
    "status",
    "registered",
    "decided",
    "violation",
    "has_due",
    "late_ended",
    "ended",
    "due_at",
)


# --- the keys of one report or case (what the recount computes in SQL) ---------------------


def week_of(instant: datetime.datetime) -> str:
    """Monday (in WIB) of the ISO week of ``instant``, as the dashboard's trend keys it."""
    local = instant.astimezone(STATS_TZ).date()
    return (local - datetime.timedelta(days=local.weekday())).isoformat()


def stage_of(instant: datetime.datetime, windows: Iterable[StageWindow]) -> str:
    for window in windows:  # latest-starting first, as ``stage_expression`` tests them
        if window.start <= instant < window.end:
            return window.key
    return OUTSIDE_STAGES


def report_keys(values: Mapping[str, Any], windows: list[StageWindow]) -> set[ReportKey]:
    """The rows one report counts in (``values``: its ``REPORT_FIELDS``)."""
    region, election = values["region_id"], values["election_id"]
    keys: set[ReportKey] = {
        (region, election, str(dim), values[name] or "") for dim, name in PLAIN_DIMS.items()
    }
    keys.add((region, election, Dim.WEEK, week_of(values["submitted_at"])))
    keys.add((region, election, Dim.STAGE, stage_of(values["submitted_at"], windows)))
    return keys


def _utc(value: datetime.datetime | None) -> datetime.datetime | None:
    return None if value is None else value.astimezone(datetime.UTC)


def case_key(values: Mapping[str, Any]) -> tuple[CaseKey, int]:
    """The row one case counts in and its time to decision in microseconds."""
    decided_at, due_at = values["decided_at"], values["due_at"]
    ended_at = values["finished_at"] or decided_at
    verdicts = list(values["verdicts"] or [])
    violation = decided_at is not None and verdicts not in ([], [Verdict.NO_VIOLATION.value])
    keep_due = due_at is not None and (values["status"] in OPEN_FOR_HANDLING or ended_at is None)
    key: CaseKey = (
        values["office_region_id"],
        values["election_id"],
        values["status"],
        values["registered_at"] is not None,
        decided_at is not None,
        violation,
        due_at is not None,
        due_at is not None and ended_at is not None and due_at < ended_at,
        ended_at is not None,
        _utc(due_at) if keep_due else None,
    )
    span = 0
    if decided_at is not None:
        span = (decided_at - values["received_at"]) // datetime.timedelta(microseconds=1)
    return key, span


# --- signals ---------------------------------------------------------------------------


def _report_values(report: Report) -> dict[str, Any]:
    return {name: getattr(report, name) for name in REPORT_FIELDS}


def _windows_for(election_id: int, report: Report | None = None) -> list[StageWindow]:
    # Intake has the election at hand: no query for its cycle then.
    known = report._state.fields_cache.get("election") if report is not None else None
    if known is not None and known.pk == election_id:
        cycle = known._state.fields_cache.get("cycle")
        if cycle is not None and "stages" in getattr(cycle, "_prefetched_objects_cache", {}):
            return windows_of(cycle.stages.all())  # loaded with it (``elections.lookups``)
        cycle_id = known.cycle_id
    else:
        cycle_id = (
            Election.objects.filter(pk=election_id).values_list("cycle_id", flat=True).first()
        )
    return [] if cycle_id is None else cycle_stage_windows(cycle_id=cycle_id)


def _watched(update_fields: Iterable[str] | None, watched: set[str]) -> bool:
    return update_fields is None or bool(set(update_fields) & watched)


def _report_before(sender: Any, instance: Report, raw: bool = False, **kwargs: Any) -> None:
    instance._rollup_before = None  # type: ignore[attr-defined]
    instance._rollup_skip = False  # type: ignore[attr-defined]
    if raw or instance._state.adding or instance.pk is None:
        return
    if not _watched(kwargs.get("update_fields"), _WATCHED_REPORT):
        instance._rollup_skip = True  # type: ignore[attr-defined]
        return
    instance._rollup_before = (  # type: ignore[attr-defined]
        Report.objects.filter(pk=instance.pk).values(*REPORT_FIELDS).first()
    )


def _after(
    values: dict[str, Any], before: dict[str, Any] | None, update_fields: Any
) -> dict[str, Any]:
    """The row as stored now: a save with ``update_fields`` writes only those (the rest of
    the instance may be older than the row)."""
    if before is None or update_fields is None:
        return values
    written = set(update_fields)
    return {
        name: values[name] if name in written or name.removesuffix("_id") in written else old
        for name, old in before.items()
    }


def _report_after(sender: Any, instance: Report, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.__dict__.pop("_rollup_skip", False):
        return
    before = instance.__dict__.pop("_rollup_before", None)
    new = _after(_report_values(instance), before, kwargs.get("update_fields"))
    new_keys = report_keys(new, _windows_for(new["election_id"], instance))
    old_keys: set[ReportKey] = set()
    if before is not None:
        old_keys = report_keys(before, _windows_for(before["election_id"]))
    _add_report_rows({k: 1 for k in new_keys - old_keys} | {k: -1 for k in old_keys - new_keys})


def _report_deleted(sender: Any, instance: Report, **kwargs: Any) -> None:
    values = _report_values(instance)
    _add_report_rows({k: -1 for k in report_keys(values, _windows_for(values["election_id"]))})


def _case_values(case: Case) -> dict[str, Any]:
    return {name: getattr(case, name) for name in CASE_FIELDS}


def _case_before(sender: Any, instance: Case, raw: bool = False, **kwargs: Any) -> None:
    instance._rollup_before = None  # type: ignore[attr-defined]
    instance._rollup_skip = False  # type: ignore[attr-defined]
    if raw or instance._state.adding or instance.pk is None:
        return
    if not _watched(kwargs.get("update_fields"), _WATCHED_CASE):
        instance._rollup_skip = True  # type: ignore[attr-defined]
        return
    instance._rollup_before = (  # type: ignore[attr-defined]
        Case.objects.filter(pk=instance.pk).values(*CASE_FIELDS).first()
    )


def _case_after(sender: Any, instance: Case, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.__dict__.pop("_rollup_skip", False):
        return
    before = instance.__dict__.pop("_rollup_before", None)
    new_key, new_span = case_key(
        _after(_case_values(instance), before, kwargs.get("update_fields"))
    )
    rows: list[tuple[CaseKey, int, int]] = [(new_key, 1, new_span)]
    if before is not None:
        old_key, old_span = case_key(before)
        if (old_key, old_span) == (new_key, new_span):
            return
        rows.append((old_key, -1, -old_span))
    _add_case_rows(rows)


def _case_deleted(sender: Any, instance: Case, **kwargs: Any) -> None:
    key, span = case_key(_case_values(instance))
    _add_case_rows([(key, -1, -span)])


def connect_signals() -> None:
    uid = "analytics.rollups"
    pre_save.connect(_report_before, sender=Report, dispatch_uid=f"{uid}.report.pre")
    post_save.connect(_report_after, sender=Report, dispatch_uid=f"{uid}.report.post")
    post_delete.connect(_report_deleted, sender=Report, dispatch_uid=f"{uid}.report.del")
    pre_save.connect(_case_before, sender=Case, dispatch_uid=f"{uid}.case.pre")
    post_save.connect(_case_after, sender=Case, dispatch_uid=f"{uid}.case.post")
    post_delete.connect(_case_deleted, sender=Case, dispatch_uid=f"{uid}.case.del")


def _fold_soon(ids: list[Any]) -> None:
    ids = [pk for pk in ids if pk is not None]
    if ids and max(ids) // FOLD_EVERY != (min(ids) - 1) // FOLD_EVERY:
        from netral.analytics.tasks import rollups_fold_task

        transaction.on_commit(lambda: rollups_fold_task.enqueue())


# The rows writers add: one plain INSERT each time (no model instances, no signals; the
# intake adds one report's seven rows and its case's row on every submit, written with its
# audit entries in one statement: ``common.rows.rows_deferred``).
REPORT_ROW_FIELDS = ("region", "election", "dim", "value", "n")
CASE_ROW_FIELDS = (*(f.removesuffix("_id") for f in CASE_KEY_FIELDS), "n", "decision_us")


def _add_report_rows(deltas: Mapping[ReportKey, int]) -> None:
    if not deltas:
        return
    rows = [(r, e, d, v[:200], n) for (r, e, d, v), n in deltas.items()]
    # Now, or with the intake's last statement (``rows_deferred``): same transaction.
    insert_rows_later(ReportCount, REPORT_ROW_FIELDS, rows, then=_fold_soon)


def _add_case_rows(rows: Iterable[tuple[CaseKey, int, int]]) -> None:
    values = [(*key, n, span) for key, n, span in rows]
    insert_rows_later(CaseCount, CASE_ROW_FIELDS, values, then=_fold_soon)


# --- recount from the rows --------------------------------------------------------------


def report_recount() -> dict[ReportKey, int]:
    """Every report row's count, from the reports themselves (one ``GROUP BY`` per dim)."""
    out: dict[ReportKey, int] = defaultdict(int)
    base = Report.objects.order_by()
    for dim, name in PLAIN_DIMS.items():
        for row in base.values("region_id", "election_id", name).annotate(n=Count("pk")):
            out[(row["region_id"], row["election_id"], dim, (row[name] or "")[:200])] += row["n"]
    weeks = base.annotate(week=TruncWeek("submitted_at", tzinfo=STATS_TZ))
    for row in weeks.values("region_id", "election_id", "week").annotate(n=Count("pk")):
        out[(row["region_id"], row["election_id"], Dim.WEEK, f"{row['week']:%Y-%m-%d}")] += row["n"]
    windows = stage_windows(scope=Scope(region=None, election=None))
    whens = [
        When(
            Q(election__cycle_id=w.cycle_id, submitted_at__gte=w.start, submitted_at__lt=w.end),
            then=Value(w.key),
        )
        for w in windows
    ]
    stage = When_(*whens, default=Value(OUTSIDE_STAGES)) if whens else Value(OUTSIDE_STAGES)
    staged = base.annotate(stage=stage)
    for row in staged.values("region_id", "election_id", "stage").annotate(n=Count("pk")):
        out[(row["region_id"], row["election_id"], Dim.STAGE, row["stage"])] += row["n"]
    return dict(out)


def _flag(q: Q) -> ExpressionWrapper:
    return ExpressionWrapper(q, output_field=BooleanField())


def case_recount() -> dict[CaseKey, tuple[int, int]]:
    """Every case row's count and time to decision, from the cases (one ``GROUP BY``)."""
    from netral.analytics.selectors import violation_q

    has_due = Q(due_at__isnull=False)
    ended = Q(ended_at__isnull=False)
    rows = (
        Case.objects.order_by()
        .annotate(ended_at=Coalesce("finished_at", "decided_at"))
        .annotate(
            k_registered=_flag(Q(registered_at__isnull=False)),
            k_decided=_flag(Q(decided_at__isnull=False)),
            k_violation=_flag(violation_q()),
            k_has_due=_flag(has_due),
            k_late_ended=_flag(has_due & ended & Q(due_at__lt=F("ended_at"))),
            k_ended=_flag(ended),
            k_due=When_(
                When(has_due & (Q(status__in=OPEN_FOR_HANDLING) | ~ended), then=F("due_at")),
                default=None,
                output_field=DateTimeField(),
            ),
        )
        .values(
            "office_region_id",
            "election_id",
            "status",
            "k_registered",
            "k_decided",
            "k_violation",
            "k_has_due",
            "k_late_ended",
            "k_ended",
            "k_due",
        )
        .annotate(
            n=Count("pk"),
            span=Sum(
                ExpressionWrapper(F("decided_at") - F("received_at"), output_field=DurationField()),
                filter=Q(decided_at__isnull=False),
            ),
        )
    )
    out: dict[CaseKey, tuple[int, int]] = {}
    for row in rows:
        key: CaseKey = (
            row["office_region_id"],
            row["election_id"],
            row["status"],
            bool(row["k_registered"]),
            bool(row["k_decided"]),
            bool(row["k_violation"]),
            bool(row["k_has_due"]),
            bool(row["k_late_ended"]),
            bool(row["k_ended"]),
            _utc(row["k_due"]),
        )
        span = (row["span"] or datetime.timedelta(0)) // datetime.timedelta(microseconds=1)
        n, us = out.get(key, (0, 0))
        out[key] = (n + row["n"], us + span)
    return out


def report_current() -> dict[ReportKey, int]:
    rows = ReportCount.objects.values("region_id", "election_id", "dim", "value").annotate(
        s=Sum("n")
    )
    out: dict[ReportKey, int] = defaultdict(int)
    for r in rows:
        out[(r["region_id"], r["election_id"], r["dim"], r["value"])] += r["s"]
    return {key: n for key, n in out.items() if n}


def case_current() -> dict[CaseKey, tuple[int, int]]:
    rows = CaseCount.objects.values(*CASE_KEY_FIELDS).annotate(s=Sum("n"), us=Sum("decision_us"))
    out: dict[CaseKey, tuple[int, int]] = {}
    for r in rows:
        key = cast(CaseKey, tuple(_utc(r[f]) if f == "due_at" else r[f] for f in CASE_KEY_FIELDS))
        n, us = out.get(key, (0, 0))
        out[key] = (n + r["s"], us + r["us"])
    return {key: sums for key, sums in out.items() if any(sums)}


def rollups_differences() -> list[str]:
    """One line per key whose kept count differs from the recount (empty: all agree)."""
    lines: list[str] = []
    pairs: list[tuple[str, Mapping[Any, Any], Mapping[Any, Any]]] = [
        ("report", report_current(), report_recount()),
        ("case", case_current(), case_recount()),
    ]
    for name, kept, counted in pairs:
        for key in sorted(set(kept) | set(counted), key=repr):
            have, want = kept.get(key), counted.get(key)
            if have != want:
                lines.append(f"{name} {key!r}: kept {have}, recounted {want}")
    return lines


# --- rebuild and fold -----------------------------------------------------------------------


def _report_compacted(key: ReportKey) -> str:
    return "|".join(str(part) for part in key)


def _case_compacted(key: CaseKey) -> str:
    return "|".join("" if p is None else p.isoformat() if hasattr(p, "isoformat") else str(p)
                    for p in key)  # fmt: skip


def _lock_tables() -> None:
    """Writers wait (their rows would otherwise be recounted and added again); reads go on."""
    if connection.vendor == "postgresql":
        tables = f"{ReportCount._meta.db_table}, {CaseCount._meta.db_table}"
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {tables} IN EXCLUSIVE MODE")


@transaction.atomic
def rollups_rebuild() -> tuple[int, int]:
    """Replace the rollups by a recount from the rows (after a bulk load, or to repair).
    Returns the number of report and case rows written."""
    _lock_tables()
    ReportCount.objects.all().delete()
    CaseCount.objects.all().delete()
    reports = ReportCount.objects.bulk_create(
        (
            ReportCount(
                region_id=r, election_id=e, dim=d, value=v, n=n,
                compacted_key=_report_compacted((r, e, d, v)),
            )
            for (r, e, d, v), n in report_recount().items()
        ),
        batch_size=5000,
    )  # fmt: skip
    cases = CaseCount.objects.bulk_create(
        (
            CaseCount(
                **dict(zip(CASE_KEY_FIELDS, key, strict=True)),
                n=n,
                decision_us=us,
                compacted_key=_case_compacted(key),
            )
            for key, (n, us) in case_recount().items()
        ),
        batch_size=5000,
    )
    return len(reports), len(cases)


def _chunks(ids: list[int], size: int = 900) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _upsert(table: str, columns: list[str], sums: list[str], rows: list[tuple[Any, ...]]) -> None:
    names = ", ".join(columns)
    marks = ", ".join(["%s"] * len(columns))
    update = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in sums)
    # Table and column names come from the models, never from input.
    sql = (
        f"INSERT INTO {table} ({names}) VALUES ({marks}) "  # noqa: S608
        f"ON CONFLICT (compacted_key) DO UPDATE SET {update}"
    )
    # Stored as the ORM stores them (SQLite keeps datetimes as text in Django's format).
    adapt = connection.ops.adapt_datetimefield_value
    params = [
        tuple(adapt(v) if isinstance(v, datetime.datetime) else v for v in row) for row in rows
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(params), 1000):
            cursor.executemany(sql, params[start : start + 1000])


def _fold_reports() -> int:
    fresh = list(
        ReportCount.objects.filter(compacted_key__isnull=True)
        .order_by("id")
        .values_list("id", "region_id", "election_id", "dim", "value", "n")[:FOLD_BATCH]
    )
    if not fresh:
        return 0
    sums: dict[ReportKey, int] = defaultdict(int)
    for _id, r, e, d, v, n in fresh:
        sums[(r, e, d, v)] += n
    for chunk in _chunks([row[0] for row in fresh]):
        ReportCount.objects.filter(id__in=chunk).delete()
    columns = ["region_id", "election_id", "dim", "value", "n", "compacted_key"]
    rows = [(*key, n, _report_compacted(key)) for key, n in sorted(sums.items()) if n]
    _upsert(ReportCount._meta.db_table, columns, ["n"], rows)
    ReportCount.objects.filter(compacted_key__isnull=False, n=0).delete()
    return len(fresh)


def _fold_cases() -> int:
    fresh = list(
        CaseCount.objects.filter(compacted_key__isnull=True)
        .order_by("id")
        .values_list("id", *CASE_KEY_FIELDS, "n", "decision_us")[:FOLD_BATCH]
    )
    if not fresh:
        return 0
    sums: dict[CaseKey, list[int]] = defaultdict(lambda: [0, 0])
    for row in fresh:
        key = tuple(_utc(p) if isinstance(p, datetime.datetime) else p for p in row[1:-2])
        total = sums[key]  # type: ignore[index]
        total[0] += row[-2]
        total[1] += row[-1]
    for chunk in _chunks([row[0] for row in fresh]):
        CaseCount.objects.filter(id__in=chunk).delete()
    columns = [*CASE_KEY_FIELDS, "n", "decision_us", "compacted_key"]
    rows = [
        (*key, n, us, _case_compacted(key))
        for key, (n, us) in sorted(sums.items(), key=lambda kv: _case_compacted(kv[0]))
        if n or us
    ]
    _upsert(CaseCount._meta.db_table, columns, ["n", "decision_us"], rows)
    CaseCount.objects.filter(compacted_key__isnull=False, n=0, decision_us=0).delete()
    return len(fresh)


def rollups_fold() -> int:
    """Sum the rows writers added into one row per key; returns how many were folded.
    One fold at a time (an advisory lock on PostgreSQL; SQLite has one writer anyway)."""
    folded = 0
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [0x6E7472_01])
                if not cursor.fetchone()[0]:
                    return 0
        folded += _fold_reports()
        folded += _fold_cases()
    return folded
