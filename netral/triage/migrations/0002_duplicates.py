from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("triage", "0001_persons")]

    operations: list[migrations.operations.base.Operation] = []
