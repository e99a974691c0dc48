import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

import netral.cases.models.search

# PostgreSQL only: the GIN index over the generated tsvector. SQLite searches ``document``.
TSV_ADD = "CREATE INDEX cases_casesearch_document_tsv ON cases_casesearch USING gin (document_tsv)"
TSV_DROP = "DROP INDEX IF EXISTS cases_casesearch_document_tsv"


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


def backfill(apps, schema_editor):
    """Index the cases that exist already (the same document ``netral.cases.search`` builds)."""
    from django.utils import timezone

    from netral.cases.search import MAX_DOCUMENT_CHARS, MAX_PART_CHARS, normalise

    Case = apps.get_model("cases", "Case")
    CaseSearch = apps.get_model("cases", "CaseSearch")
    Report = apps.get_model("reports", "Report")
    Message = apps.get_model("reports", "Message")
    now = timezone.now()
    last = 0
    while True:
        cases = list(Case.objects.filter(pk__gt=last).order_by("pk")[:1000])
        if not cases:
            return
        ids = [c.pk for c in cases]
        parts = {c.pk: [c.register_number or ""] for c in cases}
        for r in Report.objects.filter(case_id__in=ids).order_by("submitted_at", "pk"):
            parts[r.case_id] += [
                r.reported_name,
                r.reported_nip,
                r.agency,
                r.chronology[:MAX_PART_CHARS],
            ]
        for m in (
            Message.objects.filter(report__case_id__in=ids, sender="reporter")
            .select_related("report")
            .order_by("created_at", "pk")
        ):
            parts[m.report.case_id].append(m.body[:MAX_PART_CHARS])
        CaseSearch.objects.bulk_create(
            [
                CaseSearch(
                    case_id=pk,
                    document=f" {normalise(' '.join(p for p in texts if p))[:MAX_DOCUMENT_CHARS]} ",
                    updated_at=now,
                )
                for pk, texts in parts.items()
            ]
        )
        last = ids[-1]


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_case_file"), ("reports", "0006_report_handling_region")]

    operations = [
        migrations.CreateModel(
            name="CaseSearch",
            fields=[
                (
                    "case",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search",
                        serialize=False,
                        to="cases.case",
                    ),
                ),
                ("document", models.TextField(blank=True)),
                (
                    "document_tsv",
                    models.GeneratedField(
                        db_persist=True,
                        expression=netral.cases.models.search.DocumentVector("document"),
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                ),
                ("updated_at", models.DateTimeField()),
            ],
            options={"verbose_name": "indeks pencarian kasus"},
        ),
        migrations.RunPython(_on_postgresql(TSV_ADD), _on_postgresql(TSV_DROP)),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
