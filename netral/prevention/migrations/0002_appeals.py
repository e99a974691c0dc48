from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("prevention", "0001_pledges")]

    operations: list[migrations.operations.base.Operation] = []
