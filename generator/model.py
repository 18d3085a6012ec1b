"""The scenario record and its vocabularies: the one declaration of the schema.

Every field carries its help text and rules in `field(metadata=...)`. The validator, the JSON
Schema (`schema.py`), the contributor template and the field reference all read them from here,
so a rule is written once. Validation (`validate.py`) is the only way to build these objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.0"
LANGUAGES = ("en", "zh")
CITYWIDE = 500000  # GB/T 2260 code of Chongqing Municipality itself: the whole city

Status = Literal["open", "matched", "piloting", "closed", "withdrawn"]
Provenance = Literal["official", "illustrative", "community"]
Priority = Literal["must", "should"]
RequirementKind = Literal["functional", "performance", "data", "integration", "security", "compliance"]
Operator = Literal["<=", "<", ">=", ">", "="]
Dimension = Literal["length", "time", "ratio", "count", "level"]
Better = Literal["lower", "higher"]
DistrictKind = Literal["municipality", "district", "county", "autonomous-county"]

KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KEY_EXPECTED = "lowercase letters, digits and single hyphens, like 'forest-fire-watch'"


@dataclass(frozen=True)
class Length:
    """A length limit for one language: characters, or words for English running text."""

    chars: int | None = None
    words: int | None = None


def spec(help: str, example: Any = None, **rules: Any) -> dict[str, Any]:
    """Field metadata: the help text every field must have, an example, and its rules.

    Rules the validator knows: `pattern` + `pattern_help`, `vocabulary` (a key into the
    vocabularies), `min_items`, `unique`, `markdown` (limited Markdown allowed), `url`,
    `lengths` (a `Length` per language, for texts), `min`/`max` for numbers.
    """
    return {"help": help, "example": example, **rules}


# ---------------------------------------------------------------------------------------------
# Shared pieces


@dataclass(frozen=True)
class Text:
    """A text written in English and in Simplified Chinese."""

    en: str = field(metadata=spec("English text.", "BeiDou positioning for river ships"))
    zh: str = field(metadata=spec("Simplified Chinese text.", "内河船舶北斗定位"))

    def get(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


# ---------------------------------------------------------------------------------------------
# The scenario record


@dataclass(frozen=True)
class Target:
    """A measurable threshold: `metric op value unit`, e.g. horizontal-accuracy <= 0.2 m."""

    metric: str = field(
        metadata=spec("What is measured: a key of the metrics vocabulary.", "horizontal-accuracy", vocabulary="metrics")
    )
    op: Operator = field(
        metadata=spec(
            "How a delivered value compares with `value`: <= and < where lower is better, >= and > where higher is better.",
            "<=",
        )
    )
    value: float = field(metadata=spec("The threshold, a number.", 0.2, min=0))
    unit: str = field(metadata=spec("Unit of `value`: a key of the units vocabulary.", "m", vocabulary="units"))


@dataclass(frozen=True)
class Requirement:
    """One requirement a solution must (or should) meet."""

    id: str = field(
        metadata=spec(
            "Stable id within the scenario: R1, R2, ...",
            "R1",
            pattern=r"^R[1-9][0-9]{0,2}$",
            pattern_help="R followed by a number, like R1",
        )
    )
    priority: Priority = field(metadata=spec("must: essential; should: desirable.", "must"))
    kind: RequirementKind = field(metadata=spec("What sort of requirement this is.", "performance"))
    text: Text = field(
        metadata=spec(
            "The requirement in one or two sentences.",
            lengths={"en": Length(chars=400), "zh": Length(chars=200)},
        )
    )
    target: Target | None = field(default=None, metadata=spec("The measurable threshold; required for performance requirements."))
    source: str | None = field(
        default=None,
        metadata=spec("Key of the source, among this scenario's `sources`, that the figure comes from.", None),
    )


@dataclass(frozen=True)
class Locations:
    """Where the scenario applies, as GB/T 2260 codes valid on a given date."""

    valid_on: dt.date = field(
        metadata=spec(
            "Date on which the codes are valid; divisions change (Jiangbei and Yubei were abolished on 2025-11-06).",
            dt.date(2023, 11, 20),
        )
    )
    codes: tuple[int, ...] = field(
        metadata=spec(
            "GB/T 2260 codes of districts and counties, or 500000 alone for the whole municipality.",
            [500101, 500230],
            vocabulary="districts",
            min_items=1,
            unique=True,
        )
    )


@dataclass(frozen=True)
class Scenario:
    """One application scenario: a city body's need that aerospace information could meet."""

    id: str = field(
        metadata=spec(
            "Stable id, equal to the file name without .yaml; it is the page's URL.",
            "yangtze-beidou-navigation",
            pattern=KEY_PATTERN,
            pattern_help=KEY_EXPECTED,
            max_chars=64,
        )
    )
    title: Text = field(
        metadata=spec(
            "Short title.",
            {"en": "BeiDou navigation for Yangtze shipping", "zh": "长江航运北斗导航"},
            lengths={"en": Length(chars=90), "zh": Length(chars=40)},
        )
    )
    summary: Text = field(
        metadata=spec(
            "What is needed and why, shown on cards and in search results.",
            lengths={"en": Length(words=60), "zh": Length(chars=150)},
        )
    )
    domain: str = field(metadata=spec("Policy domain: a key of the domains vocabulary.", "transport", vocabulary="domains"))
    capabilities: tuple[str, ...] = field(
        metadata=spec(
            "Aerospace capabilities that could meet the need: keys of the capabilities vocabulary.",
            ["satellite-navigation"],
            vocabulary="capabilities",
            min_items=1,
            unique=True,
        )
    )
    owner: str = field(
        metadata=spec(
            "The city body with the need: a key of the owners vocabulary.", "transportation-commission", vocabulary="owners"
        )
    )
    locations: Locations = field(metadata=spec("Where the scenario applies."))
    status: Status = field(
        metadata=spec(
            "open: seeking solutions; matched: a solution was chosen; piloting: being tried; closed: finished; withdrawn: dropped.",
            "open",
        )
    )
    released: dt.date = field(metadata=spec("Date the need was first published.", dt.date(2023, 11, 20)))
    updated: dt.date = field(metadata=spec("Date this record last changed in substance.", dt.date(2023, 11, 20)))
    provenance: Provenance = field(
        metadata=spec(
            "official: taken from a published official text (cite it); illustrative: a reconstruction in an announced domain; community: proposed by a contributor.",
            "illustrative",
        )
    )
    problem: Text = field(
        metadata=spec(
            "The problem today, in a few paragraphs of limited Markdown.",
            markdown=True,
            lengths={"en": Length(chars=3000), "zh": Length(chars=1500)},
        )
    )
    users: tuple[Text, ...] = field(
        metadata=spec(
            "Who benefits, each as 'As a ... I need ... so that ...'.",
            min_items=1,
            lengths={"en": Length(chars=300), "zh": Length(chars=150)},
        )
    )
    requirements: tuple[Requirement, ...] = field(metadata=spec("What a solution must or should do.", min_items=1))
    constraints: tuple[Text, ...] = field(
        metadata=spec(
            "Conditions any solution must respect (law, security, data, budget when published).",
            min_items=1,
            lengths={"en": Length(chars=400), "zh": Length(chars=200)},
        )
    )
    how_to_respond: Text = field(
        metadata=spec(
            "What a vendor should do and show to respond, in limited Markdown. No personal contact details.",
            markdown=True,
            lengths={"en": Length(chars=2000), "zh": Length(chars=1000)},
        )
    )
    sources: tuple[str, ...] = field(
        metadata=spec(
            "Public sources the record relies on: keys of the sources vocabulary.",
            ["ichongqing-2023-11-21"],
            vocabulary="sources",
            min_items=1,
            unique=True,
        )
    )

    @property
    def citywide(self) -> bool:
        return self.locations.codes == (CITYWIDE,)


