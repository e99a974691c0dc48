from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.operations.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore an archive written by 'manage.py backup' onto an empty installation (a new "
        "database without tables, empty blob storage) that holds the NETRAL_FIELD_KEY and "
        "SECRET_KEY of the backup. Every hash is checked before anything is written; every "
        "restored blob is opened afterwards. Run 'manage.py migrate' after it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the archive to restore")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path} tidak ditemukan.")
        try:
            result = backup_restore(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Dipulihkan ({result.engine}): {result.blobs} berkas, {result.verified} dibuka dan "
            f"cocok, dalam {result.seconds:.1f} s"
        )
