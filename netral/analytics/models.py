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


# --- rollups (``netral.analytics.rollups``) ------------------------------------------------
# Derived data: counts kept beside the reports and cases so that the statistics read a few
# thousand rows, not a million. Every write adds rows (+1 for the new state, -1 for the old
# one) without touching an existing row, so concurrent writers never wait on each other;
# ``rollups_fold`` sums them into one row per key (``compacted_key``). A reader sums every row
# of its keys, folded or not, in one statement: figures are never stale, folding only keeps
# the table small. Region and election are plain columns (no constraint): nothing here is
# the truth, ``manage.py rollups_check`` recomputes it from the rows.


class ReportCount(models.Model):
    """Reports per region, election and one dimension (``Dim``) with its value."""

    class Dim(models.TextChoices):
        KIND = "kind"
        VIOLATION_TYPE = "violation_type"
        AGENCY_TYPE = "agency_type"
        POSITION_CLASS = "position_class"
        STAGE = "stage"  # "<cycle code>/<stage code>" of the report's own cycle, or _outside
        WEEK = "week"  # Monday (WIB) of the ISO week, YYYY-MM-DD
        AGENCY = "agency"  # the reported agency as written (for the IKP's recurrence)

    region = models.ForeignKey(
        "regions.Region", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    election = models.ForeignKey(
        "elections.Election", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    dim = models.CharField(max_length=20, choices=Dim.choices)
    value = models.CharField(max_length=200)
    n = models.IntegerField()
    # Set on the one folded row of its key; null (unique ignores nulls) on the rows writers add.
    compacted_key = models.CharField(max_length=300, null=True, unique=True)  # noqa: DJ001

    class Meta:
        indexes = [models.Index(fields=["region", "dim"], name="analytics_rc_region_dim")]

    def __str__(self) -> str:
        return f"{self.region_id} {self.election_id} {self.dim}={self.value}: {self.n}"


class CaseCount(models.Model):
    """Cases per office region, election, status and the flags the statistics count by.

    ``due_at`` is kept only while it can still make the case overdue or late (open for
    handling, or not ended): deadlines fall at the end of a day (``rules.deadlines``), so
    there are few distinct values.
    """

    office_region = models.ForeignKey(
        "regions.Region", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    election = models.ForeignKey(
        "elections.Election", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    status = models.CharField(max_length=20)
    registered = models.BooleanField()
    decided = models.BooleanField()
    violation = models.BooleanField()
    has_due = models.BooleanField()
    # Ended (finished or decided) and after its deadline: late for the IKP for good.
    late_ended = models.BooleanField()
    ended = models.BooleanField()
    due_at = models.DateTimeField(null=True)
    n = models.IntegerField()
    # Sum of decided_at - received_at over the decided cases counted here, in microseconds.
    decision_us = models.BigIntegerField(default=0)
    compacted_key = models.CharField(max_length=300, null=True, unique=True)  # noqa: DJ001

    class Meta:
        indexes = [
            models.Index(fields=["office_region", "status"], name="analytics_cc_region_status")
        ]

    def __str__(self) -> str:
        return f"{self.office_region_id} {self.election_id} {self.status}: {self.n}"
