"""Item 14.4: every alert kind reaches the right people in the notification centre and, for
those who chose "immediate", by e-mail through a real SMTP server (aiosmtpd); no mail names
the reporter or the reported ASN, carries the receipt code or the chronology, and its links
are NETRAL_SITE_URL + reverse()."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.accounts.notification_models import EmailFrequency, Notification, NotificationSettings
from netral.cases.assignment import case_assign
from netral.cases.models import Case, Verdict
from netral.cases.tests.factories import case_from_report
from netral.common.tests.smtp import Inbox, smtp_inbox
from netral.followup import services
from netral.followup.models import Recommendation
from netral.followup.tests.factories import decided_case
from netral.reports.handling import reveal_request_create, reveal_request_decide
from netral.reports.models import Report
from netral.reports.services import reporter_message_post
from netral.reports.tests.apis.test_submit_api import valid

pytestmark = pytest.mark.usefixtures("elections")
SITE = "https://netral.example.go.id"
K = Notification.Kind
MakeUser = Callable[..., User]
WIB = ZoneInfo("Asia/Jakarta")
# What the factory's report holds: names, NIP, NIK, phone, chronology.
REPORT = valid()
SECRETS = (
    "Bambang",
    "198503172010011004",
    "Rina",
    "3275015703900001",
    "081234567890",
    REPORT["chronology"],
)


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    settings.NETRAL_SITE_URL = SITE
    with smtp_inbox(settings) as inbox:
        yield inbox


@pytest.fixture
def person(make_user: MakeUser) -> Callable[..., User]:
    """A user who gets every notification by e-mail at once."""
    counter = iter(range(1, 1000))

    def make(role: str, region: str | None = None) -> User:
        user = make_user(role, region, email=f"orang{next(counter)}@netral.test")
        NotificationSettings.objects.create(user=user, email_frequency=EmailFrequency.IMMEDIATE)
        return user

    return make


def kinds(user: User) -> list[str]:
    return list(
        Notification.objects.filter(user=user).order_by("pk").values_list("kind", flat=True)
    )


def mail_to(smtp: Inbox, user: User, code: str = "") -> str:
    """The one mail ``user`` got; checked for what must never be in it."""
    bodies = []
    for recipients, message in smtp.messages:
        # Only the notification centre's mail (follow-up also sends its own overdue list).
        if recipients == [user.email] and "notifikasi baru" in str(message["Subject"]):
            payload = message.get_payload(decode=True)
            assert isinstance(payload, bytes)
            bodies.append(payload.decode())
    assert len(bodies) == 1, bodies
    body = bodies[0]
    for secret in (*SECRETS, *([code] if code else [])):
        assert secret not in body
    assert f"{SITE}/ruang-kerja/notifikasi/" in body
    return body


def test_new_case_in_my_office(
    person: Any, smtp: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    staff = person(Role.BAWASLU_STAFF, "32.75")
    leader = person(Role.BAWASLU_LEADER, "32.75")
    province = person(Role.BAWASLU_STAFF, "32")  # not this office
    elsewhere = person(Role.BAWASLU_STAFF, "32.73")
    with django_capture_on_commit_callbacks(execute=True):
        case, code = case_from_report()
    assert kinds(staff) == kinds(leader) == [K.NEW_CASE]
    assert kinds(province) == kinds(elsewhere) == []
    body = mail_to(smtp, staff, code)
    assert f"Kasus #{case.pk} (laporan) masuk ke kantor Anda" in body


def test_reporter_message_to_the_assignee_or_else_the_office(
    person: Any, smtp: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    case, code = case_from_report()
    report = Report.objects.get(case=case)
    staff = person(Role.BAWASLU_STAFF, "32.75")
    colleague = person(Role.BAWASLU_STAFF, "32.75")
    with django_capture_on_commit_callbacks(execute=True):
        reporter_message_post(report=report, body="Rina Kartika: foto tambahan menyusul.")
    assert kinds(staff) == kinds(colleague) == [K.REPORTER_MESSAGE]
    assert "foto tambahan" not in mail_to(smtp, staff, code)

    case_assign(actor=staff, case_id=case.pk, action="take")
    reporter_message_post(report=Report.objects.get(pk=report.pk), body="Satu lagi.")
    assert kinds(staff) == [K.REPORTER_MESSAGE, K.REPORTER_MESSAGE]
    assert kinds(colleague) == [K.REPORTER_MESSAGE]


def test_reveal_request_to_the_offices_leaders_and_its_decision_to_the_requester(
    person: Any, smtp: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    case, code = case_from_report()
    report = Report.objects.get(case=case)
    staff = person(Role.BAWASLU_STAFF, "32.75")
    leader = person(Role.BAWASLU_LEADER, "32.75")
    other_leader = person(Role.BAWASLU_LEADER, "32.73")
    reason = "Pelapor perlu diundang klarifikasi sebagai saksi utama."
    with django_capture_on_commit_callbacks(execute=True):
        request = reveal_request_create(
            actor=staff, report_public_id=str(report.public_id), reason=reason
        )
    assert kinds(leader) == [K.REVEAL_REQUEST] and kinds(other_leader) == []
    assert kinds(staff) == []
    assert reason not in mail_to(smtp, leader, code)
    with django_capture_on_commit_callbacks(execute=True):
        reveal_request_decide(actor=leader, request_id=request.pk, approve=False, note="Belum.")
    assert kinds(staff) == [K.REVEAL_DECISION]
    note = Notification.objects.get(user=staff)
    assert note.text == f"Permintaan pengungkapan identitas pada Kasus #{case.pk} ditolak"
    mail_to(smtp, staff, code)


def test_assignment(person: Any, smtp: Inbox, django_capture_on_commit_callbacks: Any) -> None:
    case, code = case_from_report()
    leader = person(Role.BAWASLU_LEADER, "32.75")
    staff = person(Role.BAWASLU_STAFF, "32.75")
    with django_capture_on_commit_callbacks(execute=True):
        case_assign(actor=leader, case_id=case.pk, action="assign", assignee_id=staff.pk)
    assert kinds(staff) == [K.ASSIGNMENT]
    assert f"Kasus #{case.pk} ditugaskan kepada Anda" in mail_to(smtp, staff, code)


def test_recommendation_arrives_at_bkn_then_at_the_ppk(
    make_user: MakeUser, person: Any, smtp: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    bkn = person(Role.BKN_OFFICER, "32")  # the employee's province
    bkn_national = person(Role.BKN_OFFICER)  # a nearer BKN office has it
    ppk = person(Role.PPK_OFFICE, "32.75")
    with django_capture_on_commit_callbacks(execute=True):
        case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY, Verdict.CRIMINAL])
    rec = Recommendation.objects.get(case=case, addressee="bkn")
    assert kinds(bkn) == [K.RECOMMENDATION] and kinds(bkn_national) == [] and kinds(ppk) == []
    assert f"Rekomendasi {rec.number} masuk ke meja Anda" in mail_to(smtp, bkn)
    with django_capture_on_commit_callbacks(execute=True):
        services.recommendation_assess(actor=bkn, rec_id=rec.pk, assessment="x", sanction="moral")
    assert kinds(ppk) == [K.RECOMMENDATION]
    mail_to(smtp, ppk)


def test_recommendation_arrives_at_gakkumdu(make_user: MakeUser) -> None:
    gakkumdu = make_user(Role.GAKKUMDU, "32.75")
    other = make_user(Role.GAKKUMDU, "32.73")
    decided_case(make_user, verdicts=[Verdict.CRIMINAL])
    assert kinds(gakkumdu) == [K.RECOMMENDATION] and kinds(other) == []


def tomorrow_at_ten() -> datetime.datetime:
    tomorrow = timezone.now().astimezone(WIB).date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(10), tzinfo=WIB)


def test_deadline_tomorrow_for_cases_and_recommendations_once(
    make_user: MakeUser, person: Any, smtp: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    due_case, code = case_from_report()
    later_case, _ = case_from_report()
    Case.objects.filter(pk=due_case.pk).update(due_at=tomorrow_at_ten())
    Case.objects.filter(pk=later_case.pk).update(
        due_at=tomorrow_at_ten() + datetime.timedelta(days=2)
    )
    staff = person(Role.BAWASLU_STAFF, "32.75")
    decided = decided_case(make_user, verdicts=[Verdict.CRIMINAL])
    rec = Recommendation.objects.get(case=decided)
    gakkumdu = person(Role.GAKKUMDU, "32.75")
    case_assign(actor=make_user(Role.BAWASLU_LEADER, "32.75"), case_id=decided.pk, action="take")
    Recommendation.objects.filter(pk=rec.pk).update(due_at=tomorrow_at_ten())
    Notification.objects.all().delete()

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("alert_deadlines_tomorrow", stdout=out)
    assert out.getvalue().strip().endswith(": 2")
    assert kinds(staff) == [K.DEADLINE_TOMORROW]
    text = Notification.objects.get(user=staff).text
    assert text == f"Tenggat Kasus #{due_case.pk} besok, {tomorrow_at_ten():%d-%m-%Y} 10:00 WIB"
    assert kinds(gakkumdu) == [K.DEADLINE_TOMORROW]
    mail_to(smtp, staff, code)
    # The next run (or a second cron) tells nobody again about the same deadlines.
    call_command("alert_deadlines_tomorrow", stdout=io.StringIO())
    assert kinds(staff) == [K.DEADLINE_TOMORROW] and kinds(gakkumdu) == [K.DEADLINE_TOMORROW]


def test_ppk_silent_past_its_deadline(
    make_user: MakeUser, person: Any, smtp: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    bkn = person(Role.BKN_OFFICER, "32.75")
    office = person(Role.BAWASLU_STAFF, "32.75")
    elsewhere = person(Role.BAWASLU_STAFF, "32.73")
    services.recommendation_assess(actor=bkn, rec_id=rec.pk, assessment="x", sanction="moral")
    Recommendation.objects.filter(pk=rec.pk).update(
        due_at=timezone.now() - datetime.timedelta(hours=2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("flag_overdue_followups", stdout=io.StringIO())
    assert K.PPK_SILENT in kinds(bkn) and K.PPK_SILENT in kinds(office)
    assert K.PPK_SILENT not in kinds(elsewhere)
    note = Notification.objects.get(user=office, kind=K.PPK_SILENT)
    assert note.text == f"PPK Kota Bekasi melewati tenggat rekomendasi {rec.number}"
    assert note.text in mail_to(smtp, office)
    call_command("flag_overdue_followups", stdout=io.StringIO())
    assert Notification.objects.filter(user=office, kind=K.PPK_SILENT).count() == 1
