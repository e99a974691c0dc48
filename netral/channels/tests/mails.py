"""Mails as a reporter's mail program sends them."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid

INTAKE = "lapor@netral.example"

IDENTIFIED = """\
Nama terlapor: Budi Santoso
Instansi: Dinas Pendidikan Kota Bandung
Kabupaten/kota: Kota Bandung
Tanggal kejadian: kemarin
Tanggal diketahui: hari ini
Kronologi: Dia mengajak para guru memilih pasangan calon nomor 2
saat apel pagi di halaman kantor dinas.

Nama pelapor: Rina Kartika
Alamat pelapor: Jl. Merdeka 1, Bandung
"""


def report_mail(
    body: str = IDENTIFIED,
    *,
    sender: str = "rina@example.org",
    attachments: list[tuple[str, bytes, str]] = (),  # type: ignore[assignment]
    message_id: str | None = None,
    headers: dict[str, str] | None = None,
) -> bytes:
    mail = EmailMessage()
    mail["From"] = f"Rina <{sender}>"
    mail["To"] = INTAKE
    mail["Subject"] = "Laporan ASN tidak netral"
    mail["Message-ID"] = message_id or make_msgid(domain="example.org")
    for name, value in (headers or {}).items():
        mail[name] = value
    mail.set_content(body)
    for filename, data, content_type in attachments:
        maintype, subtype = content_type.split("/")
        mail.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return mail.as_bytes()
