"""The plan of the demo data set: every row, unsaved, from one seed (``demo_data`` loads it).

Demo data is synthetic: invented names, no audit trail (see ``demo_data``).

What makes it realistic, and where each figure comes from (``../shared/domain.md``):

- violation types: the five most frequent kinds of Pilkada 2020 (Bawaslu, Nov 2020: 30.4,
  22.4, 12.6, 10.9, 5.6 percent; ``share_2020`` in the rulebook) exactly, by largest
  remainder; the other 18.1 percent spread over the rest of the taxonomy by a guess;
- position classes: KASN, Jun 2020 (senior executives 36, functional 17, administrators 13,
  staff 12, camat/lurah 7 percent), the rest village officials and others;
- regions: every Pilkada 2024 election gets reports, more where the 2020 seeds counted most
  (Sulawesi Tenggara, NTB, Jawa Tengah, Sulawesi Selatan, Jawa Timur; Purbalingga, Wakatobi,
  Kediri);
- dates along the PKPU 2/2024 stages (nomination, campaign, quiet period, voting, recap);
- cases at every step of the workflow, each step one function in ``demo_steps``.

Same seed, same rows: every choice comes from one ``random.Random(seed)``.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import random
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from netral.cases.models import Case, Status
from netral.cases.routing import effective_receipt, office_region_for
from netral.cases.services import case_handling_due
from netral.cases.workflow import OPEN_FOR_HANDLING
from netral.common import clock
from netral.demo import names as words
from netral.demo.steps import (
    NOT_REGISTERED_PATH,
    NOT_REGISTERED_PATH_SHARE,
    STATUS_STEPS,
    Context,
)
from netral.elections.models import Election, Stage
from netral.regions.models import Region
from netral.reports.models import Report, Reporter
from netral.reports.subjects import PositionClass, agency_type_infer
from netral.rules.selectors import (
    office_hours_get,
    reporting_window_open,
    requirement_list,
    violation_type_list,
)

PILKADA_CYCLE = "pilkada-2024"
DIGEST_PREFIX = "demo-"
DEMO_FLAG = "demo"  # a key in Case.checklist: every demo case carries it
TRACKING_FLAG = "demo_tracking"  # and the cases of the tracking reports this one too
TRACKING_REGION = "32.75"  # Kota Bekasi, where the demo accounts work
TRACKING_STATUSES = (Status.CLARIFICATION, Status.ANNOUNCED, Status.CLOSED)

# Percent of all reports. The rest of the 100 percent not named by a seed is a guess.
POSITION_SHARES: dict[str, float] = {
    PositionClass.SENIOR_EXECUTIVE: 36,
    PositionClass.FUNCTIONAL: 17,
    PositionClass.ADMINISTRATOR: 13,
    PositionClass.STAFF: 12,
    PositionClass.CAMAT_LURAH: 7,
    PositionClass.VILLAGE: 8,
    PositionClass.OTHER: 7,
}
# Violation types without a 2020 share: weights for the remaining percent, each kept below
# the fifth seed (5.6) so the seeds stay the five most frequent.
OTHER_TYPE_WEIGHTS: dict[str, float] = {
    "alat_peraga_calon": 4.0,
    "interaksi_akun_calon": 3.5,
    "ikut_kampanye": 2.0,
    "kampanye_atribut": 1.5,
    "keputusan_menguntungkan_calon": 1.5,
    "fasilitas_negara": 1.2,
    "mengerahkan_pns": 1.0,
    "tim_kampanye_setelah_penetapan": 1.0,
    "surat_dukungan_ktp": 0.6,
    "pengumpulan_ktp_perseorangan": 0.5,
    "anggota_parpol": 0.4,
    "lainnya_satgas": 0.4,
    "tim_kampanye_sebelum_penetapan": 0.3,
    "pelibatan_asn_kampanye": 0.2,
}
STATUS_SHARES: dict[str, float] = {
    Status.RECEIVED: 4,
    Status.INCOMPLETE: 3,
    Status.REGISTERED: 4,
    Status.NOT_REGISTERED: 12,
    Status.CLARIFICATION: 5,
    Status.STUDY: 6,
    Status.DECIDED: 8,
    Status.ANNOUNCED: 18,
    Status.CLOSED: 37,
    Status.MERGED: 3,
}
# Cases per province and regency counted by 30 Sep 2020 (KASN); added to the base weight of
# one per election (two for a governor election) times SEED_WEIGHT.
PROVINCE_SEED_CASES = {"74": 90, "52": 83, "33": 74, "73": 49, "35": 42}
REGENCY_SEED_CASES = {"33.03": 56, "74.07": 34, "35.06": 21}
SEED_WEIGHT = 0.4
# When reports arrive: windows between stage boundaries of the cycle, and their shares.
WINDOW_SHARES: tuple[tuple[str, float], ...] = (
    ("pencalonan", 10),
    ("kampanye", 72),
    ("masa_tenang", 7),
    ("pemungutan", 4),
    ("rekapitulasi", 7),
)
# Demo clock: finished cases arrived at least this long ago (a closed one went through
# decision, announcement and closing, up to about three weeks), open ones in the last days.
SETTLED_AGO = datetime.timedelta(days=25)
RECENT = "recent"
RECENT_DAYS = datetime.timedelta(days=3)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class DemoRow:
    report: Report
    case: Case
    reporter: Reporter | None
    tracking: bool = False
    merge_into: Case | None = None


# --- Pure helpers --------------------------------------------------------------------------


def largest_remainder(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Whole counts summing to ``total`` in proportion to ``weights`` (Hamilton's method):
    each share rounded down, the leftover units to the largest remainders (ties: key order)."""
    keys = list(weights)
    whole = sum(weights.values())
    exact = {k: total * weights[k] / whole for k in keys}
    counts = {k: int(exact[k]) for k in keys}
    left = total - sum(counts.values())
    for k in sorted(keys, key=lambda k: (-(exact[k] - counts[k]), keys.index(k)))[:left]:
        counts[k] += 1
    return counts


