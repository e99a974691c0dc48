"""Reads for early warnings: the facts each region's signals are computed from, and the
warnings a staff member may see (scoped to the jurisdiction: outside it is "not found").

``region_facts`` reads, in a constant number of queries for every region at once, what
Netral already holds: reports and findings per day (``reports``), overdue PPK follow-ups
(``followup``), unacknowledged appeals (``prevention``), the election stage calendar
(``elections``) and, through a hook answered by ``analytics``, the IKP class.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate

from netral.accounts.models import User
from netral.accounts.permissions import AnyUser, covers, jurisdiction_q, require
from netral.common.errors import NotFound
from netral.elections.models import Election, Stage
from netral.followup.models import Addressee, Recommendation, RecStatus
from netral.prevention.models import Appeal, AppealRecipient, EarlyWarning
from netral.prevention.warnings_hooks import IkpAnswer, IkpQuery, ikp_classes
from netral.prevention.warnings_signals import RegionFacts, StageFacts
from netral.regions.models import Region
from netral.reports.models import Report
from netral.rules.schemas_warnings import WarningsFile
from netral.rules.selectors import rulebook_get

WIB = ZoneInfo("Asia/Jakarta")
WARNING_NOT_FOUND = "Peringatan dini tidak ditemukan."
REGION_NOT_FOUND = "Wilayah '{code}' tidak ditemukan."
STATUS_UNKNOWN = "Status '{status}' tidak dikenal (pilih: open, acknowledged)."


@dataclass(frozen=True)
class Window:
    """The week tested (the 7 days ending on ``day``) and the baseline weeks before it, as
    WIB days."""

    day: datetime.date
    weeks: int

    @property
    def week_start(self) -> datetime.date:
        return self.day - datetime.timedelta(days=6)

    @property
    def start(self) -> datetime.date:
        return self.week_start - datetime.timedelta(days=7 * self.weeks)

    def instant(self, day: datetime.date) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(), WIB)

    def week_of(self, day: datetime.date) -> int:
        """0 for the week tested, 1..weeks for the baseline weeks, going back."""
        return (self.day - day).days // 7


def _stage_of(
    day: datetime.date, elections: list[Election], stages: dict[int, list[Stage]]
) -> StageFacts | None:
    """The stage running on ``day`` in the region's elections, else the next one to start.
    ``elections`` come own election first, so its name is the one shown."""
    current: list[tuple[Stage, Election]] = []
    upcoming: list[tuple[Stage, Election]] = []
    for election in elections:
        for stage in stages.get(election.cycle_id, []):
            if stage.start <= day <= stage.end:
                current.append((stage, election))
            elif stage.start > day:
                upcoming.append((stage, election))
    if current:
        # The latest-starting stage where two overlap (``ElectionCycle.stage_on``).
        stage, election = max(current, key=lambda p: (p[0].start, p[0].order))
    elif upcoming:
        stage, election = min(upcoming, key=lambda p: (p[0].start, p[0].order))
    else:
        return None
    return StageFacts(
        code=stage.code,
        name=stage.name,
        election=election.name,
        election_id=election.pk,
        start=stage.start.isoformat(),
        end=stage.end.isoformat(),
        current=bool(current),
    )


def _template_for(stage_code: str) -> str:
    for template in rulebook_get().appeals.templates:
        if stage_code in template.stages:
            return template.code
    return ""


def region_facts(
    *,
    day: datetime.date,
    now: datetime.datetime,
    rules: WarningsFile,
    regions: Iterable[Region] | None = None,
) -> dict[str, RegionFacts]:
    """The facts of every region (or of ``regions``) on ``day``; deadlines count as passed
    when they fell before ``now``."""
    region_list = list(regions) if regions is not None else list(Region.objects.all())
    codes = [r.code for r in region_list]
    window = Window(day=day, weeks=rules.baseline_weeks)
    start, end = window.instant(window.start), window.instant(day + datetime.timedelta(days=1))
    week_start = window.instant(window.week_start)

    in_regions = Q(region_id__in=codes)
    weekly: dict[str, list[int]] = defaultdict(lambda: [0] * (rules.baseline_weeks + 1))
    per_day = (
        Report.objects.filter(in_regions, submitted_at__gte=start, submitted_at__lt=end)
        .annotate(day=TruncDate("submitted_at", tzinfo=WIB))
        .values("region_id", "day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in per_day:
        weekly[row["region_id"]][window.week_of(row["day"])] += row["n"]

    agencies: dict[str, Counter[str]] = defaultdict(Counter)
    this_week = (
        Report.objects.filter(in_regions, submitted_at__gte=week_start, submitted_at__lt=end)
        .values("region_id", "agency")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in this_week:
        agencies[row["region_id"]][row["agency"]] += row["n"]

    overdue = dict(
        Recommendation.objects.filter(
            ppk_region_id__in=codes,
            addressee=Addressee.BKN,
            status=RecStatus.ASSESSED,
            due_at__lt=now,
        )
        .values("ppk_region_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("ppk_region_id", "n")
    )

    repeat = rules.signals.repeat_offenders
    since = window.instant(day - datetime.timedelta(days=repeat.window_days - 1))
    repeaters: Counter[str] = Counter(
        Report.objects.filter(
            in_regions, submitted_at__gte=since, submitted_at__lt=end, case__isnull=False
        )
        .exclude(reported_nip="")
        .values("region_id", "reported_nip")
        .annotate(cases=Count("case", distinct=True))
        .filter(cases__gte=repeat.min_cases)
        .order_by()
        .values_list("region_id", flat=True)
    )

    silent = dict(
        AppealRecipient.objects.filter(
            region_id__in=codes,
            acknowledged_at__isnull=True,
            appeal__status=Appeal.Status.ISSUED,
            appeal__acknowledge_due_at__lt=now,
        )
        .values("region_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("region_id", "n")
    )

    stages: dict[int, list[Stage]] = defaultdict(list)
    for cycle_stage in Stage.objects.order_by("cycle_id", "order"):
        stages[cycle_stage.cycle_id].append(cycle_stage)
    own: dict[str | None, list[Election]] = defaultdict(list)
    for election in Election.objects.select_related("cycle").order_by("pk"):
        own[election.region_id].append(election)

    ikp: dict[str, IkpAnswer] = {}
    for answers in ikp_classes.ask(IkpQuery(region_codes=tuple(codes))):
        ikp.update(answers)

    out: dict[str, RegionFacts] = {}
    for region in region_list:
        counts = weekly[region.code]
        elections = own[region.code] + own.get(region.parent_id, []) + own[None]
        stage = _stage_of(day, elections, stages)
        top = agencies[region.code].most_common(1)
        answer = ikp.get(region.code)
        out[region.code] = RegionFacts(
            region_code=region.code,
            week_count=counts[0],
            baseline=tuple(counts[1:]),
            stage=stage,
            ikp_class=answer.klass if answer else None,
            ikp_name=answer.name if answer else "",
            ikp_score=answer.score if answer else None,
            ppk_overdue=overdue.get(region.code, 0),
            repeat_offenders=repeaters[region.code],
            appeals_unacknowledged=silent.get(region.code, 0),
            top_agency=top[0][0] if top else "",
            top_agency_reports=top[0][1] if top else 0,
            appeal_template=_template_for(stage.code) if stage else "",
        )
    return out


# --- What staff see ------------------------------------------------------------------------


def warning_list_for(
    *,
    actor: AnyUser,
    region_code: str = "",
    status: str = "",
    day: datetime.date | None = None,
) -> QuerySet[EarlyWarning]:
    """The warnings ``actor`` may see, newest first; ``region_code`` narrows to a region (a
    province: it and its regencies/cities). A region outside the jurisdiction is not found,
    like an unknown one."""
    require(actor, "warning.view")
    warnings = EarlyWarning.objects.filter(jurisdiction_q(actor)).select_related(
        "region", "region__parent", "acknowledged_by"
    )
    code = region_code.strip()[:20]
    if code:
        region = Region.objects.filter(code=code).first()
        if region is None or not covers(actor, region):
            raise NotFound(REGION_NOT_FOUND, params={"code": code}, field="region")
        warnings = warnings.filter(Q(region_id=code) | Q(region__parent_id=code))
    if status:
        if status not in EarlyWarning.Status.values:
            raise NotFound(STATUS_UNKNOWN, params={"status": status[:20]}, field="status")
        warnings = warnings.filter(status=status)
    if day is not None:
        warnings = warnings.filter(computed_for=day)
    return warnings


def warning_get_for(*, actor: User, warning_id: int, for_update: bool = False) -> EarlyWarning:
    """One warning ``actor`` may see; missing and outside the jurisdiction are both
    ``NotFound``. ``for_update`` locks exactly the warning row."""
    require(actor, "warning.view")
    warnings = EarlyWarning.objects.filter(jurisdiction_q(actor))
    if for_update:
        warnings = warnings.select_for_update(of=("self",))
    warning = warnings.select_related("region", "acknowledged_by").filter(pk=warning_id).first()
    if warning is None:
        raise NotFound(WARNING_NOT_FOUND)
    return warning


def latest_day(*, actor: AnyUser) -> datetime.date | None:
    """The most recent day warnings were raised for inside the jurisdiction."""
    require(actor, "warning.view")
    row = (
        EarlyWarning.objects.filter(jurisdiction_q(actor))
        .order_by("-computed_for")
        .values_list("computed_for", flat=True)
        .first()
    )
    return row


def open_by_province(warnings: QuerySet[EarlyWarning]) -> dict[str, int]:
    """Open warnings per province code (a province's own and its regencies/cities')."""
    counts: Counter[str] = Counter()
    for code in warnings.filter(status=EarlyWarning.Status.OPEN).values_list(
        "region_id", flat=True
    ):
        counts[code.split(".")[0]] += 1
    return dict(counts)
