"""Item 10.4: every model column that points at a blob is on the registry (a BlobRefField
with a purpose), so rotation and storage_check cannot miss one."""

from __future__ import annotations

import re

from django.apps import apps
from django.db import models

from netral.common.blobs import BlobRefField, blob_columns

# Names a column holding a storage path or object key would have.
BLOB_LIKE_NAME = re.compile(r"(^|_)(path|file|blob|blob_ref|storage_key|object_key)$")


def netral_fields() -> list[tuple[str, models.Field]]:
    return [
        (f"{model._meta.label}.{field.name}", field)
        for model in apps.get_models()
        if model.__module__.startswith("netral.")
        for field in model._meta.concrete_fields
    ]


def test_every_path_like_or_file_column_is_a_registered_blob_column() -> None:
    unregistered = [
        label
        for label, field in netral_fields()
        if (isinstance(field, models.FileField) or BLOB_LIKE_NAME.search(field.name))
        and not (isinstance(field, BlobRefField) and field.purpose is not None)
    ]
    assert unregistered == [], (
        "These columns look like they point at stored files but are not BlobRefField(purpose) "
        "columns, so key rotation and storage_check would miss them: " + ", ".join(unregistered)
    )


def test_every_blob_field_names_its_purpose_and_an_existing_hash_column() -> None:
    for label, field in netral_fields():
        if isinstance(field, BlobRefField):
            assert field.purpose is not None, label
            if field.sha256_field:
                assert field.model._meta.get_field(field.sha256_field), label


def test_the_registry_holds_every_kind_of_blob() -> None:
    found = {column.label: column.purpose.name for column in blob_columns()}
    assert found == {
        "reports.Evidence.original_path": "evidence",
        "reports.Evidence.clean_path": "evidence",
        "documents.IssuedDocument.path": "document",
        "followup.Sanction.file_path": "decree",
        "cases.ClarificationAttachment.path": "clarification",
        "cases.ClarificationAttachment.clean_path": "clarification",
        "cases.CaseFile.path": "case_file",
        "cases.CaseNoteAttachment.path": "case_note",
        "cases.CaseNoteAttachment.clean_path": "case_note",
        "prevention.AppealFollowUp.file_path": "appeal",
        "prevention.IntegrityPact.file_path": "pact",
        "prevention.CoordinationMeeting.minutes_path": "minutes",
        "prevention.PledgeEvent.photo_path": "pledge_event",
        "prevention.PledgeEvent.photo_clean_path": "pledge_event",
    }
