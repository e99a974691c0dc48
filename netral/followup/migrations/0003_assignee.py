from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("followup", "0002_indexes")]

    operations: list = []
