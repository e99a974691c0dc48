import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("prevention", "0003_commitments"),
        ("elections", "0001_initial"),
        ("regions", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations: list[migrations.operations.base.Operation] = [
        migrations.CreateModel(
            name="PledgeEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("public_id", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("held_on", models.DateField()),
                ("agency", models.CharField(max_length=200)),
                (
                    "agency_type",
                    models.CharField(
                        choices=[
                            ("central", "Kementerian/lembaga pusat"),
                            ("province", "Pemerintah provinsi"),
                            ("regency", "Pemerintah kabupaten/kota"),
                            ("village", "Pemerintah desa"),
                            ("other", "Lainnya/tidak diketahui"),
                        ],
                        db_index=True,
                        max_length=20,
                    ),
                ),
                ("asn_count", models.PositiveIntegerField()),
                ("place", models.CharField(max_length=200)),
                ("photo_kind", models.CharField(blank=True, max_length=10)),
                ("photo_size", models.PositiveBigIntegerField(default=0)),
                ("photo_sha256", models.CharField(blank=True, max_length=64)),
                ("photo_path", models.CharField(blank=True, max_length=300)),
                ("photo_clean_path", models.CharField(blank=True, max_length=300)),
                ("photo_clean_content_type", models.CharField(blank=True, max_length=100)),
                ("recorded_at", models.DateTimeField()),
                (
                    "election",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="pledge_events",
                        to="elections.election",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="regions.region",
                    ),
                ),
            ],
            options={
                "verbose_name": "ikrar bersama",
                "verbose_name_plural": "ikrar bersama",
                "ordering": ["-held_on", "-pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("asn_count__gte", 1)),
                        name="pledge_event_asn_count_positive",
                    )
                ],
            },
        ),
    ]
