"""Official documents now belong to the ``documents`` app (``documents.0001_initial`` takes
them over in its state). State only: their tables stay, under the same names."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_issued_documents"),
        ("documents", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="DocumentCounter"),
                migrations.DeleteModel(name="IssuedDocument"),
            ],
        )
    ]
