from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("prevention", "0002_appeals")]

    operations: list[migrations.operations.base.Operation] = []
