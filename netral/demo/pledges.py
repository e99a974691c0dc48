"""Synthetic neutrality pledges for the demo data set (``netral.demo.data``): a few hundred
ASN pledges (ikrar netralitas) spread over the regions and elections the demo reports cover,
inserted in bulk without certificates or audit entries (they are synthetic).

About a third are pledges of civil servants the demo reports name (real keyed hashes of their
NIPs), so the staff case page shows "sudah berikrar"; the others are new people at the same
agencies. Demo pledges are told apart by their ``public_id``, which starts with ``de300de0``.
"""

from __future__ import annotations

import datetime
import random
import uuid
from zoneinfo import ZoneInfo

from django.db.models import QuerySet

from netral.demo.plan import DIGEST_PREFIX, PILKADA_CYCLE, nip_make, person_name
from netral.elections.models import Stage
from netral.prevention.models import Pledge
from netral.prevention.pledges import nip_digest
from netral.reports.models import Report
from netral.reports.subjects import agency_type_infer

PLEDGES = 300
REPORTED_SHARE = 1 / 3
ID_LOW = uuid.UUID("de300de0-0000-0000-0000-000000000000")
ID_HIGH = uuid.UUID("de300de0-ffff-ffff-ffff-ffffffffffff")
JAKARTA = ZoneInfo("Asia/Jakarta")


def _public_id(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=(ID_LOW.int | rng.getrandbits(96)))


def demo_pledges_load(*, seed: int = 2024, total: int = PLEDGES) -> int:
    """Insert up to ``total`` demo pledges (deterministic with ``seed``); returns how many."""
    rng = random.Random(f"pledges-{seed}")  # noqa: S311 - reproducible demo data, not security
    subjects = list(
        Report.objects.filter(receipt_digest__startswith=DIGEST_PREFIX)
        .order_by("pk")
        .values_list("reported_name", "reported_nip", "agency", "region_id", "election_id")
    )
    if not subjects:
        return 0
    campaign = Stage.objects.filter(cycle__code=PILKADA_CYCLE, code="kampanye").first()
    start = campaign.start - datetime.timedelta(days=30) if campaign else datetime.date(2024, 8, 1)
    days = ((campaign.end if campaign else datetime.date(2024, 11, 23)) - start).days + 1
    pledges: dict[tuple[str, int], Pledge] = {}
    for i in range(total):
        name, nip, agency, region_id, election_id = rng.choice(subjects)
        if i >= total * REPORTED_SHARE or not nip:  # a colleague at the same agency
            female = rng.random() < 0.5
            name, nip = person_name(rng, female=female, titled=False), nip_make(rng, female=female)
        day = start + datetime.timedelta(days=rng.randrange(days))
        at = datetime.datetime(day.year, day.month, day.day, 8, tzinfo=JAKARTA)
        digest = nip_digest(nip)
        pledges.setdefault(
            (digest, election_id),
            Pledge(
                public_id=_public_id(rng),
                election_id=election_id,
                region_id=region_id,
                nip_digest=digest,
                nip=nip,
                name=name,
                agency=agency,
                agency_type=agency_type_infer(agency),
                pledged_at=at + datetime.timedelta(minutes=rng.randrange(9 * 60)),
            ),
        )
    Pledge.objects.bulk_create(pledges.values(), batch_size=500, ignore_conflicts=True)
    return demo_pledges().count()


def demo_pledges() -> QuerySet[Pledge]:
    return Pledge.objects.filter(public_id__range=(ID_LOW, ID_HIGH))


def demo_pledges_delete() -> int:
    deleted, _ = demo_pledges().delete()
    return deleted
