from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

# Case-insensitive look-ups of the reported person (``agency__icontains`` in the inbox's
# filter, ``__iexact`` in the merge candidates) compare ``UPPER(col::text)``: on PostgreSQL a
# trigram GIN index on that expression serves LIKE '%...%' and equality. SQLite has neither
# GIN nor pg_trgm: there the operations do nothing (TrigramExtension skips other databases).
TRIGRAM_COLUMNS = {
    "report_name_trgm": "reported_name",
    "report_nip_trgm": "reported_nip",
    "report_agency_trgm": "agency",
}


def trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in TRIGRAM_COLUMNS.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "reports_report" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def trigram_indexes_drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_COLUMNS:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("reports", "0006_report_handling_region")]

    operations = [
        migrations.AddIndex(
            model_name="report",
            index=models.Index(fields=["region", "submitted_at"], name="report_region_submitted"),
        ),
        migrations.AddIndex(
            model_name="report",
            index=models.Index(fields=["election", "region"], name="report_election_region"),
        ),
        TrigramExtension(),
        migrations.RunPython(trigram_indexes, trigram_indexes_drop, elidable=False),
    ]
