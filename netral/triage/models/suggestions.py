"""Triage records: suggestions (see the package docstring).

A ``Suggestion`` is what staff did with one thing triage proposed for a report: the
violation type the classifier ranked (with its confidence and rank) or a NIP the extraction
found in the text. Nothing is stored while a suggestion is only shown; the row is written
when a staff member accepts or rejects it, so acceptance rates per kind, rank and model can
be measured (``model`` names the classifier artefact's data hash). One decision per report,
kind and value.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Suggestion"]


class Suggestion(models.Model):
    class Kind(models.TextChoices):
        VIOLATION_TYPE = "violation_type", _("Jenis pelanggaran")
        NIP = "nip", _("NIP terlapor")

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Diterima")
        REJECTED = "rejected", _("Ditolak")

    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # A violation type code or ``none``; the NIP's 18 digits.
    value = models.CharField(max_length=60)
    # The classifier's confidence (0..1) and the value's place in its ranking (1: best);
    # None for an extracted NIP.
    confidence = models.FloatField(null=True, blank=True)
    rank = models.PositiveSmallIntegerField(null=True, blank=True)
    # The words that drove the type, as shown.
    because = models.JSONField(default=list, blank=True)
    # Which model suggested it (the classifier artefact's training-data hash; "extract").
    model = models.CharField(max_length=64, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "kind", "value"], name="suggestion_one_decision"
            )
        ]
        indexes = [models.Index(fields=["kind", "outcome"])]
        verbose_name = _("saran triase")
        verbose_name_plural = _("saran triase")

    def __str__(self) -> str:
        return f"{self.report_id} {self.kind}={self.value} ({self.outcome})"
