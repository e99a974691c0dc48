"""The dashboard's prevention panel: activities, appeal answers, warnings and repeat
offenders of the scope, each only for roles that may see it (issues #11 and #12)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from conftest import SignIn
from netral.accounts.models import Role
from netral.prevention.models import ActivityKind, PreventionActivity
from netral.prevention.tests.appeals_ops.factories import issued_appeal

pytestmark = pytest.mark.django_db

URL = "/ruang-kerja/statistik/"


def _activity(office: str, kind: str, reach: int) -> None:
    PreventionActivity.objects.create(
        office_region_id=office,
        kind=kind,
        held_on=datetime.date(2024, 10, 1),
        place="Aula",
        audience="ASN",
        reach=reach,
        recorded_at=timezone.now(),
    )


def _block(html: str, marker: str) -> str:
    return html.split(marker, 1)[1].split("</", 1)[0]


def test_panel_counts_the_scope_and_hides_what_the_role_may_not_see(
    dataset: Any, sign_in: SignIn, make_user: Any
) -> None:
    _activity("32.75", ActivityKind.SOCIALISATION, 120)
    _activity("32", ActivityKind.SOCIAL_MEDIA_PATROL, 0)
    _activity("33", ActivityKind.SOCIALISATION, 500)  # another province
    past = timezone.now() - datetime.timedelta(days=30)
    appeal = issued_appeal(
        by=make_user(Role.BAWASLU_STAFF, "32"), regions=["32.75", "32.16"], issued_at=past
    )
    first = appeal.recipients.get(region_id="32.75")
    first.acknowledged_at = past
    first.save(update_fields=["acknowledged_at"])

    client, _user = sign_in(Role.BAWASLU_STAFF, "32")
    html = client.get(URL).content.decode()
    panel = html.split('id="pencegahan"', 1)[1]
    total = panel.split('id="kegiatan-total"', 1)[1].split("</tr>", 1)[0]
    assert ">2<" in total and ">120<" in total  # Jawa Barat's, not Jawa Tengah's 500
    assert _block(panel, 'data-key="addressed">') == "2"
    assert _block(panel, 'data-key="acknowledged">').startswith("1")
    assert _block(panel, 'data-key="silent_overdue">') == "1"
    assert 'id="peringatan-ringkas"' in panel and 'id="berulang-ringkas"' in panel

    # BKN sees the aggregates, not the warnings nor the person record.
    bkn, _user = sign_in(Role.BKN_OFFICER)
    html = bkn.get(URL, {"region": "32"}).content.decode()
    panel = html.split('id="pencegahan"', 1)[1]
    assert _block(panel, 'data-key="addressed">') == "2"
    assert 'id="peringatan-ringkas"' not in panel and 'id="berulang-ringkas"' not in panel
