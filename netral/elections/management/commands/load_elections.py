from typing import Any

from django.core.management.base import BaseCommand

from netral.elections.services import election_cycles_load_all


class Command(BaseCommand):
    help = "Load election cycles, their stage calendars and their elections."

    def handle(self, *args: Any, **options: Any) -> None:
        for result in election_cycles_load_all():
            self.stdout.write(
                f"{result.cycle.name}: {result.stages} tahapan, {result.elections} pemilihan."
            )
