from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.analytics.rollups import rollups_differences, rollups_rebuild

SHOWN = 50


class Command(BaseCommand):
    help = (
        "Recount the statistics' rollups from the reports and cases and print every "
        "difference (exit 1 if any); --repair rebuilds them from the rows."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repair", action="store_true", help="rebuild from the rows")

    def handle(self, *args: Any, **options: Any) -> None:
        lines = rollups_differences()
        for line in lines[:SHOWN]:
            self.stdout.write(line)
        if len(lines) > SHOWN:
            self.stdout.write(f"... and {len(lines) - SHOWN} more")
        self.stdout.write(f"{len(lines)} differences")
        if lines and options["repair"]:
            reports, cases = rollups_rebuild()
            self.stdout.write(f"rebuilt: {reports} report rows, {cases} case rows")
            left = rollups_differences()
            self.stdout.write(f"{len(left)} differences after repair")
            if left:
                raise CommandError("rollups still differ after the repair")
        elif lines:
            raise CommandError(f"{len(lines)} rollup differences (run with --repair)")
