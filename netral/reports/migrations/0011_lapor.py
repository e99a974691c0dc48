import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0010_capture"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="LaporForward",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "tracking_number",
                    models.CharField(max_length=30, verbose_name="nomor pelacakan LAPOR!"),
                ),
                ("forwarded_at", models.DateTimeField(verbose_name="diteruskan pada")),
                (
                    "forwarded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "report",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="lapor_forward",
                        to="reports.report",
                    ),
                ),
            ],
            options={
                "verbose_name": "penerusan ke SP4N-LAPOR!",
                "verbose_name_plural": "penerusan ke SP4N-LAPOR!",
            },
        ),
    ]
