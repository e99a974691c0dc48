import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from netral.reports.received import failed_report_ids, intake_replay

BAD_SINCE = "--since harus berupa waktu ISO 8601, misalnya 2026-12-01T08:00+07:00."
NOTHING = "Sebutkan --failed, --since atau --report."


class Command(BaseCommand):
    help = (
        "Run the post-intake work again (case search document, new-case alert, person record, "
        "duplicate signature, partner event; never the reporter's notice) for reports whose "
        "task failed (--failed), were submitted since a time (--since) or are named "
        "(--report id). Idempotent: what exists already is left as it is."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--failed", action="store_true", help="reports whose task failed")
        parser.add_argument("--since", help="reports submitted at or after (ISO 8601)")
        parser.add_argument("--report", type=int, action="append", default=[], help="report id")

    def handle(self, *args: Any, **options: Any) -> None:
        since: datetime.datetime | None = None
        if options["since"]:
            since = parse_datetime(options["since"])
            if since is None:
                raise CommandError(BAD_SINCE)
            if timezone.is_naive(since):
                since = timezone.make_aware(since)
        ids = list(options["report"])
        if options["failed"]:
            ids += failed_report_ids()
        if not ids and since is None and not options["failed"]:
            raise CommandError(NOTHING)
        done = intake_replay(report_ids=ids, since=since)
        self.stdout.write(f"Pekerjaan setelah penerimaan: {done} laporan dijalankan ulang")
