"""The dashboard's long tables, row by row, in one tag each: ``{% bar_rows table %}`` and
``{% region_rows rows region_ikp %}``. A national or provincial page has about a hundred such
rows; written here they cost one call per table instead of a dozen template nodes per row
(issue #13: the cold regional page). The markup is what the templates had; every value is
escaped; numbers for people go through ``angka``, numbers in data attributes stay
plain."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import template
from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from netral.common.templatetags.numbers import angka
from netral.rules.labels import rule_name

register = template.Library()


@register.simple_tag
def bar_rows(table: Any) -> SafeString:
    out = []
    for row in table.rows:
        out.append(
            f'<tr data-key="{escape(row.key)}">'
            f'<th scope="row">{escape(row.label)}</th>'
            f'<td class="num" data-count="{escape(row.count)}">{_num(row.count)}</td>'
            f'<td class="chart__barcol" aria-hidden="true">'
            f'<span class="bar bar--w{escape(row.bar)}"></span></td></tr>'
        )
    return mark_safe("\n".join(out))  # noqa: S308 - every value above is escaped


def _num(value: Any, decimals: int | None = None) -> str:
    """As ``{{ value|angka }}`` writes it (a protected count such as "<5" as it is)."""
    return str(escape(angka(value, decimals)))


@register.simple_tag
def region_rows(rows: Iterable[tuple[Any, str, Any]], region_ikp: Mapping[str, Any]) -> SafeString:
    """``rows``: (region row, its drill-down link, its IKP or None) as the view gives them."""
    own_office = escape(gettext("kantor provinsi"))
    out = []
    for r, link, ikp in rows:
        if r.drillable:
            name = f'<a href="{escape(link)}">{escape(r.name)}</a>'
        else:
            name = f'{escape(r.name)} <span class="hint">({own_office})</span>'
        cells = [
            f'<td class="num" data-count="{escape(r.reports)}">{_num(r.reports)}</td>',
            f'<td class="num">{_num(r.findings)}</td>',
            f'<td class="num">{_num(r.decided)}</td>',
            f'<td class="num">{_num(r.violations)}</td>',
            f'<td class="num">{_num(r.violation_rate, 1)}</td>',
        ]
        if region_ikp:
            score = "—"
            if ikp is not None and ikp.rounded is not None:
                score = _num(ikp.rounded, 2)
                if ikp.klass:
                    score += f" ({escape(rule_name(ikp.klass))})"
            cells.append(f'<td class="num">{score}</td>')
        out.append(
            f'<tr data-key="{escape(r.code)}"><th scope="row">{name}</th>{"".join(cells)}</tr>'
        )
    return mark_safe("\n".join(out))  # noqa: S308 - every value above is escaped


@register.simple_tag
def pledge_rows(table: Any) -> SafeString:
    """The rows of a pledge table (``analytics.pledges.PledgeTable``)."""
    out = [
        f'<tr data-key="{escape(row.key)}"><th scope="row">{escape(row.label)}</th>'
        f'<td class="num" data-col="pledges">{_num(row.pledges)}</td>'
        f'<td class="num" data-col="events">{_num(row.events)}</td>'
        f'<td class="num" data-col="event_asn">{_num(row.event_asn)}</td></tr>'
        for row in table.rows
    ]
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped
