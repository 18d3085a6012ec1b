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

Status = Literal["reconstructed", "announced", "open", "matched", "piloting", "closed", "withdrawn"]
Provenance = Literal["official", "illustrative", "community"]
Priority = Literal["must", "should"]
RequirementKind = Literal["functional", "performance", "data", "integration", "security", "compliance"]
Operator = Literal["<=", "<", ">=", ">", "="]
Dimension = Literal["length", "time", "velocity", "ratio", "count", "count-rate", "level"]
Basis = Literal["typical", "illustrative"]
Better = Literal["lower", "higher"]
DistrictKind = Literal["municipality", "district", "county", "autonomous-county"]

# The unit every unit of a dimension is measured in (Unit.factor), as the spreadsheet names it.
# Velocities (InSAR deformation rates) are in metres per year, the unit their figures are published in.
BASE_UNITS: dict[str, str] = {
    "length": "m",
    "time": "s",
    "velocity": "m/a",
    "ratio": "%",
    "count": "1",
    "count-rate": "1/d",
    "level": "level",
}
# Dimensions whose units are multiples of one another; counts of different things (points,
# profiles), their rates and levels do not convert.
CONVERTIBLE = ("length", "time", "velocity", "ratio")

KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KEY_EXPECTED = "lowercase letters, digits and single hyphens, like 'forest-fire-watch'"


@dataclass(frozen=True)
class Length:
    """A length limit for one language: characters, or words for English running text."""

    chars: int | None = None
    words: int | None = None


def spec(help: str, example: Any = None, zh: str | None = None, **rules: Any) -> dict[str, Any]:
    """Field metadata: the help text every field must have (and its Chinese), an example, its rules.

    Rules the validator knows: `pattern` + `pattern_help`, `vocabulary` (a key into the
    vocabularies), `min_items`, `unique`, `markdown` (limited Markdown allowed), `url`,
    `lengths` (a `Length` per language, for texts), `max_chars`, `min`/`max` for numbers.
    """
    return {"help": help, "help_zh": zh or help, "example": example, **rules}


# ---------------------------------------------------------------------------------------------
# Shared pieces


# Names fit a filter's label, a chart's bar and a map's tile; the tile map is at most this many tiles a side.
NAME_LENGTHS = {"en": Length(chars=120), "zh": Length(chars=60)}
MAP_SIDE = 20


