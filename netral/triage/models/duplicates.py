"""Triage records: duplicates (see the package docstring).

Per report, a compact signature: the identity fields normalised (NIP, name, agency), the
event's date and region, and a MinHash of the chronology's words. Its LSH band keys (and
those of the name) live in ``ReportSignatureKey``, one indexed 64-bit integer per row, so
the duplicate look-up is an index probe on both SQLite and PostgreSQL, never a scan.
Derived data: ``triage_signatures_backfill`` rebuilds it from the reports at any time.
"""

from __future__ import annotations

from django.db import models

__all__ = ["ReportSignature", "ReportSignatureKey"]


class ReportSignature(models.Model):
    report = models.OneToOneField(
        "reports.Report", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    # The algorithm's version: a change of normalisation or hashing bumps it, and the
    # backfill command recomputes every older row.
    version = models.PositiveSmallIntegerField()
    reported_nip = models.CharField(max_length=18, blank=True, db_index=True)
    name_key = models.CharField(max_length=200, blank=True)
    agency_key = models.CharField(max_length=300, blank=True)
    region_code = models.CharField(max_length=13, blank=True)
    event_date = models.DateField(null=True, blank=True)
    # The chronology's MinHash: ``TEXT_PERMUTATIONS`` little-endian uint32 values.
    text_minhash = models.BinaryField(max_length=512)
    computed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"signature of report {self.report_id}"


class ReportSignatureKey(models.Model):
    """One LSH key of a report (a band of its text or of its name), hashed to 64 bits."""

    id = models.BigAutoField(primary_key=True)
    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="+")
    key = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["key", "report"], name="triage_sigkey_key_report")]

    def __str__(self) -> str:
        return f"{self.key} -> {self.report_id}"
