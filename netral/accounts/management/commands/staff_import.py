"""``manage.py staff_import <file.xlsx>``: create staff accounts from an XLSX, all or none,
and mail each an invitation link (the same checks as the import page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.accounts.staff_import import (
    MAX_BYTES,
    StaffImportFailed,
    staff_import_check,
    staff_import_run,
)
from netral.common.errors import ApplicationError


class Command(BaseCommand):
    help = "Buat akun petugas dari berkas XLSX (semua baris atau tidak satu pun)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Hanya periksa berkas.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            with path.open("rb") as handle:
                content = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CommandError(f"Berkas tidak dapat dibaca: {exc}") from exc
        try:
            if options["dry_run"]:
                check = staff_import_check(content=content)
                if check.errors:
                    raise StaffImportFailed(check.errors)
                self.stdout.write(f"{len(check.rows)} baris sah; tidak ada yang dibuat.")
                return
            created = staff_import_run(actor=None, content=content)
        except StaffImportFailed as exc:
            for error in exc.errors:
                self.stderr.write(error)
            raise CommandError("Tidak ada akun yang dibuat.") from exc
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        for user in created:
            self.stdout.write(f"{user.username}\t{user.email}")
        self.stdout.write(f"{len(created)} akun dibuat; undangan dikirim.")
