from typing import Any

from django.core.management.base import BaseCommand

from netral.prevention.appeals_reminders import send_appeal_reminders


class Command(BaseCommand):
    help = (
        "Enqueue the daily appeal reminders: the PPK office of every region that let an "
        "appeal's acknowledgement or follow-up deadline pass is e-mailed (once a day), and the "
        "issuing Bawaslu office gets the list of its silent regions. Run daily from cron, e.g. "
        "'0 8 * * * cd /srv/netral && .venv/bin/python manage.py send_appeal_reminders' "
        "(with CRON_TZ=Asia/Jakarta); a task worker must be running to send them."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_appeal_reminders.enqueue()
        if result.is_finished:  # an immediate backend ran it already
            self.stdout.write(f"Pengingat imbauan terkirim: {result.return_value} e-mail")
        else:
            self.stdout.write(f"Pengingat imbauan diantrekan: {result.id}")
