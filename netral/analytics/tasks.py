"""Background work of the statistics: folding the rollups (``netral.analytics.rollups``)."""

from __future__ import annotations

from django_tasks import task

from netral.analytics.rollups import rollups_fold


@task()
def rollups_fold_task() -> int:
    """Sum the rollup rows writers added into one row per key; returns how many."""
    return rollups_fold()
