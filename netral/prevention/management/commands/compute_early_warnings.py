import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.prevention.warnings import warnings_compute
from netral.prevention.warnings_tasks import compute_early_warnings

BAD_DATE = "Tanggal tidak valid: {value!r} (format YYYY-MM-DD)."


class Command(BaseCommand):
    help = (
        "Enqueue the daily computation of early warnings per region (warnings.toml): run "
        "daily from cron, e.g. '0 6 * * * cd /srv/netral && .venv/bin/python manage.py "
        "compute_early_warnings' (with CRON_TZ=Asia/Jakarta); a task worker must be running. "
        "Running it again the same day keeps one warning per region and day. --now computes "
        "in this process instead; --date computes another day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", default="", help="YYYY-MM-DD (default: today)")
        parser.add_argument("--now", action="store_true", help="compute here, not in a worker")

    def handle(self, *args: Any, **options: Any) -> None:
        day = options["date"].strip()
        try:
            on = datetime.date.fromisoformat(day) if day else None
        except ValueError as error:
            raise CommandError(BAD_DATE.format(value=day[:20])) from error
        if options["now"]:
            result = warnings_compute(day=on)
            self.stdout.write(
                f"Peringatan dini {result.day}: {result.raised} wilayah dari {result.regions} "
                f"({result.created} baru, {result.refreshed} diperbarui)"
            )
            return
        queued = compute_early_warnings.enqueue(day=on.isoformat() if on else "")
        if queued.is_finished:
            self.stdout.write(f"Peringatan dini: {queued.return_value} wilayah")
        else:
            self.stdout.write(f"Perhitungan peringatan dini diantrekan: {queued.id}")
