"""Which Bawaslu office handles a case, and when its statutory clock starts."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from netral.elections.models import Election
from netral.regions.models import Region
from netral.rules.schemas import OfficeHours


def office_region_for(*, election: Election, event_region: Region) -> Region:
    """The region of the office with jurisdiction.

    Gubernur election -> Bawaslu Provinsi; bupati/wali kota -> Bawaslu Kabupaten/Kota (UU 1/2015
    as amended). A national election (Pemilu) is handled where the event happened.
    """
    if election.region is not None:
        return election.region
    return event_region


def effective_receipt(
    *, at: datetime.datetime, tz: ZoneInfo, hours: OfficeHours, stage: str | None
) -> datetime.datetime:
    """When a report submitted at ``at`` counts as received: at once during office hours (or
    in the round-the-clock stages), otherwise at the office's next opening."""
    local = at.astimezone(tz)
    if hours.accepts_reports(local=local, stage=stage):
        return at
    for days_ahead in range(0, 8):
        day = local.date() + datetime.timedelta(days=days_ahead)
        opening = datetime.datetime.combine(day, hours.opens, tzinfo=tz)
        if opening >= local and hours.accepts_reports(local=opening, stage=stage):
            return opening
    return at  # no opening within a week: the rulebook is odd; do not delay the clock
