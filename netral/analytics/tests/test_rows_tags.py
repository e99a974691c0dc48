"""The dashboard's row tags escape what they write and format numbers as ``angka`` does."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import translation

from netral.analytics.selectors import Row, Table
from netral.analytics.templatetags.analytics_rows import bar_rows, pledge_rows, region_rows


def test_bar_rows_escape_labels_and_keys_and_group_digits() -> None:
    table = Table(
        key="t", title="T", rows=(Row(key='a"b', label="<script>x</script>", count=1234, bar=55),)
    )
    with translation.override("id"):
        html = bar_rows(table)
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert 'data-key="a&quot;b"' in html
    assert 'data-count="1234">1.234<' in html and "bar--w55" in html


def test_region_rows_link_the_drillable_and_mark_the_own_office() -> None:
    def row(code: str, name: str, drillable: bool) -> SimpleNamespace:
        return SimpleNamespace(
            code=code,
            name=name,
            reports=5,
            findings=0,
            decided=2,
            violations=1,
            violation_rate=50.0 if drillable else None,
            drillable=drillable,
        )

    rows = [
        (row("32", "Jawa Barat", False), "?region=32", None),
        (row("32.75", "Kota <B>", True), "?region=32.75&x=1", None),
    ]
    with translation.override("en"):
        html = region_rows(rows, {})
    assert 'Jawa Barat <span class="hint">(provincial office)</span>' in html
    assert '<a href="?region=32.75&amp;x=1">Kota &lt;B&gt;</a>' in html
    assert ">50.0<" in html and ">—<" in html  # the rate, and none where nothing was decided


def test_pledge_rows_keep_a_protected_count_as_text() -> None:
    table = SimpleNamespace(
        rows=[SimpleNamespace(key="k", label="L", pledges=1000, events="<5", event_asn=None)]
    )
    with translation.override("id"):
        html = pledge_rows(table)
    assert ">1.000<" in html and ">&lt;5<" in html and ">—<" in html
