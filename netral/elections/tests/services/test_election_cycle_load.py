import datetime

import pytest

from netral.elections.models import Election, ElectionCycle
from netral.elections.services import election_cycles_load_all

pytestmark = pytest.mark.usefixtures("regions")


def test_pilkada_2024_has_545_elections() -> None:
    election_cycles_load_all()
    pilkada = Election.objects.filter(cycle__code="pilkada-2024")
    assert pilkada.count() == 545
    assert pilkada.filter(office=Election.Office.GUBERNUR).count() == 37
    assert pilkada.exclude(office=Election.Office.GUBERNUR).count() == 508
    assert pilkada.filter(office=Election.Office.WALIKOTA).count() == 93
    assert pilkada.filter(office=Election.Office.BUPATI).count() == 415


def test_no_governor_election_in_yogyakarta_nor_jakarta_administrative_cities() -> None:
    election_cycles_load_all()
    assert not Election.objects.filter(region_id="34").exists()
    assert Election.objects.filter(region_id="31", office=Election.Office.GUBERNUR).exists()
    assert not Election.objects.filter(region__parent_id="31").exists()
    # DIY's regencies and city do elect their heads.
    assert Election.objects.filter(region__parent_id="34").count() == 5


def test_names_and_handling_levels() -> None:
    election_cycles_load_all()
    bekasi = Election.objects.get(region_id="32.75")
    assert bekasi.name == "Pemilihan Wali Kota Bekasi 2024"
    assert bekasi.handling_level == Election.HandlingLevel.REGENCY
    jabar = Election.objects.get(region_id="32")
    assert jabar.name == "Pemilihan Gubernur Jawa Barat 2024"
    assert jabar.handling_level == Election.HandlingLevel.PROVINCE
    pemilu = Election.objects.get(cycle__code="pemilu-2024")
    assert pemilu.region is None and pemilu.kind == "pemilu"


def test_stage_calendar_and_stage_on_a_day() -> None:
    election_cycles_load_all()
    cycle = ElectionCycle.objects.get(code="pilkada-2024")
    assert cycle.voting_date == datetime.date(2024, 11, 27)
    campaign = cycle.stages.get(code="kampanye")
    assert (campaign.start, campaign.end) == (
        datetime.date(2024, 9, 25),
        datetime.date(2024, 11, 23),
    )

    def code_on(day: datetime.date) -> str | None:
        stage = cycle.stage_on(day)
        return stage.code if stage else None

    assert code_on(datetime.date(2024, 10, 1)) == "kampanye"
    assert code_on(datetime.date(2024, 11, 25)) == "masa_tenang"
    # Voting day also opens counting: the later-listed stage wins the overlap.
    assert code_on(datetime.date(2024, 11, 27)) == "rekapitulasi"
    assert cycle.stage_on(datetime.date(2024, 9, 1)) is None


def test_loading_twice_is_idempotent() -> None:
    election_cycles_load_all()
    election_cycles_load_all()
    assert Election.objects.count() == 546
    assert ElectionCycle.objects.get(code="pilkada-2024").stages.count() == 6
