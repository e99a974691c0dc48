import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("reports", "0006_report_handling_region"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Person",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("public_id", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("nip", models.CharField(blank=True, max_length=18, verbose_name="NIP")),
                ("name", models.CharField(max_length=200, verbose_name="nama")),
                ("name_key", models.CharField(db_index=True, max_length=200)),
                ("agencies", models.JSONField(blank=True, default=list)),
                ("created_at", models.DateTimeField()),
                (
                    "merged_into",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="triage.person",
                    ),
                ),
            ],
            options={
                "verbose_name": "orang terlapor",
                "verbose_name_plural": "orang terlapor",
                "ordering": ["name_key", "pk"],
            },
        ),
        migrations.CreateModel(
            name="PersonLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("linked", "Tertaut"),
                            ("proposed", "Usulan kecocokan"),
                            ("rejected", "Ditolak"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "basis",
                    models.CharField(
                        choices=[
                            ("nip", "NIP sama"),
                            ("name_agency", "Nama dan instansi mirip"),
                            ("new", "Orang baru dari laporan"),
                            ("staff", "Ditetapkan petugas"),
                        ],
                        max_length=12,
                    ),
                ),
                ("score", models.FloatField(default=1.0)),
                ("created_at", models.DateTimeField()),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="links",
                        to="triage.person",
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
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(
                condition=models.Q(("nip", ""), _negated=True),
                fields=("nip",),
                name="person_nip_unique",
            ),
        ),
        migrations.AddIndex(
            model_name="personlink",
            index=models.Index(fields=["person", "status"], name="triage_pers_person__333196_idx"),
        ),
        migrations.AddConstraint(
            model_name="personlink",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "rejected"), _negated=True),
                fields=("report",),
                name="person_link_one_per_report",
            ),
        ),
    ]
