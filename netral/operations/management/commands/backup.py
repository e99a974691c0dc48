from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.operations.backup import BackupError, backup_write


class Command(BaseCommand):
    help = (
        "Write a consistent archive of the database (pg_dump on PostgreSQL, the online backup "
        "API on SQLite) and every encrypted blob it points at, with a manifest of SHA-256 "
        "hashes. The archive is useless without NETRAL_FIELD_KEY and SECRET_KEY: escrow them "
        "apart from it (README, backup and restore)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the archive to write (a .tar)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if path.exists():
            raise CommandError(f"{path} sudah ada; pilih nama lain.")
        try:
            result = backup_write(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Cadangan {result.engine}: {result.path} ({result.size:,} bita, "
            f"{result.blobs} berkas terenkripsi) dalam {result.seconds:.1f} s"
        )
