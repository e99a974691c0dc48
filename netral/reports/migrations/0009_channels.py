from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("reports", "0008_step_forward")]

    operations: list = []