def shuffled_labels(counts: Mapping[str, int], rng: random.Random) -> list[str]:
    labels = [k for k, n in counts.items() for _ in range(n)]
    rng.shuffle(labels)
    return labels


def violation_type_shares() -> dict[str, float]:
    """Percent per violation type: the 2020 seeds as they are, the rest by the weights."""
    types = violation_type_list()
    seeded = {vt.code: vt.share_2020 for vt in types if vt.share_2020 is not None}
    others = {
        vt.code: OTHER_TYPE_WEIGHTS.get(vt.code, 0.2) for vt in types if vt.code not in seeded
    }
    rest = 100 - sum(seeded.values())
    scale = rest / sum(others.values())
    return {**seeded, **{code: w * scale for code, w in others.items()}}


def election_weights(elections: Sequence[Election]) -> dict[str, float]:
    """Expected share of reports per election (keyed ``region:office``)."""
    per_province = Counter(e.region.province_code for e in elections if e.region is not None)
    weights = {}
    for e in elections:
        assert e.region is not None
        province = e.region.province_code
        base = 2.0 if e.office == Election.Office.GUBERNUR else 1.0
        bonus = PROVINCE_SEED_CASES.get(province, 0) * SEED_WEIGHT / per_province[province]
        bonus += REGENCY_SEED_CASES.get(e.region.code, 0) * SEED_WEIGHT
        weights[election_key(e)] = base + bonus
    return weights


def election_key(election: Election) -> str:
    return f"{election.region_id}:{election.office}"


def report_allocation(elections: Sequence[Election], total: int) -> dict[str, int]:
    """Reports per election by weight; when there are enough, an election left without any
    takes one from the election with the most (ties: the first in order)."""
    counts = largest_remainder(total, election_weights(elections))
    if total >= 2 * len(elections):
        for key in [k for k, n in counts.items() if n == 0]:
            richest = max(counts, key=lambda k: counts[k])
            counts[richest] -= 1
            counts[key] = 1
    return counts


