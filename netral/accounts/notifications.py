"""The notification centre: services and selectors every app above accounts notifies through.

An app that knows something happened (a new case, a reporter's message, a reveal request, an
assignment, a recommendation arriving, a deadline) calls ``notify`` inside its own transaction
with the people to tell, the text and the workspace link: the rows are rolled back with the
action, and the e-mail of those who chose "immediate" goes out only after the commit. The
text must carry no identity, receipt code or chronology (a register number, a case id or a
recommendation number is enough): it is mailed, and a mailbox may be read by someone else.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from netral.accounts.models import Role, User
from netral.accounts.notification_models import EmailFrequency, Notification, NotificationSettings
from netral.accounts.notification_tasks import notification_email_send
from netral.accounts.permissions import require
from netral.audit.services import audit_record, audited
from netral.common.errors import ApplicationError, NotFound

NOTIFICATION_NOT_FOUND = "Notifikasi tidak ditemukan."
FREQUENCY_UNKNOWN = "Pilih salah satu frekuensi e-mail."
TEXT_MAX = 200
LIST_LIMIT = 200


def office_staff_ids(
    *, region_code: str | None, roles: Iterable[str], exclude: int | None = None
) -> list[int]:
    """Active accounts of ``roles`` working at exactly that office (``None``: national), not
    the province above it: "my office" is one's own office."""
    users = User.objects.filter(is_active=True, role__in=list(roles))
    if region_code is None:
        users = users.filter(jurisdiction__isnull=True)
    else:
        users = users.filter(jurisdiction_id=region_code)
    if exclude is not None:
        users = users.exclude(pk=exclude)
    return list(users.order_by("pk").values_list("pk", flat=True))


BAWASLU_ROLES = (Role.BAWASLU_STAFF, Role.BAWASLU_LEADER)


def notify(*, user_ids: Iterable[int], kind: str, text: str, link: str, key: str = "") -> int:
    """Tell each of ``user_ids`` (inside the caller's transaction). ``link`` is a path from
    ``reverse()``; ``key`` makes a repeat for the same person a no-op. Returns how many."""
    if kind not in Notification.Kind.values:
        raise ValueError(f"unknown notification kind {kind!r}")
    if not link.startswith("/") or link.startswith("//"):
        raise ValueError("a notification links inside the site")
    ids = sorted(set(user_ids))
    if not ids:
        return 0
    now = timezone.now()
    rows = [
        Notification(
            user_id=pk, kind=kind, text=text[:TEXT_MAX], link=link, key=key, created_at=now
        )
        for pk in ids
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=bool(key))
    immediate = list(
        User.objects.filter(
            pk__in=ids,
            notification_settings__email_frequency=EmailFrequency.IMMEDIATE,
        ).values_list("pk", flat=True)
    )
    if immediate:
        transaction.on_commit(
            lambda: notification_email_send.enqueue(user_ids=immediate), robust=True
        )
    return len(ids)


# --- Reads -----------------------------------------------------------------------------------


def notification_unread_count(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notification_list(*, user: User, unread_only: bool = False) -> QuerySet[Notification]:
    require(user, "notification.view_own")
    rows = Notification.objects.filter(user=user)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    return rows.order_by("-created_at", "-pk")


def notification_frequency(*, user: User) -> str:
    found = (
        NotificationSettings.objects.filter(user=user)
        .values_list("email_frequency", flat=True)
        .first()
    )
    return found or EmailFrequency.DAILY


# --- Writes ----------------------------------------------------------------------------------


@transaction.atomic
def notification_open(*, actor: User, notification_id: int) -> str:
    """Mark one of the actor's notifications read and return where it points. Someone
    else's is "not found", like a missing one."""
    require(actor, "notification.view_own")
    note = Notification.objects.select_for_update().filter(pk=notification_id, user=actor).first()
    if note is None:
        raise NotFound(NOTIFICATION_NOT_FOUND)
    if note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    # Written by code only; checked anyway so a link can never lead off the site.
    if not url_has_allowed_host_and_scheme(note.link, allowed_hosts=None):
        return "/"
    return note.link


def notification_mark_all_read(*, actor: User) -> int:
    require(actor, "notification.view_own")
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@audited
def notification_settings_set(*, actor: User, email_frequency: str) -> NotificationSettings:
    """The actor chooses how often unread notifications reach them by e-mail."""
    require(actor, "notification.view_own")
    if email_frequency not in EmailFrequency.values:
        raise ApplicationError(FREQUENCY_UNKNOWN, field="email_frequency")
    found, _created = NotificationSettings.objects.select_for_update().get_or_create(user=actor)
    before = found.email_frequency
    if before == email_frequency and not _created:
        return found
    found.email_frequency = email_frequency
    found.save(update_fields=["email_frequency"])
    audit_record(
        actor=actor,
        action="notification.settings",
        obj=actor,
        before={"email_frequency": before},
        after={"email_frequency": email_frequency},
    )
    return found
