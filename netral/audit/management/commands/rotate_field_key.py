from typing import Any

from django.core.management.base import BaseCommand

from netral.audit.services import audit_record
from netral.common.rotation import blobs_rotate, fields_rotate


class Command(BaseCommand):
    help = (
        "Re-encrypt protected fields and every stored blob (evidence, official documents, "
        "decrees, attachments) under the first NETRAL_FIELD_KEY. Put the new key first, keep "
        "the old ones after it, run this, then drop the old keys."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        fields = fields_rotate()
        files = blobs_rotate()
        for rotation in fields:
            self.stdout.write(f"{rotation.label}: {rotation.rewritten} nilai dienkripsi ulang")
        for rotation in files:
            self.stdout.write(f"{rotation.label}: {rotation.rewritten} berkas dienkripsi ulang")
        self.stdout.write(f"berkas: {sum(r.rewritten for r in files)} dienkripsi ulang")
        audit_record(
            actor=None,
            action="crypto.rotate",
            object_type="netral",
            object_id="field-keys",
            after={
                "fields": {r.label: r.rewritten for r in fields},
                "blobs": {r.label: r.rewritten for r in files},
            },
        )