def nip_make(rng: random.Random, *, female: bool) -> str:
    """An 18-digit NIP of the official shape (birth date, appointment, sex, sequence)."""
    birth = datetime.date(1965, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 30))
    appointed = min(birth.year + rng.randint(22, 30), 2023)
    sex = "2" if female else "1"
    return f"{birth:%Y%m%d}{appointed}{rng.randint(1, 12):02d}{sex}{rng.randint(1, 999):03d}"


def nik_make(rng: random.Random, *, region_code: str, female: bool) -> str:
    """A 16-digit NIK of the official shape for a resident of ``region_code``."""
    birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 40))
    day = birth.day + (40 if female else 0)
    area = region_code.replace(".", "")[:4].ljust(4, "1")
    return f"{area}{rng.randint(1, 30):02d}{day:02d}{birth:%m%y}{rng.randint(1, 9999):04d}"


def person_name(rng: random.Random, *, female: bool, titled: bool) -> str:
    given = rng.choice(words.GIVEN_FEMALE if female else words.GIVEN_MALE)
    second = rng.choice(words.FAMILY)
    name = f"{given} {second}"
    if titled and rng.random() < 0.6:
        name = f"{name}, {rng.choice(words.DEGREES_AFTER)}"
    elif titled and rng.random() < 0.3:
        name = f"{rng.choice(words.DEGREES_BEFORE)} {name}"
    return name


def place_name(rng: random.Random) -> str:
    first, second = rng.choice(words.PLACE_FIRST), rng.choice(words.PLACE_SECOND)
    return f"{first}{second}" if second.islower() else f"{first} {second}"


def register_number(*, number: int, case: Case, at: datetime.datetime) -> str:
    """The register number, in the format of ``cases.services`` (Pilkada: PK)."""
    kind = "TM" if case.origin == Report.Kind.TEMUAN else "LP"
    return f"{number:03d}/Reg/{kind}/PK/{case.office_region_id}/{ROMAN[at.month - 1]}/{at.year}"


# --- Planning -------------------------------------------------------------------------------


def context_load() -> Context:
    elections = list(
        Election.objects.filter(cycle__code=PILKADA_CYCLE)
        .select_related("cycle", "region")
        .order_by("region_id", "office")
    )
    if not elections:
        raise RuntimeError("Load the elections first (manage.py load_elections).")
    regencies: dict[str, list[Region]] = {}
    for regency in Region.objects.filter(level=Region.Level.REGENCY).order_by("code"):
        regencies.setdefault(regency.parent_id or "", []).append(regency)
    stages = list(Stage.objects.filter(cycle__code=PILKADA_CYCLE).order_by("order"))
    by_code = {s.code: s for s in stages}
    day = datetime.timedelta(days=1)
    stage_windows = {
        "pencalonan": (by_code["pendaftaran"].start, by_code["kampanye"].start - day),
        "kampanye": (by_code["kampanye"].start, by_code["kampanye"].end),
        "masa_tenang": (by_code["masa_tenang"].start, by_code["masa_tenang"].end),
        "pemungutan": (by_code["pemungutan"].start, by_code["pemungutan"].end),
        "rekapitulasi": (by_code["pemungutan"].end + day, by_code["rekapitulasi"].end),
    }
    # Relative to the demo clock: finished cases were received long enough ago for their
    # steps to be over; cases still in hand arrived in the last days (their deadlines run).
    today = clock.today()
    settled = today - SETTLED_AGO
    windows = {
        name: (start, min(end, settled))
        for name, (start, end) in stage_windows.items()
        if start <= settled
    }
    # Up to yesterday: the plan depends on the demo date only, never on the time of day.
    windows[RECENT] = (today - RECENT_DAYS, today - datetime.timedelta(days=1))
    return Context(
        elections=elections,
        regencies=regencies,
        windows=windows,
        stages=stages,
        hours=office_hours_get(),
        formal_codes=[r.code for r in requirement_list(kind="formal")],
        criminal_types=frozenset(vt.code for vt in violation_type_list() if vt.criminal_articles),
        type_shares=violation_type_shares(),
    )


