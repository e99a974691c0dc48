from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_case_finished_at")]

    operations: list = []
