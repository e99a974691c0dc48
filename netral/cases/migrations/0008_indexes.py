from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_search")]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["office_region", "due_at"], name="case_office_due"),
        ),
    ]
