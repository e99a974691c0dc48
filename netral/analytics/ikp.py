"""The vulnerability index (IKP) of a region, step by step.

The method is rulebook data (``rules/data/<version>/ikp.toml``). For each indicator:

1. **raw**: measured from Netral's reports and cases in the region (its regencies/cities
   included) or imported (``IndicatorValue``);
2. **normalised** = clip((raw - min) / (max - min), 0, 1) x 100, reversed (100 - x) when a
   lower raw value is the more vulnerable one;
3. **weighted** = normalised x the indicator's weight.

A sub-dimension is the sum of its weighted indicators, a dimension the weighted sum of its
sub-dimensions, the score the weighted sum of the dimensions; the class is the first whose
upper bound the score (rounded to two decimals) does not exceed. An indicator without a value
is left out and the others' weights in its group are scaled to add up to 1 again, so a region
without imported data still gets a score from what Netral measures (the method page shows the
scaled weights). ``ikp_compute`` is pure; ``ikp_for_regions`` fetches the raw values of many
regions in a constant number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Left

from netral.analytics.models import CaseCount, IndicatorValue, ReportCount
from netral.analytics.scope import Scope, StageWindow, stage_windows
from netral.analytics.selectors import Dashboard, late_q, stage_expression
from netral.cases.models import Status
from netral.common import clock
from netral.elections.models import Election
from netral.regions.models import Region
from netral.reports.models import Report
from netral.rules.schemas import IkpClass, IkpFile, IkpIndicator
from netral.rules.selectors import ikp_method_get, violation_type_list

Raw = dict[str, float | None]


@dataclass(frozen=True)
class IndicatorStep:
    indicator: IkpIndicator
    raw: float | None
    normalised: float | None
    # The weight after scaling for missing siblings (equal to the rulebook weight when none is).
    weight: float
    weighted: float | None
    source_note: str = ""


@dataclass(frozen=True)
class SubdimensionStep:
    code: str
    name: str
    weight: float
    score: float | None
    indicators: tuple[IndicatorStep, ...]

    @property
    def weighted(self) -> float | None:
        return None if self.score is None else self.score * self.weight


@dataclass(frozen=True)
class DimensionStep:
    code: str
    name: str
    weight: float
    score: float | None
    subdimensions: tuple[SubdimensionStep, ...]

    @property
    def weighted(self) -> float | None:
        return None if self.score is None else self.score * self.weight


@dataclass(frozen=True)
class IkpResult:
    region_code: str
    score: float | None
    klass: IkpClass | None
    dimensions: tuple[DimensionStep, ...]
    method: str

    @property
    def rounded(self) -> float | None:
        return None if self.score is None else round(self.score, 2)


def normalise(indicator: IkpIndicator, raw: float) -> float:
    share = (raw - indicator.min) / (indicator.max - indicator.min)
    value = min(1.0, max(0.0, share)) * 100
    return 100 - value if indicator.direction == "lower" else value


def ikp_class(method: IkpFile, score: float | None) -> IkpClass | None:
    if score is None:
        return None
    value = round(score, 2)
    for klass in method.classes:
        if value <= klass.upper:
            return klass
    return method.classes[-1]


def _scaled(weights: Sequence[tuple[float, bool]]) -> list[float]:
    """Each weight divided by the sum of the present ones (0 for a missing one)."""
    present = sum(w for w, ok in weights if ok)
    return [w / present if ok and present else 0.0 for w, ok in weights]


def ikp_compute(
    *, region_code: str, raw: Raw, method: IkpFile, notes: dict[str, str] | None = None
) -> IkpResult:
    """The score of one region from its raw indicator values (pure: no database)."""
    notes = notes or {}
    dimensions = []
    for dim in method.dimensions:
        subs = []
        for sub in (s for s in method.subdimensions if s.dimension == dim.code):
            inds = [i for i in method.indicators if i.subdimension == sub.code]
            values = [raw.get(i.code) for i in inds]
            scaled = _scaled([(i.weight, v is not None) for i, v in zip(inds, values, strict=True)])
            steps = []
            for ind, value, weight in zip(inds, values, scaled, strict=True):
                norm = None if value is None else normalise(ind, value)
                steps.append(
                    IndicatorStep(
                        indicator=ind,
                        raw=value,
                        normalised=norm,
                        weight=weight if value is not None else ind.weight,
                        weighted=None if norm is None else norm * weight,
                        source_note=notes.get(ind.code, ""),
                    )
                )
            present = [s.weighted for s in steps if s.weighted is not None]
            subs.append(
                SubdimensionStep(
                    code=sub.code,
                    name=sub.name,
                    weight=sub.weight,
                    score=sum(present) if present else None,
                    indicators=tuple(steps),
                )
            )
        sub_weights = _scaled([(s.weight, s.score is not None) for s in subs])
        subs = [
            SubdimensionStep(
                s.code, s.name, w if s.score is not None else s.weight, s.score, s.indicators
            )
            for s, w in zip(subs, sub_weights, strict=True)
        ]
        present = [s.weighted for s in subs if s.weighted is not None]
        dimensions.append(
            DimensionStep(
                code=dim.code,
                name=dim.name,
                weight=dim.weight,
                score=sum(present) if present else None,
                subdimensions=tuple(subs),
            )
        )
    dim_weights = _scaled([(d.weight, d.score is not None) for d in dimensions])
    dimensions = [
        DimensionStep(
            d.code, d.name, w if d.score is not None else d.weight, d.score, d.subdimensions
        )
        for d, w in zip(dimensions, dim_weights, strict=True)
    ]
    present = [d.weighted for d in dimensions if d.weighted is not None]
    score = sum(present) if present else None
    return IkpResult(
        region_code=region_code,
        score=score,
        klass=ikp_class(method, score),
        dimensions=tuple(dimensions),
        method=method.method,
    )


# --- raw values from the database ---------------------------------------------------------


def _groups(regions: Sequence[Region]) -> tuple[dict[str, str], list[str] | None]:
    """Which region each stored code counts towards, and the codes to filter on (``None``:
    every province asked, so no filter is needed)."""
    owner: dict[str, str] = {}
    provinces = [r for r in regions if r.level == Region.Level.PROVINCE]
    for region in regions:
        owner[region.code] = region.code
    children = Region.objects.filter(parent_id__in=[p.code for p in provinces]).values_list(
        "code", "parent_id"
    )
    for code, parent in children:
        owner.setdefault(code, parent)
    everything = len(provinces) == len(regions) and len(provinces) >= 38
    return owner, None if everything else list(owner)


def ikp_raw_values(
    *, regions: Sequence[Region], election: Election | None, method: IkpFile
) -> tuple[dict[str, Raw], dict[str, dict[str, str]]]:
    """The raw value of every indicator for each region, and each imported value's source.

    A province counts its own office's reports and its regencies'; the imported values are
    the region's own rows. Constant number of queries for any number of regions.
    """
    owner, codes = _groups(regions)
    report_q = Q() if codes is None else Q(region_id__in=codes)
    case_q = Q(~Q(status=Status.MERGED)) & (Q() if codes is None else Q(office_region_id__in=codes))
    if election is not None:
        report_q &= Q(election_id=election.pk)
        case_q &= Q(election_id=election.pk)
    counts = ReportCount.objects.filter(report_q).order_by()
    stages_wanted = any(i.metric == "reports_per_stage" for i in method.indicators)
    windows = stage_windows(scope=Scope(region=None, election=election)) if stages_wanted else []
    code_of = {w.key: w.code for w in windows}
    stages_from_rollups = bool(windows) and _rollup_stages_match(counts, windows, election)
    dims = [ReportCount.Dim.VIOLATION_TYPE, ReportCount.Dim.AGENCY]
    if stages_from_rollups:
        dims.append(ReportCount.Dim.STAGE)

    kind_of = {vt.code: vt.violation_kind for vt in violation_type_list()}
    per_kind: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    per_stage: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    # Recurrence: reports beyond the first about the same agency in the same regency/city.
    totals: dict[str, float] = defaultdict(float)
    repeats: dict[str, float] = defaultdict(float)
    # Provinces (the national map) group by the two-digit code their regencies' codes start
    # with: a row per province and value, not per regency.
    provinces_only = all(r.level == Region.Level.PROVINCE for r in regions)
    group = Left("region_id", 2) if provinces_only else F("region_id")
    for region_id, dim, value, total in (
        counts.filter(dim__in=[d for d in dims if d != ReportCount.Dim.AGENCY])
        .annotate(key=group)
        .values_list("key", "dim", "value")
        .annotate(Sum("n"))
    ):
        owner_key = owner.get(region_id)
        if owner_key is None or not total:
            continue
        if dim == ReportCount.Dim.VIOLATION_TYPE:
            kind = kind_of.get(value)
            if kind:
                per_kind[owner_key][kind] += total
        elif value in code_of:
            per_stage[owner_key][code_of[value]] += total
    for region_id, reports, agencies in _agency_counts(counts):
        owner_key = owner.get(region_id)
        if owner_key is not None:
            # Each agency of the region counts all its reports but the first.
            totals[owner_key] += reports
            repeats[owner_key] += reports - agencies
    if windows and not stages_from_rollups:
        for region_id, stage, total in (
            Report.objects.filter(report_q)
            .order_by()
            .annotate(stage=stage_expression(windows))
            .values_list("region_id", "stage")
            .annotate(Count("pk"))
        ):
            if region_id in owner and stage in code_of:
                per_stage[owner[region_id]][code_of[stage]] += total

    late = late_q(clock.now())
    violations: dict[str, float] = defaultdict(float)
    lates: dict[str, float] = defaultdict(float)
    with_due: dict[str, float] = defaultdict(float)
    for row in (
        CaseCount.objects.filter(case_q)
        .order_by()
        .values("office_region_id")
        .annotate(
            violations=Sum("n", filter=Q(violation=True)),
            late=Sum("n", filter=late),
            with_due=Sum("n", filter=Q(has_due=True)),
        )
    ):
        key = owner.get(row["office_region_id"])
        if key:
            violations[key] += row["violations"] or 0
            lates[key] += row["late"] or 0
            with_due[key] += row["with_due"] or 0

    imported, sources = _imported([r.code for r in regions])
    out = {
        region.code: _raw(
            method,
            _Measured(
                per_kind=per_kind[region.code],
                per_stage=per_stage[region.code],
                violations=violations[region.code],
                late=lates[region.code],
                with_due=with_due[region.code],
                agency_reports=totals[region.code],
                agency_repeats=repeats[region.code],
            ),
            imported[region.code],
        )
        for region in regions
    }
    return out, sources


def _agency_counts(counts: QuerySet[ReportCount]) -> list[tuple[str, int, int]]:
    """Per region: the reports naming an agency and the number of agencies they name (each
    agency's rows summed first: one row per region, not per agency)."""
    per_agency = (
        counts.filter(dim=ReportCount.Dim.AGENCY)
        .values("region_id", "value")
        .annotate(total=Sum("n"))
        .filter(total__gt=0)
    )
    sql, params = per_agency.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            # Our own compiled query, its parameters bound by the driver.
            f"SELECT s.region_id, SUM(s.total), COUNT(*) FROM ({sql}) s GROUP BY s.region_id",  # noqa: S608
            params,
        )
        return [(region_id, int(reports), int(n)) for region_id, reports, n in cursor.fetchall()]


