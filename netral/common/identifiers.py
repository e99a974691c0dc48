"""Indonesian personal identifiers: NIP (civil-servant number) and NIK (population number);
and ``is_uuid`` for the public ids that come in URLs.

Formats (shared/domain.md):
- NIP, 18 digits: birth date YYYYMMDD, appointment YYYYMM, sex (1 male, 2 female), sequence
  of 3 digits.
- NIK, 16 digits: region 6 digits (province, regency, district), birth date DDMMYY with 40
  added to the day for women, sequence 4 digits.
Pure functions; errors are ``ValueError`` with an Indonesian message for the form.
"""

from __future__ import annotations

import datetime
import re
import uuid
from dataclasses import dataclass

NIP_INVALID_LENGTH = "NIP harus 18 angka (tanpa spasi atau titik)."
NIP_INVALID_BIRTH = "NIP tidak valid: 8 angka pertama harus tanggal lahir (TTTTBBHH)."
NIP_INVALID_APPOINTMENT = (
    "NIP tidak valid: angka ke-9 sampai ke-14 harus tahun dan bulan pengangkatan."
)
NIP_INVALID_SEX = "NIP tidak valid: angka ke-15 harus 1 (laki-laki) atau 2 (perempuan)."
NIP_INVALID_SEQUENCE = "NIP tidak valid: nomor urut (3 angka terakhir) tidak boleh 000."
NIK_INVALID_LENGTH = "NIK harus 16 angka."
NIK_INVALID_REGION = "NIK tidak valid: 6 angka pertama harus kode wilayah."
NIK_INVALID_BIRTH = "NIK tidak valid: angka ke-7 sampai ke-12 harus tanggal lahir (HHBBTT)."
NIK_INVALID_SEQUENCE = "NIK tidak valid: nomor urut (4 angka terakhir) tidak boleh 0000."

# The same problems as a reason for a sentence of the caller's ("NIP ini tidak valid: ...").
NIP_REASON_NOT_DIGITS = "hanya boleh berisi angka (spasi, titik atau tanda hubung boleh)"
NIP_REASON_LENGTH = "berisi {count} angka, seharusnya 18"
NIP_REASON_BIRTH = (
    "8 angka pertama harus tanggal lahir (TTTTBBHH), {found} bukan tanggal yang mungkin"
)
NIP_REASON_APPOINTMENT = (
    "angka ke-9 sampai ke-14 harus tahun dan bulan pengangkatan (TTTTBB), {found} tidak mungkin"
)
NIP_REASON_SEX = "angka ke-15 harus 1 (laki-laki) atau 2 (perempuan), bukan {found}"
NIP_REASON_SEQUENCE = "nomor urut (3 angka terakhir) tidak boleh 000"

# A civil servant is appointed at 18 at the earliest and retires by 65.
MIN_APPOINTMENT_AGE = 18
MAX_AGE_AT_APPOINTMENT = 60


class IdentifierInvalid(ValueError):
    """An invalid identifier: ``str()`` is the whole message (as before), ``reason`` and
    ``params`` the specific problem for a sentence of the caller's (translate ``reason``, then
    fill in ``params``)."""

    def __init__(self, message: str, reason: str, **params: object) -> None:
        super().__init__(message)
        self.reason = reason
        self.params = params


@dataclass(frozen=True)
class NipInfo:
    nip: str
    birth_date: datetime.date
    appointment_year: int
    appointment_month: int
    sex: str  # "L" or "P"
    sequence: int


@dataclass(frozen=True)
class NikInfo:
    nik: str
    province_code: str
    regency_code: str
    birth_date: datetime.date
    sex: str
    sequence: int


def _digits(raw: str) -> str:
    """Drop the spaces, dots and dashes people type between groups of digits."""
    return re.sub(r"[\s.\-]", "", raw or "")


def nip_parse(raw: str, *, today: datetime.date | None = None) -> NipInfo:
    nip = _digits(raw)
    if not re.fullmatch(r"\d{18}", nip):
        if not nip.isdigit() and nip:
            raise IdentifierInvalid(NIP_INVALID_LENGTH, NIP_REASON_NOT_DIGITS)
        raise IdentifierInvalid(NIP_INVALID_LENGTH, NIP_REASON_LENGTH, count=len(nip))
    today = today or datetime.date.today()
    birth_error = IdentifierInvalid(NIP_INVALID_BIRTH, NIP_REASON_BIRTH, found=nip[0:8])
    try:
        birth = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise birth_error from None
    if birth.year < 1930 or birth > today:
        raise birth_error
    year, month = int(nip[8:12]), int(nip[12:14])
    appointment_error = IdentifierInvalid(
        NIP_INVALID_APPOINTMENT, NIP_REASON_APPOINTMENT, found=nip[8:14]
    )
    if not 1 <= month <= 12 or (year, month) > (today.year, today.month):
        raise appointment_error
    if not birth.year + MIN_APPOINTMENT_AGE <= year <= birth.year + MAX_AGE_AT_APPOINTMENT:
        raise appointment_error
    if nip[14] not in "12":
        raise IdentifierInvalid(NIP_INVALID_SEX, NIP_REASON_SEX, found=nip[14])
    sequence = int(nip[15:18])
    if sequence == 0:
        raise IdentifierInvalid(NIP_INVALID_SEQUENCE, NIP_REASON_SEQUENCE)
    return NipInfo(nip, birth, year, month, "L" if nip[14] == "1" else "P", sequence)


def nik_parse(raw: str, *, today: datetime.date | None = None) -> NikInfo:
    nik = _digits(raw)
    if not re.fullmatch(r"\d{16}", nik):
        raise ValueError(NIK_INVALID_LENGTH)
    if nik[0:2] in ("00",) or nik[2:4] == "00":
        raise ValueError(NIK_INVALID_REGION)
    today = today or datetime.date.today()
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "L"
    if day > 40:
        day, sex = day - 40, "P"
    # Two-digit year: the most recent year not in the future.
    year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
    try:
        birth = datetime.date(year, month, day)
    except ValueError:
        raise ValueError(NIK_INVALID_BIRTH) from None
    sequence = int(nik[12:16])
    if sequence == 0:
        raise ValueError(NIK_INVALID_SEQUENCE)
    return NikInfo(nik, nik[0:2], f"{nik[0:2]}.{nik[2:4]}", birth, sex, sequence)


def is_uuid(value: object) -> bool:
    """Whether ``value`` reads as a UUID (a public id from a URL); checked before a query so
    that a malformed id is "not found", never a database error."""
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
