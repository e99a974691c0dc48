from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from netral.analytics.rollups import rollups_fold


class Command(BaseCommand):
    help = "Fold the rollup rows added since the last fold into one row per key."

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        while folded := rollups_fold():
            total += folded
        self.stdout.write(f"{total} rollup rows folded")
