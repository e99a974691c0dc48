from typing import Any

from django.core.management.base import BaseCommand

from netral.followup.alerts import deadline_alerts


class Command(BaseCommand):
    help = (
        "Notify the handlers of every case and recommendation whose deadline falls tomorrow "
        "(notification centre, and e-mail as each person chose); once per deadline. Run daily "
        "from cron, e.g. '0 7 * * * ... alert_deadlines_tomorrow' (CRON_TZ=Asia/Jakarta)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = deadline_alerts.enqueue()
        if result.is_finished:
            self.stdout.write(f"Pemberitahuan tenggat besok: {result.return_value}")
        else:
            self.stdout.write(f"Pemberitahuan tenggat besok diantrekan: {result.id}")
