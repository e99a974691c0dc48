"""The case page offers the sealed original of a clarification attachment only to those who
may open originals (``evidence.open_original``); everyone else gets the cleaned copy, and
every opening is audited (issue 10, item 6 follow-up)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import SignIn
from netral.accounts.models import Role
from netral.audit.models import AuditEntry
from netral.cases.clarification import clarification_record_minutes
from netral.cases.models import ClarificationAttachment
from netral.cases.tests.services.test_clarification import in_clarification, invite
from netral.reports.tests.files import jpeg_with_exif

pytestmark = pytest.mark.usefixtures("elections")


def _attachment(make_user: Any) -> tuple[ClarificationAttachment, bytes]:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    invitation = invite(staff, in_clarification(staff))
    photo = jpeg_with_exif()
    clarification_record_minutes(
        actor=staff,
        clarification_id=invitation.pk,
        attended=True,
        minutes="Saksi hadir.",
        files=[SimpleUploadedFile("foto.jpg", photo, content_type="image/jpeg")],
    )
    return ClarificationAttachment.objects.get(clarification=invitation), photo


def _urls(attachment: ClarificationAttachment) -> tuple[str, str, str]:
    case_id = attachment.clarification.case_id
    page = reverse("cases:case_detail", kwargs={"case_id": case_id})
    download = reverse(
        "cases:clarification_attachment",
        kwargs={"case_id": case_id, "attachment_id": attachment.pk},
    )
    return page, download, f"{download}?asli=1"


def _openings(attachment: ClarificationAttachment) -> list[bool]:
    entries = AuditEntry.objects.filter(action="case.clarification_attachment_open")
    afters = [entry.after or {} for entry in entries]
    return [after["original"] for after in afters if after.get("attachment") == attachment.pk]


def test_leader_sees_the_original_link_and_opening_it_is_audited(
    sign_in: SignIn, make_user: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    attachment, photo = _attachment(make_user)
    page, download, original = _urls(attachment)
    client, _ = sign_in(Role.BAWASLU_LEADER, "32.75")
    body = client.get(page).content.decode()
    assert f'href="{download}"' in body
    assert f'href="{original}"' in body
    response = client.get(original)
    assert response.status_code == 200 and response.content == photo
    assert "-asli" in response["Content-Disposition"]
    assert _openings(attachment) == [True]


def test_staff_get_no_original_link_and_cannot_open_it(
    sign_in: SignIn, make_user: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    attachment, photo = _attachment(make_user)
    page, download, original = _urls(attachment)
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    body = client.get(page).content.decode()
    assert f'href="{download}"' in body
    assert "asli=1" not in body
    assert client.get(original).status_code == 403
    cleaned = client.get(download)
    assert cleaned.status_code == 200 and cleaned.content != photo
    assert _openings(attachment) == [False]
