"""The stage of the case's first event stored on the case (issue #13): the inbox shows and
sorts by it through a join instead of a subquery per case. Filled from the stored event date
in batches of consecutive case ids (one UPDATE each)."""

from typing import Any

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

BATCH = 5000


def fill(apps: Any, schema_editor: Any) -> None:
    Case = apps.get_model("cases", "Case")
    Stage = apps.get_model("elections", "Stage")
    alias = schema_editor.connection.alias
    stage = Subquery(
        Stage.objects.using(alias)
        .filter(
            cycle__elections=OuterRef("election_id"),
            start__lte=OuterRef("first_event_date"),
            end__gte=OuterRef("first_event_date"),
        )
        .order_by("-start", "-order")
        .values("pk")[:1]
    )
    cases = Case.objects.using(alias).filter(first_event_date__isnull=False)
    last = 0
    while True:
        ids = list(cases.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:BATCH])
        if not ids:
            return
        Case.objects.using(alias).filter(pk__gte=ids[0], pk__lte=ids[-1]).update(
            first_event_stage=stage
        )
        last = ids[-1]


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0009_first_report"),
        ("elections", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="first_event_stage",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="elections.stage",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
