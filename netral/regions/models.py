"""Indonesia's provinces and regencies/cities, keyed by their Kemendagri codes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Provinsi")
        REGENCY = "regency", _("Kabupaten/Kota")

    class Type(models.TextChoices):
        PROVINSI = "provinsi", _("Provinsi")
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")
        KABUPATEN_ADMINISTRASI = "kabupaten_administrasi", _("Kabupaten Administrasi")
        KOTA_ADMINISTRASI = "kota_administrasi", _("Kota Administrasi")

    class TimeZone(models.TextChoices):
        WIB = "WIB", "WIB (UTC+7)"
        WITA = "WITA", "WITA (UTC+8)"
        WIT = "WIT", "WIT (UTC+9)"

    # Kemendagri code: "32" for a province, "32.75" for a regency/city.
    code = models.CharField(primary_key=True, max_length=13)
    name = models.CharField(max_length=120)
    level = models.CharField(max_length=10, choices=Level.choices, db_index=True)
    type = models.CharField(max_length=24, choices=Type.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    timezone = models.CharField(max_length=4, choices=TimeZone.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def province_code(self) -> str:
        return self.code.split(".")[0]

    @property
    def is_administrative(self) -> bool:
        """Jakarta's administrative regency and cities: no regional head elections."""
        return self.type in (self.Type.KABUPATEN_ADMINISTRASI, self.Type.KOTA_ADMINISTRASI)

    @property
    def tzinfo_name(self) -> str:
        return TZ_NAMES[self.timezone]


TZ_NAMES: dict[str, str] = {
    Region.TimeZone.WIB: "Asia/Jakarta",
    Region.TimeZone.WITA: "Asia/Makassar",
    Region.TimeZone.WIT: "Asia/Jayapura",
}
