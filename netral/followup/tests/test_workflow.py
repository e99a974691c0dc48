"""The follow-up workflow table (``followup.workflow``): services and desk pages read the
same table, so what a page offers is what the service accepts."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.utils import timezone

from conftest import SignIn
from netral.accounts.models import Role
from netral.cases.models import Verdict
from netral.common.errors import ApplicationError
from netral.followup import services, workflow
from netral.followup.models import Recommendation, RecStatus
from netral.followup.tests.factories import decided_case

pytestmark = pytest.mark.usefixtures("elections")


def _offered(page: str) -> set[str]:
    return set(re.findall(r'id="tindakan-([a-z_]+)"', page))


def test_page_offers_and_service_accepts_what_the_table_allows(
    sign_in: SignIn, make_user: Any
) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY, Verdict.ADMINISTRATIVE])
    bkn_rec = Recommendation.objects.get(case=case, addressee="bkn")
    kpu_rec = Recommendation.objects.get(case=case, addressee="kpu")
    assert workflow.actions_for(bkn_rec) == ["assess"]
    assert workflow.actions_for(kpu_rec) == ["respond"]

    client, bkn = sign_in(Role.BKN_OFFICER)
    page = client.get(f"/ruang-kerja/tindak-lanjut/{bkn_rec.pk}/").content.decode()
    assert _offered(page) == {"assess"}
    # A step the table does not allow here is refused with its reason, not half-done.
    answer = client.post(
        f"/ruang-kerja/tindak-lanjut/{bkn_rec.pk}/measure/", {"measure": "Blokir data"}
    )
    assert answer.status_code == 400
    with pytest.raises(ApplicationError):
        services.recommendation_respond(actor=bkn, rec_id=bkn_rec.pk, response="x")

    services.recommendation_assess(
        actor=bkn, rec_id=bkn_rec.pk, assessment="Terbukti.", sanction="moderate"
    )
    bkn_rec.refresh_from_db()
    assert bkn_rec.status == RecStatus.ASSESSED
    assert workflow.actions_for(bkn_rec) == ["sanction"]  # measure only once overdue
    ppk, _ = sign_in(Role.PPK_OFFICE, "32.75")
    page = ppk.get(f"/ruang-kerja/tindak-lanjut/{bkn_rec.pk}/").content.decode()
    assert _offered(page) == {"sanction"}


def test_every_step_has_its_page_action() -> None:
    from netral.followup.views import ACTIONS

    assert set(ACTIONS) == set(workflow.STEPS)


def test_overdue_is_read_on_the_domain_clock(make_user: Any, settings: Any) -> None:
    """A PPK past its deadline in demo time is overdue, though the real clock says not yet."""
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    services.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER), rec_id=rec.pk, assessment="x", sanction="moral"
    )
    rec.refresh_from_db()
    rec.due_at = timezone.now() + datetime.timedelta(days=2)
    settings.NETRAL_DEMO = True
    settings.NETRAL_DEMO_TODAY = timezone.localdate() - datetime.timedelta(days=5)
    assert "measure" not in workflow.actions_for(rec)
    settings.NETRAL_DEMO_TODAY = timezone.localdate() + datetime.timedelta(days=5)
    assert "measure" in workflow.actions_for(rec)
