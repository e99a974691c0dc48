from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("reports", "0007_indexes")]

    operations: list = []
