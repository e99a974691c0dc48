"""Reads for follow-up: who sees which recommendation, the desks' lists, compliance."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    Min,
    Q,
    QuerySet,
    When,
)
from django.db.models import Case as Cond
from django.db.models.functions import TruncDate
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.accounts.permissions import has_capability, jurisdiction_q
from netral.common import blobs, clock
from netral.common.errors import ApplicationError, NotFound
from netral.followup.models import (
    DECREE_BLOBS,
    ENDED,
    Addressee,
    Recommendation,
    RecStatus,
    Sanction,
)
from netral.rules.selectors import sanction_list

NOT_FOUND = "Rekomendasi tidak ditemukan."

# What each partner sees: only what is addressed to it. A PPK office sees a neutrality
# recommendation once BKN has passed it on, and only for its own region's employees.
PPK_STATUSES = (RecStatus.ASSESSED, RecStatus.SANCTIONED, RecStatus.NOT_IMPOSED)


def recommendation_list_for(*, actor: User) -> QuerySet[Recommendation]:
    """Every recommendation ``actor`` may see (empty for roles without follow-up rights)."""
    recs = Recommendation.objects.all()
    if not has_capability(actor, "recommendation.view"):
        return recs.none()
    role = actor.role
    if role in (Role.BAWASLU_STAFF, Role.BAWASLU_LEADER):
        return recs.filter(jurisdiction_q(actor, "case__office_region"))
    if role == Role.BKN_OFFICER:
        # A regional BKN office covers employees of its region; central agencies' ones
        # (no PPK region) are for BKN's national desk only.
        return recs.filter(addressee=Addressee.BKN).filter(jurisdiction_q(actor, "ppk_region"))
    if role == Role.PPK_OFFICE:
        return recs.filter(
            addressee=Addressee.BKN, status__in=PPK_STATUSES, ppk_region=actor.jurisdiction_id
        )
    if role == Role.GAKKUMDU:
        return recs.filter(addressee=Addressee.GAKKUMDU).filter(
            jurisdiction_q(actor, "case__office_region")
        )
    if role == Role.KPU:
        return recs.filter(addressee=Addressee.KPU).filter(
            jurisdiction_q(actor, "case__office_region")
        )
    return recs.none()


def recommendation_get_for(*, actor: User, rec_id: int) -> Recommendation:
    rec = (
        recommendation_list_for(actor=actor)
        .select_related("case__office_region", "case__election", "ppk_region", "sanction")
        .filter(pk=rec_id)
        .first()
    )
    if rec is None:
        raise NotFound(NOT_FOUND)
    return rec


DECREE_MISSING = "Berkas keputusan tidak ada."
DECREE_DAMAGED = "Berkas keputusan rusak: sidik jarinya tidak cocok dengan saat diunggah."


def sanction_decree_read(*, actor: User, rec_id: int) -> tuple[Recommendation, bytes]:
    """The PPK's decree file, for whoever may see the recommendation; integrity re-checked
    against the SHA-256 taken at upload."""
    rec = recommendation_get_for(actor=actor, rec_id=rec_id)
    sanction = Sanction.objects.filter(recommendation=rec).exclude(file_path="").first()
    if sanction is None:
        raise NotFound(DECREE_MISSING)
    data = blobs.get(DECREE_BLOBS, sanction.file_path)
    if hashlib.sha256(data).hexdigest() != sanction.file_sha256:
        raise ApplicationError(DECREE_DAMAGED)
    return rec, data


def recommendation_desk(
    *,
    actor: User,
    status: str | None = None,
    addressee: str | None = None,
    overdue_only: bool = False,
    now: datetime.datetime | None = None,
) -> QuerySet[Recommendation]:
    """A desk's list: live ones first, nearest deadline first (those without one after),
    then the finished ones, most recently finished first. A finished recommendation keeps
    its last deadline (to say whether it ended in time): it is never overdue."""
    recs = recommendation_list_for(actor=actor).select_related(
        "case__office_region", "case__election", "ppk_region"
    )
    if status:
        recs = recs.filter(status=status)
    if addressee:
        recs = recs.filter(addressee=addressee)
    if overdue_only:
        recs = recs.filter(due_at__lt=now or clock.now()).exclude(status__in=ENDED)
    return recs.annotate(
        finished_rank=Cond(When(status__in=ENDED, then=1), default=0, output_field=IntegerField()),
        live_due=Cond(When(status__in=ENDED, then=None), default=F("due_at")),
    ).order_by(
        "finished_rank",
        F("live_due").asc(nulls_last=True),
        F("ended_at").desc(nulls_last=True),
        "-issued_at",
        "pk",
    )


def case_followups_open(*, case_id: int) -> int:
    """How many recommendations of the case have not ended (the case cannot close before)."""
    return Recommendation.objects.filter(case_id=case_id).exclude(status__in=ENDED).count()


def case_recommendations(*, case_id: int) -> list[Recommendation]:
    return list(
        Recommendation.objects.filter(case_id=case_id)
        .select_related("ppk_region", "sanction")
        .order_by("pk")
    )


def recommendations_by_case(*, case_ids: list[int]) -> dict[int, list[Recommendation]]:
    """The recommendations of several cases in one query, by case id."""
    found: dict[int, list[Recommendation]] = {}
    for rec in Recommendation.objects.filter(case_id__in=case_ids).order_by("pk"):
        found.setdefault(rec.case_id, []).append(rec)
    return found


# --- Compliance ----------------------------------------------------------------------------


@dataclass
class ComplianceRow:
    key: str
    label: str
    total: int = 0
    followed: int = 0  # sanction imposed, as heavy as BKN recommended (or heavier)
    lighter: int = 0  # sanction imposed, but lighter than BKN recommended
    declined: int = 0  # PPK recorded a reason for not imposing
    pending: int = 0  # with the PPK (or BKN), deadline not passed
    ignored: int = 0  # deadline passed with nothing recorded
    # Days from decision to decree -> how many sanctions took that long (a histogram, so a
    # row stays small however many recommendations it counts).
    day_counts: dict[int, int] = field(default_factory=dict, repr=False)

    def share(self, part: int) -> float | None:
        return round(100 * part / self.total, 1) if self.total else None

    @property
    def followed_pct(self) -> float | None:
        return self.share(self.followed)

    @property
    def lighter_pct(self) -> float | None:
        return self.share(self.lighter)

    @property
    def pending_pct(self) -> float | None:
        return self.share(self.pending)

    @property
    def ignored_pct(self) -> float | None:
        return self.share(self.ignored)

    @property
    def declined_pct(self) -> float | None:
        return self.share(self.declined)

    @property
    def days(self) -> list[int]:
        """Every sanction's days from decision to decree, in order."""
        return [d for d, n in sorted(self.day_counts.items()) for _ in range(n)]

    @property
    def median_days(self) -> float | None:
        """Median days from Bawaslu's decision to the sanction decree (as
        ``statistics.median`` of ``days``, from the histogram)."""
        items = sorted(self.day_counts.items())
        count = sum(n for _, n in items)
        if not count:
            return None

        def nth(i: int) -> int:
            seen = 0
            for day, n in items:
                seen += n
                if i < seen:
                    return day
            raise IndexError(i)

        low, high = (count - 1) // 2, count // 2  # the middle one, or the middle two
        return nth(low) if low == high else (nth(low) + nth(high)) / 2


