"""Reads for the dashboard, the open data page and the statistics API.

Every number is aggregated in the database (``GROUP BY`` through ``values().annotate()``), and
a dashboard costs a constant number of queries whatever the number of reports. The counts
come from the rollups (``netral.analytics.rollups``: a few rows per region and dimension, kept
by every write), not from the reports and cases themselves. Nothing here
returns a row about a person: only counts, keyed by codes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    Max,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Left
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from netral.accounts.models import User
from netral.analytics.models import CaseCount, ReportCount
from netral.analytics.scope import STATS_TZ, Scope, StageWindow, stage_windows
from netral.cases.models import Case as CaseModel
from netral.cases.models import Status, Verdict
from netral.cases.services import case_list_for
from netral.cases.workflow import OPEN_FOR_HANDLING
from netral.elections.models import Election
from netral.regions.lookups import region_labels
from netral.regions.models import Region
from netral.reports.models import Report
from netral.reports.subjects import AgencyType, PositionClass
from netral.rules.labels import rule_name
from netral.rules.selectors import violation_type_list

T = TypeVar("T")

OUTSIDE_STAGES = "_outside"
UNKNOWN = "_unknown"
# Weeks shown in the trend: the most recent ones that have reports.
TREND_WEEKS = 26


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    count: int
    # 0-100 in steps of 5, relative to the largest row: the bar's length.
    bar: int = 0
    href: str = ""


@dataclass(frozen=True)
class Table:
    """One chart and the table under it (and the export of it)."""

    key: str
    title: str
    rows: tuple[Row, ...]
    unit: str = ""

    @property
    def total(self) -> int:
        return sum(r.count for r in self.rows)


@dataclass(frozen=True)
class RegionRow:
    """One province (national view) or regency/city (province view) with its counts."""

    code: str
    name: str
    reports: int
    findings: int
    decided: int
    violations: int
    # Share of decided cases that found a violation, in percent (None: nothing decided).
    violation_rate: float | None
    drillable: bool

    @property
    def total(self) -> int:
        return self.reports + self.findings


@dataclass(frozen=True)
class Totals:
    reports: int
    findings: int
    cases: int
    registered: int
    decided: int
    violations: int
    overdue: int
    open: int
    # Mean days from receipt to plenary decision (None: nothing decided yet).
    days_to_decision: float | None


@dataclass(frozen=True)
class Dashboard:
    scope: Scope
    totals: Totals
    tables: tuple[Table, ...]
    regions: tuple[RegionRow, ...] = field(default=())
    # The margins and case sums the figures came from (``analytics.ikp`` computes the
    # scope's own index from them without a second scan).
    cube: dict[str, dict[str, int]] = field(default_factory=dict)
    cases: CaseCounts | None = None

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)


def _bar(count: int, top: int) -> int:
    """The bar's length in steps of 5% (the stylesheet has one class per step; the strict
    CSP forbids inline widths). A non-zero count always shows at least one step."""
    if not top or not count:
        return 0
    return max(1, round(count * 20 / top)) * 5


def _bars(
    pairs: Iterable[tuple[str, str, int]], *, href: Mapping[str, str] | None = None
) -> tuple[Row, ...]:
    items = list(pairs)
    top = max((count for _key, _label, count in items), default=0)
    return tuple(
        Row(
            key=key,
            label=label,
            count=count,
            bar=_bar(count, top),
            href=(href or {}).get(key, ""),
        )
        for key, label, count in items
    )


def _counts(qs: QuerySet[Any], field_expr: str) -> dict[str, int]:
    return {
        (row[field_expr] or UNKNOWN): row["n"]
        for row in qs.order_by().values(field_expr).annotate(n=Count("pk"))
    }


def _choice_table(
    key: str, title: str, counts: Mapping[str, int], choices: Iterable[tuple[str, Any]]
) -> Table:
    """Every choice in its own order (zeros included, so tables line up across regions),
    then whatever else the data holds."""
    labelled = [(value, str(label), counts.get(value, 0)) for value, label in choices]
    known = {value for value, _label, _n in labelled}
    extra = [
        (k, _("Tidak diisi") if k == UNKNOWN else k, n) for k, n in counts.items() if k not in known
    ]
    return Table(key=key, title=title, rows=_bars(labelled + sorted(extra)))


def reports_of(scope: Scope) -> QuerySet[Report]:
    return Report.objects.filter(scope.reports_q())


def cases_of(scope: Scope) -> QuerySet[CaseModel]:
    return CaseModel.objects.filter(scope.cases_q())


def violation_q() -> Q:
    """A decided case that found at least one violation."""
    return Q(decided_at__isnull=False) & ~Q(verdicts=[]) & ~Q(verdicts=[Verdict.NO_VIOLATION])


CUBE_FIELDS = ("kind", "violation_type", "agency_type", "position_class", "stage")


@dataclass(frozen=True)
class ReportMargins:
    """What the dashboard reads of the report rollups, in one statement: the five margins
    of the cube, reports per week, and reports and findings per province (nationally) or
    per region (in a province)."""

    cube: dict[str, dict[str, int]]
    weeks: dict[datetime.date, int]
    by_region: dict[str, tuple[int, int]]  # key -> (reports, findings)


def _region_key(scope: Scope, column: str) -> Left | F:
    """Nationally a province's two-digit code; in a province the region itself."""
    return Left(column, 2) if scope.region is None else F(column)


