from typing import Any

from django.core.management.base import BaseCommand, CommandError

from netral.audit.models import AuditEntry
from netral.audit.selectors import audit_verify


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain; exit non-zero at the first broken entry."

    def handle(self, *args: Any, **options: Any) -> None:
        problem = audit_verify()
        if problem is not None:
            raise CommandError(f"Jejak audit RUSAK pada entri #{problem.seq}: {problem.message}")
        self.stdout.write(f"Jejak audit utuh: {AuditEntry.objects.count()} entri terverifikasi.")