def _stage_on(ctx: Context, day: datetime.date) -> str | None:
    running = [s for s in ctx.stages if s.start <= day <= s.end]
    return max(running, key=lambda s: (s.start, s.order)).code if running else None


# Few distinct (known, on) pairs: the holiday-aware check is worth caching for thousands.
_window_open = functools.cache(reporting_window_open)


def _dates(
    rng: random.Random, ctx: Context, window: str, tz: ZoneInfo, *, staff: bool
) -> tuple[datetime.datetime, datetime.date, datetime.date]:
    """Submission moment, event date and known date of one report."""
    start, end = ctx.windows[window]
    span = (end - start).days
    # Campaign reports pick up towards its end (the weight grows with the day).
    offset = int(span * rng.random() ** 0.7) if window == "kampanye" else rng.randint(0, span)
    day = start + datetime.timedelta(days=offset)
    hour = rng.randint(7, 20) if staff else rng.choice((8, 9, 10, 11, 13, 14, 15, 19))
    local = datetime.datetime.combine(day, datetime.time(hour, rng.randint(0, 59)), tzinfo=tz)
    late = not staff and rng.random() < 0.03
    known = day - datetime.timedelta(days=rng.randint(8, 11) if late else rng.randint(0, 3))
    event = known - datetime.timedelta(days=rng.randint(0, 2))
    return local.astimezone(datetime.UTC), event, known


def _subject(
    rng: random.Random, position_class: str, gov: str, province_gov: str | None
) -> tuple[str, str, str, str]:
    """Name, NIP, agency and position of the reported person."""
    female = rng.random() < 0.35
    name = person_name(rng, female=female, titled=position_class != PositionClass.OTHER)
    place = place_name(rng)
    position, agency = rng.choice(words.ROLES[position_class])
    regional = position_class not in (PositionClass.CAMAT_LURAH, PositionClass.VILLAGE)
    if province_gov and regional and rng.random() < 0.5:
        gov = province_gov
    position = position.format(n=rng.randint(1, 12), place=place)
    agency = agency.format(gov=gov, place=place)
    asn = position_class not in (PositionClass.VILLAGE, PositionClass.OTHER)
    nip = nip_make(rng, female=female) if asn and rng.random() < 0.7 else ""
    return name, nip, agency, position


def _reporter(rng: random.Random, region: Region) -> Reporter:
    female = rng.random() < 0.4
    name = person_name(rng, female=female, titled=False)
    first = name.split()[0].lower()
    return Reporter(
        name=name,
        nik=nik_make(rng, region_code=region.code, female=female),
        address=f"Jl. {place_name(rng)} No. {rng.randint(1, 120)}, {region.name}",
        phone=f"08{rng.randint(11, 99)}{rng.randint(10_000_000, 99_999_999)}",
        email=f"{first}{rng.randint(1, 999)}@surel.example" if rng.random() < 0.5 else "",
    )


def _kind(rng: random.Random, status: str) -> str:
    if status in (Status.RECEIVED, Status.NOT_REGISTERED) and rng.random() < 0.3:
        return Report.Kind.INFORMASI
    return Report.Kind.LAPORAN if rng.random() < 0.6 else Report.Kind.TEMUAN


