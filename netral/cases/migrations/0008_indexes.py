from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_search")]

    operations: list = []
