"""A tile-grid map of Indonesia's 38 provinces (the grid is ``regions.tilemap``): one square
per province, placed roughly where it lies. No boundary data, no script: the page renders it
as SVG with a link per tile, and the table beside it says the same in words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from netral.common.numbers import number_text
from netral.regions.tilemap import GAP, GRID, TILE

# Shade classes 0 (no data / zero) to 4 (highest quarter).
SHADES = 4

METRICS = {
    "count": _("Jumlah laporan dan temuan"),
    "rate": _("Persentase putusan yang menyatakan pelanggaran"),
    "ikp": _("Skor IKP"),
}


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    label: str
    x: int
    y: int
    value: float | None
    shade: str  # CSS modifier: "0".."4", or "low"/"medium"/"high" for the IKP
    href: str
    text: str  # the value as shown

    @property
    def label_x(self) -> int:
        return self.x + TILE // 2

    @property
    def label_y(self) -> int:
        return self.y + TILE // 2 - 3


@dataclass(frozen=True)
class LegendItem:
    shade: str
    text: str


def quantile_classes(values: Mapping[str, float | None]) -> dict[str, int]:
    """Each province with a value above zero in one of ``SHADES`` classes by rank (quartiles):
    about a quarter of them each, whatever the spread. Equal values share a class (the one of
    the first of them), so a class may hold more when many provinces tie. Zero and no data:
    class 0. Equal steps up to the highest would put nearly every province in the top class
    when the values bunch together (violation rates of 80-100 %)."""
    ranked = sorted(v for v in values.values() if v is not None and v > 0)
    below: dict[float, int] = {}
    for index, value in enumerate(ranked):
        below.setdefault(value, index)
    return {
        code: 0 if v is None or v <= 0 else 1 + below[v] * SHADES // len(ranked)
        for code, v in values.items()
    }


def tiles(
    *,
    names: Mapping[str, str],
    values: Mapping[str, float | None],
    href: Callable[[str], str],
    classes: Mapping[str, str] | None = None,
    fmt: Callable[[float | None], str] = number_text,
) -> tuple[list[Tile], list[LegendItem]]:
    """The tiles and the legend. ``classes`` (the IKP) gives each province its shade; else the
    values are cut into quartile classes (``quantile_classes``), the legend giving the range
    each class holds."""
    ranks = quantile_classes({code: values.get(code) for code in GRID})
    out = []
    for code, (col, row, label) in GRID.items():
        value = values.get(code)
        shade = (classes or {}).get(code, "0") if classes is not None else str(ranks[code])
        out.append(
            Tile(
                code=code,
                name=names.get(code, code),
                label=label,
                x=col * (TILE + GAP),
                y=row * (TILE + GAP),
                value=value,
                shade=shade,
                href=href(code),
                text=fmt(value),
            )
        )
    if classes is not None:
        legend = [LegendItem("0", str(_("tanpa data")))]
    else:
        legend = [LegendItem("0", "0 / " + str(_("tanpa data")))]
        for step in range(1, SHADES + 1):
            held = [v for c, v in values.items() if v is not None and ranks.get(c) == step]
            if held:
                low, high = min(held), max(held)
                text = fmt(low) if low == high else f"{fmt(low)} - {fmt(high)}"
                legend.append(LegendItem(str(step), text))
    return out, legend
