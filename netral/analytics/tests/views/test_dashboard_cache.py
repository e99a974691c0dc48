"""The dashboard from the shared cache: a warm request reads its fragments and nothing else,
and what depends on the viewer's role and jurisdiction is never served to another audience."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

from conftest import SignIn
from netral.accounts.permissions import audience_key

pytestmark = pytest.mark.django_db

URL = "/ruang-kerja/statistik/"


@pytest.fixture
def cached(settings: Any) -> None:
    settings.NETRAL_STATS_CACHE_SECONDS = 300
    cache.clear()


@pytest.mark.usefixtures("cached")
def test_a_warm_page_reads_only_its_cached_fragments(
    dataset: Any, sign_in: SignIn, django_assert_max_num_queries: Any
) -> None:
    client, _user = sign_in("bawaslu_leader")
    for params in ({}, {"region": "32"}):
        first = client.get(URL, params).content.decode()
        # The session, the account, its authenticator, the region and its children (in a
        # province), three cache rows (figures, panels, elections), the notification count.
        with django_assert_max_num_queries(7 if not params else 9):
            again = client.get(URL, params).content.decode()
        assert (
            again.split('name="csrfmiddlewaretoken"')[0]
            == first.split('name="csrfmiddlewaretoken"')[0]
        )


@pytest.mark.usefixtures("cached")
def test_panels_are_shared_only_within_an_audience(dataset: Any, sign_in: SignIn) -> None:
    leader, _ = sign_in("bawaslu_leader")
    assert 'id="berulang-ringkas"' in leader.get(URL).content.decode()
    # BKN sees the dashboard but not the person record or the early warnings: the leader's
    # cached panels are not theirs.
    bkn, _ = sign_in("bkn")
    html = bkn.get(URL).content.decode()
    assert 'data-total="reports">5<' in html  # the figures are shared
    assert 'id="berulang-ringkas"' not in html
    assert 'id="peringatan-ringkas"' not in html


def test_the_audience_is_the_role_and_the_jurisdiction(make_user: Any) -> None:
    a = make_user("bawaslu_leader", "32")
    assert audience_key(a) == audience_key(make_user("bawaslu_leader", "32"))
    assert audience_key(a) != audience_key(make_user("bawaslu_leader"))
    assert audience_key(a) != audience_key(make_user("bawaslu_staff", "32"))
    assert audience_key(a) != audience_key(make_user("bawaslu_leader", "32.75"))
