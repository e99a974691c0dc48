"""Writes for ASN neutrality pledges (ikrar netralitas): one per NIP per election.

``pledge_submit`` validates the NIP as intake does (``common.identifiers``), cleans the name
(``common.text``), and either records a new pledge with its official certificate (a numbered
document with a QR code, rendered after the commit by the documents app) or, when this NIP
pledged for this election already, answers with that pledge: a second pledge is not an error
and is never a duplicate.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError
from django.utils import timezone

from netral.audit.services import audit_record, audited
from netral.common.errors import ApplicationError
from netral.common.identifiers import nip_parse
from netral.common.pdf import datetime_id
from netral.common.text import clean_name
from netral.documents.kinds import Subject
from netral.documents.services import document_issue
from netral.elections.models import Election
from netral.prevention.document_kinds import PLEDGE_CERTIFICATE
from netral.prevention.models import Pledge
from netral.regions.models import Region
from netral.reports.subjects import agency_type_infer

NAME_MAX = 200
AGENCY_MAX = 200

NAME_REQUIRED = "Nama wajib diisi."
NAME_TOO_LONG = "Nama paling panjang {max} karakter."
AGENCY_REQUIRED = "Instansi wajib diisi."
AGENCY_TOO_LONG = "Nama instansi paling panjang {max} karakter."
REGION_UNKNOWN = "Wilayah tidak dikenal: gunakan kode wilayah, misalnya 32.75."
ELECTION_UNKNOWN = "Pemilihan tidak dikenal."
CERTIFICATE_TITLE = "Sertifikat Ikrar Netralitas Aparatur Sipil Negara"
PLEDGE_TEXT = (
    "Dengan ini saya menyatakan akan menjaga netralitas sebagai Aparatur Sipil Negara dalam "
    "{election}: tidak berpihak kepada peserta pemilihan mana pun, tidak terlibat dalam "
    "kegiatan kampanye, dan tidak menggunakan kewenangan maupun fasilitas jabatan untuk "
    "kepentingan peserta pemilihan."
)
PLEDGE_BASIS = (
    "Dasar: Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara, Peraturan "
    "Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil, dan Keputusan "
    "Bersama tentang Pedoman Pengawasan Netralitas Pegawai ASN (2022)."
)


@dataclass(frozen=True)
class PledgeResult:
    pledge: Pledge
    created: bool


def _nip_key(secret: str) -> bytes:
    return hmac.new(secret.encode("utf-8"), b"netral/pledge-nip/v1", hashlib.sha256).digest()


def nip_digest(nip: str, secret: str | None = None) -> str:
    """The keyed hash a pledge's NIP is found by (the current ``SECRET_KEY`` by default)."""
    key = _nip_key(settings.SECRET_KEY if secret is None else secret)
    return hmac.new(key, nip.encode("ascii"), hashlib.sha256).hexdigest()


def nip_digests(nip: str) -> list[str]:
    """Every digest a stored NIP may have: the current key first, then the fallbacks."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [nip_digest(nip, key) for key in keys]


def nip_masked(nip: str) -> str:
    """The NIP as printed on the certificate: the last four digits only."""
    return "*" * (len(nip) - 4) + nip[-4:]


def _existing(*, nip: str, election: Election) -> Pledge | None:
    return (
        Pledge.objects.select_related("document")
        .filter(nip_digest__in=nip_digests(nip), election=election)
        .first()
    )


def pledge_clean(
    *, nip: str, name: str, agency: str, region: str, election: int | str | None
) -> tuple[str, str, str, Region, Election]:
    """The checked values, or ``ApplicationError`` naming the first field at fault."""
    try:
        nip_clean = nip_parse(nip or "").nip
    except ValueError as error:
        raise ApplicationError(str(error), field="nip") from None
    name_clean = clean_name(name or "")
    if not name_clean:
        raise ApplicationError(NAME_REQUIRED, field="name")
    if len(name_clean) > NAME_MAX:
        raise ApplicationError(NAME_TOO_LONG, params={"max": NAME_MAX}, field="name")
    agency_clean = clean_name(agency or "")
    if not agency_clean:
        raise ApplicationError(AGENCY_REQUIRED, field="agency")
    if len(agency_clean) > AGENCY_MAX:
        raise ApplicationError(AGENCY_TOO_LONG, params={"max": AGENCY_MAX}, field="agency")
    region_obj = Region.objects.filter(code=(region or "").strip()[:13]).first()
    if region_obj is None:
        raise ApplicationError(REGION_UNKNOWN, field="region")
    try:
        election_id = int(election) if election is not None else 0
    except (TypeError, ValueError):
        election_id = 0
    election_obj = (
        Election.objects.select_related("cycle").filter(pk=election_id).first()
        if 0 < election_id < 2**63
        else None
    )
    if election_obj is None:
        raise ApplicationError(ELECTION_UNKNOWN, field="election")
    return nip_clean, name_clean, agency_clean, region_obj, election_obj


def pledge_submit(
    *, nip: str, name: str, agency: str, region: str, election: int | str | None
) -> PledgeResult:
    """Record a pledge and issue its certificate, or return this NIP's pledge for this
    election when there is one. Raises ``ApplicationError`` (with ``field``) for bad input."""
    nip_clean, name_clean, agency_clean, region_obj, election_obj = pledge_clean(
        nip=nip, name=name, agency=agency, region=region, election=election
    )
    existing = _existing(nip=nip_clean, election=election_obj)
    if existing is not None:
        return PledgeResult(existing, created=False)
    try:
        pledge = _pledge_create(
            nip=nip_clean,
            name=name_clean,
            agency=agency_clean,
            region=region_obj,
            election=election_obj,
        )
    except IntegrityError:  # the same NIP pledged concurrently: that pledge stands
        existing = _existing(nip=nip_clean, election=election_obj)
        if existing is None:
            raise
        return PledgeResult(existing, created=False)
    return PledgeResult(pledge, created=True)


@audited
def _pledge_create(
    *, nip: str, name: str, agency: str, region: Region, election: Election
) -> Pledge:
    pledge = Pledge.objects.create(
        election=election,
        region=region,
        nip_digest=nip_digest(nip),
        nip=nip,
        name=name,
        agency=agency,
        agency_type=agency_type_infer(agency),
        pledged_at=timezone.now(),
    )
    local = pledge.pledged_at.astimezone(ZoneInfo(region.tzinfo_name))
    document = document_issue(
        kind=PLEDGE_CERTIFICATE,
        title=CERTIFICATE_TITLE,
        office_region=region,
        lines=[
            ("Nama", name),
            ("NIP", nip_masked(nip)),
            ("Instansi", agency),
            ("Wilayah", region.name),
            ("Pemilihan", election.name),
            ("Tanggal ikrar", datetime_id(local, zone=region.timezone)),
        ],
        paragraphs=[PLEDGE_TEXT.format(election=election.name), PLEDGE_BASIS],
        issued_by=None,
        subject=Subject.of("pledge", pledge.public_id),
    )
    pledge.document = document
    pledge.save(update_fields=["document"])
    # No name and no NIP in the audit log either: the pledge's id, region and election.
    audit_record(
        actor=None,
        action="pledge.create",
        obj=pledge,
        after={"region": region.code, "election": election.pk, "number": document.number},
    )
    return pledge
