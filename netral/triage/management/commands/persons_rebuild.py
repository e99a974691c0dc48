"""Link every existing report to its person (``netral.triage.persons.persons_rebuild``)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from netral.triage.persons import REBUILD_BATCH, persons_rebuild


class Command(BaseCommand):
    help = (
        "Tautkan laporan yang belum punya orang terlapor: NIP sah yang sama ditautkan, nama dan "
        "instansi yang mirip diusulkan. Aman dijalankan ulang."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=REBUILD_BATCH)

    def handle(self, *args: Any, **options: Any) -> None:
        batch = max(1, min(int(options["batch"]), 10_000))
        made = persons_rebuild(batch=batch)
        self.stdout.write(f"{made} laporan ditautkan.")
