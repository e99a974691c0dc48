"""Item 14.3: internal notes with attachments through the evidence pipeline (sealed original,
cleaned copy), for the case's staff only: never the reporter's tracking page, never a partner
desk; adding a note and opening an attachment audited."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases.assignment import case_note_add, case_note_attachment_open, case_notes
from netral.cases.models import CaseNoteAttachment
from netral.cases.models.notes import NOTE_BLOBS
from netral.cases.tests.factories import case_from_report
from netral.common import blobs
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.reports.tests.files import REPORTER, jpeg_with_exif

pytestmark = pytest.mark.usefixtures("elections")
GPS_IFD = 0x8825
NOTE = "Terlapor pernah diperiksa tahun lalu; cek arsip pleno."


def has_gps(jpeg: bytes) -> bool:
    return bool(Image.open(io.BytesIO(jpeg)).getexif().get_ifd(GPS_IFD))


def test_note_with_a_photo_sealed_and_cleaned(
    make_user: Callable[..., User], settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    case, _ = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    photo = jpeg_with_exif()
    note = case_note_add(
        actor=staff,
        case_id=case.pk,
        body=f"  {NOTE}  ",
        files=[SimpleUploadedFile("foto.jpg", photo, content_type="image/jpeg")],
    )
    assert note.body == NOTE and note.author == staff
    attachment = CaseNoteAttachment.objects.get(note=note)
    entry = AuditEntry.objects.get(action="case.note_add")
    assert entry.actor == staff and entry.after == {
        "note": note.pk,
        "attachments": [attachment.sha256],
    }
    # The original is sealed exactly as received; staff get the copy without GPS.
    assert blobs.get(NOTE_BLOBS, attachment.path) == photo
    data, content_type, _name = case_note_attachment_open(
        actor=staff, case_id=case.pk, attachment_id=attachment.pk
    )
    assert content_type == "image/jpeg" and not has_gps(data) and REPORTER.encode() not in data
    with pytest.raises(PermissionDenied):
        case_note_attachment_open(
            actor=staff, case_id=case.pk, attachment_id=attachment.pk, original=True
        )
    original, _, _ = case_note_attachment_open(
        actor=leader, case_id=case.pk, attachment_id=attachment.pk, original=True
    )
    assert original == photo
    assert AuditEntry.objects.filter(action="case.note_attachment_open").count() == 2
    assert [n.body for n in case_notes(actor=leader, case=case)] == [NOTE]


def test_empty_and_refused_files_store_nothing(
    make_user: Callable[..., User], settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    case, _ = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(ApplicationError):
        case_note_add(actor=staff, case_id=case.pk, body="   ")
    with pytest.raises(ApplicationError):
        case_note_add(
            actor=staff,
            case_id=case.pk,
            body=NOTE,
            files=[SimpleUploadedFile("x.exe", b"MZ\x90\x00" * 50)],
        )
    assert not case.internal_notes.exists()
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_other_offices_and_partners_never_reach_notes(make_user: Callable[..., User]) -> None:
    case, _ = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    note = case_note_add(actor=staff, case_id=case.pk, body=NOTE)
    with pytest.raises(NotFound):
        case_note_add(actor=make_user(Role.BAWASLU_STAFF, "32.73"), case_id=case.pk, body="x")
    for role in (Role.BKN_OFFICER, Role.PPK_OFFICE, Role.GAKKUMDU, Role.KPU):
        partner = make_user(role, "32.75")
        with pytest.raises(PermissionDenied):
            case_note_add(actor=partner, case_id=case.pk, body="x")
        with pytest.raises(PermissionDenied):
            case_notes(actor=partner, case=case)
    assert list(case.internal_notes.all()) == [note]


def test_the_reporters_tracking_page_never_shows_a_note(make_user: Callable[..., User]) -> None:
    case, code = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case_note_add(actor=staff, case_id=case.pk, body=NOTE)
    reporter = Client()
    found = reporter.post("/lacak/", {"receipt_code": code}, follow=True)
    assert found.status_code == 200
    page = found.content.decode()
    assert "report-status" in page  # the tracking page itself
    assert NOTE not in page and "Catatan internal" not in page
