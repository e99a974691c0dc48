"""Fixtures for collective pledge events and pledge aggregates: pledges made straight in
the database (the public form is tested elsewhere), an election, a tiny photo with GPS."""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from PIL import Image

from netral.elections.models import Election
from netral.prevention.models import Pledge
from netral.prevention.pledges import nip_digest

# Secrets a pledge holds: none of them may appear in any published or staff aggregate.
PLEDGER_NAME = "Wahyuningsih Rahasiawati"
NIP_BASE = 198503122010011000

MakePledges = Callable[..., list[Pledge]]


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def election(elections: None) -> Election:
    return Election.objects.get(region_id="32.75")


@pytest.fixture
def make_pledges(db: None) -> MakePledges:
    counter = itertools.count(1)

    def make(
        n: int, *, region: str, election: Election, agency_type: str = "regency"
    ) -> list[Pledge]:
        pledges = []
        for _ in range(n):
            i = next(counter)
            nip = str(NIP_BASE + i)
            pledges.append(
                Pledge.objects.create(
                    election=election,
                    region_id=region,
                    nip_digest=nip_digest(nip),
                    nip=nip,
                    name=f"{PLEDGER_NAME} {i}",
                    agency="Dinas Rahasia Kota Bekasi",
                    agency_type=agency_type,
                    pledged_at=timezone.now(),
                )
            )
        return pledges

    return make


def jpeg_with_gps() -> bytes:
    """A small JPEG whose EXIF holds a camera make and a GPS position."""
    image = Image.new("RGB", (32, 24), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "KameraRahasia"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "S"
    gps[2] = (6.0, 14.0, 30.0)
    gps[3] = "E"
    gps[4] = (106.0, 59.0, 40.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()
