from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_assignment_notes")]

    operations: list = []
