from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("triage", "0002_duplicates")]

    operations: list[migrations.operations.base.Operation] = []
