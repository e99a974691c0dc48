import pytest

from netral.reports.subjects import (
    AgencyType,
    PositionClass,
    agency_type_infer,
    position_class_infer,
)


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        ("Camat Sukamaju", PositionClass.CAMAT_LURAH),
        ("Lurah Cempaka Putih", PositionClass.CAMAT_LURAH),
        ("Kepala Desa Sidomulyo", PositionClass.VILLAGE),
        ("Sekretaris Daerah", PositionClass.SENIOR_EXECUTIVE),
        ("Kepala Dinas Pendidikan", PositionClass.SENIOR_EXECUTIVE),
        ("Guru SD Negeri 3", PositionClass.FUNCTIONAL),
        ("Kepala Bidang Anggaran", PositionClass.ADMINISTRATOR),
        ("Kasubbag Umum", PositionClass.ADMINISTRATOR),
        ("Staf Sekretariat", PositionClass.STAFF),
        ("", PositionClass.OTHER),
        ("Pegawai", PositionClass.OTHER),
    ],
)
def test_position_class_from_free_text(position: str, expected: str) -> None:
    assert position_class_infer(position) == expected


@pytest.mark.parametrize(
    ("agency", "position", "expected"),
    [
        ("Dinas Pendidikan Kabupaten Bogor", "", AgencyType.REGENCY),
        ("Pemkot Makassar", "", AgencyType.REGENCY),
        ("BPKAD Provinsi Jawa Tengah", "", AgencyType.PROVINCE),
        ("Kementerian Agama", "", AgencyType.CENTRAL),
        ("Pemerintah Desa Sukamaju", "", AgencyType.VILLAGE),
        ("Kantor Kecamatan", "Camat", AgencyType.REGENCY),
        ("Kantor Camat Tamalate", "Camat", AgencyType.REGENCY),
        ("PT Maju", "Manajer", AgencyType.OTHER),
    ],
)
def test_agency_type_from_name(agency: str, position: str, expected: str) -> None:
    assert agency_type_infer(agency, position) == expected
