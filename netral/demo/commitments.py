"""Synthetic integrity pacts, coordination meetings with their commitments, and prevention
activities for the demo data set (``netral.demo.data``), inserted in bulk without audit
entries or files (they are synthetic), the same with the same seed.

Three rows follow public reports (``../shared/domain.md``, "Prevention practice"):

- pacts dated 27 Sep 2022, the nationwide neutrality integrity pact of PPKs initiated by
  Bawaslu (rmol.id); the signatories' names are synthetic;
- the Pj Wali Kota Bekasi's commitment (seed 001: Rakornas on keeping ASN neutral in the 2024
  Pilkada, photo dated 17 Sep 2024), made here a meeting of Bawaslu Kota Bekasi with the
  commitment owned by Pemerintah Kota Bekasi; the other commitments of that meeting, the
  participant numbers and the place are synthetic;
- the commitment signing of Palangka Raya with the mayor's office, camat and lurah on
  30 Sep 2024 (numbers of people synthetic).

The other meetings and a few hundred activities are spread over offices and dates up to the
demo clock's day (``common.clock``), so some commitments are overdue on that day. Demo rows
are told apart by a ``public_id`` starting with ``de3c0de0`` (commitments, participants and
meeting activities go with their meeting).
"""

from __future__ import annotations

import datetime
import random
import uuid
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet

from netral.common import clock
from netral.demo.plan import person_name, place_name
from netral.prevention.models import (
    ActivityKind,
    Commitment,
    CommitmentStatus,
    CoordinationMeeting,
    IntegrityPact,
    MeetingParticipant,
    PreventionActivity,
)
from netral.regions.models import Region

ID_LOW = uuid.UUID("de3c0de0-0000-0000-0000-000000000000")
ID_HIGH = uuid.UUID("de3c0de0-ffff-ffff-ffff-ffffffffffff")
JAKARTA = ZoneInfo("Asia/Jakarta")
NATIONAL_PACT_DAY = datetime.date(2022, 9, 27)
NATIONAL_PACT_OCCASION = (
    "Penandatanganan pakta integritas netralitas ASN oleh Pejabat Pembina Kepegawaian "
    "se-Indonesia yang diinisiasi Bawaslu RI (27 September 2022)"
)
LOCAL_PACT_OCCASION = "Penandatanganan pakta integritas netralitas ASN menjelang Pilkada 2024"
NATIONAL_PACTS = 60
LOCAL_PACTS = 15
MEETINGS = 24
ACTIVITIES = 360
VOTING_DAY = datetime.date(2024, 11, 27)

BEKASI = "32.75"
PALANGKA_RAYA = "62.71"
BEKASI_COMMITMENT = (
    "Mendukung netralitas ASN di Kota Bekasi menjelang Pemilihan Serentak 2024: ASN sebagai "
    "abdi negara yang profesional dan netral, tidak berkampanye dan tidak memaksakan kehendak "
    "pemilih; penyelenggaraan pemerintahan yang baik dan pelayanan prima tetap berjalan."
)
BEKASI_SUMMARY = (
    "Arahan Rakornas Bawaslu RI diteruskan kepada Pemerintah Kota Bekasi: kepala daerah "
    "menekankan kepada ASN aturan yang harus dijalankan dan yang tidak boleh dilanggar; "
    "pejabat daerah dan ASN dilarang berkampanye atau membuat keputusan yang menguntungkan "
    "atau merugikan pasangan calon; Bawaslu berkoordinasi langsung dengan bidang kepegawaian; "
    "ASN yang berani melapor dilindungi dari intimidasi."
)

TOPICS = [
    "Rapat koordinasi netralitas ASN pada tahapan kampanye",
    "Rapat koordinasi pengawasan netralitas ASN menjelang masa tenang",
    "Rapat koordinasi pencegahan pelanggaran netralitas ASN",
    "Rapat koordinasi tindak lanjut imbauan netralitas ASN",
]
COMMITMENTS = [
    "Menerbitkan surat edaran netralitas ASN kepada seluruh perangkat daerah.",
    "Menyelenggarakan apel netralitas ASN di setiap perangkat daerah.",
    "Menindaklanjuti rekomendasi Bawaslu atas dugaan pelanggaran netralitas ASN.",
    "Memantau akun media sosial ASN selama masa kampanye.",
    "Sosialisasi netralitas ASN kepada camat, lurah dan kepala desa.",
    "Menyampaikan data ASN yang mengikuti kegiatan kampanye kepada Bawaslu.",
]
AUDIENCES = {
    ActivityKind.SOCIALISATION: [
        "ASN perangkat daerah",
        "Camat dan lurah",
        "Kepala desa dan perangkat desa",
        "Guru dan tenaga kesehatan",
        "Pelajar dan mahasiswa",
    ],
    ActivityKind.FIELD_PATROL: ["ASN kecamatan", "ASN kelurahan", "Kantor perangkat daerah"],
    ActivityKind.SOCIAL_MEDIA_PATROL: [
        "Akun media sosial ASN",
        "Grup percakapan ASN",
        "Unggahan terkait pasangan calon",
    ],
    ActivityKind.COORDINATION: ["Pemerintah daerah", "BKPSDM", "Kepolisian dan kejaksaan"],
}
PLATFORMS = ["Facebook", "Instagram", "TikTok", "X (Twitter)", "WhatsApp"]
# Activity kinds and their weights, reach range.
KINDS = [
    (ActivityKind.SOCIALISATION, 45, (30, 400)),
    (ActivityKind.FIELD_PATROL, 25, (5, 80)),
    (ActivityKind.SOCIAL_MEDIA_PATROL, 25, (0, 40)),
    (ActivityKind.COORDINATION, 5, (10, 60)),
]


