from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from netral.accounts.notification_models import EmailFrequency
from netral.accounts.notification_tasks import notification_digest_send


class Command(BaseCommand):
    help = (
        "E-mail each person who chose the hourly or daily digest their unread notifications "
        "(no identity, receipt code or chronology; links into the workspace). Run from cron: "
        "'5 * * * * ... send_notification_digest --frequency hourly' and "
        "'0 7 * * * ... send_notification_digest --frequency daily' (CRON_TZ=Asia/Jakarta)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--frequency",
            choices=[EmailFrequency.HOURLY, EmailFrequency.DAILY],
            default=EmailFrequency.DAILY,
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = notification_digest_send.enqueue(frequency=options["frequency"])
        if result.is_finished:
            self.stdout.write(f"Ringkasan notifikasi: {result.return_value} e-mail terkirim")
        else:
            self.stdout.write(f"Ringkasan notifikasi diantrekan: {result.id}")
