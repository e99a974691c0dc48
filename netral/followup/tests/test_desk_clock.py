"""Finished recommendations never count down: the desks show when they finished and whether
in time; live deadlines come first, nearest first, finished ones after (issue 10, item 9)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import SignIn
from netral.accounts.models import Role
from netral.cases.models import Verdict
from netral.followup import selectors, services
from netral.followup.models import CriminalStep, Recommendation, RecStatus
from netral.followup.tests.factories import decided_case

pytestmark = pytest.mark.usefixtures("elections")

COUNTING = ("lagi", "terlambat")


def _bkn_rec(make_user: Any, **report: Any) -> Recommendation:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY], **report)
    rec = Recommendation.objects.get(case=case)
    services.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER), rec_id=rec.pk, assessment="x", sanction="moral"
    )
    rec.refresh_from_db()
    return rec


def _sanction(make_user: Any, rec: Recommendation) -> None:
    services.sanction_record(
        actor=make_user(Role.PPK_OFFICE, "32.75"),
        rec_id=rec.pk,
        imposed=True,
        decree_number="800/1",
        decree_date=timezone.localdate(),
        sanction="moral",
    )


def _deadline_cell(page: str, number: str) -> str:
    row = page.split(number, 1)[1].split("</tr>", 1)[0]
    return row.rsplit("<td>", 1)[1]


def test_followed_in_time_shows_when_and_in_time_on_desk_and_page(
    sign_in: SignIn, make_user: Any
) -> None:
    rec = _bkn_rec(make_user)
    _sanction(make_user, rec)
    rec.refresh_from_db()
    assert rec.ended_at is not None and rec.due_at is not None  # the last step's deadline kept
    client, _ = sign_in(Role.BKN_OFFICER)
    cell = _deadline_cell(client.get(reverse("followup:desk")).content.decode(), rec.number)
    assert "Sanksi dijatuhkan" in cell and "dalam tenggat" in cell
    assert timezone.localtime(rec.ended_at).strftime("%Y-%m-%dT%H:%M") in cell
    assert not any(word in cell for word in COUNTING)
    page = client.get(reverse("followup:detail", kwargs={"rec_id": rec.pk})).content.decode()
    deadline = page.split("Tenggat</dt>", 1)[1].split("</dd>", 1)[0]
    assert "dalam tenggat" in deadline and not any(word in deadline for word in COUNTING)


def test_finished_after_the_deadline_says_how_late_never_counts(
    sign_in: SignIn, make_user: Any
) -> None:
    """A recommendation that ended after its deadline (as demo and legacy rows can be) reads
    "handled N after the deadline", not "terlambat N" growing every day."""
    rec = _bkn_rec(make_user)
    _sanction(make_user, rec)
    rec.refresh_from_db()
    assert rec.ended_at is not None
    Recommendation.objects.filter(pk=rec.pk).update(
        due_at=rec.ended_at - datetime.timedelta(days=3)
    )
    client, _ = sign_in(Role.BKN_OFFICER)
    cell = _deadline_cell(client.get(reverse("followup:desk")).content.decode(), rec.number)
    assert "3 hari 0 jam setelah tenggat" in cell
    assert not any(word in cell for word in COUNTING)


def test_desk_lists_live_deadlines_nearest_first_then_finished(make_user: Any) -> None:
    far = _bkn_rec(make_user)
    near = _bkn_rec(make_user, reported_nip="", reported_name="Siti Aminah")
    done = _bkn_rec(make_user, reported_nip="", reported_name="Agus Salim")
    _sanction(make_user, done)
    now = timezone.now()
    Recommendation.objects.filter(pk=far.pk).update(due_at=now + datetime.timedelta(days=9))
    Recommendation.objects.filter(pk=near.pk).update(due_at=now + datetime.timedelta(days=2))
    # The finished one's deadline is the nearest of all: it still comes last.
    Recommendation.objects.filter(pk=done.pk).update(due_at=now - datetime.timedelta(days=1))
    order = list(
        selectors.recommendation_desk(actor=make_user(Role.BKN_OFFICER)).values_list(
            "pk", flat=True
        )
    )
    assert order == [near.pk, far.pk, done.pk]
    overdue = selectors.recommendation_desk(actor=make_user(Role.BKN_OFFICER), overdue_only=True)
    assert done.pk not in set(overdue.values_list("pk", flat=True))


def test_completed_criminal_steps_show_in_time_and_the_open_one_counts(
    sign_in: SignIn, make_user: Any
) -> None:
    case = decided_case(make_user, verdicts=[Verdict.CRIMINAL])
    rec = Recommendation.objects.get(case=case)
    gakkumdu = make_user(Role.GAKKUMDU, "32.75")
    services.criminal_advance(actor=gakkumdu, rec_id=rec.pk, stage="first_discussion")
    first = CriminalStep.objects.get(recommendation=rec, stage="forwarding")
    assert first.completed_at is not None and first.due_at is not None
    client, _ = sign_in(Role.GAKKUMDU, "32.75")
    page = client.get(reverse("followup:detail", kwargs={"rec_id": rec.pk})).content.decode()
    steps = page.split("Proses Sentra Gakkumdu", 1)[1].split("</table>", 1)[0]
    forwarding = steps.split("</tr>")[1]
    assert "dalam tenggat" in forwarding and not any(word in forwarding for word in COUNTING)
    services.criminal_conclude(actor=gakkumdu, rec_id=rec.pk, outcome="Dihentikan.")
    rec.refresh_from_db()
    assert rec.status == RecStatus.CONCLUDED
    page = client.get(reverse("followup:detail", kwargs={"rec_id": rec.pk})).content.decode()
    deadline = page.split("Tenggat</dt>", 1)[1].split("</dd>", 1)[0]
    assert "Proses pidana selesai" in deadline and not any(w in deadline for w in COUNTING)


def test_reporter_and_public_api_show_status_never_a_countdown(make_user: Any) -> None:
    rec = _bkn_rec(make_user)
    _sanction(make_user, rec)
    Recommendation.objects.filter(pk=rec.pk).update(
        due_at=timezone.now() - datetime.timedelta(days=30)
    )
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    from netral.cases import services as case_services

    case_services.case_announce(actor=staff, case_id=rec.case_id, summary="Terbukti.")
    body = Client().get("/api/public/cases", {"region": "32.75"}).json()
    [followup] = body[0]["followups"]
    assert followup["ended"] is True and "due_at" not in followup
    assert not any(word in str(followup) for word in COUNTING)
