"""Pledge aggregates per region and agency type (issue #11 item 3): individual pledges and
the ASN of collective events side by side, correct, on the staff dashboard (scoped, exact)
and in open data (small cells suppressed); no name, NIP, agency or place anywhere."""

from __future__ import annotations

import csv
import datetime
import io
import re
from typing import Any

import pytest
from django.test import Client

from conftest import SignIn
from netral.accounts.models import User
from netral.analytics.pledges import pledge_aggregates
from netral.analytics.scope import scope_get
from netral.elections.models import Election
from netral.prevention.models import PledgeEvent
from netral.prevention.tests.pledge_events.conftest import PLEDGER_NAME, MakePledges

pytestmark = pytest.mark.django_db

SECRETS = (PLEDGER_NAME, "Rahasia", "19850312", "Aula Tersembunyi", "Dinas Sangat Rahasia")


def event(region: str, election: Election, asn: int, agency_type: str = "regency") -> None:
    PledgeEvent.objects.create(
        election=election,
        region_id=region,
        held_on=datetime.date(2024, 9, 1),
        agency="Dinas Sangat Rahasia",
        agency_type=agency_type,
        asn_count=asn,
        place="Aula Tersembunyi",
        recorded_by=User.objects.create(username=f"rec-{region}-{asn}", role="bawaslu_staff"),
        recorded_at=datetime.datetime(2024, 9, 1, tzinfo=datetime.UTC),
    )


@pytest.fixture
def data(election: Election, make_pledges: MakePledges) -> Election:
    """Jawa Barat: Kota Bekasi 6 pledges + events of 120 and 3 ASN; Kab. Bogor 2 pledges;
    the province 7 central pledges. Jawa Tengah (Purbalingga): 5 pledges, an event of 40."""
    make_pledges(6, region="32.75", election=election)
    make_pledges(2, region="32.01", election=election)
    make_pledges(7, region="32", election=election, agency_type="central")
    make_pledges(5, region="33.03", election=election)
    event("32.75", election, 120)
    event("32.75", election, 3, agency_type="province")
    event("33.03", election, 40)
    return election


def cells(table: Any) -> dict[str, tuple[int, int, int]]:
    return {r.key: (r.pledges, r.events, r.event_asn) for r in table.rows}


def test_aggregates_add_up_per_region_and_agency_type(data: Election) -> None:
    national = pledge_aggregates(scope=scope_get(actor=None, region_code=""))
    assert (national.totals.pledges, national.totals.events, national.totals.event_asn) == (
        20,
        3,
        163,
    )
    by_province, by_type = (cells(t) for t in national.tables)
    assert by_province["32"] == (15, 2, 123) and by_province["33"] == (5, 1, 40)
    assert by_province["11"] == (0, 0, 0) and len(by_province) == 38
    assert by_type["regency"] == (13, 2, 160)
    assert by_type["central"] == (7, 0, 0) and by_type["province"] == (0, 1, 3)
    province = pledge_aggregates(scope=scope_get(actor=None, region_code="32"))
    by_region = cells(province.tables[0])
    assert by_region["32.75"] == (6, 2, 123) and by_region["32.01"] == (2, 0, 0)
    assert by_region["32"] == (7, 0, 0)
    # Another election counts nothing of this one.
    other = Election.objects.exclude(pk=data.pk).first()
    assert other is not None
    scoped = pledge_aggregates(scope=scope_get(actor=None, region_code="", election_id=other.pk))
    assert scoped.totals.pledges == 0 and scoped.totals.event_asn == 0


def _row(html: str, table: str, key: str) -> dict[str, str]:
    block = html.split(f'data-table="{table}"', 1)[1].split("</table>", 1)[0]
    row = block.split(f'<tr data-key="{key}">', 1)[1].split("</tr>", 1)[0]
    return dict(re.findall(r'data-col="(\w+)">([^<]*)<', row))


def test_open_data_page_suppresses_small_cells(data: Election, client: Client) -> None:
    response = client.get("/statistik/ikrar/", {"region": "32"})
    assert response.status_code == 200
    html = response.content.decode()
    # Pledges 6 / 2 / 7 of a public 15: 2 is "<5", the next smallest (6) hidden with it.
    assert _row(html, "pledges_by_region", "32.01")["pledges"] == "&lt;5"
    assert _row(html, "pledges_by_region", "32.75")["pledges"] == "x"
    assert _row(html, "pledges_by_region", "32")["pledges"] == "7"
    # Event ASN: 123 alone in the table, shown; events are counted as they are.
    assert _row(html, "pledges_by_region", "32.75") == {
        "pledges": "x",
        "events": "2",
        "event_asn": "123",
    }
    by_type = _row(html, "pledges_by_agency_type", "province")
    assert by_type["event_asn"] == "&lt;5"
    assert _row(html, "pledges_by_agency_type", "regency")["event_asn"] == "x"
    for secret in SECRETS:
        assert secret not in html


def test_open_data_csv_and_json(data: Election, client: Client) -> None:
    response = client.get("/statistik/ikrar.csv", {"region": "32.75"})
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    rows = {(r["table"], r["code"]): r for r in csv.DictReader(io.StringIO(text))}
    total = rows[("pledges_totals", "total")]
    assert (total["pledges"], total["events"], total["event_asn"]) == ("6", "2", "123")
    assert rows[("pledges_by_agency_type", "province")]["event_asn"] == "<5"
    body = client.get("/statistik/ikrar.json").json()
    assert body["tables"]["pledges_by_region"]["32"]["pledges"] == 15
    assert body["tables"]["pledges_by_region"]["33"]["pledges"] == 5
    assert "<5" in body["suppression"]
    for secret in SECRETS:
        assert secret not in text and secret not in str(body)
    assert client.get("/statistik/ikrar.json", {"region": "99"}).status_code == 404
    assert client.get("/statistik/ikrar/", {"region": "99"}).status_code == 404


def test_dashboard_panel_is_exact_and_scoped(data: Election, sign_in: SignIn) -> None:
    client, _user = sign_in("bawaslu_staff", "32")
    html = client.get("/ruang-kerja/statistik/").content.decode()
    assert 'id="ikrar"' in html
    assert _row(html, "pledges_by_region", "32.01") == {
        "pledges": "2",
        "events": "0",
        "event_asn": "0",
    }
    assert 'data-key="33.03"' not in html.split('id="ikrar"', 1)[1]
    for secret in SECRETS:
        assert secret not in html
    regency, _user = sign_in("bawaslu_staff", "33.03")
    html = regency.get("/ruang-kerja/statistik/").content.decode()
    assert _row(html, "pledges_by_region", "33.03") == {
        "pledges": "5",
        "events": "1",
        "event_asn": "40",
    }
    assert regency.get("/ruang-kerja/statistik/", {"region": "32"}).status_code == 404


def test_public_count_page(data: Election, client: Client) -> None:
    response = client.get("/ikrar-bersama/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-key="32"' in html and 'data-key="33"' in html
    for secret in SECRETS:
        assert secret not in html
