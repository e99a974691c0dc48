"""Store every case's first report again (after a bulk load or a restore that bypassed the
services): what the inbox shows and sorts by."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from netral.cases.first_report import case_first_report_rebuild


class Command(BaseCommand):
    help = "Store each case's first report for the inbox again (batched, idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, *args: Any, **options: Any) -> None:
        count = case_first_report_rebuild(batch_size=max(1, options["batch_size"]))
        self.stdout.write(f"{count} cases refreshed")