@dataclass(frozen=True)
class _Measured:
    """What Netral measured of one region, the raw values of its measured indicators."""

    per_kind: Mapping[str, float]  # reports per violation kind
    per_stage: Mapping[str, float]  # reports per stage code
    violations: float
    late: float
    with_due: float
    agency_reports: float  # reports naming an agency ...
    agency_repeats: float  # ... of which beyond the first about that agency in its regency


def _raw(method: IkpFile, measured: _Measured, imported: Mapping[str, float]) -> Raw:
    raw: Raw = {}
    for ind in method.indicators:
        if ind.source == "imported":
            raw[ind.code] = imported.get(ind.code)
        elif ind.metric == "reports_of_kind":
            raw[ind.code] = measured.per_kind.get(ind.violation_kind or "", 0.0)
        elif ind.metric == "reports_per_stage":
            raw[ind.code] = measured.per_stage.get(ind.stage or "", 0.0)
        elif ind.metric == "violations_confirmed":
            raw[ind.code] = measured.violations
        elif ind.metric == "recurrence_share":
            total = measured.agency_reports
            raw[ind.code] = round(measured.agency_repeats * 100 / total, 2) if total else None
        elif ind.metric == "late_share":
            due = measured.with_due
            raw[ind.code] = round(measured.late * 100 / due, 2) if due else None
    return raw


