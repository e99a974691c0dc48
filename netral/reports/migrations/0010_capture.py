from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reports", "0009_channels")]

    operations = [
        migrations.AddField(
            model_name="evidence",
            name="source_url",
            field=models.CharField(blank=True, max_length=2000),
        ),
    ]
