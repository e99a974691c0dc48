"""Background work for early warnings: the daily computation (``compute_early_warnings``)."""

from __future__ import annotations

import datetime

from django_tasks import task

from netral.prevention.warnings import warnings_compute


@task()
def compute_early_warnings(day: str = "") -> int:
    """Compute the early warnings of ``day`` (ISO date; empty: the domain clock's today).
    Returns how many regions have a warning that day."""
    on = datetime.date.fromisoformat(day) if day else None
    return warnings_compute(day=on).raised
