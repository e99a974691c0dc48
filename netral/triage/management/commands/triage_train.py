"""``manage.py triage_train``: fit the report-type classifier on the labelled data set's train
split and write the artefact shipped beside it (``netral/triage/data/classifier.json``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from netral.triage.classify.dataset import LABELLED_FILE
from netral.triage.classify.training import ARTEFACT_FILE, artefact_build, artefact_write


class Command(BaseCommand):
    help = "Latih pengklasifikasi jenis pelanggaran dan tulis artefaknya."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", type=Path, default=LABELLED_FILE)
        parser.add_argument("--output", type=Path, default=ARTEFACT_FILE)

    def handle(self, *args: Any, **options: Any) -> None:
        artefact = artefact_build(options["data"])
        artefact_write(artefact, options["output"])
        features = sum(len(b["features"]) for b in artefact["blocks"])
        self.stdout.write(
            f"{artefact['trained_on']} contoh latih, {len(artefact['classes'])} label, "
            f"{features} fitur, suhu kalibrasi {artefact['temperature']}\n"
            f"data sha256 {artefact['data_sha256']}\n"
            f"-> {options['output']}"
        )
