import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_assignment_notes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CaseFile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("public_id", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "recipient",
                    models.CharField(
                        choices=[
                            ("gakkumdu", "Sentra Gakkumdu"),
                            ("bkn", "Badan Kepegawaian Negara (BKN)"),
                            ("dkpp", "Dewan Kehormatan Penyelenggara Pemilu (DKPP)"),
                        ],
                        max_length=10,
                    ),
                ),
                ("identity_requested", models.BooleanField(default=False)),
                ("identity_included", models.BooleanField(default=False)),
                ("requested_at", models.DateTimeField()),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Menunggu diproses"),
                            ("building", "Sedang disusun"),
                            ("done", "Selesai"),
                            ("failed", "Gagal disusun"),
                        ],
                        default="pending",
                        max_length=10,
                    ),
                ),
                ("progress", models.PositiveSmallIntegerField(default=0)),
                ("step", models.CharField(blank=True, max_length=100)),
                ("error", models.CharField(blank=True, max_length=300)),
                ("sha256", models.CharField(blank=True, max_length=64)),
                ("size", models.PositiveBigIntegerField(default=0)),
                ("path", models.CharField(blank=True, max_length=300)),
                ("manifest", models.JSONField(blank=True, default=list)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="case_files",
                        to="cases.case",
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"ordering": ["-requested_at", "-pk"]},
        ),
        migrations.CreateModel(
            name="Redaction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "target",
                    models.CharField(
                        choices=[
                            ("chronology", "Kronologi"),
                            ("witnesses", "Daftar saksi"),
                            ("message", "Pesan"),
                            ("minutes", "Berita acara klarifikasi"),
                        ],
                        max_length=12,
                    ),
                ),
                ("target_id", models.CharField(max_length=64)),
                ("original_sha256", models.CharField(max_length=64)),
                ("spans", models.JSONField(default=list)),
                ("terms", models.JSONField(default=list)),
                ("redacted_text", models.TextField()),
                ("created_at", models.DateTimeField()),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="redactions",
                        to="cases.case",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["case", "target", "target_id"], name="redaction_target_idx"
                    )
                ],
            },
        ),
    ]
