"""Delivery of an issued appeal by e-mail to each addressee's PPK office, after the commit.

The desk is the delivery of record (the appeal is on the PPK office's desk the moment it is
issued); the mail tells the office it is there, with the letter attached. Each addressee is
mailed once (``emailed_at``), so a retried task does not mail it twice.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone
from django_tasks import task

from netral.accounts.models import Role, User
from netral.common.errors import ApplicationError
from netral.common.links import site_url
from netral.documents.services import document_pdf, office_name
from netral.prevention.appeals import appeal_recipients_mark_emailed
from netral.prevention.models import Appeal, AppealRecipient

log = logging.getLogger(__name__)

SUBJECT = "Netral: imbauan {number} dari {office}"
BODY = (
    "Yth. {addressee},\n\n"
    '{office} menyampaikan imbauan {number} perihal "{subject}" untuk {election}.\n\n'
    "Mohon konfirmasi penerimaannya paling lambat {ack_due:%d-%m-%Y} dan laporkan tindak "
    "lanjutnya (surat edaran kepada ASN, sosialisasi) paling lambat {follow_due:%d-%m-%Y} di "
    "meja PPK Netral:\n{desk}\n\n"
    "Surat imbauan terlampir; keasliannya dapat diperiksa di {verify}.\n\n"
    "Netral — pengawasan netralitas ASN"
)


def _addresses(region_id: str) -> list[str]:
    users = User.objects.filter(
        role=Role.PPK_OFFICE, jurisdiction_id=region_id, is_active=True
    ).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


@task()
def appeal_deliver(*, appeal_id: int) -> int:
    """Mail the issued appeal to the PPK offices of its addressees not mailed yet; returns
    how many messages went out."""
    appeal = (
        Appeal.objects.select_related("office_region", "election", "document")
        .filter(pk=appeal_id, status=Appeal.Status.ISSUED)
        .first()
    )
    if appeal is None or appeal.document is None:
        return 0
    recipients = list(
        AppealRecipient.objects.filter(appeal=appeal, emailed_at__isnull=True).order_by("region_id")
    )
    if not recipients:
        return 0
    try:
        attachment: bytes | None = document_pdf(document=appeal.document)
    except ApplicationError:  # its PDF is not ready: the mail still points at the desk
        log.warning("appeal %s mailed without its letter", appeal.pk)
        attachment = None
    number = appeal.document.number
    office = office_name(appeal.office_region)
    sent, sent_to = 0, []
    with get_connection() as connection:
        for recipient in recipients:
            addresses = _addresses(recipient.region_id)
            if not addresses:
                continue
            message = EmailMessage(
                subject=SUBJECT.format(number=number, office=office),
                body=BODY.format(
                    addressee=recipient.addressee,
                    office=office,
                    number=number,
                    subject=appeal.subject,
                    election=appeal.election.name,
                    ack_due=timezone.localtime(appeal.acknowledge_due_at),
                    follow_due=timezone.localtime(appeal.follow_up_due_at),
                    desk=site_url("appeals:detail", kwargs={"appeal_id": appeal.pk}),
                    verify=site_url("documents:verify", kwargs={"number": number}),
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=addresses,
                connection=connection,
            )
            if attachment is not None:
                name = number.replace("/", "-")
                message.attach(f"imbauan-{name}.pdf", attachment, "application/pdf")
            sent += message.send()
            sent_to.append(recipient.pk)
    appeal_recipients_mark_emailed(recipient_ids=sent_to, at=timezone.now())
    return sent
