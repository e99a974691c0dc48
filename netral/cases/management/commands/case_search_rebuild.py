"""Rebuild the staff search index of every case (after a bulk load or a restore)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from netral.cases.search import case_search_rebuild


class Command(BaseCommand):
    help = "Rebuild the case search index (batched, idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args: Any, **options: Any) -> None:
        count = case_search_rebuild(batch_size=max(1, options["batch_size"]))
        self.stdout.write(f"{count} cases indexed")
