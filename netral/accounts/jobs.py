"""Periodic jobs of the notification centre (run by ``manage.py scheduler``, see
``common.schedule``): the hourly and the daily e-mail digest."""

import datetime

from netral.accounts.notification_models import EmailFrequency
from netral.accounts.notification_tasks import notification_digest_send
from netral.common import schedule


def hourly_digest() -> int:
    return notification_digest_send.call(frequency=EmailFrequency.HOURLY)


def daily_digest() -> int:
    return notification_digest_send.call(frequency=EmailFrequency.DAILY)


schedule.register(
    "accounts.notification_digest_hourly",
    hourly_digest,
    every=datetime.timedelta(hours=1),
    summary="Ringkasan notifikasi per jam (e-mail)",
)
# After the "deadline tomorrow" alerts (followup.deadline_alerts, 06:45), so they are in it.
schedule.register(
    "accounts.notification_digest_daily",
    daily_digest,
    at=datetime.time(7, 0),
    summary="Ringkasan notifikasi harian (e-mail)",
)
