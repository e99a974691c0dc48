from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("reports", "0009_channels")]

    operations: list = []
