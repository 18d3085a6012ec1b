"""The overview page's figures, as data for its templates: bar charts of scenario counts and the
schematic tile map of Chongqing's county-level divisions.

Both are drawn as inline SVG at build time (no chart library, no map tiles). Labels are in the
page's language; the geometry the SVG needs is computed here, so the templates only place it.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .environment import Labels
from .model import CITYWIDE, Catalogue, Status

GROUPINGS = (("domains", "field.domain"), ("capabilities", "field.capabilities"), ("owners", "field.owner"))


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    href: str


# A chart is drawn 360 px wide at most, so a 390 px phone shows it unscaled: bars of up to 320 px
# with room for a count beside the longest; each label sits above its bar, on as many lines as it needs.
CHART_WIDTH = 360
BAR_WIDTH = 320
LINE_HEIGHT = 17
LABEL_WIDTH = 320  # text_width is an estimate: a margin for wider fonts


@dataclass(frozen=True)
class ChartRow:
    """A bar as drawn: its label's lines, where each line and the bar sit, the bar's length."""

    bar: Bar
    lines: tuple[tuple[str, int], ...]  # (text, baseline y)
    y: int  # top of the bar
    length: float


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart with its data table; `id` names its elements on the page."""

    id: str
    title: str
    column: str
    bars: tuple[Bar, ...]
    none: str = ""  # what has no scenario yet, said below the bars rather than drawn as zeros
    width = CHART_WIDTH  # not a field: every chart is drawn this wide

    @property
    def rows(self) -> tuple[ChartRow, ...]:
        rows, y = [], 0
        longest = max((bar.count for bar in self.bars), default=0) or 1
        for bar in self.bars:
            lines = wrap(bar.label, LABEL_WIDTH)
            baselines = tuple((line, y + 15 + index * LINE_HEIGHT) for index, line in enumerate(lines))
            top = y + 22 + (len(lines) - 1) * LINE_HEIGHT
            rows.append(ChartRow(bar, baselines, top, round(BAR_WIDTH * bar.count / longest, 1)))
            y = top + 22
        return tuple(rows)

    @property
    def height(self) -> int:
        rows = self.rows
        return rows[-1].y + 26 if rows else 4


@dataclass(frozen=True)
class Tile:
    code: int
    name: str
    short: str
    count: int
    x: int
    y: int

    @property
    def bucket(self) -> int:
        """Shade of the tile: 0, 1, 2, 3, or 4 for four or more."""
        return min(self.count, 4)


@dataclass(frozen=True)
class Abolition:
    names: str
    count: int
    date: dt.date


@dataclass(frozen=True)
class TileMap:
    tiles: tuple[Tile, ...]
    citywide: int  # scenarios that apply to the whole municipality, not counted in any tile
    abolished: tuple[Abolition, ...]
    established: tuple[Abolition, ...] = ()  # divisions set up since, by date
    unconfirmed: str = ""  # names of divisions whose codes are still to be confirmed
    tile_width: int = 76
    tile_height: int = 52
    legend: tuple[str, ...] = ("0", "1", "2", "3", "4+")

    @property
    def width(self) -> int:
        return max(tile.x for tile in self.tiles) + self.tile_width

    @property
    def height(self) -> int:
        return max(tile.y for tile in self.tiles) + self.tile_height

    @property
    def in_reading_order(self) -> tuple[Tile, ...]:
        """The tiles row by row, west to east: the order of the list a phone shows instead."""
        return tuple(sorted(self.tiles, key=lambda tile: (tile.y, tile.x)))


def charts(catalogue: Catalogue, t: Labels, link: Callable[[str], str], name: Callable[[str, str], str]) -> list[Chart]:
    """Scenario counts by domain, capability, owner (linking to their pages, by `link`; named by
    `name`, of a vocabulary and a key, as every page names them) and status."""
    result = []
    for grouping, column in GROUPINGS:
        keys = catalogue.listed(grouping)  # as the home page and the groups' index list them
        bars = tuple(Bar(name(grouping, key), len(catalogue.by_key(grouping, key)), link(f"{grouping}/{key}.md")) for key in keys)
        result.append(Chart(grouping, t(f"stats.by_{grouping}"), t(column), bars))
    counts = {status: sum(s.status == status for s in catalogue.scenarios) for status in typing.get_args(Status)}
    # a status no scenario has yet is named in a line, as the catalogue's filter folds it: seven
    # bars of 0 filled a printed page
    statuses = tuple(
        Bar(t(f"status.{key}"), count, f"{link('catalogue.md')}?status={key}") for key, count in counts.items() if count
    )
    unused = [str(t(f"status.{key}")) for key, count in counts.items() if not count]
    none = t("stats.none", names=str(t("list.separator")).join(unused)) if unused else ""
    result.append(Chart("status", t("stats.by_status"), t("field.status"), statuses, none))
    return result


def tile_map(catalogue: Catalogue, t: Labels) -> TileMap:
    """One tile per division, placed by its row and column in the districts vocabulary."""
    gap = 4
    tiles = tuple(
        Tile(
            code,
            t.loc(district.name),
            t.loc(district.short),
            len(catalogue.by_key("districts", code)),
            district.col * (TileMap.tile_width + gap),
            district.row * (TileMap.tile_height + gap),
        )
        for code, district in catalogue.vocabularies.districts.items()
        if code != CITYWIDE
    )
    districts = catalogue.vocabularies.districts.values()
    abolished = _changes(t, {district: district.abolished for district in districts})
    established = _changes(t, {district: district.established for district in districts})
    unconfirmed = t("list.separator").join(t.loc(d.name) for d in districts if not d.code_confirmed)
    return TileMap(tiles, len(catalogue.by_key("districts", CITYWIDE)), abolished, established, unconfirmed)


def _changes(t: Labels, dates: dict[Any, dt.date | None]) -> tuple[Abolition, ...]:
    """Divisions that changed on each date (abolished, or established), named in the page's language."""
    names: dict[dt.date, list[str]] = {}
    for district, date in dates.items():
        if date is not None:
            names.setdefault(date, []).append(t.loc(district.name))
    return tuple(Abolition(t("list.separator").join(n), len(n), date) for date, n in sorted(names.items()))


def wrap(text: str, width: float) -> list[str]:
    """`text` in lines no wider than `width` pixels (by text_width), broken at spaces or between
    two CJK characters; a word wider than a line has a line of its own."""
    # Pieces a line may end after: a word with the spaces after it, or one wide character.
    pieces = re.findall(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+", text)
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if line.strip() and text_width((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    lines.append(line.rstrip())
    return lines


def text_width(text: str, font_size: float = 13) -> float:
    """Rough width in pixels of `text` in a sans-serif font: CJK characters are square, Latin narrower."""
    wide = sum(1 for char in text if unicodedata.east_asian_width(char) in "WF")
    return round(font_size * (wide + 0.62 * (len(text) - wide)), 1)
