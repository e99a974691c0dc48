"""Load the synthetic Pilkada 2024 demo data set (demo only: DEBUG=1 or NETRAL_DEMO=1)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import ProtectedError

from netral.demo.data import demo_data_delete, demo_data_load, demo_data_loaded

ALREADY_LOADED = "Demo data is already loaded; use --reset to replace it."
CANNOT_RESET = "Other records point at demo cases; delete them first or start a fresh database"


class Command(BaseCommand):
    help = "Load thousands of synthetic reports and cases for the demo (refuses if loaded)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2024, help="same seed, same data")
        parser.add_argument("--reports", type=int, default=6000, help="how many reports")
        parser.add_argument(
            "--reset", action="store_true", help="delete the demo reports and cases first"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not (settings.DEBUG or settings.NETRAL_DEMO):
            raise CommandError("load_demo_data only runs with DEBUG=1 or NETRAL_DEMO=1.")
        if options["reports"] < 1:
            raise CommandError("--reports must be at least 1.")
        if demo_data_loaded():
            if not options["reset"]:
                raise CommandError(ALREADY_LOADED)
            try:
                deleted = demo_data_delete()
            except ProtectedError as error:
                raise CommandError(f"{CANNOT_RESET} ({error.args[0]})") from error
            self.stdout.write(f"Deleted {deleted} demo reports.")
        summary = demo_data_load(seed=options["seed"], reports=options["reports"])
        self.stdout.write(
            f"Loaded {summary.reports} demo reports, {summary.cases} cases, "
            f"{summary.pledges} pledges and {summary.appeals} appeals "
            f"in {summary.seconds:.1f} s (seed {options['seed']})."
        )
        for tracking in summary.tracking:
            self.stdout.write(f"  /lacak/ {tracking.code}  {tracking.status}, {tracking.region}")
