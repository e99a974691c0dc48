"""The record of which rulebook versions this installation has run with.

The rules themselves live in data files, not in the database; this table lets a decision be
traced back to the exact law that applied (``sha256`` of the files in force).
"""

from __future__ import annotations

from django.db import models


class RulebookVersion(models.Model):
    version = models.CharField(max_length=40)
    sha256 = models.CharField(max_length=64)
    loaded_at = models.DateTimeField()
    # Entries per kind, e.g. {"violation_types": 19, "sanctions": 5, ...}.
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-loaded_at"]
        get_latest_by = "loaded_at"
        constraints = [
            models.UniqueConstraint(fields=["version", "sha256"], name="rulebook_version_unique"),
        ]
        verbose_name = "versi buku aturan"
        verbose_name_plural = "versi buku aturan"

    def __str__(self) -> str:
        return f"{self.version} ({self.sha256[:12]})"
