from typing import Any

from django.core.management.base import BaseCommand

from netral.cases.tasks import send_deadline_digest


class Command(BaseCommand):
    help = (
        "Enqueue the deadline digest: one e-mail per Bawaslu office listing its overdue cases "
        "and those due by the end of tomorrow (office local time), to its active staff and "
        "leaders with an e-mail address. Run daily at 07:00 WIB from cron, e.g. "
        "'0 7 * * * cd /srv/netral && .venv/bin/python manage.py send_deadline_digest' "
        "(with CRON_TZ=Asia/Jakarta); a task worker must be running to send it."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_deadline_digest.enqueue()
        if result.is_finished:  # an immediate backend ran it already
            self.stdout.write(f"Ringkasan tenggat terkirim: {result.return_value} e-mail")
        else:
            self.stdout.write(f"Ringkasan tenggat diantrekan: {result.id}")
