from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("prevention", "0004_pledge_events")]

    operations: list[migrations.operations.base.Operation] = []