@dataclass
class Planned:
    meeting: CoordinationMeeting
    participants: list[tuple[str, int]]
    commitments: list[Commitment] = field(default_factory=list)


def _public_id(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=(ID_LOW.int | rng.getrandbits(96)))


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=JAKARTA)


def _head_title(region: Region, rng: random.Random) -> str:
    """The PPK of a regional government: its governor, regent or mayor (often acting)."""
    name = region.name
    if name.startswith("Kota "):
        title = f"Wali Kota {name.removeprefix('Kota ')}"
    elif name.startswith("Kabupaten "):
        title = f"Bupati {name.removeprefix('Kabupaten ')}"
    else:
        title = f"Gubernur {name}"
    return f"Pj. {title}" if rng.random() < 0.3 else title


def _pacts(rng: random.Random, regions: list[Region], today: datetime.date) -> list[IntegrityPact]:
    heads = [r for r in regions if not r.is_administrative]
    chosen = {r.code: r for r in rng.sample(heads, min(NATIONAL_PACTS, len(heads)))}
    for code in (BEKASI, PALANGKA_RAYA, "32"):
        chosen.update({r.code: r for r in heads if r.code == code})
    pacts = [
        IntegrityPact(
            public_id=_public_id(rng),
            region=region,
            signatory_name=person_name(rng, female=rng.random() < 0.2, titled=True),
            signatory_position=_head_title(region, rng),
            signed_on=NATIONAL_PACT_DAY,
            occasion=NATIONAL_PACT_OCCASION,
            recorded_at=_at(NATIONAL_PACT_DAY, 15),
        )
        for region in sorted(chosen.values(), key=lambda r: r.code)
    ]
    start = datetime.date(2024, 8, 1)
    span = max(1, min((today - start).days, 60))
    for region in rng.sample(heads, min(LOCAL_PACTS, len(heads))):
        day = start + datetime.timedelta(days=rng.randrange(span))
        pacts.append(
            IntegrityPact(
                public_id=_public_id(rng),
                region=region,
                signatory_name=person_name(rng, female=rng.random() < 0.2, titled=True),
                signatory_position=_head_title(region, rng),
                signed_on=day,
                occasion=LOCAL_PACT_OCCASION,
                recorded_at=_at(day, 15),
            )
        )
    return pacts


def _government(region: Region) -> str:
    if region.level == Region.Level.PROVINCE:
        return f"Pemerintah Provinsi {region.name}"
    return f"Pemerintah {region.name}"


def _office(region: Region | None) -> str:
    if region is None:
        return "Bawaslu RI"
    if region.level == Region.Level.PROVINCE:
        return f"Bawaslu Provinsi {region.name}"
    return f"Bawaslu {region.name}"


def _status(
    rng: random.Random, commitment: Commitment, today: datetime.date, held: datetime.date
) -> None:
    """A plausible follow-up for a commitment on the demo day: most past-due ones kept, some
    not, a share left pending (overdue)."""
    draw = rng.random()
    if commitment.due_on < today:
        status = (
            CommitmentStatus.DONE
            if draw < 0.55
            else CommitmentStatus.NOT_DONE
            if draw < 0.65
            else rng.choice([CommitmentStatus.OPEN, CommitmentStatus.IN_PROGRESS])
        )
    else:
        status = CommitmentStatus.IN_PROGRESS if draw < 0.5 else CommitmentStatus.OPEN
    commitment.status = status
    if status != CommitmentStatus.OPEN:
        span = max(1, (min(today, commitment.due_on) - held).days)
        commitment.status_at = _at(held + datetime.timedelta(days=rng.randrange(span)), 14)
        commitment.status_note = {
            CommitmentStatus.DONE: "Telah dilaksanakan; bukti disampaikan kepada Bawaslu.",
            CommitmentStatus.NOT_DONE: "Belum dapat dilaksanakan karena keterbatasan anggaran.",
            CommitmentStatus.IN_PROGRESS: "Sedang berjalan di perangkat daerah.",
        }[status]


