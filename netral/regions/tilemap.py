"""The tile grid of Indonesia's 38 provinces: one square per province, placed roughly where it
lies (west to east, north to south). Pure data, no boundaries: the statistics map
(``analytics.tilemap``) and the early-warnings map (``prevention.warnings_views``) both draw
their SVG tiles from it."""

from __future__ import annotations

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
