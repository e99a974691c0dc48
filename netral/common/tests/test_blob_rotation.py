"""Item 10.4: after rotation and dropping the old key, every kind of blob still opens:
evidence, official documents, PPK decrees, clarification attachments, and decrees sealed
the old way (as "evidence")."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from netral.accounts.models import User
from netral.cases.clarification import clarification_attachment_open
from netral.cases.models import CLARIFICATION_BLOBS
from netral.common import blobs
from netral.common.blob_check import storage_problems
from netral.common.tests.blob_flows import DECREE, store_one_of_each
from netral.documents.services import document_pdf
from netral.followup.models import DECREE_BLOBS, Sanction
from netral.followup.selectors import sanction_decree_read
from netral.reports.storage import evidence_read, evidence_write

pytestmark = pytest.mark.usefixtures("elections")

OLD = "b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleSE="
NEW = "UjNYt4kLq0cQ0qkJm3vSx6i1sH2R0D3u8z9cP1yWq5E="


def test_every_blob_opens_after_rotation_without_the_old_key(
    client: Client,
    make_user: Callable[..., User],
    settings: Any,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.MEDIA_ROOT = tmp_path
    settings.NETRAL_FIELD_KEYS = [OLD]
    stored = store_one_of_each(client, make_user)
    original = evidence_read(stored.evidence.original_path)
    pdf = document_pdf(document=stored.document)
    _rec, decree = sanction_decree_read(actor=stored.ppk, rec_id=stored.sanction.recommendation_id)
    assert decree == DECREE
    # A decree stored before decrees had their own purpose: sealed as evidence.
    legacy = evidence_write(folder="sanctions", data=DECREE, label="bin")
    blobs.delete([stored.sanction.file_path])
    Sanction.objects.filter(pk=stored.sanction.pk).update(file_path=legacy)
    before = {p for p in tmp_path.rglob("*") if p.is_file()}

    settings.NETRAL_FIELD_KEYS = [NEW, OLD]
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rotate_field_key", stdout=out)
    report = out.getvalue()

    settings.NETRAL_FIELD_KEYS = [NEW]  # the old key is gone
    after = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert not before & after  # every blob was resealed and its old file removed
    stored.evidence.refresh_from_db()
    assert evidence_read(stored.evidence.original_path) == original
    assert evidence_read(stored.evidence.clean_path)
    stored.document.refresh_from_db()
    assert document_pdf(document=stored.document) == pdf
    _rec, decree = sanction_decree_read(actor=stored.ppk, rec_id=stored.sanction.recommendation_id)
    assert decree == DECREE
    sanction = Sanction.objects.get(pk=stored.sanction.pk)
    assert blobs.unseal(DECREE_BLOBS, sanction.file_path, blobs.read_sealed(sanction.file_path))[1]
    data, content_type, _name = clarification_attachment_open(
        actor=stored.staff,
        case_id=stored.attachment.clarification.case_id,
        attachment_id=stored.attachment.pk,
    )
    assert content_type == "image/jpeg" and data.startswith(b"\xff\xd8")
    stored.attachment.refresh_from_db()
    assert blobs.get(CLARIFICATION_BLOBS, stored.attachment.path)
    # Storage and rows agree: nothing left behind, nothing missing, every hash right.
    assert list(storage_problems()) == []

    # The report names every kind of blob it resealed.
    for label in (
        "reports.Evidence.original_path: 1",
        "reports.Evidence.clean_path: 1",
        "documents.IssuedDocument.path: ",
        "followup.Sanction.file_path: 1",
        "cases.ClarificationAttachment.path: 1",
        "cases.ClarificationAttachment.clean_path: 1",
    ):
        assert label in report

    out = io.StringIO()
    call_command("rotate_field_key", stdout=out)
    assert "berkas: 0 dienkripsi ulang" in out.getvalue()