def _seed_meetings(regions: dict[str, Region]) -> list[Planned]:
    planned = []
    bekasi = regions.get(BEKASI)
    if bekasi is not None:
        held = datetime.date(2024, 9, 17)
        meeting = CoordinationMeeting(
            office_region=bekasi,
            title="Rapat koordinasi kesiapan menjaga netralitas ASN pada Pemilihan Serentak 2024",
            held_on=held,
            place="Kantor Bawaslu Kota Bekasi",
            summary=BEKASI_SUMMARY,
            recorded_at=_at(held, 16),
        )
        owner = "Pemerintah Kota Bekasi (Pj. Wali Kota R. Gani Muhamad)"
        commitments = [
            Commitment(
                text=BEKASI_COMMITMENT,
                owner_institution=owner,
                owner_region=bekasi,
                due_on=VOTING_DAY,
                status=CommitmentStatus.IN_PROGRESS,
                status_note="Arahan disampaikan kepada seluruh perangkat daerah; pemantauan "
                "berjalan sampai pemungutan suara.",
                status_at=_at(datetime.date(2024, 9, 24), 9),
            ),
            Commitment(
                text=COMMITMENTS[0],
                owner_institution="Pemerintah Kota Bekasi",
                owner_region=bekasi,
                due_on=datetime.date(2024, 9, 30),
                status=CommitmentStatus.DONE,
                status_note="Surat edaran Wali Kota tentang netralitas ASN telah diterbitkan.",
                status_at=_at(datetime.date(2024, 9, 27), 11),
            ),
            Commitment(
                text=COMMITMENTS[4],
                owner_institution="Pemerintah Kota Bekasi",
                owner_region=bekasi,
                due_on=datetime.date(2024, 10, 31),
            ),
        ]
        people = [
            ("Pemerintah Kota Bekasi", 8),
            ("BKPSDM Kota Bekasi", 4),
            ("Bawaslu Kota Bekasi", 6),
            ("Polres Metro Bekasi Kota", 2),
        ]
        planned.append(Planned(meeting, people, commitments))
    palangka = regions.get(PALANGKA_RAYA)
    if palangka is not None:
        held = datetime.date(2024, 9, 30)
        meeting = CoordinationMeeting(
            office_region=palangka,
            title="Penandatanganan komitmen bersama netralitas ASN dengan camat dan lurah",
            held_on=held,
            place="Kota Palangka Raya",
            summary="Pemerintah Kota, camat dan lurah se-Kota Palangka Raya menandatangani "
            "komitmen menjaga netralitas ASN pada Pemilihan Serentak 2024.",
            recorded_at=_at(held, 16),
        )
        commitments = [
            Commitment(
                text="Camat dan lurah menjaga netralitas ASN di wilayahnya selama Pemilihan "
                "Serentak 2024 dan melaporkan dugaan pelanggaran kepada Bawaslu.",
                owner_institution="Pemerintah Kota Palangka Raya",
                owner_region=palangka,
                due_on=VOTING_DAY,
                status=CommitmentStatus.IN_PROGRESS,
                status_note="Komitmen ditandatangani; pemantauan berjalan.",
                status_at=_at(held, 17),
            )
        ]
        people = [
            ("Pemerintah Kota Palangka Raya", 6),
            ("Camat se-Kota Palangka Raya", 5),
            ("Lurah se-Kota Palangka Raya", 30),
            ("Bawaslu Kota Palangka Raya", 5),
        ]
        planned.append(Planned(meeting, people, commitments))
    return planned


def _meetings(
    rng: random.Random, offices: list[Region | None], today: datetime.date
) -> list[Planned]:
    planned = []
    start = today - datetime.timedelta(days=100)
    for _ in range(MEETINGS):
        office = rng.choice(offices)
        held = start + datetime.timedelta(days=rng.randrange(95))
        owner_region = office if office is not None else rng.choice([o for o in offices if o])
        if office is not None and office.level == Region.Level.PROVINCE and rng.random() < 0.5:
            owner_region = rng.choice(list(office.children.all()) or [office])
        meeting = CoordinationMeeting(
            office_region=office,
            title=rng.choice(TOPICS),
            held_on=held,
            place=f"Aula {_office(office)}",
            recorded_at=_at(held, 16),
        )
        assert owner_region is not None
        people = [
            (_government(owner_region), rng.randint(3, 12)),
            (_office(office), rng.randint(3, 8)),
            (f"Kepolisian {owner_region.name}", rng.randint(1, 3)),
        ]
        commitments = []
        for text in rng.sample(COMMITMENTS, rng.randint(1, 3)):
            made = Commitment(
                text=text,
                owner_institution=_government(owner_region),
                owner_region=owner_region,
                due_on=held + datetime.timedelta(days=rng.choice([14, 21, 30, 45, 60])),
            )
            _status(rng, made, today, held)
            commitments.append(made)
        planned.append(Planned(meeting, people, commitments))
    return planned


