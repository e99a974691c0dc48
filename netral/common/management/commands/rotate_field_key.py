from typing import Any

from django.core.management.base import BaseCommand

from netral.audit.services import audit_record
from netral.common.rotation import fields_rotate
from netral.reports.storage import evidence_rotate


class Command(BaseCommand):
    help = (
        "Re-encrypt protected fields and evidence files under the first NETRAL_FIELD_KEY. "
        "Put the new key first, keep the old ones after it, run this, then drop the old keys."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        fields = fields_rotate()
        files = evidence_rotate()
        for rotation in fields:
            self.stdout.write(f"{rotation.label}: {rotation.rewritten} nilai dienkripsi ulang")
        self.stdout.write(f"berkas bukti: {files} dienkripsi ulang")
        audit_record(
            actor=None,
            action="crypto.rotate",
            object_type="netral",
            object_id="field-keys",
            after={"fields": {r.label: r.rewritten for r in fields}, "evidence_files": files},
        )
