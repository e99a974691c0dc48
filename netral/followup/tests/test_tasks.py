"""The daily check of PPK deadlines, mailed through a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from email.header import decode_header, make_header
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from netral.accounts.models import Role
from netral.cases.models import Verdict
from netral.common.tests.smtp import Inbox, smtp_inbox
from netral.followup import services
from netral.followup.models import Escalation, Recommendation
from netral.followup.tests.factories import decided_case

pytestmark = pytest.mark.usefixtures("elections")


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    with smtp_inbox(settings) as inbox:
        yield inbox


def test_overdue_ppk_is_flagged_and_mailed_to_bkn_and_the_office(
    make_user: Any, smtp: Inbox
) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    bkn = make_user(Role.BKN_OFFICER, email="bkn.pusat@bkn.go.id")
    make_user(Role.BKN_OFFICER, "11", email="kanreg.aceh@bkn.go.id")  # not its region
    make_user(Role.BAWASLU_STAFF, "32.75", email="staf.bekasi@bawaslu.go.id")
    make_user(Role.BAWASLU_STAFF, "32.73", email="staf.bandung@bawaslu.go.id")
    services.recommendation_assess(actor=bkn, rec_id=rec.pk, assessment="x", sanction="moral")
    Recommendation.objects.filter(pk=rec.pk).update(
        due_at=timezone.now() - datetime.timedelta(hours=2)
    )
    out = io.StringIO()
    call_command("flag_overdue_followups", stdout=out)
    assert "2 e-mail" in out.getvalue()
    recipients = sorted(r for mail in smtp.messages for r in mail[0])
    assert recipients == ["bkn.pusat@bkn.go.id", "staf.bekasi@bawaslu.go.id"]
    mail = smtp.messages[0][1]
    assert "melewati tenggat PPK" in str(make_header(decode_header(mail["Subject"])))
    payload = mail.get_payload(decode=True)
    assert isinstance(payload, bytes)
    body = payload.decode()
    assert rec.number in body and "Kota Bekasi" in body
    for secret in ("Bambang", "198503172010011004", "Rina"):
        assert secret not in body
    assert Escalation.objects.filter(recommendation=rec, kind="overdue").count() == 1
    # Flagged once: the next day's run sends nothing more about it.
    smtp.messages.clear()
    call_command("flag_overdue_followups", stdout=io.StringIO())
    assert smtp.messages == []