def demo_plan(*, ctx: Context, seed: int, total: int) -> list[DemoRow]:
    """Every demo row, unsaved: reports, their cases (at their final status) and reporters.

    Pure apart from reading ``ctx``: the same ``ctx``, ``seed`` and ``total`` give the same
    rows. ``total - len(TRACKING_STATUSES)`` are bulk rows; the rest are marked ``tracking``.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    by_key = {election_key(e): e for e in ctx.elections}
    allocation = report_allocation(ctx.elections, total)
    slots = shuffled_labels(allocation, rng)
    types = shuffled_labels(largest_remainder(total, ctx.type_shares), rng)
    positions = shuffled_labels(largest_remainder(total, POSITION_SHARES), rng)
    statuses = shuffled_labels(largest_remainder(total, STATUS_SHARES), rng)
    shares = {name: share for name, share in WINDOW_SHARES if name in ctx.windows}
    windows = shuffled_labels(largest_remainder(total, shares or {RECENT: 1}), rng)
    tracking = _tracking_indexes(statuses, slots, allocation)
    bekasi = next(k for k in by_key if k.startswith(f"{TRACKING_REGION}:"))
    rows = []
    for i in range(total):
        election = by_key[bekasi if i in tracking else slots[i]]
        row = _row(rng, ctx, i, seed, election, types[i], positions[i], statuses[i], windows[i])
        if i in tracking:  # submitted through the real intake: an identified laporan
            row.tracking = True
            row.report.kind = row.case.origin = Report.Kind.LAPORAN
            row.reporter = row.reporter or _reporter(rng, row.report.region)
        rows.append(row)
    _link_merged(rows, rng)
    _repeat_offenders(rows, seed)
    return rows


# Share of reported civil servants who are reported again in a later case of the same region
# (KASN: ASN the PPK did not sanction "tend to violate again and again"; the share is the
# demo's own choice, not a statistic).
REPEAT_SHARE = 0.04
SUBJECT_FIELDS = (
    "reported_name",
    "reported_nip",
    "agency",
    "position",
    "position_class",
    "agency_type",
)


def _repeat_offenders(rows: Sequence[DemoRow], seed: int) -> None:
    """Make about ``REPEAT_SHARE`` of the reports with a NIP name someone an earlier report of
    the same region named, so the person record has repeat offenders to show. A separate
    random stream: the rest of the plan is the same with or without this step."""
    rng = random.Random(seed + 1)  # noqa: S311 - reproducible demo data, not security
    earlier: dict[str, list[Report]] = {}
    for row in sorted(rows, key=lambda r: r.report.submitted_at):
        report = row.report
        if not report.reported_nip or row.tracking or row.merge_into is not None:
            continue
        seen = earlier.setdefault(report.region_id, [])
        if seen and rng.random() < REPEAT_SHARE:
            first = rng.choice(seen)
            for name in SUBJECT_FIELDS:
                setattr(report, name, getattr(first, name))
        else:
            seen.append(report)


def _tracking_indexes(
    statuses: Sequence[str], slots: Sequence[str], allocation: Mapping[str, int]
) -> set[int]:
    """The first row of each tracking status whose election keeps other reports."""
    chosen = set()
    for status in TRACKING_STATUSES:
        for i, s in enumerate(statuses):
            if s == status and i not in chosen and allocation[slots[i]] > 1:
                chosen.add(i)
                break
    return chosen


def _row(
    rng: random.Random,
    ctx: Context,
    index: int,
    seed: int,
    election: Election,
    violation_type: str,
    position_class: str,
    status: str,
    window: str,
) -> DemoRow:
    region = election.region
    assert region is not None
    province_gov = None
    event_region = region
    if election.office == Election.Office.GUBERNUR:
        province_gov = f"Provinsi {region.name}"
        event_region = rng.choice(ctx.regencies[region.code])
    office = office_region_for(election=election, event_region=event_region)
    tz = ZoneInfo(office.tzinfo_name)
    kind = _kind(rng, status)
    staff = kind == Report.Kind.TEMUAN
    # Still in hand at the demo's now, or a duplicate merged early on: arrived lately.
    if status in OPEN_FOR_HANDLING or status == Status.MERGED:
        window = RECENT
    submitted, event, known = _dates(rng, ctx, window, tz, staff=staff)
    gov = event_region.name if event_region.level == Region.Level.REGENCY else province_gov
    name, nip, agency, position = _subject(rng, position_class, gov or region.name, province_gov)
    pair = rng.choice(words.CANDIDATE_NUMBERS)
    chronology = words.CHRONOLOGY.get(violation_type, words.CHRONOLOGY_DEFAULT).format(pair=pair)
    social = violation_type in ("kampanye_media_sosial", "interaksi_akun_calon")
    report = Report(
        public_id=uuid.UUID(int=rng.getrandbits(128), version=4),
        kind=kind,
        receipt_digest=demo_digest(seed=seed, index=index),
        submitted_at=submitted,
        channel="staff" if staff else "web",
        finding_source=(
            rng.choice(
                [
                    s
                    for s in Report.FindingSource.values
                    if s != Report.FindingSource.FROM_INFORMATION
                ]
            )
            if staff
            else ""
        ),
        region=event_region,
        election=election,
        location=f"{place_name(rng)}, {event_region.name}",
        reported_name=name,
        reported_nip=nip,
        agency=agency,
        position=position,
        position_class=position_class,
        agency_type=agency_type_infer(agency, position),
        violation_type=violation_type,
        chronology=chronology,
        event_date=event,
        known_date=known,
        candidate_pair=f"Pasangan calon nomor urut {pair}",
        links=[f"https://media-sosial.example/unggahan/{rng.randint(10**8, 10**9)}"]
        if social
        else [],
        late=not _window_open(kind="pilkada", known=known, on=submitted.astimezone(tz).date()),
    )
    case = _case(rng, ctx, report, office, status)
    reporter = _reporter(rng, event_region) if kind == Report.Kind.LAPORAN else None
    if reporter is not None:
        reporter.report = report
    return DemoRow(report=report, case=case, reporter=reporter)


def demo_digest(*, seed: int, index: int) -> str:
    """A unique stand-in for a receipt digest: not hex, so no receipt code hashes to it."""
    tail = hashlib.sha256(f"netral-demo:{seed}:{index}".encode()).hexdigest()
    return f"{DIGEST_PREFIX}{seed}-{index:07d}-{tail}"[:64]


def _case(rng: random.Random, ctx: Context, report: Report, office: Region, status: str) -> Case:
    tz = ZoneInfo(office.tzinfo_name)
    stage = _stage_on(ctx, report.submitted_at.astimezone(tz).date())
    case = Case(
        origin=report.kind,
        office_region=office,
        election=report.election,
        violation_type=report.violation_type,
        received_at=effective_receipt(at=report.submitted_at, tz=tz, hours=ctx.hours, stage=stage),
        checklist={DEMO_FLAG: True},
    )
    formal = report.kind in (Report.Kind.LAPORAN, Report.Kind.TEMUAN)
    case.due_at = case_handling_due(case) if formal else None
    steps = STATUS_STEPS[status]
    if status in NOT_REGISTERED_PATH and rng.random() < NOT_REGISTERED_PATH_SHARE:
        steps = NOT_REGISTERED_PATH[status]
    at = case.received_at
    for step in steps:
        at = step(case, at, rng, ctx)
    if status == Status.MERGED:
        case.status = Status.MERGED  # linked to its target by _link_merged
        case.finished_at = at
    return case


def _link_merged(rows: Sequence[DemoRow], rng: random.Random) -> None:
    """A merged case hands its report to another case of the same office and election; with
    none to merge into, it stays received."""
    targets: dict[tuple[str, int], list[DemoRow]] = {}
    for row in rows:
        if row.case.status != Status.MERGED and not row.tracking:
            targets.setdefault((row.case.office_region_id, row.case.election_id), []).append(row)
    for row in rows:
        if row.case.status != Status.MERGED:
            continue
        candidates = targets.get((row.case.office_region_id, row.case.election_id), [])
        if not candidates:
            row.case.status = Status.RECEIVED
            row.case.finished_at = None
            continue
        row.merge_into = rng.choice(candidates).case
