"""The overview page's figures, as data for its templates: bar charts of scenario counts and the
schematic tile map of Chongqing's county-level divisions.

Both are drawn as inline SVG at build time (no chart library, no map tiles). Labels are in the
page's language; the geometry the SVG needs is computed here, so the templates only place it.
"""

from __future__ import annotations

import datetime as dt
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


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart with its data table; `id` names its elements on the page."""

    id: str
    title: str
    column: str
    bars: tuple[Bar, ...]

    @property
    def top(self) -> int:
        return max((bar.count for bar in self.bars), default=0) or 1

    @property
    def label_width(self) -> float:
        """Room for the longest label, so the SVG never has to shrink its text."""
        return max(text_width(bar.label) for bar in self.bars) + 16


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


def charts(catalogue: Catalogue, t: Labels, link: Callable[[str], str]) -> list[Chart]:
    """Scenario counts by domain, capability, owner (linking to their pages, by `link`) and status."""
    result = []
    for grouping, column in GROUPINGS:
        entries = getattr(catalogue.vocabularies, grouping)
        bars = tuple(
            Bar(t.loc(entry.name), len(catalogue.by_key(grouping, key)), link(f"{grouping}/{key}.md"))
            for key, entry in entries.items()
        )
        result.append(Chart(grouping, t(f"stats.by_{grouping}"), t(column), bars))
    statuses = tuple(
        Bar(
            t(f"status.{status}"),
            sum(s.status == status for s in catalogue.scenarios),
            f"{link('catalogue.md')}?status={status}",
        )
        for status in typing.get_args(Status)
    )
    result.append(Chart("status", t("stats.by_status"), t("field.status"), statuses))
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


def text_width(text: str, font_size: float = 13) -> float:
    """Rough width in pixels of `text` in a sans-serif font: CJK characters are square, Latin narrower."""
    wide = sum(1 for char in text if unicodedata.east_asian_width(char) in "WF")
    return round(font_size * (wide + 0.62 * (len(text) - wide)), 1)