def report_margins(scope: Scope, windows: list[StageWindow]) -> ReportMargins:
    """The report rollups of ``scope`` grouped by region key, dimension and value: one scan
    of a few rows per region and dimension, whatever the number of reports.

    The rollups keep each report's stage in its own election's cycle. That is the stage
    asked for unless the calendar holds one cycle only and reports of another cycle exist:
    then ``stage_expression`` matches their dates against that one cycle (it checks the
    cycle only when there are several), and the cube is counted from the reports."""
    cycles = {w.cycle_id for w in windows}
    single = cycles.pop() if scope.election is None and len(cycles) == 1 else None
    fields = ["key", "dim", "value"]
    if single is not None:
        fields.append("election__cycle_id")
    # Only the kinds are wanted per region (reports and findings per row of the region
    # table): the other dimensions group by value alone, a few dozen rows, not thousands.
    key = Case(
        When(dim=ReportCount.Dim.KIND, then=_region_key(scope, "region_id")),
        default=Value(""),
        output_field=CharField(),
    )
    rows = (
        ReportCount.objects.filter(scope.reports_q(), dim__in=(*CUBE_FIELDS, ReportCount.Dim.WEEK))
        .order_by()
        .annotate(key=key)
        .values_list(*fields)
        .annotate(total=Sum("n"))
    )
    margins: dict[str, dict[str, int]] = {name: {} for name in CUBE_FIELDS}
    weeks: dict[datetime.date, int] = {}
    by_region: dict[str, list[int]] = {}
    other_cycle = False
    for key, dim, value, *rest in rows:
        total = rest[-1]
        if not total:
            continue
        if single is not None and rest[0] != single:
            other_cycle = True
        if dim == ReportCount.Dim.WEEK:
            week = datetime.date.fromisoformat(value)
            weeks[week] = weeks.get(week, 0) + total
            continue
        if dim == ReportCount.Dim.KIND:
            counts = by_region.setdefault(key, [0, 0])
            counts[value == Report.Kind.TEMUAN] += total
        value = value or UNKNOWN
        margin = margins[dim]
        margin[value] = margin.get(value, 0) + total
    cube = report_cube_from_rows(scope, windows) if other_cycle else margins
    return ReportMargins(
        cube=cube,
        weeks=weeks,
        by_region={key: (counts[0], counts[1]) for key, counts in by_region.items()},
    )


def report_cube(scope: Scope, windows: list[StageWindow]) -> dict[str, dict[str, int]]:
    """Reports counted by kind, violation type, agency type, position class and stage, from
    the rollups (``report_margins``)."""
    return report_margins(scope, windows).cube


