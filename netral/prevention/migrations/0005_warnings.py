"""Early warnings per region (issue #11 item 5)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("prevention", "0004_pledge_events"),
        ("elections", "0001_initial"),
        ("regions", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="EarlyWarning",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("computed_for", models.DateField(verbose_name="tanggal perhitungan")),
                ("stage_code", models.SlugField(blank=True, max_length=40)),
                ("score", models.PositiveSmallIntegerField(default=0)),
                ("signals", models.JSONField(default=list)),
                ("actions", models.JSONField(default=list)),
                ("rulebook_version", models.CharField(blank=True, max_length=20)),
                ("created_at", models.DateTimeField()),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "Terbuka"), ("acknowledged", "Ditindaklanjuti")],
                        default="open",
                        max_length=12,
                    ),
                ),
                ("acknowledged_at", models.DateTimeField(blank=True, null=True)),
                (
                    "action_taken",
                    models.TextField(blank=True, verbose_name="tindakan yang dilakukan"),
                ),
                (
                    "acknowledged_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "election",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="elections.election",
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
                "verbose_name": "peringatan dini",
                "verbose_name_plural": "peringatan dini",
                "ordering": ["-computed_for", "-score", "region_id"],
                "indexes": [
                    models.Index(
                        fields=["status", "computed_for"], name="prevention__status_798f1f_idx"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("region", "computed_for"), name="early_warning_region_day"
                    )
                ],
            },
        ),
    ]
