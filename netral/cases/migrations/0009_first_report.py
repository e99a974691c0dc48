from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_indexes")]

    operations: list = []
