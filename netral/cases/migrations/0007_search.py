from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_case_file")]

    operations: list = []
