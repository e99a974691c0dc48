"""Elections: a cycle (Pilkada Serentak 2024, Pemilu 2024) with its stage calendar, and the
individual elections held in it (one per region for a Pilkada, one national for a Pemilu)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from netral.regions.models import Region


class ElectionKind(models.TextChoices):
    PILKADA = "pilkada", _("Pemilihan kepala daerah")
    PEMILU = "pemilu", _("Pemilihan umum")


class ElectionCycle(models.Model):
    code = models.SlugField(unique=True, max_length=40)
    name = models.CharField(max_length=120)
    name_en = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=ElectionKind.choices)
    voting_date = models.DateField()

    class Meta:
        ordering = ["-voting_date"]

    def __str__(self) -> str:
        return self.name

    def stage_on(self, day: datetime.date) -> Stage | None:
        """The stage running on ``day`` (the latest-starting one where stages overlap)."""
        running = [s for s in self.stages.all() if s.start <= day <= s.end]
        return max(running, key=lambda s: (s.start, s.order)) if running else None


class Stage(models.Model):
    cycle = models.ForeignKey(ElectionCycle, on_delete=models.CASCADE, related_name="stages")
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=120)
    name_en = models.CharField(max_length=120)
    start = models.DateField()
    end = models.DateField()
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["cycle", "order"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "code"], name="stage_unique_code"),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="stage_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cycle.code}/{self.code}"


class Election(models.Model):
    class Office(models.TextChoices):
        GUBERNUR = "gubernur", _("Gubernur dan Wakil Gubernur")
        BUPATI = "bupati", _("Bupati dan Wakil Bupati")
        WALIKOTA = "walikota", _("Wali Kota dan Wakil Wali Kota")
        NATIONAL = "nasional", _("Presiden, DPR, DPD dan DPRD")

    class HandlingLevel(models.TextChoices):
        RI = "ri", _("Bawaslu RI")
        PROVINCE = "province", _("Bawaslu Provinsi")
        REGENCY = "regency", _("Bawaslu Kabupaten/Kota")

    cycle = models.ForeignKey(ElectionCycle, on_delete=models.PROTECT, related_name="elections")
    # Null for a national election (Pemilu), held everywhere.
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="elections"
    )
    office = models.CharField(max_length=10, choices=Office.choices)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["cycle", "region_id"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "region", "office"], name="election_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def kind(self) -> str:
        return self.cycle.kind

    @property
    def handling_level(self) -> str:
        """Which Bawaslu level handles a case about this election.

        Governor elections go to Bawaslu Provinsi, regent/mayor elections to Bawaslu
        Kabupaten/Kota (UU 1/2015 as amended). For a national election the office where the
        event happened handles it, which the case routing resolves from the event's region.
        """
        if self.office == self.Office.GUBERNUR:
            return self.HandlingLevel.PROVINCE
        if self.office in (self.Office.BUPATI, self.Office.WALIKOTA):
            return self.HandlingLevel.REGENCY
        return self.HandlingLevel.REGENCY

    @property
    def jurisdiction_region(self) -> Region | None:
        """The region whose Bawaslu office handles this election (None: national)."""
        return self.region
