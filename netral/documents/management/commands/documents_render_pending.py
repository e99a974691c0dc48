from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.documents.services import documents_pending, documents_render_pending


class Command(BaseCommand):
    help = (
        "Render the PDF of every official document that is numbered but has no bytes yet "
        "(its render was queued when it was issued; this catches up after a crash or a lost "
        "task). Exit status 1 when some are still pending afterwards."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--list", action="store_true", help="only list pending documents, render nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            for document in documents_pending():
                self.stdout.write(f"pending: {document.number} (issued {document.issued_at:%c})")
            return
        for document in documents_render_pending():
            self.stdout.write(f"rendered: {document.number}")
        left = documents_pending().count()
        if left:
            raise CommandError(f"{left} document(s) still pending.", returncode=1)
