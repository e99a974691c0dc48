"""Prevention records: early warnings per region (see the package docstring).

One ``EarlyWarning`` per region and day computed (``computed_for``), written by the daily
computation (``prevention.warnings``) when the rules of ``warnings.toml`` say so. It keeps
the signals with their numbers and the proposed actions as computed that day (JSON, so a
later rulebook does not rewrite history); the Bawaslu office with jurisdiction acknowledges
it and records what it did.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.regions.models import Region

__all__ = ["EarlyWarning"]


class EarlyWarning(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Terbuka")
        ACKNOWLEDGED = "acknowledged", _("Ditindaklanjuti")

    # The regional government the warning is about (a province or a regency/city).
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    computed_for = models.DateField(_("tanggal perhitungan"))
    # The election whose stage was read (None: no election ahead for the region).
    election = models.ForeignKey(
        "elections.Election", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    stage_code = models.SlugField(max_length=40, blank=True)
    score = models.PositiveSmallIntegerField(default=0)
    # [{"code": "rise", "fired": true, "points": 2, ...numbers}] in the rulebook's order.
    signals = models.JSONField(default=list)
    # [{"code": "appeal", "template": "campaign", ...}]
    actions = models.JSONField(default=list)
    rulebook_version = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    action_taken = models.TextField(_("tindakan yang dilakukan"), blank=True)

    class Meta:
        ordering = ["-computed_for", "-score", "region_id"]
        verbose_name = _("peringatan dini")
        verbose_name_plural = _("peringatan dini")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "computed_for"], name="early_warning_region_day"
            )
        ]
        indexes = [models.Index(fields=["status", "computed_for"])]

    def __str__(self) -> str:
        return f"{self.region_id} {self.computed_for}"

    @property
    def jurisdiction_region(self) -> Region | None:
        return self.region

    @property
    def fired(self) -> list[dict[str, object]]:
        return [s for s in self.signals if s.get("fired")]
