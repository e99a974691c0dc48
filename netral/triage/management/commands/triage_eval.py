"""``manage.py triage_eval``: how well triage's suggestions do on the labelled data.

One section per suggestion kind; each prints its figures and says whether they reach their
bar. The command fails (exit status 1) when any section does not. A new section is a function
``(stdout) -> bool`` added to ``SECTIONS``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.triage.classify.evaluate import scores_compute
from netral.triage.classify.predict import ModelStale, model_load
from netral.triage.duplicates_eval import duplicates_section

MACRO_F1_BAR = 0.85
CONFUSIONS_SHOWN = 10


def classification_section(stdout: TextIO) -> bool:
    """Macro-F1 and F1 per type of the shipped artefact on the test split (the artefact must
    have been trained on this very data set), and the most frequent confusions."""
    try:
        model = model_load(strict=True)
    except ModelStale as exc:
        stdout.write(f"Klasifikasi: {exc}\n")
        return False
    scores = scores_compute(model)
    stdout.write(
        f"Klasifikasi: {scores.examples} contoh uji, macro-F1 {scores.macro_f1:.3f} "
        f"(batas {MACRO_F1_BAR})\n"
        f"  {'jenis':34} {'presisi':>7} {'recall':>7} {'F1':>6} {'n':>4}\n"
    )
    for code, (precision, recall, f1, support) in scores.per_type.items():
        stdout.write(f"  {code:34} {precision:7.3f} {recall:7.3f} {f1:6.3f} {support:4d}\n")
    stdout.write("  Tertukar terbanyak (label -> tebakan):\n")
    for truth, guess, count in scores.confusions[:CONFUSIONS_SHOWN]:
        stdout.write(f"  {count:4d}  {truth} -> {guess}\n")
    if not scores.confusions:
        stdout.write("  (tidak ada)\n")
    return scores.macro_f1 >= MACRO_F1_BAR


SECTIONS: dict[str, Callable[[TextIO], bool]] = {
    "classification": classification_section,
    "duplicates": duplicates_section,
}


class Command(BaseCommand):
    help = "Nilai saran triase pada data berlabel (klasifikasi: macro-F1 per jenis)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--section", action="append", choices=sorted(SECTIONS), help="bawaan: semua"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # Django's OutputWrapper writes like a text stream; sections take any TextIO.
        stdout = cast(TextIO, self.stdout)
        failed = [
            name for name in options["section"] or list(SECTIONS) if not SECTIONS[name](stdout)
        ]
        if failed:
            raise CommandError(f"Di bawah batas: {', '.join(failed)}")
