"""Appeal reminders through a real SMTP server (aiosmtpd): a silent region's PPK office is
mailed once a day, the issuing office gets its list, an answered appeal reminds nobody."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from email.header import decode_header, make_header
from email.message import Message
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from netral.accounts.models import Role
from netral.audit.models import AuditEntry
from netral.common import clock
from netral.common.tests.smtp import Inbox, smtp_inbox
from netral.prevention.models import Appeal, AppealRecipient
from netral.prevention.tests.appeals_ops.factories import issued_appeal

pytestmark = pytest.mark.usefixtures("elections")

DAY = datetime.timedelta(days=1)


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    with smtp_inbox(settings) as inbox:
        yield inbox


def _body(mail: Message) -> str:
    payload = mail.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def _subject(mail: Message) -> str:
    return str(make_header(decode_header(mail["Subject"])))


def _run() -> str:
    out = io.StringIO()
    call_command("send_appeal_reminders", stdout=out)
    return out.getvalue()


@pytest.fixture
def people(make_user: Any) -> dict[str, Any]:
    return {
        "office": make_user(Role.BAWASLU_STAFF, "32", email="staf.jabar@bawaslu.go.id"),
        "ppk_bekasi": make_user(Role.PPK_OFFICE, "32.75", email="bkpsdm@bekasikota.go.id"),
        "ppk_bandung": make_user(Role.PPK_OFFICE, "32.73", email="bkpsdm@bandung.go.id"),
        "other_office": make_user(Role.BAWASLU_STAFF, "32.75", email="staf.bekasi@bawaslu.go.id"),
    }


def test_an_overdue_region_is_mailed_once_a_day(people: dict[str, Any], smtp: Inbox) -> None:
    appeal = issued_appeal(
        by=people["office"],
        regions=["32.75", "32.73"],
        issued_at=clock.now() - 5 * DAY,  # acknowledgement due two days ago
    )
    bandung = AppealRecipient.objects.get(appeal=appeal, region_id="32.73")
    AppealRecipient.objects.filter(pk=bandung.pk).update(
        acknowledged_at=clock.now() - 4 * DAY,
        acknowledger_name="Dr. Ahmad",
        acknowledger_position="Sekda",
    )

    assert "2 e-mail" in _run()
    to = sorted(r for mail in smtp.messages for r in mail[0])
    assert to == ["bkpsdm@bekasikota.go.id", "staf.jabar@bawaslu.go.id"]
    ppk = next(m for rcpt, m in smtp.messages if rcpt == ["bkpsdm@bekasikota.go.id"])
    assert "Kota Bekasi" in _subject(ppk)
    assert appeal.subject in _body(ppk) and "belum mengonfirmasi penerimaan" in _body(ppk)
    assert "/ruang-kerja/imbauan/" in _body(ppk)
    office = next(m for rcpt, m in smtp.messages if rcpt == ["staf.jabar@bawaslu.go.id"])
    assert "Kota Bekasi" in _body(office) and "Kota Bandung" not in _body(office)
    assert "Bawaslu Provinsi Jawa Barat" in _subject(office)

    row = AppealRecipient.objects.get(appeal=appeal, region_id="32.75")
    assert row.reminders_sent == 1 and row.last_reminded_at is not None
    assert AuditEntry.objects.filter(action="appeal.remind", object_id=str(row.pk)).count() == 1

    # A second run the same day sends nothing more.
    smtp.messages.clear()
    assert "0 e-mail" in _run()
    assert smtp.messages == []
    row.refresh_from_db()
    assert row.reminders_sent == 1


def test_the_next_day_reminds_again(people: dict[str, Any], smtp: Inbox) -> None:
    appeal = issued_appeal(by=people["office"], regions=["32.75"], issued_at=clock.now() - 5 * DAY)
    AppealRecipient.objects.filter(appeal=appeal).update(
        reminders_sent=1, last_reminded_at=clock.now() - DAY
    )
    _run()
    assert sorted(r for mail in smtp.messages for r in mail[0]) == [
        "bkpsdm@bekasikota.go.id",
        "staf.jabar@bawaslu.go.id",
    ]
    assert AppealRecipient.objects.get(appeal=appeal).reminders_sent == 2


def test_a_missed_follow_up_is_reminded_after_an_acknowledgement(
    people: dict[str, Any], smtp: Inbox
) -> None:
    appeal = issued_appeal(by=people["office"], regions=["32.75"], issued_at=clock.now() - 20 * DAY)
    AppealRecipient.objects.filter(appeal=appeal).update(acknowledged_at=clock.now() - 19 * DAY)
    _run()
    ppk = next(m for rcpt, m in smtp.messages if rcpt == ["bkpsdm@bekasikota.go.id"])
    assert "belum melaporkan tindak lanjut" in _body(ppk)
    assert "belum mengonfirmasi" not in _body(ppk)


def test_answered_or_not_yet_due_appeals_remind_nobody(people: dict[str, Any], smtp: Inbox) -> None:
    answered = issued_appeal(
        by=people["office"], regions=["32.75"], issued_at=clock.now() - 30 * DAY
    )
    AppealRecipient.objects.filter(appeal=answered).update(
        acknowledged_at=clock.now() - 29 * DAY, followed_up_at=clock.now() - 25 * DAY
    )
    issued_appeal(by=people["office"], regions=["32.73"], issued_at=clock.now() - DAY)
    issued_appeal(
        by=people["office"],
        regions=["32.75"],
        issued_at=clock.now() - 30 * DAY,
        status=Appeal.Status.DRAFT,
    )
    assert "0 e-mail" in _run()
    assert smtp.messages == []
    assert not AppealRecipient.objects.filter(reminders_sent__gt=0).exists()


def test_the_demo_clock_decides_what_is_overdue(
    people: dict[str, Any], smtp: Inbox, settings: Any
) -> None:
    """On the demo's day (2024-11-10) an appeal due on 2024-11-09 is overdue, whatever the
    wall clock says; one due on 2024-11-12 is not."""
    settings.NETRAL_DEMO = True
    settings.NETRAL_DEMO_TODAY = datetime.date(2024, 11, 10)
    at = timezone.make_aware(datetime.datetime(2024, 11, 6, 9))
    issued_appeal(by=people["office"], regions=["32.75"], issued_at=at)
    issued_appeal(by=people["office"], regions=["32.73"], issued_at=at + 3 * DAY)
    _run()
    assert sorted(r for mail in smtp.messages for r in mail[0]) == [
        "bkpsdm@bekasikota.go.id",
        "staf.jabar@bawaslu.go.id",
    ]
    row = AppealRecipient.objects.get(region_id="32.75")
    assert row.last_reminded_at is not None
    assert timezone.localdate(row.last_reminded_at) == datetime.date(2024, 11, 10)