def _imported(
    codes: Sequence[str],
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, str]]]:
    imported: dict[str, dict[str, float]] = defaultdict(dict)
    sources: dict[str, dict[str, str]] = defaultdict(dict)
    for value in IndicatorValue.objects.filter(region_id__in=codes):
        imported[value.region_id][value.indicator] = value.value
        sources[value.region_id][value.indicator] = value.source
    return imported, dict(sources)


def ikp_for_dashboard(dashboard: Dashboard) -> IkpResult:
    """The index of the dashboard's own region from what its figures already read (the
    cube's violation types and stages, the case sums), plus the agencies' recurrence and the
    imported values: two small queries instead of a second scan of the rollups. Equal to
    ``ikp_for_region`` of the same region and election."""
    scope = dashboard.scope
    region, cases = scope.region, dashboard.cases
    if region is None or cases is None:
        raise ValueError("the IKP is a region's: a regional dashboard's figures needed")
    method = ikp_method_get()
    kind_of = {vt.code: vt.violation_kind for vt in violation_type_list()}
    per_kind: dict[str, float] = defaultdict(float)
    for code, total in dashboard.cube.get("violation_type", {}).items():
        kind = kind_of.get(code)
        if kind:
            per_kind[kind] += total
    code_of = {w.key: w.code for w in stage_windows(scope=scope)}
    per_stage: dict[str, float] = defaultdict(float)
    for key, total in dashboard.cube.get("stage", {}).items():
        if key in code_of:
            per_stage[code_of[key]] += total
    report_q = Q(region_id__in=scope.codes)
    if scope.election is not None:
        report_q &= Q(election_id=scope.election.pk)
    # Each agency of each regency/city counts all its reports but the first.
    per_region = _agency_counts(ReportCount.objects.filter(report_q).order_by())
    reports = sum(n for _region, n, _agencies in per_region)
    agencies = sum(a for _region, _n, a in per_region)
    imported, sources = _imported([region.code])
    raw = _raw(
        method,
        _Measured(
            per_kind=per_kind,
            per_stage=per_stage,
            violations=cases.violations,
            late=cases.late,
            with_due=cases.with_due,
            agency_reports=reports,
            agency_repeats=reports - agencies,
        ),
        imported[region.code],
    )
    return ikp_compute(
        region_code=region.code, raw=raw, method=method, notes=sources.get(region.code)
    )


def _rollup_stages_match(
    counts: QuerySet[ReportCount], windows: list[StageWindow], election: Election | None
) -> bool:
    """Whether the rollups' stages (each report's own cycle) are the ones asked for; see
    ``selectors.report_cube``."""
    cycles = {w.cycle_id for w in windows}
    if election is not None or len(cycles) != 1:
        return True
    others = (
        counts.filter(dim=ReportCount.Dim.KIND)
        .exclude(election__cycle_id=cycles.pop())
        .values("election_id")
        .annotate(total=Sum("n"))
        .filter(total__gt=0)
    )
    return not others.exists()


def ikp_for_regions(
    *, regions: Sequence[Region], election: Election | None = None
) -> dict[str, IkpResult]:
    method = ikp_method_get()
    raws, sources = ikp_raw_values(regions=regions, election=election, method=method)
    return {
        code: ikp_compute(region_code=code, raw=raw, method=method, notes=sources.get(code))
        for code, raw in raws.items()
    }


def ikp_for_region(*, region: Region, election: Election | None = None) -> IkpResult:
    return ikp_for_regions(regions=[region], election=election)[region.code]
