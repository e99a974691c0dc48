"""Synthetic appeals (imbauan) for the demo data set (``netral.demo.data``): at every risk
stage of Pilkada 2024 whose appeal date the demo clock has reached, from Bawaslu RI, provincial
and regency/city offices, with realistic answers from the regional governments.

Each appeal is a real official letter (``documents.document_issue``: numbered in the office's
series, PDF rendered by the task worker, QR-verifiable); the rows around it are inserted in
bulk without the services' audit entries (they are synthetic). Appeals are planned a week or
two before the stage they are for (``ISSUE_WINDOWS``); one whose date lies after the demo's
today is not issued yet, so with the default day (2024-11-10) there are appeals for the
nomination and campaign stages only.

Answers: each addressee region has a propensity (a few regions are habitually silent), so
about 70% of the addressees past the deadline acknowledged and about 45% reported a follow-up
(circular letters and briefings), some after the deadline; reminders are recorded as the
daily reminder run would have sent them. Kota Bekasi (32.75) and Jawa Barat (32) always
issue, and the Kota Bekasi office's latest appeal still waits for the city's acknowledgement
(for the PPK demo account). Demo appeals are told apart by their ``public_id``, which starts
with ``de4a0de0``.
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from netral.accounts.models import User
from netral.common import blobs, clock
from netral.demo.plan import PILKADA_CYCLE, person_name
from netral.documents.kinds import Subject
from netral.documents.models import IssuedDocument
from netral.documents.services import document_issue, office_name, office_tz
from netral.elections.models import Election, Stage
from netral.prevention.appeals import CLOSING, addressee_for, appeal_due, template_get
from netral.prevention.document_kinds import APPEAL_LETTER
from netral.prevention.models import Appeal, AppealFollowUp, AppealRecipient
from netral.regions.models import Region
from netral.rules.selectors import rulebook_get

ID_LOW = uuid.UUID("de4a0de0-0000-0000-0000-000000000000")
ID_HIGH = uuid.UUID("de4a0de0-ffff-ffff-ffff-ffffffffffff")
JAKARTA = ZoneInfo("Asia/Jakarta")

# Template code -> (first, last) day an office issues it (a week or two before the stage).
ISSUE_WINDOWS: dict[str, tuple[datetime.date, datetime.date]] = {
    "pre_determination": (datetime.date(2024, 8, 12), datetime.date(2024, 8, 23)),
    "campaign": (datetime.date(2024, 9, 16), datetime.date(2024, 9, 27)),
    "quiet_period": (datetime.date(2024, 11, 18), datetime.date(2024, 11, 22)),
    "voting_counting": (datetime.date(2024, 11, 20), datetime.date(2024, 11, 25)),
}
ALWAYS_PROVINCES = ("32",)  # Jawa Barat
ALWAYS_REGENCIES = ("32.75",)  # Kota Bekasi
PROVINCES = 10  # provincial offices issuing, Jawa Barat among them
REGENCIES = 40  # regency/city offices issuing, Kota Bekasi among them
# The regional governments of the seeds' story answer (the Pj Walikota Bekasi committed).
DILIGENT = frozenset({*ALWAYS_PROVINCES, *ALWAYS_REGENCIES})
RI_PROVINCES = 3  # provinces Bawaslu RI addresses itself (governor and every regency/city)

# A region's chance of acknowledging, by its habit; and of following up once acknowledged.
SILENT_SHARE = 0.15
ACK_DILIGENT, ACK_SILENT = 0.84, 0.12
FOLLOW_UP_GIVEN_ACK = 0.64
LATE_SHARE = 0.2  # of the answers, those after the deadline
POSITIONS = (
    "Sekretaris Daerah",
    "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Asisten Pemerintahan dan Kesejahteraan Rakyat",
    "Kepala Badan Kesatuan Bangsa dan Politik",
    "Inspektur Daerah",
)
CIRCULAR_NUMBER = "{code}/{n}/{unit}/{year}"
UNITS = ("BKPSDM", "Setda", "Kesbangpol", "BKD", "Inspektorat")
BRIEFING_NOTES = (
    "Apel pagi bersama seluruh perangkat daerah.",
    "Sosialisasi netralitas ASN di aula kantor bupati/wali kota.",
    "Rapat koordinasi dengan kepala perangkat daerah, camat dan lurah.",
    "Sosialisasi daring untuk ASN di kecamatan.",
)


@dataclass(frozen=True)
class PlannedAppeal:
    office: Region | None  # None: Bawaslu RI
    election: Election
    template_code: str
    recipients: tuple[Region, ...]
    issued_at: datetime.datetime
    waiting: bool = False  # left unanswered, for the PPK demo account to acknowledge


def _public_id(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=(ID_LOW.int | rng.getrandbits(96)))


def _working_day(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    days = [
        first + datetime.timedelta(days=n)
        for n in range((last - first).days + 1)
        if (first + datetime.timedelta(days=n)).weekday() < 5
    ]
    return rng.choice(days)


def _at(
    day: datetime.date, tz: ZoneInfo, rng: random.Random, hours: tuple[int, int]
) -> datetime.datetime:
    minute = rng.randrange(hours[0] * 60, hours[1] * 60)
    return datetime.datetime.combine(day, datetime.time(minute // 60, minute % 60), tzinfo=tz)


def _addressees(province: Region, children: dict[str, list[Region]]) -> tuple[Region, ...]:
    return (province, *children.get(province.code, []))


def _plan(rng: random.Random, now: datetime.datetime) -> list[PlannedAppeal]:
    elections = list(
        Election.objects.filter(cycle__code=PILKADA_CYCLE, region__isnull=False)
        .select_related("region")
        .order_by("region_id", "pk")
    )
    by_region = {e.region_id: e for e in elections if e.region_id}
    governors = sorted(
        (e.region for e in elections if e.office == Election.Office.GUBERNUR and e.region),
        key=lambda r: r.code,
    )
    heads = sorted(
        (
            e.region
            for e in elections
            if e.office != Election.Office.GUBERNUR and e.region and not e.region.is_administrative
        ),
        key=lambda r: r.code,
    )
    children: dict[str, list[Region]] = {}
    for region in Region.objects.filter(level=Region.Level.REGENCY).order_by("code"):
        if not region.is_administrative and region.parent_id:
            children.setdefault(region.parent_id, []).append(region)
    if not governors or not heads:
        return []

    def pick(pool: list[Region], always: Sequence[str], total: int) -> list[Region]:
        fixed = [r for r in pool if r.code in always]
        rest = [r for r in pool if r.code not in always]
        return sorted(
            fixed + rng.sample(rest, min(total - len(fixed), len(rest))), key=lambda r: r.code
        )

    provinces = pick(governors, ALWAYS_PROVINCES, PROVINCES)
    regencies = pick(heads, ALWAYS_REGENCIES, REGENCIES)
    national = pick(governors, (), RI_PROVINCES)
    planned: list[PlannedAppeal] = []
    for template_code, (first, last) in ISSUE_WINDOWS.items():
        for province in national:
            planned.append(
                PlannedAppeal(
                    office=None,
                    election=by_region[province.code],
                    template_code=template_code,
                    recipients=_addressees(province, children),
                    issued_at=_at(_working_day(rng, first, last), JAKARTA, rng, (9, 16)),
                )
            )
        for province in provinces:
            tz = office_tz(province)
            planned.append(
                PlannedAppeal(
                    office=province,
                    election=by_region[province.code],
                    template_code=template_code,
                    recipients=_addressees(province, children),
                    issued_at=_at(_working_day(rng, first, last), tz, rng, (9, 16)),
                )
            )
        for regency in regencies:
            tz = office_tz(regency)
            planned.append(
                PlannedAppeal(
                    office=regency,
                    election=by_region[regency.code],
                    template_code=template_code,
                    recipients=(regency,),
                    issued_at=_at(_working_day(rng, first, last), tz, rng, (8, 16)),
                )
            )
    planned.extend(_bekasi_pending(rng, now, by_region))
    return [p for p in planned if p.issued_at <= now]


def _bekasi_pending(
    rng: random.Random, now: datetime.datetime, by_region: dict[str, Election]
) -> list[PlannedAppeal]:
    """A second campaign appeal of the Kota Bekasi office, issued the working day before the
    demo's today while the campaign runs: still waiting for the city's acknowledgement."""
    election = by_region.get("32.75")
    if election is None or election.region is None:
        return []
    today = timezone.localdate(now)
    day = today - datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    campaign = Stage.objects.filter(cycle__code=PILKADA_CYCLE, code="kampanye").first()
    if campaign is None or not (campaign.start < day <= campaign.end):
        return []
    return [
        PlannedAppeal(
            office=election.region,
            election=election,
            template_code="campaign",
            recipients=(election.region,),
            issued_at=_at(day, office_tz(election.region), rng, (9, 12)),
            waiting=True,
        )
    ]


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def _stage(
    template_stages: Sequence[str], stages: dict[str, Stage], day: datetime.date
) -> Stage | None:
    known = [stages[c] for c in template_stages if c in stages]
    return next((s for s in known if s.end >= day), known[-1] if known else None)


def _letter(
    appeal: Appeal, recipients: Sequence[Region]
) -> tuple[list[tuple[str, str]], list[str]]:
    tz = office_tz(appeal.office_region)
    names = [addressee_for(r) for r in recipients]
    shown = "; ".join(names[:12]) + (f"; dan {len(names) - 12} lainnya" if len(names) > 12 else "")
    assert appeal.acknowledge_due_at is not None and appeal.follow_up_due_at is not None
    lines = [
        ("Perihal", appeal.subject),
        ("Kepada", shown),
        ("Pemilihan", appeal.election.name),
        (
            "Tanggal imbauan",
            f"{appeal.issued_at.astimezone(tz):%d-%m-%Y}" if appeal.issued_at else "-",
        ),
        (
            "Konfirmasi penerimaan paling lambat",
            f"{appeal.acknowledge_due_at.astimezone(tz):%d-%m-%Y}",
        ),
        (
            "Laporan tindak lanjut paling lambat",
            f"{appeal.follow_up_due_at.astimezone(tz):%d-%m-%Y}",
        ),
    ]
    basis = "Dasar hukum: " + "; ".join(appeal.legal_basis.splitlines()) + "."
    paragraphs = [*[p for p in appeal.body.split("\n\n") if p.strip()], basis, CLOSING]
    return lines, paragraphs


def _answer(
    rng: random.Random,
    recipient: AppealRecipient,
    appeal: Appeal,
    diligent: bool,
    now: datetime.datetime,
    author: User,
) -> list[AppealFollowUp]:
    """Fill in the addressee's acknowledgement and follow-ups as they happened by ``now``;
    returns the follow-ups to insert."""
    assert appeal.issued_at and appeal.acknowledge_due_at and appeal.follow_up_due_at
    issued, ack_due, follow_due = (
        appeal.issued_at,
        appeal.acknowledge_due_at,
        appeal.follow_up_due_at,
    )
    recipient.emailed_at = issued + datetime.timedelta(minutes=rng.randrange(2, 20))
    follow_ups: list[AppealFollowUp] = []
    if rng.random() < (ACK_DILIGENT if diligent else ACK_SILENT):
        if rng.random() < LATE_SHARE:
            acked = ack_due + datetime.timedelta(hours=rng.randrange(12, 24 * 7))
        else:
            acked = issued + (ack_due - issued) * rng.uniform(0.05, 0.95)
        if acked <= now:
            female = rng.random() < 0.4
            recipient.acknowledged_at = acked
            recipient.acknowledger_name = person_name(rng, female=female, titled=True)
            recipient.acknowledger_position = f"{rng.choice(POSITIONS)} {recipient.region.name}"
            if rng.random() < FOLLOW_UP_GIVEN_ACK:
                follow_ups = _follow_ups(rng, recipient, acked, follow_due, now, author)
    _reminders(recipient, appeal, now)
    return follow_ups


def _follow_ups(
    rng: random.Random,
    recipient: AppealRecipient,
    acked: datetime.datetime,
    follow_due: datetime.datetime,
    now: datetime.datetime,
    author: User,
) -> list[AppealFollowUp]:
    if rng.random() < LATE_SHARE:
        first = follow_due + datetime.timedelta(hours=rng.randrange(12, 24 * 10))
    else:
        first = acked + (follow_due - acked) * rng.uniform(0.1, 0.95)
    if first > now:
        return []
    tz = ZoneInfo(recipient.region.tzinfo_name)
    recipient.followed_up_at = first
    kinds = [AppealFollowUp.Kind.CIRCULAR] if rng.random() < 0.8 else []
    if not kinds or rng.random() < 0.5:
        kinds.append(AppealFollowUp.Kind.BRIEFING)
    rows = []
    province = recipient.region.level == Region.Level.PROVINCE
    for n, kind in enumerate(kinds):
        at = first + datetime.timedelta(days=2 * n)
        if at > now:
            break
        circular = kind == AppealFollowUp.Kind.CIRCULAR
        rows.append(
            AppealFollowUp(
                recipient=recipient,
                kind=kind,
                number=CIRCULAR_NUMBER.format(
                    code=rng.choice(("800.1.4", "800", "000.1.6", "200.1.4")),
                    n=rng.randrange(100, 9999),
                    unit=rng.choice(UNITS),
                    year=at.year,
                )
                if circular
                else "",
                date=at.astimezone(tz).date(),
                asn_reached=None
                if circular
                else rng.randrange(800, 6000)
                if province
                else rng.randrange(60, 1500),
                note="" if circular else rng.choice(BRIEFING_NOTES),
                recorded_by=author,
                recorded_at=at + datetime.timedelta(hours=rng.randrange(1, 6)),
            )
        )
    return rows


def _reminders(recipient: AppealRecipient, appeal: Appeal, now: datetime.datetime) -> None:
    """The daily reminders (``prevention.appeals_reminders``) the row would have had: one a
    day at 08:00 (Jakarta) from the first missed deadline until it was answered, or today."""
    assert appeal.acknowledge_due_at and appeal.follow_up_due_at
    missed = []
    if recipient.acknowledged_at is None or recipient.acknowledged_at > appeal.acknowledge_due_at:
        missed.append((appeal.acknowledge_due_at, recipient.acknowledged_at))
    if recipient.followed_up_at is None or recipient.followed_up_at > appeal.follow_up_due_at:
        missed.append((appeal.follow_up_due_at, recipient.followed_up_at))
    days: set[datetime.date] = set()
    for due, answered in missed:
        end = min(answered or now, now)
        day = due.astimezone(JAKARTA).date() + datetime.timedelta(days=1)
        while datetime.datetime.combine(day, datetime.time(8), tzinfo=JAKARTA) <= end:
            days.add(day)
            day += datetime.timedelta(days=1)
    if days:
        recipient.reminders_sent = min(len(days), 32767)
        recipient.last_reminded_at = datetime.datetime.combine(
            max(days), datetime.time(8), tzinfo=JAKARTA
        )


def demo_appeals_load(*, seed: int = 2024, author: User) -> int:
    """Issue the demo appeals that the demo clock has reached (deterministic with ``seed``)
    with their answers; returns how many. ``author`` is the synthetic issuer (an inactive
    account: it records, it cannot sign in)."""
    rng = random.Random(f"appeals-{seed}")  # noqa: S311 - reproducible demo data, not security
    now = clock.now()
    planned = _plan(rng, now)
    if not planned:
        return 0
    rules = rulebook_get()
    stages = {s.code: s for s in Stage.objects.filter(cycle__code=PILKADA_CYCLE)}
    diligent: dict[str, bool] = {}
    appeals: list[Appeal] = []
    for plan in planned:
        template = template_get(plan.template_code)
        tz = office_tz(plan.office)
        stage = _stage(template.stages, stages, plan.issued_at.astimezone(tz).date())
        values = {
            "addressee": addressee_for(plan.recipients[0])
            if len(plan.recipients) == 1
            else "Bapak/Ibu Kepala Daerah",
            "election": plan.election.name,
            "office": office_name(plan.office),
            "stage": stage.name if stage else plan.template_code,
        }
        appeals.append(
            Appeal(
                public_id=_public_id(rng),
                office_region=plan.office,
                election=plan.election,
                template_code=template.code,
                stage_code=stage.code if stage else template.stages[0],
                subject=_fill(template.subject, values)[:300],
                body=_fill(template.body, values),
                legal_basis="\n".join(template.legal_basis),
                status=Appeal.Status.ISSUED,
                created_by=author,
                created_at=plan.issued_at - datetime.timedelta(hours=rng.randrange(2, 72)),
                issued_by=author,
                issued_at=plan.issued_at,
                acknowledge_due_at=appeal_due(
                    start=plan.issued_at, deadline=rules.appeals.acknowledge, tz=tz
                ),
                follow_up_due_at=appeal_due(
                    start=plan.issued_at, deadline=rules.appeals.follow_up, tz=tz
                ),
                rulebook_version=rules.version,
            )
        )
    Appeal.objects.bulk_create(appeals)
    recipients: list[AppealRecipient] = []
    follow_ups: list[AppealFollowUp] = []
    for appeal, plan in zip(appeals, planned, strict=True):
        lines, paragraphs = _letter(appeal, plan.recipients)
        appeal.document = document_issue(
            kind=APPEAL_LETTER,
            title=appeal.subject,
            office_region=appeal.office_region,
            lines=lines,
            paragraphs=paragraphs,
            issued_by=author,
            subject=Subject.of("appeal", appeal.pk),
            signatory=f"Ketua {office_name(appeal.office_region)}",
            issued_at=appeal.issued_at,
        )
        for region in plan.recipients:
            habit = diligent.setdefault(
                region.code, region.code in DILIGENT or rng.random() >= SILENT_SHARE
            )
            recipient = AppealRecipient(
                appeal=appeal, region=region, addressee=addressee_for(region)
            )
            if plan.waiting:
                recipient.emailed_at = plan.issued_at + datetime.timedelta(minutes=5)
            else:
                follow_ups.extend(_answer(rng, recipient, appeal, habit, now, author))
            recipients.append(recipient)
    Appeal.objects.bulk_update(appeals, ["document"], batch_size=500)
    AppealRecipient.objects.bulk_create(recipients, batch_size=500)
    AppealFollowUp.objects.bulk_create(follow_ups, batch_size=500)
    return len(appeals)


def demo_appeals() -> QuerySet[Appeal]:
    return Appeal.objects.filter(public_id__range=(ID_LOW, ID_HIGH))


@dataclass(frozen=True)
class AppealRates:
    appeals: int
    recipients: int
    acknowledged: int
    followed_up: int
    silent_overdue: int  # past the acknowledgement deadline with no answer at all

    def share(self, part: int) -> float:
        return round(100 * part / self.recipients, 1) if self.recipients else 0.0


def demo_appeal_rates(*, now: datetime.datetime | None = None) -> AppealRates:
    """The answers to the demo appeals, for the tour and its tests."""
    now = now or clock.now()
    rows = AppealRecipient.objects.filter(appeal__in=demo_appeals()).values_list(
        "acknowledged_at", "followed_up_at", "appeal__acknowledge_due_at"
    )
    counted = Counter[str]()
    for acked, followed, due in rows:
        counted["all"] += 1
        counted["ack"] += acked is not None
        counted["follow"] += followed is not None
        counted["silent"] += acked is None and followed is None and due is not None and due < now
    return AppealRates(
        appeals=demo_appeals().count(),
        recipients=counted["all"],
        acknowledged=counted["ack"],
        followed_up=counted["follow"],
        silent_overdue=counted["silent"],
    )


def demo_appeals_delete() -> int:
    """Delete the demo appeals with their rows and their letters (the PDFs once committed)."""
    appeals = demo_appeals()
    documents = IssuedDocument.objects.filter(
        pk__in=list(appeals.values_list("document_id", flat=True))
    )
    paths = [p for p in documents.values_list("path", flat=True) if p]
    count = appeals.count()
    appeals.delete()
    documents.delete()
    if paths:
        transaction.on_commit(lambda: blobs.delete(paths))
    return count
