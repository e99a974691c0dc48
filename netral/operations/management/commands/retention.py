import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.common import clock
from netral.operations.retention import describe, held_cases, retention_run

BAD_DATE = "Tanggal tidak valid: {value!r} (format YYYY-MM-DD)."
FUTURE_REFUSED = "--date di masa depan hanya untuk --dry-run (atau demo)."
HELD_SHOWN = 20  # held cases named in the output; the rest counted


class Command(BaseCommand):
    help = (
        "Apply the retention rules of the rulebook (retention.toml): per rule, the cases whose "
        "data expired, skipping cases under a legal hold. --dry-run only lists what would be "
        "erased; without it the data is erased (blobs deleted, identities blanked) and each "
        "erasure recorded in the audit trail. Besides the core kinds, each app's registered "
        "kinds (case notes, case files, duplicate signatures, reported persons, partner "
        "events) have rules of their own. The scheduler runs it daily. --date computes "
        "as of another day; the last line lists the held cases it spared."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list, erase nothing")
        parser.add_argument("--date", default="", help="as of YYYY-MM-DD (default: today)")

    def handle(self, *args: Any, **options: Any) -> None:
        raw = options["date"].strip()
        try:
            day = datetime.date.fromisoformat(raw) if raw else clock.today()
        except ValueError as error:
            raise CommandError(BAD_DATE.format(value=raw[:20])) from error
        dry_run = options["dry_run"]
        demo = clock.demo_today() is not None or getattr(settings, "TESTING", False)
        if day > clock.today() and not dry_run and not demo:
            raise CommandError(FUTURE_REFUSED)
        verb = "akan dihapus" if dry_run else "dihapus"
        self.stdout.write(f"Retensi per {day:%Y-%m-%d}{' (uji coba)' if dry_run else ''}:")
        for outcome in retention_run(dry_run=dry_run, today=day):
            rule = outcome.rule
            flag = "" if rule.confirmed else ", belum dikonfirmasi"
            self.stdout.write(
                f"- {rule.code} ({rule.data}, {rule.keep_days} hari{flag}): {verb}: "
                f"{describe(outcome.counts)}"
            )
        held = held_cases()
        shown = ", ".join(f"#{pk}" for pk in held[:HELD_SHOWN])
        more = f" dan {len(held) - HELD_SHOWN} lagi" if len(held) > HELD_SHOWN else ""
        self.stdout.write(
            f"Ditahan (penahanan hukum), tidak disentuh: {len(held)} kasus"
            + (f" ({shown}{more})" if held else "")
        )