def _lighter(recommended: str, imposed: str, severity: Mapping[str, int]) -> bool:
    """Whether the imposed sanction is lighter than the one BKN recommended, by the
    rulebook's ``severity`` (rules/data: sanctions.toml). Severity 0 ("as the task force
    decides") and unknown codes compare with nothing: such a sanction counts as followed."""
    wanted, got = severity.get(recommended, 0), severity.get(imposed, 0)
    return wanted > 0 and got > 0 and got < wanted


def _bucket(rec: Mapping[str, Any], severity: Mapping[str, int]) -> str:
    status = rec["status"]
    if status == RecStatus.SANCTIONED:
        if _lighter(rec["recommended_sanction"], rec["sanction__sanction"] or "", severity):
            return "lighter"
        return "followed"
    if status == RecStatus.NOT_IMPOSED:
        return "declined"
    return "ignored" if rec["overdue"] else "pending"


_GROUP_FIELDS: dict[str, tuple[str, ...]] = {
    "region": ("ppk_region", "ppk_region__name"),
    "agency": ("subject_agency",),
    "total": (),  # one row: what the dashboard shows, without joining the regions
}


def _row_key(rec: Mapping[str, Any], by: str) -> tuple[str, str]:
    if by == "total":
        return "total", "Jumlah"
    if by == "region":
        return rec["ppk_region"] or "00", rec["ppk_region__name"] or "Instansi pusat"
    label = rec["subject_agency"] or "—"
    return label.lower(), label


