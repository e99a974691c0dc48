"""Background work for follow-up: flag PPKs past their deadline and tell BKN and Bawaslu."""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django_tasks import task

from netral.accounts.models import Role, User
from netral.common import clock
from netral.common.links import site_url
from netral.followup.alerts import ppk_silent_alerts
from netral.followup.models import Recommendation
from netral.followup.services import escalations_flag_overdue

SUBJECT = "Netral: {count} rekomendasi netralitas melewati tenggat PPK"
BODY = (
    "Yth. Bapak/Ibu,\n\n"
    "Rekomendasi netralitas ASN berikut belum ditindaklanjuti Pejabat Pembina Kepegawaian "
    "hingga tenggatnya lewat:\n\n{lines}\n\n"
    "Rinciannya dan catatan tindakan BKN ada di ruang kerja Netral: "
    "{desk}\n"
    "E-mail ini sengaja tidak memuat identitas pelapor maupun terlapor.\n\n"
    "Netral — pengawasan netralitas ASN"
)
LINE = "- {number} — PPK {ppk} — tenggat {due:%d-%m-%Y}"


def _recipients(rec: Recommendation) -> set[str]:
    """BKN officers covering the PPK's region (or national) and the deciding Bawaslu office."""
    office = rec.case.office_region
    ppk = rec.ppk_region
    bkn = Q(role=Role.BKN_OFFICER) & (
        Q(jurisdiction__isnull=True)
        | (
            Q(jurisdiction=ppk.code) | Q(jurisdiction=ppk.parent_id)
            if ppk is not None
            else Q(pk__in=[])
        )
    )
    bawaslu = Q(role__in=[Role.BAWASLU_STAFF, Role.BAWASLU_LEADER], jurisdiction=office.code)
    users = User.objects.filter(bkn | bawaslu, is_active=True).exclude(email="")
    return set(users.values_list("email", flat=True))


@task()
def flag_overdue_followups() -> int:
    """Flag overdue PPK follow-ups and mail each recipient one list. Returns mails sent."""
    flagged = escalations_flag_overdue(now=clock.now())
    if not flagged:
        return 0
    ppk_silent_alerts(flagged)
    per_person: dict[str, list[str]] = defaultdict(list)
    recs = Recommendation.objects.filter(pk__in=flagged).select_related(
        "case__office_region", "ppk_region"
    )
    for rec in recs:
        line = LINE.format(
            number=rec.number,
            ppk=rec.ppk_region.name if rec.ppk_region else "instansi pusat",
            due=rec.due_at,
        )
        for email in _recipients(rec):
            per_person[email].append(line)
    messages = [
        EmailMessage(
            subject=SUBJECT.format(count=len(lines)),
            body=BODY.format(
                lines="\n".join(sorted(lines)),
                desk=site_url("followup:desk", query={"overdue": "on"}),
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email],
        )
        for email, lines in sorted(per_person.items())
    ]
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
