"""When a case's handling ended, so that a finished case shows it instead of a countdown.
Existing cases take the decision time, or the audit entry of their non-registration or
merge, or else the earliest of their announcement and closing."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce, Least

FINISHED = ("decided", "not_registered", "merged", "announced", "closed")


def backfill(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    ended = AuditEntry.objects.filter(
        object_type="cases.case",
        object_id=Cast(OuterRef("pk"), models.CharField()),
        action__in=("case.decide", "case.not_register", "case.merge"),
    ).order_by("seq")
    Case.objects.filter(status__in=FINISHED, finished_at__isnull=True).update(
        finished_at=Coalesce(
            "decided_at",
            Subquery(ended.values("at")[:1]),
            Least("announced_at", "closed_at"),
            "announced_at",
            "closed_at",
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("cases", "0003_clarification_clean_copy"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="finished_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
