"""Import IKP context indicators from a CSV file: ``region,indicator,value[,source]``.

    python manage.py ikp_import_indicators indikator-2024.csv

Indicator codes are those with ``source = "imported"`` in the rulebook's ``ikp.toml``.
All or nothing: a bad line stops the import and every bad line is listed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.analytics.services import indicator_values_import
from netral.common.errors import ApplicationError


class Command(BaseCommand):
    help = "Impor nilai indikator konteks IKP per wilayah dari CSV (region,indicator,value,source)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Berkas {path} tidak dapat dibaca: {exc}") from exc
        try:
            result = indicator_values_import(actor=None, text=text)
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Dibuat {result.created}, diperbarui {result.updated}.")