@dataclass(frozen=True)
class Text:
    """A text written in English and in Simplified Chinese."""

    en: str = field(metadata=spec("English text.", "BeiDou positioning for river ships", zh="英文文本。"))
    zh: str = field(metadata=spec("Simplified Chinese text.", "内河船舶北斗定位", zh="简体中文文本。"))

    def get(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


# ---------------------------------------------------------------------------------------------
# The scenario record


@dataclass(frozen=True)
class Target:
    """A measurable threshold: `metric op value unit`, e.g. horizontal-accuracy <= 0.2 m."""

    metric: str = field(
        metadata=spec(
            "What is measured: a key of the metrics vocabulary.",
            "horizontal-accuracy",
            zh="度量的指标：指标词表（metrics）中的键。",
            vocabulary="metrics",
        )
    )
    op: Operator = field(
        metadata=spec(
            "How a delivered value must compare with `value`: <= or < where lower is better, >= or > where higher is better.",
            "<=",
            zh="交付值与 value 的比较方式：越小越好的指标用 <= 或 <，越大越好的指标用 >= 或 >。",
        )
    )
    value: float = field(metadata=spec("The threshold, a number.", 0.2, zh="阈值，数字。", min=0))
    unit: str = field(
        metadata=spec(
            "Unit of `value`: a key of the units vocabulary.",
            "m",
            zh="value 的单位：单位词表（units）中的键。",
            vocabulary="units",
        )
    )
    basis: Basis | None = field(
        default=None,
        metadata=spec(
            "What the figure rests on when the requirement cites no `source`: typical: a value commonly published "
            "for the technology; illustrative: a threshold chosen for this record (in an illustrative record, for the "
            "reconstruction). Every figure needs a source or a basis, and the page shows which.",
            "typical",
            zh="需求未注明 source 时数值的依据：typical 为该类技术的典型公开值；illustrative 为本记录设定的示意性阈值（示意性记录中即为重构所设阈值）。"
            "每个数值都须注明来源或依据，页面据此标注。",
        ),
    )


@dataclass(frozen=True)
class Evidence:
    """A public fact about what Chongqing already runs or has announced in the scenario's area."""

    text: Text = field(
        metadata=spec(
            "The fact, in our words, saying only what the source says.",
            {
                "en": "The city's geohazard points are watched by more than 60,000 monitoring devices.",
                "zh": "全市地质灾害隐患点布设监测设备6万余台（套）。",
            },
            zh="用我们自己的话写明该事实，只写来源所载内容。",
            lengths={"en": Length(chars=400), "zh": Length(chars=200)},
        )
    )
    source: str = field(
        metadata=spec(
            "Key of the source that says it; it must be among this scenario's `sources`.",
            "xinhuanet-cq-2023-03-24",
            zh="载明该事实的来源键，须列于本场景的 sources 中。",
            vocabulary="sources",
        )
    )


@dataclass(frozen=True)
class Requirement:
    """One requirement a solution must (or should) meet."""

    id: str = field(
        metadata=spec(
            "Stable id within the scenario: R1, R2, ...",
            "R1",
            zh="场景内稳定的编号：R1、R2……",
            pattern=r"^R[1-9][0-9]{0,2}$",
            pattern_help="R followed by a number, like R1",
        )
    )
    priority: Priority = field(
        metadata=spec("must: essential; should: desirable.", "must", zh="must：必须满足；should：建议满足。")
    )
    kind: RequirementKind = field(metadata=spec("What sort of requirement this is.", "performance", zh="需求类别。"))
    text: Text = field(
        metadata=spec(
            "The requirement in one or two sentences.",
            {"en": "Real-time horizontal position of each ship.", "zh": "实时提供每艘船舶的水平位置。"},
            zh="用一两句话写明需求。",
            lengths={"en": Length(chars=400), "zh": Length(chars=200)},
        )
    )
    target: Target | None = field(
        default=None,
        metadata=spec(
            "The measurable threshold; required for performance requirements.",
            {"metric": "horizontal-accuracy", "op": "<=", "value": 20, "unit": "cm"},
            zh="量化指标；性能类需求必填。",
        ),
    )
    source: str | None = field(
        default=None,
        metadata=spec(
            "Key of the source, among this scenario's `sources`, that the figure comes from.",
            "xinhuanet-cq-2023-03-24",
            zh="指标数值出处：本场景 sources 中的某个键。",
        ),
    )


@dataclass(frozen=True)
class Locations:
    """Where the scenario applies, as GB/T 2260 codes valid on a given date."""

    valid_on: dt.date = field(
        metadata=spec(
            "Date on which the codes are valid; divisions change (Jiangbei and Yubei were abolished on 2025-11-06).",
            dt.date(2023, 11, 20),
            zh="代码的有效日期；行政区划会调整（江北区、渝北区已于2025-11-06撤销）。",
        )
    )
    codes: tuple[int, ...] = field(
        metadata=spec(
            "GB/T 2260 codes of districts and counties, or 500000 alone for the whole municipality.",
            [500101, 500230],
            zh="区县的 GB/T 2260 代码；全市范围只写 500000。",
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
            zh="稳定的编号，与文件名（不含 .yaml）相同，也是页面网址。",
            pattern=KEY_PATTERN,
            pattern_help=KEY_EXPECTED,
            max_chars=64,
        )
    )
    title: Text = field(
        metadata=spec(
            "Short title.",
            {"en": "BeiDou navigation for Yangtze shipping", "zh": "长江航运北斗导航"},
            zh="简短标题。",
            lengths={"en": Length(chars=90), "zh": Length(chars=40)},
        )
    )
    summary: Text = field(
        metadata=spec(
            "What is needed and why, shown on cards and in search results.",
            {"en": "Ships need decimetre-level BeiDou positions on charts.", "zh": "船舶需要在航道图上获得分米级北斗定位。"},
            zh="需要什么、为什么需要；显示在卡片和搜索结果中。",
            lengths={"en": Length(words=60), "zh": Length(chars=150)},
        )
    )
    domain: str = field(
        metadata=spec(
            "Policy domain: a key of the domains vocabulary.",
            "transport",
            zh="所属领域：领域词表（domains）中的键。",
            vocabulary="domains",
        )
    )
    capabilities: tuple[str, ...] = field(
        metadata=spec(
            "Aerospace capabilities that could meet the need: keys of the capabilities vocabulary.",
            ["satellite-navigation"],
            zh="可满足需求的空天技术能力：技术能力词表（capabilities）中的键。",
            vocabulary="capabilities",
            min_items=1,
            unique=True,
        )
    )
    owner: str = field(
        metadata=spec(
            "The city body with the need: a key of the owners vocabulary.",
            "transportation-commission",
            zh="提出需求的市级部门：需求单位词表（owners）中的键。",
            vocabulary="owners",
        )
    )
    locations: Locations = field(metadata=spec("Where the scenario applies.", zh="适用地点。"))
    status: Status = field(
        metadata=spec(
            "reconstructed: a reconstruction in an announced domain, no official text is known; announced: the need was "
            "made public, no call for solutions is known; open: a published call seeks solutions; matched: a solution "
            "was chosen; piloting: being tried; closed: finished; withdrawn: dropped. An illustrative record is always "
            "reconstructed, and only an illustrative record is: an official text gives the status of its own scenario.",
            "reconstructed",
            zh="reconstructed：在已公布领域内的示意性重构，尚无已知官方文本；announced：需求已公布，尚无已知的方案征集；"
            "open：已公开征集方案；matched：已选定方案；piloting：试点中；closed：已结束；withdrawn：已撤回。"
            "示意性记录一律为 reconstructed，且只有示意性记录可用此状态：官方记录的状态以其官方文本为准。",
        )
    )
    released: dt.date = field(
        metadata=spec(
            "Date the need was first published; for an illustrative record, the date of the release event at which "
            "its domain was named (2023-11-20), not the date of the record's text.",
            dt.date(2023, 11, 20),
            zh="需求首次公布的日期；示意性记录填写公布其所属领域的发布活动日期（2023-11-20），而非本记录文本的日期。",
        )
    )
    updated: dt.date = field(
        metadata=spec("Date this record last changed in substance.", dt.date(2023, 11, 20), zh="本记录最近一次实质性修改的日期。")
    )
    provenance: Provenance = field(
        metadata=spec(
            "official: taken from a published official text (cite it); illustrative: a reconstruction in an announced domain; community: proposed by a contributor.",
            "illustrative",
            zh="official：取自已公开的官方文本（须引用）；illustrative：在已公布领域内的示意性重构；community：贡献者提议。",
        )
    )
    problem: Text = field(
        metadata=spec(
            "The problem today, in a few paragraphs of limited Markdown.",
            zh="当前存在的问题，用几段文字说明，可使用有限的 Markdown。",
            markdown=True,
            lengths={"en": Length(chars=3000), "zh": Length(chars=1500)},
        )
    )
    users: tuple[Text, ...] = field(
        metadata=spec(
            "Who needs it and what for, one user group a line: the group, what it needs and why.",
            zh="使用者及其需求，每条写明一类使用者、所需内容及用途。",
            min_items=1,
            lengths={"en": Length(chars=300), "zh": Length(chars=150)},
        )
    )
    requirements: tuple[Requirement, ...] = field(
        metadata=spec("What a solution must or should do.", zh="解决方案必须或建议做到的事项。", min_items=1)
    )
    constraints: tuple[Text, ...] = field(
        metadata=spec(
            "Conditions any solution must respect (law, security, data, budget when published).",
            zh="任何方案都须遵守的条件（法规、安全、数据；预算须有公开来源）。",
            min_items=1,
            lengths={"en": Length(chars=400), "zh": Length(chars=200)},
        )
    )
    how_to_respond: Text = field(
        metadata=spec(
            "What a vendor should do and show to respond, in limited Markdown. No personal contact details.",
            zh="企业响应时应做什么、展示什么，可使用有限的 Markdown。不得包含个人联系方式。",
            markdown=True,
            lengths={"en": Length(chars=2000), "zh": Length(chars=1000)},
        )
    )
    sources: tuple[str, ...] = field(
        metadata=spec(
            "Public sources the record relies on: keys of the sources vocabulary.",
            ["ichongqing-2023-11-21"],
            zh="记录所依据的公开来源：来源词表（sources）中的键。",
            vocabulary="sources",
            min_items=1,
            unique=True,
        )
    )
    evidence: tuple[Evidence, ...] = field(
        default=(),
        metadata=spec(
            "Public facts about what Chongqing already runs or has announced in this area, each with its source.",
            zh="重庆在该领域已有工作或已公布安排的公开信息，每条注明来源。",
        ),
    )

    @property
    def citywide(self) -> bool:
        return self.locations.codes == (CITYWIDE,)


# ---------------------------------------------------------------------------------------------
# Vocabularies: one file each in scenarios/vocabularies/, a mapping of key -> entry


@dataclass(frozen=True)
class Domain:
    """A policy domain the scenarios are grouped by."""

    name: Text = field(metadata=spec("Name of the domain.", lengths=NAME_LENGTHS))
    description: Text = field(metadata=spec("One sentence on what the domain covers."))
    announced: bool = field(
        metadata=spec("True when the November 2023 announcement names this domain as a source of demand.", True)
    )


@dataclass(frozen=True)
class Capability:
    """An aerospace-information capability that can meet a need."""

    name: Text = field(metadata=spec("Name of the capability.", lengths=NAME_LENGTHS))
    description: Text = field(metadata=spec("One sentence on what the capability does."))


@dataclass(frozen=True)
class Owner:
    """A city body that owns scenarios."""

    name: Text = field(metadata=spec("Official name of the body.", lengths=NAME_LENGTHS))
    name_confirmed: bool = field(
        metadata=spec("True when the name was checked against a public source; false for a standard form.", True)
    )
    former_name: Text | None = field(
        default=None,
        metadata=spec(
            "The name the body used when the scenarios were released (2023), where it differs from today's; "
            "records speak of that date, so pages show this name with today's beside it.",
            {"en": "Chongqing Municipal Transport Bureau", "zh": "重庆市交通局"},
        ),
    )
    history: Text | None = field(
        default=None,
        metadata=spec("What the public sources show of the name's changes, and what is not confirmed."),
    )


@dataclass(frozen=True)
class District:
    """A county-level division of Chongqing (GB/T 2260), or the municipality as a whole."""

    name: Text = field(metadata=spec("Name of the division.", lengths=NAME_LENGTHS))
    short: Text = field(metadata=spec("Short name for tiles and tight tables.", {"en": "Wanzhou", "zh": "万州"}))
    kind: DistrictKind = field(metadata=spec("Kind of division.", "district"))
    row: int = field(
        metadata=spec("Row of its tile in the schematic tile map (0 = north); -1 for the municipality.", 2, min=-1, max=MAP_SIDE)
    )
    col: int = field(
        metadata=spec(
            "Column of its tile in the schematic tile map (0 = west); -1 for the municipality.", 6, min=-1, max=MAP_SIDE
        )
    )
    abolished: dt.date | None = field(
        default=None, metadata=spec("Date the division was abolished, if it was.", dt.date(2025, 11, 6))
    )
    established: dt.date | None = field(
        default=None, metadata=spec("Date the division was established, if after 2023.", dt.date(2025, 11, 6))
    )
    code_confirmed: bool = field(
        default=True,
        metadata=spec("False while the code has not been checked against the Ministry of Civil Affairs' own list.", True),
    )
    note: Text | None = field(
        default=None, metadata=spec("What changed about the division, and where a code or boundary comes from.")
    )


@dataclass(frozen=True)
class Metric:
    """Something a requirement's target measures."""

    name: Text = field(metadata=spec("Name of the metric.", lengths=NAME_LENGTHS))
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
    url: str = field(metadata=spec("Public address, http or https.", "https://www.ichongqing.info/", url=True))
    language: Literal["en", "zh"] = field(metadata=spec("Language of the document.", "en"))
    about: Text = field(metadata=spec("What it reports that the records use (our words, not its headline)."))
    date: dt.date | None = field(
        default=None,
        metadata=spec(
            "Publication date; leave it out only when the document shows none, and say so in `about`.",
            dt.date(2023, 11, 21),
        ),
    )
    official: bool = field(
        default=False,
        metadata=spec(
            "True for the official text of a scenario (a notice or call published by its owner); "
            "only such a source makes a record official.",
            False,
        ),
    )


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
# Vocabularies with a page per key (domains/KEY.md) beside the page listing them all
# (domains/index.md): no key may take the listing's name.
PAGE_PER_KEY = ("domains", "capabilities", "owners")
PAGE_NAMES = frozenset({"index"})


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

    def in_use(self, vocabulary: str) -> list[Any]:
        """Keys of `vocabulary` that some scenario refers to, in vocabulary order: the one
        definition of the domains, capabilities or owners "in use" that every count shows."""
        return [key for key in getattr(self.vocabularies, vocabulary) if self.by_key(vocabulary, key)]
