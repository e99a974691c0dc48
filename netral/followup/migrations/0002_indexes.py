from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("followup", "0001_initial")]

    operations = [
        migrations.AddIndex(
            model_name="recommendation",
            index=models.Index(
                fields=["ppk_region", "addressee", "status"], name="rec_ppk_addressee_status"
            ),
        ),
    ]
