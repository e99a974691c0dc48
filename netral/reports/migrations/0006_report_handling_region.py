"""Reports learn which office handles them: access on the staff side follows the case's
office, not the event's region. Existing rows take their case's office."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def from_cases(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    Case = apps.get_model("cases", "Case")
    office = Case.objects.filter(pk=OuterRef("case_id")).values("office_region_id")[:1]
    Report.objects.filter(case__isnull=False).update(handling_region_id=Subquery(office))


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_clarification_clarificationattachment"),
        ("regions", "0001_initial"),
        ("reports", "0005_importjob"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="handling_region",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="regions.region",
            ),
        ),
        migrations.RunPython(from_cases, migrations.RunPython.noop),
    ]
