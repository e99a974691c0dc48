"""Periodic jobs of the statistics (run by ``manage.py scheduler``, see ``common.schedule``)."""

import datetime

from netral.analytics.rollups import rollups_fold
from netral.common import schedule


def rollups_fold_job() -> str:
    """Sum the rollup rows added since the last fold (reads are exact either way)."""
    return f"{rollups_fold()} rollup rows folded"


schedule.register(
    "analytics.rollups_fold",
    rollups_fold_job,
    every=datetime.timedelta(minutes=1),
    summary="Ringkas baris rollup statistik yang baru ditambahkan",
)
