"""Complementary suppression: no hidden small count can be worked out from a table's total.

The attacker here knows the rule: a ``"<5"`` cell holds 1 to 4, an ``"x"`` cell at least 5,
and the cells add up to the total. ``possible`` tries every assignment consistent with what
was published; a protected cell must keep more than one possible value.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.test import Client

from netral.analytics.opendata import COMPLEMENT, SUPPRESSED, Published, protect
from netral.analytics.tests.conftest import SPECS, build


def possible(published: dict[str, Published], total: int) -> dict[str, set[int]]:
    """Every value each hidden cell can take, given the published table and its total."""
    hidden = [k for k, v in published.items() if isinstance(v, str)]
    rest = total - sum(v for v in published.values() if isinstance(v, int))
    ranges = [range(1, 5) if published[k] == SUPPRESSED else range(5, rest + 1) for k in hidden]
    seen: dict[str, set[int]] = {k: set() for k in hidden}
    for values in itertools.product(*ranges):
        if sum(values) == rest:
            for key, value in zip(hidden, values, strict=True):
                seen[key].add(value)
    return seen


def assert_protected(published: dict[str, Published], total: int) -> None:
    for key, values in possible(published, total).items():
        if published[key] == SUPPRESSED:
            assert len(values) > 1, f"{key} is derivable: {values}"


@pytest.mark.parametrize(
    "counts",
    [
        {"a": 2, "b": 6, "c": 7},  # one small cell: the next-smallest is hidden with it
        {"a": 1, "b": 5, "c": 9},  # 1 beside a 5 would still give it away: one more
        {"a": 1, "b": 1, "c": 20},  # two ones add up to 2: only 1 + 1
        {"a": 4, "b": 4, "c": 30},  # two fours add up to 8: only 4 + 4
        {"a": 3, "b": 0, "c": 12, "d": 40},
        {"a": 2, "b": 3, "c": 0, "d": 11, "e": 6},
    ],
)
def test_no_small_cell_can_be_derived_from_the_total(counts: dict[str, int]) -> None:
    published = protect(counts)
    assert all(published[k] == SUPPRESSED for k, n in counts.items() if 0 < n < 5)
    assert all(published[k] == 0 for k, n in counts.items() if n == 0)
    assert_protected(published, sum(counts.values()))


def test_exactly_one_small_cell_gets_a_complement() -> None:
    assert protect({"a": 2, "b": 6, "c": 7}) == {"a": SUPPRESSED, "b": COMPLEMENT, "c": 7}
    # Nothing small, nothing hidden.
    assert protect({"a": 0, "b": 6, "c": 7}) == {"a": 0, "b": 6, "c": 7}


@pytest.mark.django_db
def test_open_data_and_summary_hide_a_second_cell(elections: Any, client: Client) -> None:
    # By violation type: kampanye 6, foto 7, menghadiri 2 (one small cell); 8 reports and 7
    # findings, both shown, so the total of the table is public.
    build({f"E{i}": SPECS["E"] for i in range(6)})
    build({f"C{i}": SPECS["C"] for i in range(7)})
    build({f"D{i}": SPECS["D"] for i in range(2)})
    body = client.get("/statistik/data.json").json()
    totals = body["tables"]["totals"]
    assert (totals["reports"], totals["findings"]) == (8, 7)
    for table in ("by_type", "by_agency_type", "by_position_class", "by_stage", "regions"):
        assert_protected(body["tables"][table], 15)
    by_type = body["tables"]["by_type"]
    assert by_type["menghadiri_deklarasi"] == SUPPRESSED
    assert by_type["kampanye_media_sosial"] == COMPLEMENT
    assert by_type["foto_gestur_keberpihakan"] == 7

    counts = client.get("/api/stats/summary").json()["counts"]
    for name in ("violation_type", "stage", "position_class"):
        assert_protected(counts[name], 15)
    assert counts["violation_type"]["menghadiri_deklarasi"] == SUPPRESSED
    assert counts["violation_type"]["kampanye_media_sosial"] == COMPLEMENT
