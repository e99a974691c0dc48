"""Pacts, meetings, commitments and activities made through the real services."""

from __future__ import annotations

import datetime
from typing import Any

from netral.accounts.models import User
from netral.prevention import commitments as services
from netral.prevention.models import Commitment, CoordinationMeeting

PDF = b"%PDF-1.4 notulen rapat koordinasi"


def meeting(actor: User, *, office: str | None = "32.75", **fields: Any) -> CoordinationMeeting:
    values: dict[str, Any] = {
        "title": "Rapat koordinasi netralitas ASN",
        "held_on": datetime.date(2024, 9, 17),
        "place": "Aula Pemerintah Kota Bekasi",
        "participants": [("Pemerintah Kota Bekasi", 12), ("Bawaslu Kota Bekasi", 5)],
    }
    values.update(fields)
    return services.meeting_record(actor=actor, office_region=office, **values)


def commitment(
    actor: User, meeting_obj: CoordinationMeeting, *, owner: str | None = "32.75", **fields: Any
) -> Commitment:
    values: dict[str, Any] = {
        "text": "Menerbitkan surat edaran netralitas ASN kepada seluruh perangkat daerah.",
        "owner_institution": "Pemerintah Kota Bekasi",
        "due_on": datetime.date(2024, 10, 1),
    }
    values.update(fields)
    return services.commitment_add(
        actor=actor, meeting_id=meeting_obj.pk, owner_region=owner, **values
    )
