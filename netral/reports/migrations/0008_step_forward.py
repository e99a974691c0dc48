from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reports", "0007_indexes")]

    operations: list = [
        migrations.AddField(
            model_name="report",
            name="stepped_forward_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
