import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("triage", "0001_persons"),
        ("reports", "0006_report_handling_region"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReportSignature",
            fields=[
                (
                    "report",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="reports.report",
                    ),
                ),
                ("version", models.PositiveSmallIntegerField()),
                ("reported_nip", models.CharField(blank=True, db_index=True, max_length=18)),
                ("name_key", models.CharField(blank=True, max_length=200)),
                ("agency_key", models.CharField(blank=True, max_length=300)),
                ("region_code", models.CharField(blank=True, max_length=13)),
                ("event_date", models.DateField(blank=True, null=True)),
                ("text_minhash", models.BinaryField(max_length=512)),
                ("computed_at", models.DateTimeField()),
            ],
        ),
        migrations.CreateModel(
            name="ReportSignatureKey",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("key", models.BigIntegerField()),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="reports.report",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["key", "report"], name="triage_sigkey_key_report")
                ],
            },
        ),
    ]
