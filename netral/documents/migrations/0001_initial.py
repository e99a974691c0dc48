"""Official documents move here from ``audit`` (where 0003 created their tables).

State only: the tables ``audit_documentcounter`` and ``audit_issueddocument`` already exist
and keep their names (``db_table``), so issued documents and their counters stay as they
are. ``audit.0004_documents_moved`` then removes the models from the audit app's state.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("audit", "0003_issued_documents"),
        ("regions", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="DocumentCounter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("scope", models.CharField(max_length=20)),
                        ("year", models.PositiveSmallIntegerField()),
                        ("last", models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        "db_table": "audit_documentcounter",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("scope", "year"), name="document_counter_unique"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="IssuedDocument",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("number", models.CharField(max_length=40, unique=True)),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("receipt", "Tanda terima laporan"),
                                    ("registration_notice", "Pemberitahuan registrasi"),
                                    (
                                        "non_registration_notice",
                                        "Pemberitahuan tidak diregistrasi",
                                    ),
                                    ("clarification_invitation", "Undangan klarifikasi"),
                                    ("clarification_minutes", "Berita acara klarifikasi"),
                                    ("status_announcement", "Pengumuman status"),
                                    ("recommendation", "Surat rekomendasi"),
                                ],
                                db_index=True,
                                max_length=30,
                            ),
                        ),
                        ("title", models.CharField(max_length=200)),
                        ("issued_at", models.DateTimeField()),
                        ("sha256", models.CharField(max_length=64, unique=True)),
                        ("size", models.PositiveIntegerField()),
                        ("path", models.CharField(max_length=300)),
                        ("reference", models.CharField(blank=True, db_index=True, max_length=100)),
                        (
                            "issued_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "office_region",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="regions.region",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "dokumen resmi",
                        "verbose_name_plural": "dokumen resmi",
                        "db_table": "audit_issueddocument",
                        "ordering": ["-issued_at", "-pk"],
                    },
                ),
            ],
        )
    ]
