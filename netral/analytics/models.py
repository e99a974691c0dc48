"""Context indicators of the vulnerability index (IKP) that Netral cannot measure itself
(incumbent running, number of civil servants, turnout...), imported per region from a CSV
(``manage.py ikp_import_indicators``). Which indicators exist is rulebook data (``ikp.toml``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorValue(models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    # An ``ikp.toml`` indicator code with ``source = "imported"``.
    indicator = models.CharField(_("indikator"), max_length=60)
    value = models.FloatField(_("nilai"))
    source = models.CharField(_("sumber data"), max_length=300, blank=True)
    imported_at = models.DateTimeField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("nilai indikator IKP")
        verbose_name_plural = _("nilai indikator IKP")
        constraints = [
            models.UniqueConstraint(fields=["region", "indicator"], name="ikp_indicator_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.indicator} = {self.value}"
