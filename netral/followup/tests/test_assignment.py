"""Item 14.3 for recommendations: a desk member takes one or hands it to a colleague of the
same desk; every change audited, the assignee notified; other desks get "not found"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from netral.accounts.models import Role, User
from netral.accounts.notification_models import Notification
from netral.audit.models import AuditEntry
from netral.cases.assignment import case_note_add
from netral.cases.models import Verdict
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.followup import services
from netral.followup.assignment import recommendation_assign
from netral.followup.models import Recommendation
from netral.followup.tests.factories import decided_case

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]


def test_bkn_takes_hands_over_and_the_ppk_desk_starts_fresh(make_user: MakeUser) -> None:
    rec = Recommendation.objects.get(
        case=decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    )
    ani = make_user(Role.BKN_OFFICER, "32")
    budi = make_user(Role.BKN_OFFICER, "32")
    recommendation_assign(actor=ani, rec_id=rec.pk, action="take")
    recommendation_assign(actor=ani, rec_id=rec.pk, action="assign", assignee_id=budi.pk)
    entries = AuditEntry.objects.filter(action__in=["recommendation.take", "recommendation.assign"])
    assert [(e.action, e.before, e.after) for e in entries.order_by("pk")] == [
        ("recommendation.take", {"assignee": None}, {"assignee": ani.pk}),
        ("recommendation.assign", {"assignee": ani.pk}, {"assignee": budi.pk}),
    ]
    assert Notification.objects.get(user=budi, kind=Notification.Kind.ASSIGNMENT).text == (
        f"Rekomendasi {rec.number} ditugaskan kepada Anda"
    )
    services.recommendation_assess(actor=budi, rec_id=rec.pk, assessment="x", sanction="moral")
    assert Recommendation.objects.get(pk=rec.pk).assignee is None  # now at the PPK's desk
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    recommendation_assign(actor=ppk, rec_id=rec.pk, action="take")
    assert Recommendation.objects.get(pk=rec.pk).assignee == ppk


def test_only_colleagues_of_the_same_desk(make_user: MakeUser) -> None:
    rec = Recommendation.objects.get(
        case=decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    )
    bkn = make_user(Role.BKN_OFFICER, "32")
    for outsider in (
        make_user(Role.BKN_OFFICER, "32.75"),  # another BKN office
        make_user(Role.BAWASLU_STAFF, "32"),
        make_user(Role.PPK_OFFICE, "32.75"),
    ):
        with pytest.raises(ApplicationError):
            recommendation_assign(
                actor=bkn, rec_id=rec.pk, action="assign", assignee_id=outsider.pk
            )
    with pytest.raises(NotFound):  # not on the Aceh office's desk
        recommendation_assign(actor=make_user(Role.BKN_OFFICER, "11"), rec_id=rec.pk, action="take")
    with pytest.raises(PermissionDenied):  # Bawaslu sees it, it is not its desk
        recommendation_assign(
            actor=make_user(Role.BAWASLU_STAFF, "32.75"), rec_id=rec.pk, action="take"
        )


def test_the_page_shows_and_posts_the_assignment(sign_in: Any, make_user: MakeUser) -> None:
    rec = Recommendation.objects.get(
        case=decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    )
    note = "Catatan internal: terlapor kerabat pimpinan dinas."
    case_note_add(actor=make_user(Role.BAWASLU_STAFF, "32.75"), case_id=rec.case_id, body=note)
    client, bkn = sign_in(Role.BKN_OFFICER, "32")
    page = client.get(reverse("followup:detail", kwargs={"rec_id": rec.pk}))
    assert 'id="penugasan-take"' in page.content.decode()
    assert note not in page.content.decode()  # a partner desk never sees internal notes
    url = reverse("followup:assignment", kwargs={"rec_id": rec.pk, "action": "take"})
    assert client.post(url).status_code == 302
    assert Recommendation.objects.get(pk=rec.pk).assignee == bkn
    page = client.get(reverse("followup:detail", kwargs={"rec_id": rec.pk}))
    assert "Ditangani oleh" in page.content.decode()
    bad = reverse("followup:assignment", kwargs={"rec_id": rec.pk, "action": "assign"})
    assert client.post(bad, {"assign-assignee": "x" * 40}).status_code == 302
    other, _ = sign_in(Role.BKN_OFFICER, "11")
    assert other.post(url).status_code == 404
