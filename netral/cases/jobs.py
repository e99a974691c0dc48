"""Periodic jobs of case handling (run by ``manage.py scheduler``, see ``common.schedule``)."""

import datetime

from netral.cases.tasks import send_deadline_digest
from netral.common import schedule

schedule.register(
    "cases.deadline_digest",
    send_deadline_digest.call,
    at=datetime.time(7, 0),
    summary="Ringkasan tenggat kasus per kantor (e-mail)",
)
