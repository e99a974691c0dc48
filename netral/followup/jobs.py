"""Periodic jobs of follow-up (run by ``manage.py scheduler``, see ``common.schedule``)."""

import datetime

from netral.common import schedule
from netral.followup.alerts import deadline_alerts
from netral.followup.tasks import flag_overdue_followups

schedule.register(
    "followup.deadline_alerts",
    deadline_alerts.call,
    at=datetime.time(6, 45),
    summary="Pemberitahuan tenggat besok (kasus dan rekomendasi)",
)
schedule.register(
    "followup.flag_overdue",
    flag_overdue_followups.call,
    at=datetime.time(7, 30),
    summary="Tandai tindak lanjut PPK yang melewati tenggat",
)
