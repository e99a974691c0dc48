from typing import Any

from django.core.management.base import BaseCommand

from netral.followup.tasks import flag_overdue_followups


class Command(BaseCommand):
    help = (
        "Enqueue the daily check of PPK follow-up deadlines: recommendations past their "
        "deadline are flagged to BKN and Bawaslu (desks and e-mail). Run daily from cron, e.g. "
        "'30 7 * * * cd /srv/netral && .venv/bin/python manage.py flag_overdue_followups' "
        "(with CRON_TZ=Asia/Jakarta); a task worker must be running to do it."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = flag_overdue_followups.enqueue()
        if result.is_finished:
            self.stdout.write(f"Tindak lanjut terlambat: {result.return_value} e-mail terkirim")
        else:
            self.stdout.write(f"Pemeriksaan tenggat PPK diantrekan: {result.id}")