def report_cube_from_rows(scope: Scope, windows: list[StageWindow]) -> dict[str, dict[str, int]]:
    """``report_cube`` from the reports themselves: grouped by the five together, then each
    margin summed here."""
    stage = stage_expression(windows) if windows else Value(OUTSIDE_STAGES)
    rows = (
        reports_of(scope)
        .order_by()
        .annotate(stage=stage)
        .values(*CUBE_FIELDS)
        .annotate(n=Count("pk"))
    )
    margins: dict[str, dict[str, int]] = {name: {} for name in CUBE_FIELDS}
    for row in rows:
        for name in CUBE_FIELDS:
            key = row[name] or UNKNOWN
            margins[name][key] = margins[name].get(key, 0) + row["n"]
    return margins


@dataclass(frozen=True)
class CaseCounts:
    by_status: dict[str, int]
    registered: int
    decided: int
    violations: int
    overdue: int
    days_to_decision: float | None
    # key (as ``report_margins``) -> (decided, violations), merged cases included.
    by_region: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Cases with a deadline, and those that ended after it or are still open past it (the
    # IKP's lateness): merged cases left out.
    with_due: int = 0
    late: int = 0


def late_q(now: datetime.datetime) -> Q:
    """Case rollup rows past their deadline: ended after it, or still open past it. A case
    whose handling ended (decided, not registered) is judged by when it ended, not by
    today's date."""
    return Q(late_ended=True) | Q(ended=False, due_at__lt=now)


def case_counts(scope: Scope, *, now: datetime.datetime) -> CaseCounts:
    """Cases by status with the other totals, and decisions per region key: one scan of the
    case rollups grouped by region key and status."""
    rows = (
        CaseCount.objects.filter(scope.cases_q())
        .order_by()
        .annotate(key=_region_key(scope, "office_region_id"))
        .values_list("key", "status")
        .annotate(
            total=Sum("n"),
            registered=Sum("n", filter=Q(registered=True)),
            decided=Sum("n", filter=Q(decided=True)),
            violations=Sum("n", filter=Q(violation=True)),
            overdue=Sum("n", filter=Q(due_at__lt=now)),
            to_decision=Sum("decision_us"),
            with_due=Sum("n", filter=Q(has_due=True)),
            late=Sum("n", filter=late_q(now)),
        )
    )
    by_status: dict[str, int] = {}
    by_region: dict[str, tuple[int, int]] = {}
    sums = {"registered": 0, "decided": 0, "violations": 0, "overdue": 0, "with_due": 0, "late": 0}
    span = 0
    for row in rows:
        key, status, total, registered, decided, violations, overdue, to_decision = row[:8]
        if not total:
            continue
        before = by_region.get(key, (0, 0))
        by_region[key] = (before[0] + (decided or 0), before[1] + (violations or 0))
        by_status[status] = by_status.get(status, 0) + total
        if status == Status.MERGED:
            continue  # a merged case lives on in the one it was merged into
        sums["registered"] += registered or 0
        sums["decided"] += decided or 0
        sums["violations"] += violations or 0
        if status in OPEN_FOR_HANDLING:
            sums["overdue"] += overdue or 0
        sums["with_due"] += row[8] or 0
        sums["late"] += row[9] or 0
        span += to_decision or 0
    decided_total = sums["decided"]
    days = span / 1_000_000 / 86400 / decided_total if decided_total else None
    return CaseCounts(
        by_status=by_status,
        registered=sums["registered"],
        decided=decided_total,
        violations=sums["violations"],
        overdue=sums["overdue"],
        days_to_decision=round(days, 1) if days is not None else None,
        by_region=by_region,
        with_due=sums["with_due"],
        late=sums["late"],
    )


def _totals(cube: dict[str, dict[str, int]], cases: CaseCounts) -> Totals:
    by_kind = cube["kind"]
    counted = {k: n for k, n in cases.by_status.items() if k != Status.MERGED}
    return Totals(
        reports=by_kind.get(Report.Kind.LAPORAN, 0) + by_kind.get(Report.Kind.INFORMASI, 0),
        findings=by_kind.get(Report.Kind.TEMUAN, 0),
        cases=sum(counted.values()),
        registered=cases.registered,
        decided=cases.decided,
        violations=cases.violations,
        open=sum(n for k, n in counted.items() if k in OPEN_FOR_HANDLING),
        overdue=cases.overdue,
        days_to_decision=cases.days_to_decision,
    )


def stage_expression(windows: list[StageWindow]) -> Case:
    """The stage a report was received in, as a SQL ``CASE`` over ``submitted_at``."""
    several_cycles = len({w.cycle_id for w in windows}) > 1
    whens = []
    for w in windows:
        q = Q(submitted_at__gte=w.start, submitted_at__lt=w.end)
        if several_cycles:
            q &= Q(election__cycle_id=w.cycle_id)
        whens.append(When(q, then=Value(w.key)))
    return Case(*whens, default=Value(OUTSIDE_STAGES), output_field=CharField())


def _stage_table(windows: list[StageWindow], counts: dict[str, int]) -> Table:
    chronological = sorted(windows, key=lambda w: (w.start, w.key))
    pairs = [(w.key, w.label, counts.get(w.key, 0)) for w in chronological]
    pairs.append((OUTSIDE_STAGES, _("Di luar tahapan"), counts.get(OUTSIDE_STAGES, 0)))
    return Table(key="by_stage", title=_("Laporan per tahapan"), rows=_bars(pairs))


def _week_table(scope: Scope, by_week: Mapping[datetime.date, int]) -> Table:
    """The most recent weeks with reports: the ``TREND_WEEKS`` weeks after the latest report
    less the span. Whole weeks come from the rollups (``report_margins``); only the latest
    report's instant and the part of the oldest week inside the span are read from the
    reports, both bounded to one week of ``submitted_at`` (indexed)."""
    weeks: list[tuple[datetime.date, int]] = []
    if by_week:
        last = _week_start(max(by_week))
        latest = (
            reports_of(scope)
            .filter(submitted_at__gte=last)
            .order_by()
            .aggregate(latest=Max("submitted_at"))["latest"]
        )
        since = (latest or last) - datetime.timedelta(weeks=TREND_WEEKS)
        first = since.astimezone(STATS_TZ).date()
        first -= datetime.timedelta(days=first.weekday())
        weeks = sorted((w, n) for w, n in by_week.items() if w > first)
        if len(weeks) < TREND_WEEKS and by_week.get(first):
            # The oldest week only counts its reports after ``since``.
            part = (
                reports_of(scope)
                .filter(submitted_at__gt=since, submitted_at__lt=_week_start(first, weeks=1))
                .count()
            )
            if part:
                weeks.insert(0, (first, part))
    pairs = [
        (f"{w:%Y-%m-%d}", _("Minggu %(date)s") % {"date": f"{w:%d-%m-%Y}"}, n)
        for w, n in weeks[-TREND_WEEKS:]
    ]
    return Table(key="by_week", title=_("Laporan per minggu"), rows=_bars(pairs))


def _week_start(monday: datetime.date, *, weeks: int = 0) -> datetime.datetime:
    day = monday + datetime.timedelta(weeks=weeks)
    return datetime.datetime.combine(day, datetime.time.min, STATS_TZ)


def region_rows(
    scope: Scope, reports: Mapping[str, tuple[int, int]], cases: Mapping[str, tuple[int, int]]
) -> tuple[RegionRow, ...]:
    """Nationally one row per province; in a province one per regency/city (and one for the
    province's own office); nothing below a regency. ``reports`` and ``cases`` are the
    counts per key of ``report_margins`` and ``case_counts``."""
    if scope.level == Region.Level.REGENCY:
        return ()
    out = []
    own = scope.region.code if scope.region else None
    for code, name in region_labels(own):
        reported, found = reports.get(code, (0, 0))
        decided, violations = cases.get(code, (0, 0))
        out.append(
            RegionRow(
                code=code,
                name=name,
                reports=reported,
                findings=found,
                decided=decided,
                violations=violations,
                violation_rate=round(violations * 100 / decided, 1) if decided else None,
                drillable=code != own,
            )
        )
    return tuple(out)


def dashboard_get(*, scope: Scope, now: datetime.datetime) -> Dashboard:
    """Everything the dashboard shows for ``scope``: a constant number of queries (one scan
    of the report rollups, one of the case rollups, a few small look-ups)."""
    windows = stage_windows(scope=scope)
    margins = report_margins(scope, windows)
    cube = margins.cube
    cases = case_counts(scope, now=now)
    types = [(vt.code, rule_name(vt)) for vt in violation_type_list()]
    tables = (
        _week_table(scope, margins.weeks),
        _stage_table(windows, cube["stage"]),
        _choice_table(
            "by_type", _("Jenis pelanggaran yang dilaporkan"), cube["violation_type"], types
        ),
        _choice_table(
            "by_agency_type",
            _("Jenis instansi terlapor"),
            cube["agency_type"],
            AgencyType.choices,
        ),
        _choice_table(
            "by_position_class",
            _("Kelas jabatan terlapor"),
            cube["position_class"],
            PositionClass.choices,
        ),
        _choice_table(
            "by_status", _("Kasus per status penanganan"), cases.by_status, Status.choices
        ),
    )
    return Dashboard(
        scope=scope,
        totals=_totals(cube, cases),
        tables=tables,
        regions=region_rows(scope, margins.by_region, cases.by_region),
        cube=cube,
        cases=cases,
    )


def stats_cached(
    prefix: str, region: Region | None, election: Election | None, compute: Callable[[], T]
) -> T:
    """``compute()`` served from the shared cache for ``NETRAL_STATS_CACHE_SECONDS``: one
    national dashboard over a million reports costs seconds, so every process shares the
    last result per region, election and language (figures are at most that old)."""
    ttl = settings.NETRAL_STATS_CACHE_SECONDS
    if ttl <= 0:
        return compute()
    where = region.code if region else "RI"
    which = election.pk if election else "-"
    key = f"netral:stats:{prefix}:{where}:{which}:{get_language()}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, ttl)
    return cast(T, found)


def dashboard_cached(*, scope: Scope, now: datetime.datetime) -> Dashboard:
    return stats_cached(
        "dashboard", scope.region, scope.election, lambda: dashboard_get(scope=scope, now=now)
    )


def summary_counts_cached(*, scope: Scope) -> dict[str, dict[str, int]]:
    return stats_cached(
        "summary", scope.region, scope.election, lambda: summary_counts(scope=scope)
    )


def summary_counts(*, scope: Scope) -> dict[str, dict[str, int]]:
    """Counts by violation type, stage, case status and position class (the public API and
    the open data page): codes as keys, no labels, no personal data."""
    cube = report_cube(scope, stage_windows(scope=scope))
    return {
        "violation_type": cube["violation_type"],
        "stage": cube["stage"],
        "status": {
            row["status"]: row["total"]
            for row in CaseCount.objects.filter(scope.cases_q())
            .order_by()
            .values("status")
            .annotate(total=Sum("n"))
            if row["total"]
        },
        "position_class": cube["position_class"],
    }


def case_export_list(
    *, actor: User, scope: Scope, status: str = "", violation_type: str = ""
) -> QuerySet[CaseModel]:
    """The cases the actor may see, inside ``scope``, optionally one status or violation
    type: what the case-list export writes."""
    cases = case_list_for(actor=actor).filter(scope.cases_q())
    if status:
        cases = cases.filter(status=status)
    if violation_type:
        cases = cases.filter(violation_type=violation_type)
    return cases


def election_choices(*, scope: Scope) -> QuerySet[Election]:
    """Elections to filter by: national ones, and those held in the scope (nationally: the
    governor elections, not all 500 regency ones)."""
    if scope.region is None:
        held = Q(region__isnull=True) | Q(region__level=Region.Level.PROVINCE)
    else:
        held = Q(region__isnull=True) | Q(region_id__in=scope.codes)
    return Election.objects.filter(held).select_related("cycle").order_by("cycle", "region_id")
