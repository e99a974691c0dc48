"""Reminders for appeals (imbauan) nobody answered: the PPK office of a silent region gets an
e-mail, the issuing Bawaslu office a list of its silent regions.

A region is *silent* on an issued appeal when the appeal's acknowledgement deadline passed
without an acknowledgement, or its follow-up deadline passed without a follow-up (both
deadlines are rulebook data kept on the appeal at issue, ``appeals.toml``, ``confirmed =
false``). Each silent addressee is reminded at most once per (domain, Asia/Jakarta) day; the
row keeps the count and the last time (``reminders_sent``, ``last_reminded_at``). An office
gets its list in a run that reminded at least one of its regions, so with the daily cron
(``send_appeal_reminders``) one list a day, and none on a second run the same day.

Time is the domain clock (``common.clock``): the demo lives on its own day. Mails carry
numbers, subjects, regions and deadlines only: an appeal names no person.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django_tasks import task

from netral.accounts.models import Role, User
from netral.audit.services import audit_deferred, audit_record
from netral.common import clock
from netral.common.links import site_url
from netral.documents.services import office_name
from netral.prevention.models import Appeal, AppealRecipient

PPK_SUBJECT = "Netral: {count} imbauan netralitas ASN menunggu tanggapan {region}"
PPK_BODY = (
    "Yth. Bapak/Ibu di {region},\n\n"
    "Imbauan netralitas ASN berikut telah melewati tenggat tanpa tanggapan dari pemerintah "
    "daerah Anda:\n\n{lines}\n\n"
    "Mohon konfirmasi penerimaan dan laporkan tindak lanjutnya (surat edaran kepada ASN, "
    "sosialisasi) di meja imbauan Netral: {desk}\n\n"
    "Netral — pengawasan netralitas ASN"
)
OFFICE_SUBJECT = "Netral: {count} daerah belum menanggapi imbauan — {office}"
OFFICE_BODY = (
    "Yth. Bapak/Ibu petugas {office},\n\n"
    "Per {today:%d-%m-%Y}, daerah berikut belum menanggapi imbauan yang diterbitkan kantor "
    "Anda setelah tenggatnya lewat:\n\n{sections}\n\n"
    "Rinciannya ada di ruang kerja Netral: {desk}\n\n"
    "Netral — pengawasan netralitas ASN"
)
APPEAL_LINE = "- {number} — {subject}"
MISSING_ACK = "belum mengonfirmasi penerimaan (tenggat {due:%d-%m-%Y})"
MISSING_FOLLOW_UP = "belum melaporkan tindak lanjut (tenggat {due:%d-%m-%Y})"
REGION_LINE = "  - {region}: {missing}"
# The appeals pages (``appeals_urls``); the workspace when they are not mounted.
DESK_VIEWS = ("appeals:list", "reports_staff:report_list")


@dataclass
class ReminderRun:
    """What one run did: addressees reminded, mails to PPK offices and to Bawaslu offices."""

    reminded: list[int] = field(default_factory=list)
    ppk_mails: int = 0
    office_mails: int = 0

    @property
    def mails(self) -> int:
        return self.ppk_mails + self.office_mails


def _day_start(day: datetime.date) -> datetime.datetime:
    """Midnight of ``day`` in the default time zone (Asia/Jakarta), aware."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def silent_q(now: datetime.datetime) -> Q:
    """Addressees of issued appeals whose acknowledgement or follow-up deadline passed
    without an answer (a filter on ``AppealRecipient``)."""
    no_ack = Q(acknowledged_at__isnull=True, appeal__acknowledge_due_at__lt=now)
    no_follow_up = Q(followed_up_at__isnull=True, appeal__follow_up_due_at__lt=now)
    return Q(appeal__status=Appeal.Status.ISSUED) & (no_ack | no_follow_up)


def silent_recipients(*, now: datetime.datetime) -> QuerySet[AppealRecipient]:
    return AppealRecipient.objects.filter(silent_q(now))


def _missing(recipient: AppealRecipient, now: datetime.datetime) -> str:
    appeal = recipient.appeal
    ack_due, follow_up_due = appeal.acknowledge_due_at, appeal.follow_up_due_at
    parts = []
    if recipient.acknowledged_at is None and ack_due is not None and ack_due < now:
        parts.append(MISSING_ACK.format(due=timezone.localtime(ack_due)))
    if recipient.followed_up_at is None and follow_up_due is not None and follow_up_due < now:
        parts.append(MISSING_FOLLOW_UP.format(due=timezone.localtime(follow_up_due)))
    return "; ".join(parts)


def _desk() -> str:
    for name in DESK_VIEWS:
        try:
            return site_url(name)
        except NoReverseMatch:
            continue
    return settings.NETRAL_SITE_URL


def _emails(users: QuerySet[User]) -> list[str]:
    return sorted(
        set(users.filter(is_active=True).exclude(email="").values_list("email", flat=True))
    )


def _ppk_emails(region_codes: Iterable[str]) -> dict[str, list[str]]:
    """Active PPK office users with an address, by their region (exactly: a governor's
    office answers for the province, not for the regencies in it)."""
    found: dict[str, set[str]] = defaultdict(set)
    users = User.objects.filter(
        role=Role.PPK_OFFICE, jurisdiction_id__in=list(region_codes), is_active=True
    ).exclude(email="")
    for code, email in users.values_list("jurisdiction_id", "email"):
        found[code].add(email)
    return {code: sorted(emails) for code, emails in found.items()}


