"""Periodic jobs of partners (run by ``manage.py scheduler``, see ``common.schedule``)."""

import datetime

from netral.common import schedule
from netral.partners.tasks import deliveries_retry

schedule.register(
    "partners.deliveries_retry",
    deliveries_retry.call,
    every=datetime.timedelta(minutes=1),
    summary="Kirim ulang webhook mitra yang jatuh tempo",
)