# ---------------------------------------------------------------------------------------------
# Vocabularies: one file each in scenarios/vocabularies/, a mapping of key -> entry


@dataclass(frozen=True)
class Domain:
    """A policy domain the scenarios are grouped by."""

    name: Text = field(metadata=spec("Name of the domain."))
    description: Text = field(metadata=spec("One sentence on what the domain covers."))
    announced: bool = field(
        metadata=spec("True when the November 2023 announcement names this domain as a source of demand.", True)
    )


@dataclass(frozen=True)
class Capability:
    """An aerospace-information capability that can meet a need."""

    name: Text = field(metadata=spec("Name of the capability."))
    description: Text = field(metadata=spec("One sentence on what the capability does."))


@dataclass(frozen=True)
class Owner:
    """A city body that owns scenarios."""

    name: Text = field(metadata=spec("Official name of the body."))
    name_confirmed: bool = field(
        metadata=spec("True when the name was checked against a public source; false for a standard form.", True)
    )


@dataclass(frozen=True)
class District:
    """A county-level division of Chongqing (GB/T 2260), or the municipality as a whole."""

    name: Text = field(metadata=spec("Name of the division."))
    short: Text = field(metadata=spec("Short name for tiles and tight tables.", {"en": "Wanzhou", "zh": "万州"}))
    kind: DistrictKind = field(metadata=spec("Kind of division.", "district"))
    row: int = field(metadata=spec("Row of its tile in the schematic tile map (0 = north); -1 for the municipality.", 2, min=-1))
    col: int = field(
        metadata=spec("Column of its tile in the schematic tile map (0 = west); -1 for the municipality.", 6, min=-1)
    )
    abolished: dt.date | None = field(
        default=None, metadata=spec("Date the division was abolished, if it was.", dt.date(2025, 11, 6))
    )


