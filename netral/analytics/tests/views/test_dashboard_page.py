"""The staff dashboard page: scoped to the jurisdiction, constant queries, drill-down."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from conftest import SignIn

pytestmark = pytest.mark.django_db

URL = "/ruang-kerja/statistik/"


def _count(html: str, table: str, key: str) -> int:
    block = html.split(f'data-table="{table}"', 1)[1].split("</table>", 1)[0]
    match = re.search(rf'<tr data-key="{re.escape(key)}">.*?data-count="(\d+)"', block, re.S)
    assert match, (table, key)
    return int(match.group(1))


def test_national_leader_sees_everything_with_map(dataset: Any, sign_in: SignIn) -> None:
    client, _user = sign_in("bawaslu_leader")
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-total="reports">5<' in html
    assert _count(html, "by_type", "kampanye_media_sosial") == 3
    assert _count(html, "regions", "32") == 4
    assert html.count('class="map__link"') == 38
    assert 'href="?region=32"' in html
    assert "bar bar--w100" in html
    assert "style=" not in html


def test_province_drill_down(dataset: Any, sign_in: SignIn) -> None:
    client, _user = sign_in("bawaslu_staff")
    html = client.get(URL, {"region": "32"}).content.decode()
    assert 'data-total="reports">4<' in html
    assert _count(html, "regions", "32.75") == 2
    assert 'href="?region=32.75"' in html
    assert "map__link" not in html  # the tile map is of provinces


def test_regency_user_sees_only_own_region(dataset: Any, sign_in: SignIn) -> None:
    client, _user = sign_in("bawaslu_staff", "33.03")
    html = client.get(URL).content.decode()
    assert 'data-total="reports">1<' in html
    assert _count(html, "by_type", "kampanye_media_sosial") == 1
    for other in ("32", "32.75", "33", "11"):
        assert client.get(URL, {"region": other}).status_code == 404


def test_province_user_cannot_drill_into_another_province(dataset: Any, sign_in: SignIn) -> None:
    client, _user = sign_in("bawaslu_leader", "33")
    assert client.get(URL, {"region": "33.03"}).status_code == 200
    assert client.get(URL, {"region": "32"}).status_code == 404
    assert client.get(URL, {"region": "32.75"}).status_code == 404
    assert client.get("/ruang-kerja/statistik/ikp/32.75/").status_code == 404
    assert (
        client.get("/ruang-kerja/statistik/ekspor/by_type.csv", {"region": "32"}).status_code == 404
    )


def test_roles_without_dashboard_are_refused(sign_in: SignIn, elections: Any) -> None:
    client, _user = sign_in("ppk", "32.75")
    assert client.get(URL).status_code == 403
    assert Client().get(URL).status_code == 302  # to the login page


def test_page_costs_a_constant_number_of_queries(
    dataset: Any, sign_in: SignIn, django_assert_max_num_queries: Any
) -> None:
    client, _user = sign_in("bawaslu_leader")
    for params in ({}, {"region": "32"}, {"region": "32.75"}, {"peta": "ikp"}):
        # 22 for the reports and cases, 3 for the pledge panel (netral.analytics.pledges),
        # 7 for the prevention panel (netral.analytics.prevention).
        with django_assert_max_num_queries(32):
            assert client.get(URL, params).status_code == 200


def test_ikp_map_shades_provinces_by_class(dataset: Any, sign_in: SignIn) -> None:
    client, _user = sign_in("bawaslu_leader")
    html = client.get(URL, {"peta": "ikp"}).content.decode()
    assert html.count('class="map__link"') == 38
    assert re.search(r"map__tile--(low|medium|high)", html)
