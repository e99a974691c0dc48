import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_api_token_default_expiry")]

    operations: list = [
        migrations.CreateModel(
            name="NotificationSettings",
            fields=[
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="notification_settings",
                        serialize=False,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "email_frequency",
                    models.CharField(
                        choices=[
                            ("immediate", "Segera"),
                            ("hourly", "Ringkasan per jam"),
                            ("daily", "Ringkasan harian"),
                        ],
                        default="daily",
                        max_length=10,
                        verbose_name="kirim e-mail",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="Notification",
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
                        choices=[
                            ("new_case", "Kasus baru di kantor Anda"),
                            ("reporter_message", "Pesan baru dari pelapor"),
                            ("reveal_request", "Permintaan pengungkapan identitas"),
                            ("reveal_decision", "Keputusan atas permintaan pengungkapan"),
                            ("assignment", "Penugasan"),
                            ("recommendation", "Rekomendasi masuk"),
                            ("deadline_tomorrow", "Tenggat besok"),
                            ("ppk_silent", "PPK melewati tenggat"),
                        ],
                        max_length=20,
                    ),
                ),
                ("text", models.CharField(max_length=200)),
                ("link", models.CharField(max_length=300)),
                ("key", models.CharField(blank=True, max_length=120)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("read_at", models.DateTimeField(blank=True, null=True)),
                ("emailed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notifications",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-pk"],
                "indexes": [
                    models.Index(fields=["user", "read_at"], name="notification_user_unread")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("key", ""), _negated=True),
                        fields=("user", "key"),
                        name="notification_key_once",
                    )
                ],
            },
        ),
    ]
