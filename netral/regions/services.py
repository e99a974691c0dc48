"""Writes for regions: loading the official code list."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from netral.regions.models import Region

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class LoadResult:
    provinces: int
    regencies: int


def _regency_type(name: str) -> Region.Type:
    if name.startswith("Kabupaten Administrasi "):
        return Region.Type.KABUPATEN_ADMINISTRASI
    if name.startswith("Kota Administrasi "):
        return Region.Type.KOTA_ADMINISTRASI
    if name.startswith("Kabupaten "):
        return Region.Type.KABUPATEN
    if name.startswith("Kota "):
        return Region.Type.KOTA
    raise ValueError(f"cannot tell the type of regency {name!r}")


def _read(name: str, data_dir: Path) -> list[dict[str, str]]:
    with (data_dir / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def regions_load(*, data_dir: Path = DATA_DIR) -> LoadResult:
    """Insert or update every province and regency from the CSV files (idempotent).

    Names and types follow the files; codes never change meaning, so rows are matched on code.
    """
    timezones = {r["province_code"]: r["timezone"] for r in _read("timezones.csv", data_dir)}
    provinces = _read("provinces.csv", data_dir)
    regencies = _read("regencies.csv", data_dir)
    missing = {p["code"] for p in provinces} - set(timezones)
    if missing:
        raise ValueError(f"provinces without a time zone: {sorted(missing)}")

    Region.objects.bulk_create(
        [
            Region(
                code=p["code"],
                name=p["name"],
                level=Region.Level.PROVINCE,
                type=Region.Type.PROVINSI,
                parent=None,
                timezone=timezones[p["code"]],
            )
            for p in provinces
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "level", "type", "parent", "timezone"],
    )
    Region.objects.bulk_create(
        [
            Region(
                code=r["code"],
                name=r["name"],
                level=Region.Level.REGENCY,
                type=_regency_type(r["name"]),
                parent_id=r["province_code"],
                timezone=timezones[r["province_code"]],
            )
            for r in regencies
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "level", "type", "parent", "timezone"],
    )
    return LoadResult(provinces=len(provinces), regencies=len(regencies))
