"""Appeal rows for the ops tests (API, reminders), written directly: the tests here are about
who sees and who is reminded, not about drafting and issuing (``appeals`` services)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from netral.accounts.models import User
from netral.elections.models import Election
from netral.prevention.models import Appeal, AppealRecipient
from netral.regions.models import Region


def issued_appeal(
    *,
    by: User,
    regions: list[str],
    office: str | None = None,
    issued_at: datetime.datetime | None = None,
    ack_days: int = 3,
    follow_up_days: int = 14,
    status: str = Appeal.Status.ISSUED,
    subject: str = "Imbauan menjaga netralitas Aparatur Sipil Negara pada masa kampanye",
) -> Appeal:
    """An appeal of ``office`` (None: Bawaslu RI) issued to ``regions``, with deadlines
    ``ack_days`` and ``follow_up_days`` after ``issued_at`` (default now)."""
    at = issued_at or timezone.now()
    office_code = office if office is not None else by.jurisdiction_id
    election = Election.objects.filter(region_id=office_code or regions[0]).order_by("pk").first()
    assert election is not None
    issued = status == Appeal.Status.ISSUED
    appeal = Appeal.objects.create(
        office_region_id=office_code,
        election=election,
        template_code="campaign",
        stage_code="kampanye",
        subject=subject,
        body="Yth. Bapak/Ibu, ...",
        legal_basis="UU 20/2023 tentang ASN, Pasal 24 ayat (1)",
        status=status,
        created_by=by,
        created_at=at,
        issued_by=by if issued else None,
        issued_at=at if issued else None,
        acknowledge_due_at=at + datetime.timedelta(days=ack_days) if issued else None,
        follow_up_due_at=at + datetime.timedelta(days=follow_up_days) if issued else None,
        rulebook_version="2024.1",
    )
    for code in regions:
        region = Region.objects.get(code=code)
        AppealRecipient.objects.create(appeal=appeal, region=region, addressee=region.name)
    return appeal
