"""The appeals pages through the real sign-in: Bawaslu drafts, edits and issues; the PPK
office acknowledges and reports follow-up; outsiders get 404, the wrong role 403."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import SignIn
from netral.accounts.models import User
from netral.elections.models import Election
from netral.prevention.models import Appeal, AppealFollowUp, AppealRecipient
from netral.prevention.tests.appeals.conftest import PDF, only

pytestmark = pytest.mark.django_db

MakeAppeal = Callable[..., Appeal]


def _detail(appeal: Appeal) -> str:
    return reverse("appeals:detail", kwargs={"appeal_id": appeal.pk})


def test_office_drafts_edits_and_issues(
    sign_in: SignIn, bekasi_election: Election, django_capture_on_commit_callbacks: Any
) -> None:
    client, _ = sign_in("bawaslu_staff", "32.75")
    page = client.get(reverse("appeals:new"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Pilkada" in body or bekasi_election.name in body
    assert 'value="32.75"' in body and 'value="32.73"' not in body
    response = client.post(
        reverse("appeals:new"),
        {
            "election_id": bekasi_election.pk,
            "template_code": "quiet_period",
            "recipient_region_codes": ["32.75"],
        },
    )
    appeal = Appeal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("appeals:edit", kwargs={"appeal_id": appeal.pk})
    response = client.post(
        reverse("appeals:edit", kwargs={"appeal_id": appeal.pk}),
        {
            "subject": "Imbauan masa tenang",
            "body": appeal.body + "\n\nTambahan kantor.",
            "legal_basis": appeal.legal_basis,
            "recipient_region_codes": ["32.75"],
        },
    )
    assert response.status_code == 302
    detail = client.get(_detail(appeal)).content.decode()
    assert "Tambahan kantor." in detail and 'id="tindakan-issue"' in detail
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("appeals:issue", kwargs={"appeal_id": appeal.pk}))
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.ISSUED and appeal.document is not None
    detail = client.get(_detail(appeal)).content.decode()
    assert appeal.document.number in detail and 'id="tindakan-issue"' not in detail
    letter = client.get(reverse("appeals:letter", kwargs={"appeal_id": appeal.pk}))
    assert letter.status_code == 200 and letter.content.startswith(b"%PDF-")
    # Issued: the edit page sends back to the detail with the reason.
    response = client.get(reverse("appeals:edit", kwargs={"appeal_id": appeal.pk}), follow=True)
    assert "tidak dapat diubah" in response.content.decode()


def test_new_draft_outside_the_office_shows_the_reason(
    sign_in: SignIn, jabar_election: Election
) -> None:
    client, _ = sign_in("bawaslu_staff", "32.75")
    response = client.post(
        reverse("appeals:new"),
        {
            "election_id": jabar_election.pk,
            "template_code": "campaign",
            "recipient_region_codes": ["32.73"],  # not offered: the form refuses it
        },
    )
    assert response.status_code == 400
    assert not Appeal.objects.exists()


def test_list_shows_counts_and_deadlines(
    sign_in: SignIn, make_appeal: MakeAppeal, jabar_election: Election
) -> None:
    client, user = sign_in("bawaslu_staff", "32")
    appeal = make_appeal(user, election=jabar_election, regions=("32", "32.75"), issue=True)
    body = client.get(reverse("appeals:list")).content.decode()
    assert appeal.number in body
    assert appeal.acknowledge_due_at is not None
    assert 'class="badge badge--late">2</strong>' in body  # two silent


def test_ppk_desk_acknowledge_and_follow_up(
    sign_in: SignIn, make_appeal: MakeAppeal, django_capture_on_commit_callbacks: Any
) -> None:
    appeal = make_appeal(issue=True)
    client, _ = sign_in("ppk", "32.75")
    desk = client.get(reverse("appeals:list")).content.decode()
    assert 'id="meja-imbauan"' in desk and appeal.number in desk
    recipient = AppealRecipient.objects.get(appeal=appeal)
    act = reverse("appeals:act", kwargs={"recipient_id": recipient.pk, "action": "acknowledge"})
    response = client.post(act, {"name": "Dr. H. Junaedi", "position": "Sekretaris Daerah"})
    assert response.status_code == 302
    again = client.post(act, {"name": "Lain", "position": "Lain"})
    assert again.status_code == 409
    assert "sudah dikonfirmasi oleh Dr. H. Junaedi" in again.content.decode()
    follow = reverse("appeals:act", kwargs={"recipient_id": recipient.pk, "action": "follow_up"})
    bad = client.post(
        follow,
        {
            "kind": "circular",
            "date": timezone.localdate().isoformat(),
            "number": "800/1",
            "file": SimpleUploadedFile("se.pdf", b"GIF89a", content_type="application/pdf"),
        },
    )
    assert bad.status_code == 400 and "harus berupa PDF" in bad.content.decode()
    response = client.post(
        follow,
        {
            "kind": "circular",
            "date": timezone.localdate().isoformat(),
            "number": "800/1/BKPSDM",
            "file": SimpleUploadedFile("se.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    follow_up = only(AppealFollowUp.objects.all())
    download = client.get(reverse("appeals:follow_up_file", kwargs={"follow_up_id": follow_up.pk}))
    assert download.status_code == 200 and download.content == PDF
    assert download["Content-Disposition"].startswith("attachment")


def test_scoping_404_and_wrong_role_403(
    sign_in: SignIn,
    make_appeal: MakeAppeal,
    make_user: Callable[..., User],
) -> None:
    appeal = make_appeal(issue=True)
    draft = make_appeal()
    recipient = AppealRecipient.objects.get(appeal=appeal)
    other_ppk, _ = sign_in("ppk", "32.73")
    assert other_ppk.get(_detail(appeal)).status_code == 404
    assert appeal.number not in other_ppk.get(reverse("appeals:list")).content.decode()
    act = reverse("appeals:act", kwargs={"recipient_id": recipient.pk, "action": "acknowledge"})
    assert other_ppk.post(act, {"name": "A", "position": "B"}).status_code == 404
    bekasi_ppk, _ = sign_in("ppk", "32.75")
    assert bekasi_ppk.get(_detail(draft)).status_code == 404
    assert bekasi_ppk.get(reverse("appeals:new")).status_code == 403
    assert bekasi_ppk.get(reverse("appeals:regions")).status_code == 403
    neighbour, _ = sign_in("bawaslu_staff", "32.73")
    assert neighbour.get(_detail(appeal)).status_code == 404
    issue = reverse("appeals:issue", kwargs={"appeal_id": draft.pk})
    assert neighbour.post(issue).status_code == 404
    office, _ = sign_in("bawaslu_staff", "32.75")
    assert office.post(act, {"name": "A", "position": "B"}).status_code == 403
    bkn, _ = sign_in("bkn")
    assert bkn.get(reverse("appeals:list")).status_code == 403
    assert Client().get(reverse("appeals:list")).status_code == 302  # to the sign-in


def test_region_overview_lists_silent_regions(
    sign_in: SignIn, make_appeal: MakeAppeal, jabar_election: Election
) -> None:
    client, user = sign_in("bawaslu_leader", "32")
    make_appeal(user, election=jabar_election, regions=("32", "32.01"), issue=True)
    body = client.get(reverse("appeals:regions")).content.decode()
    assert 'id="daerah-diam"' in body
    assert "Kabupaten Bogor" in body and "Jawa Barat" in body


def test_pages_in_english(sign_in: SignIn, make_appeal: MakeAppeal) -> None:
    client, _ = sign_in("bawaslu_staff", "32.75")
    make_appeal(issue=True)
    client.cookies["django_language"] = "en"
    body = client.get(reverse("appeals:list")).content.decode()
    assert "Appeals to regional heads" in body and "New appeal" in body


def test_list_page_queries_do_not_grow_with_appeals(
    sign_in: SignIn,
    make_appeal: MakeAppeal,
    jabar_election: Election,
) -> None:
    client, user = sign_in("bawaslu_staff", "32")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("appeals:list")).status_code == 200
        return len(queries)

    make_appeal(user, election=jabar_election, regions=("32", "32.01"), issue=True)
    few = count()
    for _ in range(4):
        make_appeal(user, election=jabar_election, regions=("32", "32.01", "32.75"), issue=True)
    assert count() == few
