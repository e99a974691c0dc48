import shutil
from pathlib import Path

import pytest

from netral.regions.models import Region
from netral.regions.services import DATA_DIR, regions_load

pytestmark = pytest.mark.django_db


def test_loads_the_official_counts() -> None:
    result = regions_load()
    assert (result.provinces, result.regencies) == (38, 514)
    regencies = Region.objects.filter(level=Region.Level.REGENCY)
    # Kepmendagri 300.2.2-2138/2025: 416 kabupaten (incl. 1 administrative), 98 kota (incl. 5).
    kabupaten = {Region.Type.KABUPATEN, Region.Type.KABUPATEN_ADMINISTRASI}
    assert regencies.filter(type__in=kabupaten).count() == 416
    assert regencies.exclude(type__in=kabupaten).count() == 98


def test_known_codes_names_and_types() -> None:
    regions_load()
    assert Region.objects.get(code="11").name == "Aceh"
    assert Region.objects.get(code="96").name == "Papua Barat Daya"
    bekasi = Region.objects.get(code="32.75")
    assert (bekasi.name, bekasi.type, bekasi.parent_id) == ("Kota Bekasi", "kota", "32")
    bolsel = Region.objects.get(code="71.11")
    assert bolsel.name == "Kabupaten Bolaang Mongondow Selatan"
    assert bolsel.type == Region.Type.KABUPATEN
    seribu = Region.objects.get(code="31.01")
    assert seribu.type == Region.Type.KABUPATEN_ADMINISTRASI and seribu.is_administrative
    assert Region.objects.filter(type=Region.Type.KOTA_ADMINISTRASI).count() == 5


@pytest.mark.parametrize(
    ("code", "zone"),
    [("11", "WIB"), ("32.75", "WIB"), ("51", "WITA"), ("71.11", "WITA"), ("96", "WIT")],
)
def test_time_zones_follow_the_province(code: str, zone: str) -> None:
    regions_load()
    assert Region.objects.get(code=code).timezone == zone


def test_loading_twice_changes_nothing_and_updates_renamed_rows(tmp_path: Path) -> None:
    regions_load()
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    csv = data / "regencies.csv"
    csv.write_text(csv.read_text().replace("32.75,32,Kota Bekasi", "32.75,32,Kota Bekasi Baru"))
    regions_load(data_dir=data)
    assert Region.objects.count() == 552
    assert Region.objects.get(code="32.75").name == "Kota Bekasi Baru"


def test_a_province_without_time_zone_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    tz = data / "timezones.csv"
    tz.write_text(
        "\n".join(line for line in tz.read_text().splitlines() if not line.startswith("96,"))
    )
    csv = data / "regencies.csv"
    csv.write_text(csv.read_text().replace("32.75,32,Kota Bekasi", "32.75,32,Kota Bekasi Baru"))
    with pytest.raises(ValueError, match="96"):
        regions_load(data_dir=data)
    assert Region.objects.get(code="32.75").name == "Kota Bekasi"  # nothing half-applied