def _activities(
    rng: random.Random, offices: list[Region | None], today: datetime.date
) -> list[PreventionActivity]:
    kinds = [kind for kind, _, _ in KINDS]
    weights = [weight for _, weight, _ in KINDS]
    reach = {kind: span for kind, _, span in KINDS}
    activities = []
    for _ in range(ACTIVITIES):
        kind = rng.choices(kinds, weights)[0]
        office = rng.choice(offices)
        day = today - datetime.timedelta(days=rng.randrange(1, 121))
        where = office.name if office is not None else "Jakarta"
        place = (
            rng.choice(PLATFORMS)
            if kind == ActivityKind.SOCIAL_MEDIA_PATROL
            else f"Kecamatan {place_name(rng)}, {where}"
        )
        low, high = reach[kind]
        activities.append(
            PreventionActivity(
                public_id=_public_id(rng),
                office_region=office,
                kind=kind,
                held_on=day,
                place=place[:300],
                audience=rng.choice(AUDIENCES[kind]),
                reach=rng.randint(low, high),
                recorded_at=_at(day, 17),
            )
        )
    return activities


def demo_commitments_load(*, seed: int = 2024) -> dict[str, int]:
    """Insert the demo pacts, meetings (with participants, commitments and their activity)
    and activities; returns how many of each."""
    rng = random.Random(f"commitments-{seed}")  # noqa: S311 - reproducible demo data
    today = clock.today()
    regions = list(Region.objects.order_by("code"))
    by_code = {r.code: r for r in regions}
    provinces = [r for r in regions if r.level == Region.Level.PROVINCE]
    regencies = [r for r in regions if r.level == Region.Level.REGENCY]
    offices: list[Region | None] = [None, *rng.sample(provinces, 10), *rng.sample(regencies, 60)]
    offices += [by_code[c] for c in (BEKASI, "32", PALANGKA_RAYA) if c in by_code]

    pacts = IntegrityPact.objects.bulk_create(_pacts(rng, regions, today), batch_size=500)
    planned = _seed_meetings(by_code) + _meetings(rng, offices, today)
    for item in planned:
        item.meeting.public_id = _public_id(rng)
    CoordinationMeeting.objects.bulk_create([p.meeting for p in planned])
    participants, commitments, activities = [], [], _activities(rng, offices, today)
    for item in planned:
        meeting = item.meeting
        participants += [
            MeetingParticipant(meeting=meeting, institution=name, people=people)
            for name, people in item.participants
        ]
        for made in item.commitments:
            made.meeting, made.created_at = meeting, meeting.recorded_at
        commitments += item.commitments
        activities.append(
            PreventionActivity(
                public_id=_public_id(rng),
                office_region=meeting.office_region,
                kind=ActivityKind.COORDINATION,
                held_on=meeting.held_on,
                place=meeting.place,
                audience=", ".join(name for name, _ in item.participants)[:300],
                reach=sum(people for _, people in item.participants),
                description=meeting.title,
                meeting=meeting,
                recorded_at=meeting.recorded_at,
            )
        )
    MeetingParticipant.objects.bulk_create(participants, batch_size=500)
    Commitment.objects.bulk_create(commitments, batch_size=500)
    PreventionActivity.objects.bulk_create(activities, batch_size=500)
    return {
        "pacts": len(pacts),
        "meetings": len(planned),
        "commitments": len(commitments),
        "activities": len(activities),
    }


def _demo(qs: QuerySet[Any]) -> QuerySet[Any]:
    return qs.filter(public_id__range=(ID_LOW, ID_HIGH))


def demo_commitments_delete() -> int:
    """Delete the demo pacts, meetings (their commitments and activity with them) and
    activities; returns how many rows of those three went."""
    meetings = _demo(CoordinationMeeting.objects.all())
    activities = PreventionActivity.objects.filter(
        Q(public_id__range=(ID_LOW, ID_HIGH)) | Q(meeting__in=meetings)
    )
    deleted = activities.count()
    activities.delete()
    deleted += meetings.count()
    meetings.delete()
    pacts, _ = _demo(IntegrityPact.objects.all()).delete()
    return deleted + pacts
