"""Demo appeals: every risk stage the demo clock has reached, from Bawaslu RI, provincial and
regency/city offices (Jawa Barat and Kota Bekasi among them), real numbered letters,
realistic answers, the same with the same seed, none for stages still ahead, gone with the
demo data; the tour names them."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import F

from netral.accounts.models import Role
from netral.common import clock
from netral.demo.appeals import demo_appeal_rates, demo_appeals
from netral.demo.data import demo_data_delete, demo_data_load
from netral.documents.models import IssuedDocument
from netral.prevention.models import Appeal, AppealFollowUp, AppealRecipient
from netral.prevention.tests.appeals_ops.factories import issued_appeal

pytestmark = pytest.mark.usefixtures("elections")


@pytest.fixture
def demo_day(settings: Any) -> datetime.date:
    settings.NETRAL_DEMO = True
    settings.NETRAL_DEMO_TODAY = datetime.date(2024, 11, 10)
    return settings.NETRAL_DEMO_TODAY


def _rows() -> list[tuple[Any, ...]]:
    return list(
        AppealRecipient.objects.filter(appeal__in=demo_appeals())
        .order_by("appeal__public_id", "region_id")
        .values_list(
            "appeal__public_id",
            "appeal__template_code",
            "appeal__office_region_id",
            "appeal__issued_at",
            "region_id",
            "acknowledged_at",
            "acknowledger_name",
            "followed_up_at",
            "reminders_sent",
        )
    )


def test_demo_appeals_on_the_demo_day(demo_day: datetime.date, make_user: Any) -> None:
    real = issued_appeal(by=make_user(Role.BAWASLU_STAFF, "32.75"), regions=["32.75"])
    summary = demo_data_load(seed=5, reports=300)
    appeals = list(demo_appeals().select_related("document"))
    assert summary.appeals == len(appeals) >= 80
    now = clock.now()
    # Only the stages whose appeal date has come: nomination and campaign, not yet the quiet
    # period nor voting.
    assert {a.template_code for a in appeals} == {"pre_determination", "campaign"}
    assert all(a.issued_at and a.issued_at <= now for a in appeals)
    assert all(a.status == Appeal.Status.ISSUED for a in appeals)
    # From every level, Jawa Barat and Kota Bekasi among them.
    offices = {a.office_region_id for a in appeals}
    assert None in offices and "32" in offices and "32.75" in offices
    assert len({o for o in offices if o and "." in o}) >= 30
    jabar = next(a for a in appeals if a.office_region_id == "32")
    assert jabar.recipients.count() == 28  # the governor and 27 regencies/cities
    # Real numbered letters.
    assert all(a.document is not None and a.number.startswith("NTR/2024/") for a in appeals)
    assert all(a.document.issued_at == a.issued_at for a in appeals if a.document)
    assert IssuedDocument.objects.filter(kind="appeal").count() == len(appeals)

    rates = demo_appeal_rates(now=now)
    assert 60 <= rates.share(rates.acknowledged) <= 80
    assert 35 <= rates.share(rates.followed_up) <= 55
    assert rates.silent_overdue > 0
    late = AppealRecipient.objects.filter(
        appeal__in=demo_appeals(), acknowledged_at__gt=F("appeal__acknowledge_due_at")
    ).count()
    assert late > 0
    reminded = AppealRecipient.objects.filter(appeal__in=demo_appeals(), reminders_sent__gt=0)
    assert reminded.exists()
    assert all(r.last_reminded_at and r.last_reminded_at <= now for r in reminded)
    kinds = set(
        AppealFollowUp.objects.filter(recipient__appeal__in=demo_appeals()).values_list(
            "kind", flat=True
        )
    )
    assert kinds == {"circular", "briefing"}
    # The Kota Bekasi office's latest appeal waits for the city's acknowledgement.
    latest = demo_appeals().filter(office_region_id="32.75").order_by("-issued_at").first()
    assert latest is not None
    assert latest.recipients.get().acknowledged_at is None

    rows = _rows()
    demo_data_delete()
    assert not demo_appeals().exists()
    assert not IssuedDocument.objects.filter(kind="appeal").exists()
    assert list(Appeal.objects.all()) == [real]  # a real appeal stays
    demo_data_load(seed=5, reports=300)
    assert _rows() == rows


def test_later_demo_days_have_appeals_at_every_risk_stage(settings: Any) -> None:
    settings.NETRAL_DEMO = True
    settings.NETRAL_DEMO_TODAY = datetime.date(2024, 12, 10)
    demo_data_load(seed=5, reports=60)
    codes = set(demo_appeals().values_list("template_code", flat=True))
    assert codes == {"pre_determination", "campaign", "quiet_period", "voting_counting"}


def test_the_tour_counts_the_appeals(demo_day: datetime.date) -> None:
    out = io.StringIO()
    call_command("demo_setup", "--reports", "30", stdout=out)
    text = out.getvalue()
    assert " appeals" in text and "/ruang-kerja/imbauan/" in text
