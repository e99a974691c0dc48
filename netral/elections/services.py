"""Writes for elections: loading cycles, their stage calendars and the elections held."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from netral.elections.models import Election, ElectionCycle, ElectionKind, Stage
from netral.regions.models import Region

DATA_DIR = Path(__file__).resolve().parent / "data"

# DI Yogyakarta's governor is the reigning Sultan (UU 13/2012 on the Special Status of DIY):
# no gubernur election there.
PROVINCES_WITHOUT_GOVERNOR_ELECTION = {"34"}


@dataclass(frozen=True)
class CycleLoadResult:
    cycle: ElectionCycle
    stages: int
    elections: int


def _office_for_regency(region: Region) -> str:
    return Election.Office.WALIKOTA if region.type == Region.Type.KOTA else Election.Office.BUPATI


def _election_name(cycle: ElectionCycle, office: str, region: Region | None) -> str:
    if region is None:
        return cycle.name
    labels: dict[str, str] = {
        Election.Office.GUBERNUR: "Pemilihan Gubernur",
        Election.Office.BUPATI: "Pemilihan Bupati",
        Election.Office.WALIKOTA: "Pemilihan Wali Kota",
    }
    label = labels[office]
    place = region.name.removeprefix("Kabupaten ").removeprefix("Kota ")
    return f"{label} {place} {cycle.voting_date.year}"


@transaction.atomic
def election_cycle_load(*, path: Path) -> CycleLoadResult:
    """Create or update a cycle, its stages and its elections from a calendar file.

    Requires the regions to be loaded. Idempotent: running it twice changes nothing.
    """
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    cycle, _ = ElectionCycle.objects.update_or_create(
        code=data["code"],
        defaults={
            "name": data["name"],
            "name_en": data["name_en"],
            "kind": data["kind"],
            "voting_date": data["voting_date"],
        },
    )
    for order, stage in enumerate(data["stages"], start=1):
        Stage.objects.update_or_create(
            cycle=cycle,
            code=stage["code"],
            defaults={
                "name": stage["name"],
                "name_en": stage["name_en"],
                "start": stage["start"],
                "end": stage["end"],
                "order": order,
            },
        )

    wanted: list[tuple[str, Region | None]] = []
    if cycle.kind == ElectionKind.PEMILU:
        wanted.append((Election.Office.NATIONAL, None))
    else:
        if not Region.objects.exists():
            raise ValueError("load the regions before the Pilkada elections")
        for region in Region.objects.select_related("parent").order_by("code"):
            if region.level == Region.Level.PROVINCE:
                if region.code not in PROVINCES_WITHOUT_GOVERNOR_ELECTION:
                    wanted.append((Election.Office.GUBERNUR, region))
            elif not region.is_administrative:
                wanted.append((_office_for_regency(region), region))

    existing = {(e.office, e.region_id) for e in cycle.elections.all()}
    Election.objects.bulk_create(
        [
            Election(
                cycle=cycle,
                region=region,
                office=office,
                name=_election_name(cycle, office, region),
            )
            for office, region in wanted
            if (office, region.code if region else None) not in existing
        ]
    )
    return CycleLoadResult(
        cycle=cycle, stages=len(data["stages"]), elections=cycle.elections.count()
    )


def election_cycles_load_all(*, data_dir: Path = DATA_DIR) -> list[CycleLoadResult]:
    return [election_cycle_load(path=p) for p in sorted(data_dir.glob("*.toml"))]
