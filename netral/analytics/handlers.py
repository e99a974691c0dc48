"""Analytics' answers to the hooks of the apps below it (registered in
``AnalyticsConfig.ready``)."""

from __future__ import annotations

from collections.abc import Mapping

from netral.analytics.ikp import ikp_for_regions
from netral.prevention.warnings_hooks import IkpAnswer, IkpQuery
from netral.regions.models import Region
from netral.rules.labels import rule_name


def ikp_classes(query: IkpQuery) -> Mapping[str, IkpAnswer]:
    """The IKP class of each region asked, for the early warnings. Provinces and
    regencies/cities are computed apart: a province alone counts its regencies too."""
    regions = list(Region.objects.filter(code__in=query.region_codes))
    out: dict[str, IkpAnswer] = {}
    for level in (Region.Level.PROVINCE, Region.Level.REGENCY):
        group = [r for r in regions if r.level == level]
        if not group:
            continue
        for code, result in ikp_for_regions(regions=group).items():
            klass = result.klass
            out[code] = IkpAnswer(
                klass=klass.code if klass else None,
                name=rule_name(klass) if klass else "",
                score=result.rounded,
            )
    return out
