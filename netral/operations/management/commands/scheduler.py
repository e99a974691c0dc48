import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils import timezone

from netral.common import schedule
from netral.operations.scheduler import scheduler_tick


class Command(BaseCommand):
    help = (
        "Run the periodic jobs every app registers (common.schedule): each job's slot once, "
        "however many scheduler processes run (a unique row per job and slot). Checks every "
        "--interval seconds until stopped; --once checks once and exits; --list shows the jobs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="one check, then exit")
        parser.add_argument("--list", action="store_true", help="list the jobs, run nothing")
        parser.add_argument("--interval", type=int, default=30, help="seconds between checks")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            for job in schedule.jobs():
                self.stdout.write(f"{job.name}: {job.when} — {job.summary}")
            return
        interval = max(5, options["interval"])
        while True:
            for run in scheduler_tick():
                line = f"{run.job} [{timezone.localtime(run.slot):%Y-%m-%d %H:%M}] {run.outcome}"
                self.stdout.write(f"{line}: {run.result or run.error}")
            if options["once"]:
                return
            close_old_connections()
            time.sleep(interval)
