import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.common.blob_check import format_age, orphan_delete, parse_age, storage_problems

# Younger orphans may be writes whose transaction has not committed yet.
MIN_DELETE_AGE = datetime.timedelta(minutes=10)


def _age(value: str) -> datetime.timedelta:
    try:
        return parse_age(value)
    except ValueError as error:
        raise CommandError(str(error)) from None


class Command(BaseCommand):
    help = (
        "Compare stored blobs with the rows that point at them: orphans (blobs without a row, "
        "with their age), rows whose blob is missing, does not decrypt or has another SHA-256. "
        "One line per problem; exit status 0 when storage and rows agree, 1 otherwise. "
        "--delete-orphans --older-than 1d removes orphans older than the age given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--delete-orphans", action="store_true")
        parser.add_argument(
            "--older-than", default="1d", help="with --delete-orphans: e.g. 1d, 12h (>= 10m)"
        )
        parser.add_argument(
            "--presence-only",
            action="store_true",
            help="do not decrypt blobs or compare hashes (faster)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        older_than = _age(options["older_than"])
        deleting = options["delete_orphans"]
        if deleting and older_than < MIN_DELETE_AGE:
            raise CommandError("--older-than must be at least 10m.")
        problems = 0
        for problem in storage_problems(check_contents=not options["presence_only"]):
            if deleting and orphan_delete(problem, older_than=older_than):
                self.stdout.write(f"deleted: {problem.ref} (age {format_age(problem.age_seconds)})")
                continue
            self.stdout.write(problem.line())
            problems += 1
        if problems:
            raise CommandError(f"{problems} problem(s) between storage and rows.", returncode=1)
