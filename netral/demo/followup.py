"""Synthetic follow-up for the demo data set (``netral.demo.data``): every decided
demo case without recommendations gets them, at realistic stages, inserted in bulk (demo rows
carry no audit entries; they are synthetic).

The shape follows the seeds (``../shared/domain.md``): KASN saw 88.5% of the ASN found in
violation sanctioned by the PPK in Pilkada 2020, but only ~52-55% in the months right after
the recommendations; so most neutrality recommendations end with a sanction, some are still
with the PPK past the deadline (ignored), a few are declined with a reason.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterable
from functools import cache
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.utils import timezone

from netral.accounts.models import User
from netral.audit.services import audited
from netral.cases.models import Case, Status
from netral.common import clock
from netral.followup import criminal
from netral.followup.models import (
    Addressee,
    CriminalStep,
    Recommendation,
    RecStatus,
    Sanction,
)
from netral.followup.services import (
    ADDRESSEE_FOR_VERDICT,
    recommendation_new,
)
from netral.reports.models import Report
from netral.rules.deadlines import add_working_days, non_working_days
from netral.rules.selectors import (
    collective_leave_dates,
    criminal_article_list,
    deadline_rule_get,
    sanction_list,
)

# Outcomes of a neutrality recommendation on a case that is still open (decided or
# announced); a closed case has every follow-up ended.
BKN_OPEN = {
    "issued": 0.04,
    "pending": 0.06,
    "ignored": 0.16,
    "declined": 0.04,
    "sanctioned": 0.70,
}
BKN_CLOSED = {"declined": 0.06, "sanctioned": 0.94}
SANCTIONS = {"moral": 0.35, "moderate": 0.45, "heavy": 0.20}
DECLINE_REASONS = (
    "ASN yang bersangkutan telah pensiun sebelum keputusan dapat ditetapkan.",
    "PPK menilai bukti tidak cukup setelah pemeriksaan ulang oleh inspektorat.",
    "ASN yang bersangkutan meninggal dunia.",
)
CRIMINAL_OUTCOMES = (
    "Dihentikan pada pembahasan kedua: unsur pidana tidak terpenuhi.",
    "Penyidikan dihentikan (SP3): alat bukti tidak cukup.",
    "Putusan pengadilan negeri berkekuatan hukum tetap: pidana penjara 2 bulan dengan masa "
    "percobaan.",
    "Putusan pengadilan tinggi: menguatkan putusan pengadilan negeri.",
)


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    names = [k for k, w in weights.items() if w > 0]
    return rng.choices(names, weights=[weights[k] for k in names])[0]


@cache
def _non_working(year: int) -> frozenset[datetime.date]:
    return non_working_days(years=range(year, year + 2), collective_leave=collective_leave_dates())


@cache
def _ppk_working_days() -> int:
    rule = deadline_rule_get(kind="pilkada", code="ppk_tindak_lanjut")
    assert rule.days is not None and rule.unit == "working_day"
    return rule.days


def _ppk_due(at: datetime.datetime) -> datetime.datetime:
    """The PPK's deadline (``ppk_tindak_lanjut``), to the end of the day in WIB."""
    local = at.astimezone(ZoneInfo("Asia/Jakarta"))
    day = add_working_days(local.date(), _ppk_working_days(), _non_working(local.year))
    end = datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=local.tzinfo)
    return end.astimezone(datetime.UTC)


def _subjects(reports: Iterable[Report]) -> list[Report]:
    seen: set[str] = set()
    people = []
    for report in reports:
        key = report.reported_nip or f"{report.reported_name}|{report.agency}".lower()
        if key not in seen:
            seen.add(key)
            people.append(report)
    return people


@audited
def demo_followups_load(*, seed: int, issuer: User, now: datetime.datetime | None = None) -> int:
    """Recommendations (and sanctions, criminal stages, answers) for every decided demo case
    that has none yet. Returns how many recommendations were made."""
    now = now or clock.now()
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    cases = list(
        Case.objects.filter(decided_at__isnull=False, recommendations__isnull=True)
        .select_related("office_region", "election__cycle")
        .order_by("pk")
    )
    reports: dict[int, list[Report]] = {}
    for report in Report.objects.filter(case__in=cases).select_related("region").order_by("pk"):
        assert report.case_id is not None
        reports.setdefault(report.case_id, []).append(report)
    options = {s.code: [o.code for o in s.options] for s in sanction_list()}
    recs: list[Recommendation] = []
    sanctions: list[tuple[Recommendation, Sanction]] = []
    steps: list[tuple[Recommendation, list[CriminalStep]]] = []
    for case in cases:
        assert case.decided_at is not None
        index = 0
        for verdict in case.verdicts:
            addressee = ADDRESSEE_FOR_VERDICT.get(verdict)
            if addressee is None:
                continue
            people: list[Report | None] = (
                list(_subjects(reports.get(case.pk, []))) if addressee == Addressee.BKN else [None]
            )
            for person in people:
                index += 1
                rec = _recommendation(case, addressee, verdict, person, index, issuer)
                closed = case.status == Status.CLOSED
                if addressee == Addressee.BKN:
                    sanction = _bkn(rec, rng, closed=closed, now=now, options=options)
                    if sanction is not None:
                        sanctions.append((rec, sanction))
                elif addressee == Addressee.GAKKUMDU:
                    steps.append((rec, _criminal(rec, rng, case.election.cycle.kind, closed)))
                elif closed or rng.random() < 0.8:
                    rec.status, rec.response = RecStatus.RESPONDED, "Telah ditindaklanjuti."
                    rec.ended_at = case.decided_at + datetime.timedelta(days=rng.randint(5, 30))
                recs.append(rec)
    Recommendation.objects.bulk_create(recs, batch_size=500)
    for rec, sanction in sanctions:
        sanction.recommendation = rec
    Sanction.objects.bulk_create([s for _, s in sanctions], batch_size=500)
    all_steps = []
    for rec, rec_steps in steps:
        for step in rec_steps:
            step.recommendation = rec
            all_steps.append(step)
    CriminalStep.objects.bulk_create(all_steps, batch_size=500)
    return len(recs)


