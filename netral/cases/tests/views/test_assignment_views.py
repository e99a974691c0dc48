"""Item 14.3 on the case page: the assignment and notes block, its POSTs, and who gets 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from netral.accounts.models import Role
from netral.cases.models import Case, CaseNote
from netral.cases.tests.factories import case_from_report

pytestmark = pytest.mark.usefixtures("elections")


def test_leader_assigns_from_the_case_page_and_staff_add_a_note(
    sign_in: Any, make_user: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    case, _ = case_from_report()
    leader_client, _leader = sign_in(Role.BAWASLU_LEADER, "32.75")
    staff_client, staff = sign_in(Role.BAWASLU_STAFF, "32.75")
    page = leader_client.get(reverse("cases:case_detail", kwargs={"case_id": case.pk}))
    html = page.content.decode()
    assert 'id="penugasan-assign"' in html and "Belum ditugaskan" in html
    url = reverse("cases:case_assignment", kwargs={"case_id": case.pk, "action": "assign"})
    done = leader_client.post(url, {"assign-assignee": staff.pk})
    assert done.status_code == 302
    assert Case.objects.get(pk=case.pk).assignee == staff

    page = staff_client.get(reverse("cases:case_detail", kwargs={"case_id": case.pk}))
    html = page.content.decode()
    assert 'id="penugasan-assign"' not in html  # staff take, leadership assigns
    assert "Ditangani oleh" in html
    note_url = reverse("cases:note_add", kwargs={"case_id": case.pk})
    posted = staff_client.post(
        note_url,
        {
            "note-body": "Saksi kedua belum dihubungi.",
            "note-attachments": [SimpleUploadedFile("catatan.txt", b"x")],
        },
    )
    assert posted.status_code == 302
    assert not CaseNote.objects.exists()  # a text file is not accepted evidence
    posted = staff_client.post(note_url, {"note-body": "Saksi kedua belum dihubungi."})
    assert posted.status_code == 302
    page = staff_client.get(reverse("cases:case_detail", kwargs={"case_id": case.pk}))
    assert "Saksi kedua belum dihubungi." in page.content.decode()


def test_outsiders_get_404_and_partners_403(sign_in: Any) -> None:
    case, _ = case_from_report()
    other, _ = sign_in(Role.BAWASLU_LEADER, "32.73")
    url = reverse("cases:case_assignment", kwargs={"case_id": case.pk, "action": "take"})
    assert other.post(url).status_code == 404
    note_url = reverse("cases:note_add", kwargs={"case_id": case.pk})
    assert other.post(note_url, {"note-body": "x"}).status_code == 404
    partner, _ = sign_in(Role.BKN_OFFICER, "32.75")
    assert partner.post(url).status_code == 403
    assert partner.post(note_url, {"note-body": "x"}).status_code == 403
    unknown = reverse("cases:case_assignment", kwargs={"case_id": case.pk, "action": "steal"})
    assert other.post(unknown).status_code == 404
