import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("triage", "0002_duplicates"),
        ("reports", "0006_report_handling_region"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Suggestion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("violation_type", "Jenis pelanggaran"), ("nip", "NIP terlapor")],
                        max_length=20,
                    ),
                ),
                ("value", models.CharField(max_length=60)),
                ("confidence", models.FloatField(blank=True, null=True)),
                ("rank", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("because", models.JSONField(blank=True, default=list)),
                ("model", models.CharField(blank=True, max_length=64)),
                (
                    "outcome",
                    models.CharField(
                        choices=[("accepted", "Diterima"), ("rejected", "Ditolak")], max_length=10
                    ),
                ),
                ("decided_at", models.DateTimeField()),
                (
                    "decided_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
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
                "verbose_name": "saran triase",
                "verbose_name_plural": "saran triase",
                "ordering": ["-decided_at", "-pk"],
                "indexes": [
                    models.Index(fields=["kind", "outcome"], name="triage_sugg_kind_52e20c_idx")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("report", "kind", "value"), name="suggestion_one_decision"
                    )
                ],
            },
        ),
    ]