def demo_followups_delete(*, cases: QuerySet[Case]) -> None:
    """Remove the follow-up of ``cases`` (before the cases themselves: it protects them)."""
    recs = Recommendation.objects.filter(case__in=cases)
    Sanction.objects.filter(recommendation__in=recs).delete()
    recs.delete()


def _recommendation(
    case: Case,
    addressee: str,
    verdict: str,
    person: Report | None,
    index: int,
    issuer: User,
) -> Recommendation:
    assert case.decided_at is not None
    articles = (
        [a.code for a in criminal_article_list(election_kind=case.election.cycle.kind)]
        if addressee == Addressee.GAKKUMDU
        else []
    )
    return recommendation_new(
        case=case,
        addressee=addressee,
        verdict=verdict,
        subject=person,
        articles=articles,
        index=index,
        issued_at=case.decided_at,
        issued_by=issuer,
    )


def _bkn(
    rec: Recommendation,
    rng: random.Random,
    *,
    closed: bool,
    now: datetime.datetime,
    options: dict[str, list[str]],
) -> Sanction | None:
    outcome = _pick(rng, BKN_CLOSED if closed else BKN_OPEN)
    if outcome == "issued":
        return None
    rec.status = RecStatus.ASSESSED
    rec.assessed_at = rec.issued_at + datetime.timedelta(days=rng.randint(2, 21))
    rec.assessment = "Terbukti melanggar netralitas ASN berdasarkan putusan Bawaslu."
    rec.recommended_sanction = _pick(rng, SANCTIONS)
    due = _ppk_due(rec.assessed_at)
    if outcome == "pending":
        # Still within the deadline: assessed recently, relative to now.
        rec.assessed_at = now - datetime.timedelta(days=rng.randint(1, 10))
        rec.due_at = _ppk_due(rec.assessed_at)
        return None
    if outcome == "ignored":
        rec.due_at = due
        return None
    decree_at = rec.assessed_at + datetime.timedelta(days=rng.randint(3, 40))
    # The PPK's deadline stays on a finished one: the desk says whether it was met.
    rec.ended_at, rec.due_at = decree_at, due
    if outcome == "declined":
        rec.status = RecStatus.NOT_IMPOSED
        return Sanction(
            imposed=False,
            reason=rng.choice(DECLINE_REASONS),
            recorded_by=rec.issued_by,
            recorded_at=decree_at,
        )
    rec.status = RecStatus.SANCTIONED
    choices = options.get(rec.recommended_sanction) or [""]
    return Sanction(
        imposed=True,
        decree_number=f"800.1.6/{rng.randint(100, 999)}/BKPSDM/{decree_at.year}",
        decree_date=timezone.localdate(decree_at),
        sanction=rec.recommended_sanction,
        option=rng.choice(choices),
        recorded_by=rec.issued_by,
        recorded_at=decree_at,
    )


def _criminal(
    rec: Recommendation, rng: random.Random, kind: str, closed: bool
) -> list[CriminalStep]:
    """Walk the criminal path a random number of stages; end it where it may end."""
    order = ["forwarding"]
    while criminal.STAGES[order[-1]].next and (closed or rng.random() < 0.7):
        order.append(criminal.STAGES[order[-1]].next[0])
        if criminal.STAGES[order[-1]].may_end and rng.random() < 0.35:
            break
    at = rec.issued_at
    steps = []
    for stage in order:
        step = CriminalStep(stage=stage, started_at=at, recorded_by=rec.issued_by)
        at = at + datetime.timedelta(days=rng.randint(1, 10))
        step.completed_at = at
        steps.append(step)
    rec.criminal_stage = order[-1]
    ends = criminal.STAGES[order[-1]].may_end and (closed or rng.random() < 0.6)
    if ends:
        rec.status, rec.ended_at = RecStatus.CONCLUDED, at
        rec.response = rng.choice(CRIMINAL_OUTCOMES)
        steps[-1].note = rec.response
    else:
        rec.status = RecStatus.IN_PROGRESS
        steps[-1].completed_at = None
    return steps