def compliance(
    *,
    actor: User | None,
    by: str,
    region_code: str | None = None,
    now: datetime.datetime | None = None,
) -> list[ComplianceRow]:
    """Neutrality recommendations (to BKN) grouped ``by`` "region" (the PPK's region),
    "agency" (the reported person's agency) or "total" (one row), with the shares followed,
    followed with a lighter sanction than recommended, declined, pending and ignored, and the
    median days from decision to sanction. ``actor`` None: everything (aggregates for public
    pages); otherwise only what the actor may see.

    Two GROUP BY queries, whatever the number of recommendations: the counts per group,
    status, recommended and imposed sanction and deadline passed (the severity comparison
    then runs once per combination), and the days from decision (the office's local day) to
    decree per group for the imposed sanctions."""
    now = now or clock.now()
    base = (
        Recommendation.objects.all() if actor is None else recommendation_list_for(actor=actor)
    ).filter(addressee=Addressee.BKN)
    if region_code:
        base = base.filter(Q(ppk_region=region_code) | Q(ppk_region__parent=region_code))
    group = _GROUP_FIELDS[by] if by in _GROUP_FIELDS else _GROUP_FIELDS["agency"]
    counts = (
        base.annotate(
            overdue=Cond(
                When(due_at__lt=now, then=True), default=False, output_field=BooleanField()
            )
        )
        .values(*group, "status", "recommended_sanction", "sanction__sanction", "overdue")
        .annotate(n=Count("pk"))
        .order_by()
    )
    days = (
        base.filter(
            status=RecStatus.SANCTIONED,
            case__decided_at__isnull=False,
            sanction__decree_date__isnull=False,
        )
        .annotate(
            elapsed=ExpressionWrapper(
                F("sanction__decree_date")
                - TruncDate("case__decided_at", tzinfo=timezone.get_current_timezone()),
                output_field=DurationField(),
            )
        )
        .values(*group, "elapsed")
        .annotate(n=Count("pk"))
        .order_by()
    )
    severity = {s.code: s.severity for s in sanction_list()}
    rows: dict[str, ComplianceRow] = {}
    for rec in counts:
        key, label = _row_key(rec, by)
        row = rows.setdefault(key, ComplianceRow(key=key, label=label))
        row.total += rec["n"]
        bucket = _bucket(rec, severity)
        setattr(row, bucket, getattr(row, bucket) + rec["n"])
    for rec in days:
        key, label = _row_key(rec, by)
        row = rows.setdefault(key, ComplianceRow(key=key, label=label))
        elapsed = rec["elapsed"].days
        row.day_counts[elapsed] = row.day_counts.get(elapsed, 0) + rec["n"]
    return sorted(rows.values(), key=lambda r: (-r.total, r.label))


def compliance_total(rows: list[ComplianceRow]) -> ComplianceRow:
    total = ComplianceRow(key="total", label="Jumlah")
    for row in rows:
        total.total += row.total
        total.followed += row.followed
        total.lighter += row.lighter
        total.declined += row.declined
        total.pending += row.pending
        total.ignored += row.ignored
        for day, n in row.day_counts.items():
            total.day_counts[day] = total.day_counts.get(day, 0) + n
    return total


def overdue_ppk(*, actor: User | None, now: datetime.datetime | None = None) -> list[Any]:
    """Regional heads (PPK) with overdue neutrality follow-ups, most first: the list
    Kemendagri and BKN act on."""
    now = now or clock.now()
    base = Recommendation.objects.all() if actor is None else recommendation_list_for(actor=actor)
    return list(
        base.filter(addressee=Addressee.BKN, status=RecStatus.ASSESSED, due_at__lt=now)
        .values("ppk_region", "ppk_region__name")
        .annotate(count=Count("pk"), oldest=Min("due_at"))
        .order_by("-count", "ppk_region__name")
    )
