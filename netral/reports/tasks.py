"""Background work for reports: notices to the reporter's contact address."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django_tasks import task

from netral.common.links import site_url
from netral.reports.models import Contact

SUBJECTS = {
    "received": "Laporan Anda telah diterima — Netral",
    "message": "Ada pesan baru dari petugas — Netral",
    "status": "Status laporan Anda berubah — Netral",
}
BODY = (
    "Yth. Pelapor,\n\n{line}\n\n"
    "Untuk melihat rinciannya, buka {track} dan masukkan kode tanda terima Anda.\n"
    "Demi keamanan Anda, e-mail ini tidak memuat kode tanda terima maupun identitas Anda.\n\n"
    "Netral — pengawasan netralitas ASN"
)
LINES = {
    "received": "Laporan atau informasi Anda telah kami terima dan akan diperiksa petugas.",
    "message": "Petugas pengawas mengirim pesan untuk Anda.",
    "status": "Status laporan Anda telah berubah.",
}


@task()
def notify_reporter(*, report_id: int, event: str) -> bool:
    """E-mail the reporter's contact address about ``event``. Returns whether a mail went out.

    The mail never contains the identity, the receipt code or any case detail: a mailbox may be
    read by someone else.
    """
    contact = Contact.objects.filter(report_id=report_id).first()
    if contact is None or not contact.email:
        return False
    with translation.override("id"):
        send_mail(
            subject=SUBJECTS[event],
            message=BODY.format(line=LINES[event], track=site_url("reports:track_start")),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[contact.email],
        )
    return True
