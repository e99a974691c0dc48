from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("prevention", "0003_commitments")]

    operations: list[migrations.operations.base.Operation] = []
