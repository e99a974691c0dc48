"""Periodic jobs of prevention (run by ``manage.py scheduler``, see ``common.schedule``)."""

import datetime

from netral.common import schedule
from netral.prevention.appeals_reminders import send_appeal_reminders
from netral.prevention.warnings_tasks import compute_early_warnings

schedule.register(
    "prevention.early_warnings",
    compute_early_warnings.call,
    at=datetime.time(6, 0),
    summary="Hitung peringatan dini per wilayah",
)
schedule.register(
    "prevention.appeal_reminders",
    send_appeal_reminders.call,
    at=datetime.time(8, 0),
    summary="Pengingat imbauan yang belum ditanggapi",
)
