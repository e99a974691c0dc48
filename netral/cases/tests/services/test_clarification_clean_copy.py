"""Item 10.6: a clarification attachment keeps its original sealed, and staff are served a
copy without EXIF/GPS, as with a report's evidence."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from netral.accounts.models import Role, User
from netral.cases.clarification import clarification_attachment_open, clarification_record_minutes
from netral.cases.models import ClarificationAttachment
from netral.cases.tests.services.test_clarification import in_clarification, invite
from netral.common import blobs
from netral.common.errors import PermissionDenied
from netral.reports.tests.files import REPORTER, jpeg_with_exif

pytestmark = pytest.mark.usefixtures("elections")
GPS_IFD = 0x8825


def has_gps(jpeg: bytes) -> bool:
    return bool(Image.open(io.BytesIO(jpeg)).getexif().get_ifd(GPS_IFD))


def test_staff_get_the_photo_without_gps_and_the_original_stays_sealed(
    make_user: Callable[..., User], settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    case = in_clarification(staff)
    invitation = invite(staff, case)
    photo = jpeg_with_exif()
    assert has_gps(photo)
    clarification_record_minutes(
        actor=staff,
        clarification_id=invitation.pk,
        attended=True,
        minutes="Terlapor hadir.",
        files=[SimpleUploadedFile("foto.jpg", photo, content_type="image/jpeg")],
    )
    attachment = ClarificationAttachment.objects.get(clarification=invitation)

    data, content_type, name = clarification_attachment_open(
        actor=staff, case_id=case.pk, attachment_id=attachment.pk
    )
    assert content_type == "image/jpeg" and name.endswith(".jpg")
    assert not has_gps(data) and REPORTER.encode() not in data
    assert Image.open(io.BytesIO(data)).size == Image.open(io.BytesIO(photo)).size

    with pytest.raises(PermissionDenied):  # the original is not for every staff member
        clarification_attachment_open(
            actor=staff, case_id=case.pk, attachment_id=attachment.pk, original=True
        )
    original, _type, name = clarification_attachment_open(
        actor=leader, case_id=case.pk, attachment_id=attachment.pk, original=True
    )
    assert original == photo and name.endswith("-asli.jpg")

    # An attachment stored before clean copies were kept is cleaned when it is opened.
    old_clean = attachment.clean_path
    ClarificationAttachment.objects.filter(pk=attachment.pk).update(
        clean_path="", clean_content_type=""
    )
    blobs.delete([old_clean])
    data, content_type, _name = clarification_attachment_open(
        actor=staff, case_id=case.pk, attachment_id=attachment.pk
    )
    assert content_type == "image/jpeg" and not has_gps(data)


class _Unreadable(SimpleUploadedFile):
    """An upload that fails the test if anything reads it."""

    def read(self, *args: Any, **kwargs: Any) -> bytes:
        raise AssertionError(f"{self.name} was read before the count and total were checked")


@pytest.mark.parametrize(
    ("count", "size"),
    [(11, 1024), (2, 60 * 1024 * 1024)],
    ids=["eleven files", "over the total"],
)
def test_count_and_total_refused_before_any_file_is_read_or_cleaned(
    make_user: Callable[..., User],
    settings: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    count: int,
    size: int,
) -> None:
    """Item 10.2 for clarifications: 11 files, or files over the total, are refused from
    their declared sizes; no file is read, sniffed or cleaned."""
    from netral.reports import evidence
    from netral.reports.evidence import EvidenceRejected

    settings.MEDIA_ROOT = tmp_path
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    invitation = invite(staff, in_clarification(staff))
    cleaned: list[str] = []
    monkeypatch.setattr(evidence, "clean_copy", lambda *a, **k: cleaned.append("x"))
    files = []
    for index in range(count):
        upload = _Unreadable(f"berkas-{index}.jpg", b"")
        upload.size = size
        files.append(upload)
    with pytest.raises(EvidenceRejected):
        clarification_record_minutes(
            actor=staff, clarification_id=invitation.pk, attended=True, minutes="BA", files=files
        )
    assert cleaned == []
    assert not ClarificationAttachment.objects.exists()


def test_spent_time_budget_refuses_the_minutes_naming_the_file(
    make_user: Callable[..., User], settings: Any, tmp_path: Path
) -> None:
    """Item 10.2: one time budget for all of a submission's files (here none left)."""
    from netral.reports.evidence import EvidenceRejected

    settings.MEDIA_ROOT = tmp_path
    settings.NETRAL_SCRUB_BUDGET_SECONDS = 0
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    invitation = invite(staff, in_clarification(staff))
    with pytest.raises(EvidenceRejected) as caught:
        clarification_record_minutes(
            actor=staff,
            clarification_id=invitation.pk,
            attended=True,
            minutes="BA",
            files=[SimpleUploadedFile("foto.jpg", jpeg_with_exif())],
        )
    assert "habis pada berkas foto.jpg" in caught.value.message
    assert not ClarificationAttachment.objects.exists()
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
