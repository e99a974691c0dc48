"""A tile-grid map of Indonesia's 38 provinces: one square per province, placed roughly where it
lies (west to east, north to south). No boundary data, no script: the page renders it as
SVG with a link per tile, and the table beside it says the same in words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from netral.common.numbers import number_text

# Province code -> (column, row, short label).
GRID: dict[str, tuple[int, int, str]] = {
    "11": (0, 0, "ACEH"), "12": (1, 1, "SUMUT"), "13": (1, 2, "SUMBAR"),
    "14": (2, 1, "RIAU"), "21": (3, 1, "KEPRI"), "15": (2, 2, "JAMBI"),
    "17": (2, 3, "BKL"), "16": (3, 3, "SUMSEL"), "19": (4, 2, "BABEL"),
    "18": (3, 4, "LAMP"), "31": (5, 4, "DKI"), "36": (4, 5, "BANTEN"),
    "32": (5, 5, "JABAR"), "33": (6, 5, "JATENG"), "34": (6, 6, "DIY"),
    "35": (7, 5, "JATIM"), "51": (8, 6, "BALI"), "52": (9, 6, "NTB"),
    "53": (10, 6, "NTT"), "61": (5, 2, "KALBAR"), "62": (6, 3, "KALTENG"),
    "63": (7, 3, "KALSEL"), "64": (7, 2, "KALTIM"), "65": (7, 1, "KALTARA"),
    "76": (9, 3, "SULBAR"), "73": (9, 4, "SULSEL"), "72": (10, 2, "SULTENG"),
    "74": (10, 4, "SULTRA"), "75": (11, 2, "GTLO"), "71": (12, 1, "SULUT"),
    "82": (13, 2, "MALUT"), "81": (13, 4, "MALUKU"), "96": (14, 2, "PBD"),
    "92": (14, 3, "PB"), "94": (15, 3, "PTENG"), "91": (16, 2, "PAPUA"),
    "95": (16, 3, "PPEG"), "93": (16, 4, "PSEL"),
}  # fmt: skip

TILE = 50
GAP = 4
COLUMNS = 1 + max(col for col, _row, _label in GRID.values())
ROWS = 1 + max(row for _col, row, _label in GRID.values())
WIDTH = COLUMNS * (TILE + GAP)
HEIGHT = ROWS * (TILE + GAP)
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
