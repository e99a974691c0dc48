"""The case's first report stored on the case for the inbox (issue #13): the fields, filled
from the reports in batches of consecutive case ids (one UPDATE each, on SQLite and
PostgreSQL alike), then the indexes the inbox sorts by (built after the fill)."""

from typing import Any

from django.db import migrations, models
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

BATCH = 5000


def fill(apps: Any, schema_editor: Any) -> None:
    Case = apps.get_model("cases", "Case")
    Report = apps.get_model("reports", "Report")
    alias = schema_editor.connection.alias

    def first(field: str) -> Subquery:
        reports = Report.objects.using(alias).filter(case=OuterRef("pk"))
        return Subquery(reports.order_by("submitted_at", "pk").values(field)[:1])

    def refresh(cases: Q) -> None:
        Case.objects.using(alias).filter(cases).update(
            first_reported_name=Coalesce(first("reported_name"), Value("")),
            first_agency=Coalesce(first("agency"), Value("")),
            first_event_date=first("event_date"),
        )

    last = 0
    ids = Case.objects.using(alias).order_by("pk").values_list("pk", flat=True)
    while True:
        bound = list(ids.filter(pk__gt=last)[BATCH - 1 : BATCH])
        if not bound:
            refresh(Q(pk__gt=last))
            return
        refresh(Q(pk__gt=last, pk__lte=bound[0]))
        last = bound[0]


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_indexes"), ("reports", "0009_channels")]

    operations = [
        migrations.AddField(
            model_name="case",
            name="first_agency",
            field=models.CharField(blank=True, default="", max_length=200),
        ),
        migrations.AddField(
            model_name="case",
            name="first_event_date",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="case",
            name="first_reported_name",
            field=models.CharField(blank=True, default="", max_length=200),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["office_region", "first_reported_name"], name="case_office_name"
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["office_region", "first_agency"], name="case_office_agency"),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["first_reported_name"], name="case_name"),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["first_agency"], name="case_agency"),
        ),
    ]
