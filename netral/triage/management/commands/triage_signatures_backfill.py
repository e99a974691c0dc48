from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.triage.duplicates_store import signatures_backfill

BAD_BATCH = "--batch harus antara 1 dan 10000."


class Command(BaseCommand):
    help = (
        "Compute the duplicate signatures (MinHash and LSH keys) of every report that lacks a "
        "current one, in batches by id (each its own transaction): after installing triage, "
        "or after a change of the signature version. --all recomputes every report."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=1000, help="reports per transaction")
        parser.add_argument("--all", action="store_true", help="recompute every report")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["batch"] <= 10_000:
            raise CommandError(BAD_BATCH)
        done = signatures_backfill(batch=options["batch"], all_reports=options["all"])
        self.stdout.write(f"Tanda tangan duplikat: {done} laporan dihitung")
