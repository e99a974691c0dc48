from typing import Any

from django.core.management.base import BaseCommand

from netral.regions.services import regions_load


class Command(BaseCommand):
    help = "Load or update provinces and regencies/cities from the official code list."

    def handle(self, *args: Any, **options: Any) -> None:
        result = regions_load()
        self.stdout.write(f"{result.provinces} provinsi, {result.regencies} kabupaten/kota.")