@dataclass(frozen=True)
class Metric:
    """Something a requirement's target measures."""

    name: Text = field(metadata=spec("Name of the metric."))
    dimension: Dimension = field(metadata=spec("Physical dimension; a target's unit must have the same one.", "length"))
    better: Better = field(metadata=spec("Whether a lower or a higher value is better.", "lower"))


@dataclass(frozen=True)
class Unit:
    """A unit a target's value can be given in."""

    symbol: Text = field(metadata=spec("Symbol shown after a value.", {"en": "m", "zh": "米"}))
    dimension: Dimension = field(metadata=spec("Physical dimension.", "length"))
    factor: float = field(metadata=spec("Size of the unit in the dimension's base unit (m, s, %, 1, level).", 0.01, min=0))
    before: dict[str, bool] | None = field(
        default=None,
        metadata=spec("Languages in which the symbol is written before the value ('level 3').", {"en": True}),
    )

    def format(self, value: float, language: str) -> str:
        """The value with its symbol, as people write it: '0.2 m', '3 级', 'level 3'."""
        number = f"{value:,g}" if abs(value) < 1e6 else f"{value:,.0f}"
        symbol = self.symbol.get(language)
        if self.before and self.before.get(language):
            return f"{symbol} {number}"
        return f"{number}{symbol}" if symbol == "%" or language == "zh" else f"{number} {symbol}"


@dataclass(frozen=True)
class Source:
    """A public document the records rely on."""

    publisher: Text = field(metadata=spec("Who published it."))
    date: dt.date = field(metadata=spec("Publication date.", dt.date(2023, 11, 21)))
    url: str = field(metadata=spec("Public address, http or https.", "https://www.ichongqing.info/", url=True))
    language: Literal["en", "zh"] = field(metadata=spec("Language of the document.", "en"))
    about: Text = field(metadata=spec("What it reports that the records use (our words, not its headline)."))


VOCABULARY_TYPES: dict[str, type] = {
    "domains": Domain,
    "capabilities": Capability,
    "owners": Owner,
    "districts": District,
    "metrics": Metric,
    "units": Unit,
    "sources": Source,
}
INTEGER_KEYED = frozenset({"districts"})


@dataclass(frozen=True)
class Vocabularies:
    """The controlled vocabularies, each a mapping from key to entry, in file order."""

    domains: dict[str, Domain]
    capabilities: dict[str, Capability]
    owners: dict[str, Owner]
    districts: dict[int, District]
    metrics: dict[str, Metric]
    units: dict[str, Unit]
    sources: dict[str, Source]

    def in_base_unit(self, target: Target) -> float:
        """The target's value in its dimension's base unit, so thresholds compare across units."""
        return target.value * self.units[target.unit].factor


@dataclass(frozen=True)
class Catalogue:
    """Every valid scenario, sorted by id, with the vocabularies they refer to."""

    scenarios: tuple[Scenario, ...]
    vocabularies: Vocabularies

    def by_key(self, vocabulary: str, key: str | int) -> list[Scenario]:
        """Scenarios that refer to `key` of the domains, capabilities, owners or districts vocabulary."""
        if vocabulary == "domains":
            return [s for s in self.scenarios if s.domain == key]
        if vocabulary == "owners":
            return [s for s in self.scenarios if s.owner == key]
        if vocabulary == "capabilities":
            return [s for s in self.scenarios if key in s.capabilities]
        if vocabulary == "districts":
            return [s for s in self.scenarios if key in s.locations.codes]
        raise ValueError(f"scenarios are not grouped by {vocabulary}")
