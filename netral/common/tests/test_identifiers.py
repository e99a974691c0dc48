import datetime

import pytest

from netral.common.identifiers import (
    NIK_INVALID_BIRTH,
    NIK_INVALID_LENGTH,
    NIP_INVALID_APPOINTMENT,
    NIP_INVALID_BIRTH,
    NIP_INVALID_LENGTH,
    NIP_INVALID_SEQUENCE,
    NIP_INVALID_SEX,
    nik_parse,
    nip_parse,
)

TODAY = datetime.date(2026, 11, 23)


def test_a_valid_nip_is_decoded() -> None:
    info = nip_parse("19850317 201001 2 004", today=TODAY)
    assert info.nip == "198503172010012004"
    assert info.birth_date == datetime.date(1985, 3, 17)
    assert (info.appointment_year, info.appointment_month) == (2010, 1)
    assert (info.sex, info.sequence) == ("P", 4)


@pytest.mark.parametrize(
    ("nip", "message"),
    [
        ("1985031720100120", NIP_INVALID_LENGTH),
        ("19850317201001200A", NIP_INVALID_LENGTH),
        ("198502302010011004", NIP_INVALID_BIRTH),  # 30 February
        ("202801012010011004", NIP_INVALID_BIRTH),  # born in the future
        ("198503172010131004", NIP_INVALID_APPOINTMENT),  # month 13
        ("198503171995011004", NIP_INVALID_APPOINTMENT),  # appointed at 9
        ("198503172030011004", NIP_INVALID_APPOINTMENT),  # appointed in the future
        ("198503172010013004", NIP_INVALID_SEX),
        ("198503172010011000", NIP_INVALID_SEQUENCE),
    ],
)
def test_invalid_nips_say_why(nip: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        nip_parse(nip, today=TODAY)
    assert str(error.value) == message


def test_a_nik_of_a_woman_has_forty_added_to_the_day() -> None:
    info = nik_parse("3275015703900001", today=TODAY)
    assert info.birth_date == datetime.date(1990, 3, 17)
    assert (info.sex, info.province_code, info.regency_code) == ("P", "32", "32.75")
    man = nik_parse("3275011703050002", today=TODAY)
    assert (man.birth_date, man.sex) == (datetime.date(2005, 3, 17), "L")


@pytest.mark.parametrize(
    ("nik", "message"),
    [("327501170390000", NIK_INVALID_LENGTH), ("3275013203900001", NIK_INVALID_BIRTH)],
)
def test_invalid_niks_say_why(nik: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        nik_parse(nik, today=TODAY)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0b5e8f6e-2f2c-4a47-9d55-4f4f3c1f7a10", True),
        ("0b5e8f6e2f2c4a479d554f4f3c1f7a10", True),
        ("", False),
        ("bukan-uuid", False),
        ("0b5e8f6e-2f2c-4a47-9d55-4f4f3c1f7a1", False),
        ("x" * 10_000, False),
    ],
)
def test_is_uuid_tells_a_public_id_from_anything_else(value: str, expected: bool) -> None:
    from netral.common.identifiers import is_uuid

    assert is_uuid(value) is expected
