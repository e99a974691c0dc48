"""Who the reported person is, in the classes the statistics use.

KASN counted neutrality violations by position class (Jun 2020: senior executives 36%,
functional 17%, administrators 13%, staff 12%, camat/lurah 7%; ``../shared/domain.md``) and
Bawaslu by the kind of agency. Reporters may pick the class; when they leave it open, it is
inferred from the free-text position and agency, and staff can correct it.
"""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class PositionClass(models.TextChoices):
    SENIOR_EXECUTIVE = "senior_executive", _("Pimpinan tinggi (JPT)")
    ADMINISTRATOR = "administrator", _("Administrator/pengawas")
    FUNCTIONAL = "functional", _("Fungsional (guru, tenaga kesehatan, dll.)")
    STAFF = "staff", _("Pelaksana/staf")
    CAMAT_LURAH = "camat_lurah", _("Camat/lurah")
    VILLAGE = "village", _("Kepala/perangkat desa")
    OTHER = "other", _("Lainnya/tidak diketahui")


class AgencyType(models.TextChoices):
    CENTRAL = "central", _("Kementerian/lembaga pusat")
    PROVINCE = "province", _("Pemerintah provinsi")
    REGENCY = "regency", _("Pemerintah kabupaten/kota")
    VILLAGE = "village", _("Pemerintah desa")
    OTHER = "other", _("Lainnya/tidak diketahui")


# Checked in order: the first pattern that matches decides. Words, not substrings.
_POSITION_PATTERNS: list[tuple[str, str]] = [
    (PositionClass.CAMAT_LURAH, r"\b(camat|lurah|sekcam|sekretaris (camat|kelurahan))\b"),
    (PositionClass.VILLAGE, r"\b(kepala desa|kades|perangkat desa|sekdes|kaur|kasi desa)\b"),
    (
        PositionClass.SENIOR_EXECUTIVE,
        r"\b(sekda|sekretaris daerah|kepala dinas|kadis|kepala badan|asisten|staf ahli|"
        r"direktur|inspektur|kepala biro|sekretaris dewan|kepala satpol|jpt)\b",
    ),
    (
        PositionClass.FUNCTIONAL,
        r"\b(guru|dosen|dokter|bidan|perawat|penyuluh|pranata|analis|auditor|arsiparis|"
        r"pustakawan|apoteker|fungsional|kepala sekolah)\b",
    ),
    (
        PositionClass.ADMINISTRATOR,
        r"\b(kepala bidang|kabid|kepala bagian|kabag|kepala seksi|kasi|kepala sub|kasubag|"
        r"kasubbag|sekretaris dinas|sekdis|administrator|pengawas|kepala uptd|kepala puskesmas)\b",
    ),
    (PositionClass.STAFF, r"\b(staf|staff|pelaksana|operator|pengadministrasi|pengelola)\b"),
]

_AGENCY_PATTERNS: list[tuple[str, str]] = [
    (AgencyType.VILLAGE, r"\b(desa|pemdes|pemerintah desa)\b"),
    (AgencyType.PROVINCE, r"\b(provinsi|pemprov|prov\.?)\b"),
    (AgencyType.REGENCY, r"\b(kabupaten|kab\.?|kota|pemkab|pemkot|kecamatan|kelurahan)\b"),
    (
        AgencyType.CENTRAL,
        r"\b(kementerian|kemen\w*|badan nasional|lembaga|bpn|bps|kemenag|kantor wilayah|"
        r"kanwil|kpp|pusat)\b",
    ),
]


def _classify(text: str, patterns: list[tuple[str, str]], default: str) -> str:
    lowered = text.lower()
    for value, pattern in patterns:
        if re.search(pattern, lowered):
            return value
    return default


def position_class_infer(position: str) -> str:
    """The position class a free-text position most likely belongs to (``other`` if unsure)."""
    return _classify(position, _POSITION_PATTERNS, PositionClass.OTHER)


def agency_type_infer(agency: str, position: str = "") -> str:
    """The kind of agency, from its name (a camat or lurah works for a regency or city)."""
    found = _classify(agency, _AGENCY_PATTERNS, AgencyType.OTHER)
    if found == AgencyType.OTHER and position_class_infer(position) == PositionClass.CAMAT_LURAH:
        return AgencyType.REGENCY
    return found
