"""Background work for cases: the daily deadline digest to each Bawaslu office."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import translation
from django_tasks import task

from netral.cases.digest import DigestLine, OfficeDigest, deadline_digest
from netral.common import clock
from netral.common.links import site_url

SUBJECT = "Netral: {overdue} kasus terlambat, {soon} jatuh tempo hingga besok — {office}"
BODY = (
    "Yth. Bapak/Ibu petugas Bawaslu {office},\n\n"
    "Berikut kasus yang masih harus ditindaklanjuti kantor Anda, per {now}.\n\n"
    "{sections}\n\n"
    "Rinciannya ada di kotak kasus Netral: {inbox}\n"
    "E-mail ini sengaja tidak memuat identitas pelapor maupun terlapor.\n\n"
    "Netral — pengawasan netralitas ASN"
)
SECTION = "{title} ({count}):\n{lines}"
LINE = "- {label} — {status} — batas waktu {due}"
NONE = "- tidak ada"
OVERDUE_TITLE = "Terlambat"
SOON_TITLE = "Jatuh tempo hingga akhir besok"
TIME_FORMAT = "%d-%m-%Y %H:%M"


def _section(title: str, lines: tuple[DigestLine, ...], tz_abbr: str) -> str:
    rendered = [
        LINE.format(
            label=line.label,
            status=line.status_label,
            due=f"{line.due_at:{TIME_FORMAT}} {tz_abbr}",
        )
        for line in lines
    ]
    return SECTION.format(title=title, count=len(lines), lines="\n".join(rendered) or NONE)


def digest_message(*, digest: OfficeDigest, now: datetime.datetime) -> EmailMessage:
    """The mail for one office. Only register numbers or case ids, statuses and deadlines:
    never the reporter or the reported ASN, since a mailbox may be read by someone else."""
    sections = "\n\n".join(
        [
            _section(OVERDUE_TITLE, digest.overdue, digest.tz_abbr),
            _section(SOON_TITLE, digest.due_soon, digest.tz_abbr),
        ]
    )
    return EmailMessage(
        subject=SUBJECT.format(
            overdue=len(digest.overdue), soon=len(digest.due_soon), office=digest.office_name
        ),
        body=BODY.format(
            office=digest.office_name,
            now=f"{now.astimezone(ZoneInfo(digest.tz_name)):{TIME_FORMAT}} {digest.tz_abbr}",
            sections=sections,
            inbox=site_url("cases:case_list"),
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(digest.recipients),
    )


@task()
def send_deadline_digest() -> int:
    """E-mail each office its overdue and nearly due cases. Returns the number of mails sent.

    Offices without an active Bawaslu staff member or leader with an e-mail address get none.
    """
    now = clock.now()
    digests = [d for d in deadline_digest(now=now) if d.recipients]
    if not digests:
        return 0
    with translation.override("id"):
        messages = [digest_message(digest=d, now=now) for d in digests]
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
