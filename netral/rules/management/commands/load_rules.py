from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from netral.rules.selectors import rulebook_get, rulebook_reset
from netral.rules.services import rulebook_register_active


class Command(BaseCommand):
    help = "Validate the rulebook in force, record its version and print what it holds."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="Only validate the files; record nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # Read the files afresh: they may have changed since this process started.
        rulebook_reset()
        rulebook = rulebook_get()
        self.stdout.write(f"Buku aturan {rulebook.version} (sha256 {rulebook.sha256[:12]}):")
        for name, count in rulebook.counts().items():
            self.stdout.write(f"  {name}: {count}")
        if options["check"]:
            self.stdout.write("Valid; tidak dicatat (--check).")
            return
        result = rulebook_register_active()
        if result.created:
            self.stdout.write(self.style.SUCCESS("Versi dicatat."))
        else:
            self.stdout.write("Versi ini sudah tercatat; tidak ada perubahan.")
