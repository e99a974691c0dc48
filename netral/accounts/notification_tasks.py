"""E-mail of the notification centre: one mail per person with their unread, not yet mailed
notifications, right after the action (``immediate``) or as an hourly or daily digest.

Each line is the notification's kind, its text (no identity, receipt code or chronology:
see ``notifications``) and a link ``NETRAL_SITE_URL`` + ``reverse()`` that opens it in the
workspace, behind the sign-in. A person without an e-mail address gets the notifications in
the workspace only.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from netral.accounts.models import User
from netral.accounts.notification_models import EmailFrequency, Notification, NotificationSettings
from netral.common.links import site_url

# A digest lists at most this many; the rest wait for the next one (and are in the workspace).
MAX_LINES = 50
SUBJECT = "Netral: {count} notifikasi baru"
BODY = (
    "Yth. Bapak/Ibu,\n\n"
    "Ada yang perlu Anda ketahui di ruang kerja Netral:\n\n{lines}\n\n"
    "Semua notifikasi: {all}\n"
    "Ubah frekuensi e-mail ini: {prefs}\n"
    "E-mail ini sengaja tidak memuat identitas pelapor maupun terlapor, kode tanda terima, atau"
    " kronologi.\n\n"
    "Netral — pengawasan netralitas ASN"
)
LINE = "- {kind}: {text}\n  {url}"


def _message(user: User, rows: list[Notification]) -> EmailMessage:
    lines = [
        LINE.format(
            kind=row.get_kind_display(),
            text=row.text,
            url=site_url("notifications:open", kwargs={"notification_id": row.pk}),
        )
        for row in rows
    ]
    return EmailMessage(
        subject=SUBJECT.format(count=len(rows)),
        body=BODY.format(
            lines="\n".join(lines),
            all=site_url("notifications:list"),
            prefs=site_url("notifications:settings"),
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )


def _send(users: Iterable[User]) -> int:
    """Mail each user their pending notifications; returns the mails sent. Per person: the
    rows are locked (skipped when another worker holds them), mailed, then marked mailed in
    the same transaction, so a failed send leaves them for the next run."""
    sent = 0
    with get_connection() as connection, translation.override("id"):
        for user in users:
            if not user.email:
                continue
            with transaction.atomic():
                rows = list(
                    Notification.objects.select_for_update(skip_locked=True)
                    .filter(user=user, emailed_at__isnull=True, read_at__isnull=True)
                    .order_by("created_at", "pk")[:MAX_LINES]
                )
                if not rows:
                    continue
                sent += connection.send_messages([_message(user, rows)]) or 0
                Notification.objects.filter(pk__in=[r.pk for r in rows]).update(
                    emailed_at=timezone.now()
                )
    return sent


@task()
def notification_email_send(*, user_ids: list[int]) -> int:
    """Right after an action: the mail of those of ``user_ids`` who chose "immediate"."""
    users = User.objects.filter(
        pk__in=user_ids,
        is_active=True,
        notification_settings__email_frequency=EmailFrequency.IMMEDIATE,
    ).order_by("pk")
    return _send(users)


@task()
def notification_digest_send(*, frequency: str) -> int:
    """The hourly or daily digest of everyone who chose ``frequency`` (those who never chose
    get the daily one). Run from cron: ``manage.py send_notification_digest --frequency``."""
    if frequency not in (EmailFrequency.HOURLY, EmailFrequency.DAILY):
        raise ValueError(f"no digest for {frequency!r}")
    chosen = NotificationSettings.objects.filter(email_frequency=frequency).values("user_id")
    users = User.objects.filter(is_active=True, notifications__emailed_at__isnull=True)
    if frequency == EmailFrequency.DAILY:
        users = users.filter(pk__in=chosen) | users.filter(notification_settings__isnull=True)
    else:
        users = users.filter(pk__in=chosen)
    return _send(users.distinct().order_by("pk"))