def _office_emails(office_region_id: str | None) -> list[str]:
    users = User.objects.filter(role__in=[Role.BAWASLU_STAFF, Role.BAWASLU_LEADER])
    if office_region_id is None:
        return _emails(users.filter(jurisdiction__isnull=True))
    return _emails(users.filter(jurisdiction_id=office_region_id))


def _recipients_remind(now: datetime.datetime) -> list[AppealRecipient]:
    """Note a reminder on every silent addressee not yet reminded today, under lock (two
    runs at once remind each one once), with an audit entry each; returns them."""
    today_start = _day_start(timezone.localdate(now))
    due = (
        silent_recipients(now=now)
        .filter(Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lt=today_start))
        .select_for_update(of=("self",), skip_locked=True)
        .order_by("pk")
    )
    reminded = list(due)
    if not reminded:
        return []
    AppealRecipient.objects.filter(pk__in=[r.pk for r in reminded]).update(
        reminders_sent=F("reminders_sent") + 1, last_reminded_at=now
    )
    for recipient in reminded:
        audit_record(
            actor=None,
            action="appeal.remind",
            obj=recipient,
            after={"appeal": recipient.appeal_id, "region": recipient.region_id},
        )
    return reminded


def _ppk_messages(
    reminded: list[AppealRecipient], now: datetime.datetime, desk: str
) -> list[EmailMessage]:
    """One mail per PPK office user, listing the appeals its region left unanswered."""
    by_region: dict[str, list[AppealRecipient]] = defaultdict(list)
    for recipient in reminded:
        by_region[recipient.region_id].append(recipient)
    emails = _ppk_emails(by_region)
    messages = []
    for code, rows in sorted(by_region.items()):
        region = rows[0].region.name
        lines = "\n".join(
            f"{APPEAL_LINE.format(number=r.appeal.number, subject=r.appeal.subject)}\n"
            f"  {_missing(r, now)}"
            for r in sorted(rows, key=lambda r: r.appeal_id)
        )
        for email in emails.get(code, []):
            messages.append(
                EmailMessage(
                    subject=PPK_SUBJECT.format(count=len(rows), region=region),
                    body=PPK_BODY.format(region=region, lines=lines, desk=desk),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=[email],
                )
            )
    return messages


def _office_messages(
    reminded: list[AppealRecipient], now: datetime.datetime, desk: str
) -> list[EmailMessage]:
    """For each issuing office one of whose regions was reminded now: every silent region of
    every appeal it issued, one mail per staff member or leader of that office."""
    offices = {r.appeal.office_region_id for r in reminded}
    messages = []
    for office in sorted(offices, key=lambda code: code or ""):
        silent = list(
            silent_recipients(now=now)
            .filter(appeal__office_region_id=office)
            .select_related("appeal__document", "appeal__office_region", "region")
            .order_by("appeal__issued_at", "appeal_id", "region_id")
        )
        emails = _office_emails(office)
        if not silent or not emails:
            continue
        by_appeal: dict[int, list[AppealRecipient]] = defaultdict(list)
        for recipient in silent:
            by_appeal[recipient.appeal_id].append(recipient)
        sections = "\n\n".join(
            APPEAL_LINE.format(number=rows[0].appeal.number, subject=rows[0].appeal.subject)
            + "\n"
            + "\n".join(
                REGION_LINE.format(region=r.region.name, missing=_missing(r, now)) for r in rows
            )
            for rows in by_appeal.values()
        )
        name = office_name(silent[0].appeal.office_region)
        for email in emails:
            messages.append(
                EmailMessage(
                    subject=OFFICE_SUBJECT.format(count=len(silent), office=name),
                    body=OFFICE_BODY.format(
                        office=name, today=timezone.localdate(now), sections=sections, desk=desk
                    ),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=[email],
                )
            )
    return messages


def appeal_reminders_send(*, now: datetime.datetime | None = None) -> ReminderRun:
    """Remind today's silent addressees and tell their issuing offices; returns what it did.

    The reminders are noted (and audited) in one transaction, the mails go out after it
    committed: a failed delivery is not retried the same day, a rolled-back run sends none.
    """
    now = now or clock.now()
    with transaction.atomic(), audit_deferred():
        locked = _recipients_remind(now)
    run = ReminderRun(reminded=[r.pk for r in locked])
    if not locked:
        return run
    reminded = list(
        AppealRecipient.objects.filter(pk__in=run.reminded)
        .select_related("appeal__document", "region")
        .order_by("pk")
    )
    desk = _desk()
    with translation.override("id"):
        ppk = _ppk_messages(reminded, now, desk)
        office = _office_messages(reminded, now, desk)
    if ppk or office:
        with get_connection() as connection:
            run.ppk_mails = connection.send_messages(ppk) or 0
            run.office_mails = connection.send_messages(office) or 0
    return run


@task()
def send_appeal_reminders() -> int:
    """The daily reminder run (``appeal_reminders_send``); returns the number of mails sent."""
    return appeal_reminders_send().mails
