"""Warning the office before retention erases from its cases (once per rule and case)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone, translation

from netral.accounts.models import Role, User
from netral.audit.services import audit_deferred
from netral.common import clock
from netral.common.links import site_url
from netral.operations.models import RetentionWarning
from netral.operations.retention import cases_expiring, expiry_of
from netral.rules.selectors import rulebook_get

SUBJECT = "Netral: {count} data kasus akan dihapus menurut jadwal retensi"
BODY = (
    "Yth. Bapak/Ibu pimpinan dan staf Bawaslu,\n\n"
    "Menurut jadwal retensi Netral, data berikut dari kasus kantor Anda akan dihapus pada "
    "tanggal yang disebut. Bila sebuah kasus masih diperlukan (upaya hukum, pemeriksaan), "
    "pimpinan dapat menetapkan penahanan hukum agar datanya tidak dihapus.\n\n{lines}\n\n"
    "Kotak kasus: {inbox}\n"
    "E-mail ini sengaja tidak memuat identitas pelapor maupun terlapor.\n\n"
    "Netral — pengawasan netralitas ASN"
)
LINE = "- {case} — {rule} ({data}) — dihapus {expires:%d-%m-%Y}"


def retention_warnings_send(*, today: datetime.date | None = None) -> int:
    """Record and mail the warnings due ``today``; return the number of mails sent."""
    day = today or clock.today()
    lines: dict[str, list[str]] = defaultdict(list)
    with transaction.atomic(), audit_deferred():
        for rule in rulebook_get().retention.rules:
            warned = RetentionWarning.objects.filter(rule=rule.code).values("case_id")
            cases = cases_expiring(rule, today=day).exclude(pk__in=warned)
            for case in cases.order_by("pk"):
                expires = expiry_of(rule, case)
                RetentionWarning.objects.create(
                    rule=rule.code, case=case, expires_on=expires, warned_at=timezone.now()
                )
                lines[case.office_region_id].append(
                    LINE.format(case=case, rule=rule.code, data=rule.data, expires=expires)
                )
    messages = []
    with translation.override("id"):
        for office, office_lines in sorted(lines.items()):
            recipients = User.objects.filter(
                role__in=[Role.BAWASLU_LEADER, Role.BAWASLU_STAFF],
                jurisdiction_id=office,
                is_active=True,
            ).exclude(email="")
            to = sorted(recipients.values_list("email", flat=True))
            if not to:
                continue
            messages.append(
                EmailMessage(
                    subject=SUBJECT.format(count=len(office_lines)),
                    body=BODY.format(
                        lines="\n".join(office_lines), inbox=site_url("cases:case_list")
                    ),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=to,
                )
            )
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
