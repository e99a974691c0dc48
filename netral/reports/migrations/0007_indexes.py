from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("reports", "0006_report_handling_region")]

    operations: list = []
