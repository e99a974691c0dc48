from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_api_token_default_expiry")]

    operations: list = []
