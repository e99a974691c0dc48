"""Typed subjects instead of reference strings, and kinds the issuing apps register.

``reference`` held what a document is about as text: "case:12", "case:12/clarification:3",
"report:<public id>", "recommendation:5". It becomes ``subject_type`` + ``subject_id``
(("case", "12"), ("clarification", "3"), ...), converted row by row; the last segment of a
path names the subject. ``kind`` keeps its stored strings but loses the central list of
choices: the apps that issue documents register their kinds (``netral.documents.kinds``).
"""

from django.db import migrations, models

SUBJECT_TYPES = ("case", "clarification", "report", "recommendation")


def subject_of(reference: str) -> tuple[str, str]:
    last = reference.rsplit("/", 1)[-1]
    kind, sep, ident = last.partition(":")
    if not sep or not ident:
        raise ValueError(f"official document reference {reference!r} names no subject")
    return kind, ident


def forward(apps, schema_editor):
    IssuedDocument = apps.get_model("documents", "IssuedDocument")
    for document in IssuedDocument.objects.only("pk", "reference").iterator():
        subject_type, subject_id = subject_of(document.reference)
        IssuedDocument.objects.filter(pk=document.pk).update(
            subject_type=subject_type, subject_id=subject_id
        )


def backward(apps, schema_editor):
    IssuedDocument = apps.get_model("documents", "IssuedDocument")
    cursor = schema_editor.connection.cursor()
    for document in IssuedDocument.objects.only("pk", "subject_type", "subject_id").iterator():
        reference = f"{document.subject_type}:{document.subject_id}"
        if document.subject_type == "clarification":
            # Stored under its case before: "case:12/clarification:3".
            cursor.execute(
                "SELECT case_id FROM cases_clarification WHERE id = %s", [document.subject_id]
            )
            row = cursor.fetchone()
            if row is not None:
                reference = f"case:{row[0]}/{reference}"
        IssuedDocument.objects.filter(pk=document.pk).update(reference=reference)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="issueddocument",
            name="kind",
            field=models.CharField(db_index=True, max_length=30),
        ),
        migrations.AddField(
            model_name="issueddocument",
            name="subject_type",
            field=models.CharField(default="", max_length=40),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="issueddocument",
            name="subject_id",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(forward, backward),
        migrations.RemoveField(model_name="issueddocument", name="reference"),
        migrations.AddIndex(
            model_name="issueddocument",
            index=models.Index(fields=["subject_type", "subject_id"], name="document_subject_idx"),
        ),
    ]
