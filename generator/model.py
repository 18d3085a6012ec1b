"""The scenario record and its vocabularies: the one declaration of the schema.

Each field is `Annotated` with its help text and its rules, as typed objects (`Vocabulary("units")`,
`MinItems(1)`), so a misspelt rule, or a rule's argument of the wrong type, fails at import:
annotations are evaluated as the classes are made, and mypy reads no Annotated metadata.
`fields()` and `walk()` read the declarations once, into `Field`s that say what each value is
(`Kind`) and which rules it has: the validator, the JSON Schema, the template of a new scenario,
the exports, the diff and the field reference in CONTRIBUTING.md all read those, and nothing
else. Validation is the only way to build these objects.
"""

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar, Union

SCHEMA_VERSION = "1.0"
LANGUAGES = ("en", "zh")
CITYWIDE = 500000  # GB/T 2260 code of Chongqing Municipality itself: the whole city

Status = Literal["reconstructed", "proposed", "announced", "open", "matched", "piloting", "closed", "withdrawn"]
# The statuses a record of each provenance can give: only an official text can say that a need was
# announced or that a call is open, matched or piloting.
STATUSES: dict[str, tuple[str, ...]] = {
    "illustrative": ("reconstructed",),
    "community": ("proposed",),
    "official": ("announced", "open", "matched", "piloting", "closed", "withdrawn"),
}
Provenance = Literal["official", "illustrative", "community"]
Priority = Literal["must", "should"]
RequirementKind = Literal["functional", "performance", "data", "integration", "security", "compliance"]
Operator = Literal["<=", "<", ">=", ">", "="]
Dimension = Literal["length", "time", "velocity", "ratio", "count", "count-rate", "level"]
# The largest value a dimension holds, in its base unit: a share is at most the whole (100 %).
DIMENSION_MOST: dict[str, float] = {"ratio": 100}
Basis = Literal["typical", "illustrative"]
Better = Literal["lower", "higher"]
DistrictKind = Literal["municipality", "district", "county", "autonomous-county"]
VocabularyName = Literal["domains", "capabilities", "owners", "districts", "metrics", "units", "sources"]

# The unit every unit of a dimension is measured in (Unit.factor), as the spreadsheet names it.
# Velocities (InSAR deformation rates) are in metres per year, the unit their figures are published in.
BASE_UNITS: dict[str, str] = {
    "length": "m",
    "time": "s",
    "velocity": "m/a",
    "ratio": "percent",  # the unit's key: a cell starting with '%' is one a spreadsheet may read as a formula
    "count": "1",
    "count-rate": "1/d",
    "level": "level",
}
# Dimensions whose units are multiples of one another; counts of different things (points,
# profiles), their rates and levels do not convert.
CONVERTIBLE = ("length", "time", "velocity", "ratio")

KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KEY_CHARACTERS = "lowercase letters, digits and single hyphens"
KEY_EXPECTED = f"{KEY_CHARACTERS}, like 'forest-fire-watch'"


# ---------------------------------------------------------------------------------------------
# Rules: what a field's value must be, beyond its type. Rules on a list apply to its items too.


class Rule:
    """What the model says of a field besides its type: its help, an example, or a rule its value follows."""

    def __post_init__(self) -> None:
        _typed(self)


def _typed(rule: object) -> None:
    """Refuse a rule's argument of another type than declared, e.g. `MinItems("1")`: mypy reads no
    Annotated metadata, so this is the only check, and it runs at import (walk below)."""
    for spec in dataclasses.fields(typing.cast(Any, rule)):
        value, tp = getattr(rule, spec.name), spec.type
        allowed = typing.get_args(tp) if typing.get_origin(tp) in (Union, types.UnionType) else (tp,)
        if not any(_is_a(value, one) for one in allowed):
            raise TypeError(f"{type(rule).__name__}({spec.name}={value!r}): expected {_type_name(tp)}")


def _is_a(value: Any, tp: Any) -> bool:
    if tp is Any:
        return True
    if typing.get_origin(tp) is Literal:
        return value in typing.get_args(tp)
    if isinstance(value, bool) and tp is not bool:  # True is an int to Python, not to a reader
        return False
    return isinstance(value, (int, float) if tp is float else tp)


def _type_name(tp: Any) -> str:
    if typing.get_origin(tp) is Literal:
        return "one of " + ", ".join(map(repr, typing.get_args(tp)))
    return str(tp).replace("typing.", "") if typing.get_args(tp) else tp.__name__


@dataclass(frozen=True)
class Help(Rule):
    """What the field means, for contributors: every field has one. Chinese where a Chinese reader sees it."""

    en: str
    zh: str | None = None


@dataclass(frozen=True)
class Example(Rule):
    """A value a contributor could copy."""

    value: Any


@dataclass(frozen=True)
class Vocabulary(Rule):
    """The value is a key of one of the vocabularies."""

    name: VocabularyName


@dataclass(frozen=True)
class MinItems(Rule):
    count: int


@dataclass(frozen=True)
class Unique(Rule):
    """No item of the list is listed twice."""


@dataclass(frozen=True)
class Pattern(Rule):
    regex: str
    expected: str  # the pattern in a contributor's words


@dataclass(frozen=True)
class Length:
    """A length limit: characters, or words for English running text."""

    chars: int | None = None
    words: int | None = None

    def __post_init__(self) -> None:
        _typed(self)


@dataclass(frozen=True)
class Lengths(Rule):
    """The length limit of each language of a text."""

    en: Length
    zh: Length


@dataclass(frozen=True)
class MaxChars(Rule):
    """The length limit of a plain (one-language) text."""

    count: int


@dataclass(frozen=True)
class Markdown(Rule):
    """Limited Markdown is allowed: paragraphs, emphasis, lists, links to web addresses."""


@dataclass(frozen=True)
class WebAddress(Rule):
    """An http or https address."""


@dataclass(frozen=True)
class Range(Rule):
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class NotInFuture(Rule):
    """A date that has happened."""


@dataclass(frozen=True)
class Column(Rule):
    """The field's column in catalogue.csv, where its own name would be unclear beside others."""

    name: str


@dataclass(frozen=True)
class NoColumn(Rule):
    """Left out of catalogue.csv: running text, repeated on each of a scenario's rows, would make
    the file twice as large; the JSON has it."""


@dataclass(frozen=True)
class Fact(Rule):
    """Shown in the facts at the top of the scenario page, under this label; the fields the page
    lays out itself (title, domain, requirements...) have none. Only a scenario's own fields, of
    a value the page can write in words (not a record, a mapping or true/false)."""

    en: str
    zh: str


R = TypeVar("R")


# ---------------------------------------------------------------------------------------------
# Shared pieces


# Names fit a filter's label, a chart's bar and a map's tile; the tile map is at most this many tiles a side.
NAME_LENGTHS = Lengths(en=Length(chars=120), zh=Length(chars=60))
SENTENCES = Lengths(en=Length(chars=400), zh=Length(chars=200))  # a requirement, a constraint, a piece of evidence
MAP_SIDE = 20


@dataclass(frozen=True, kw_only=True)
class Text:
    """A text written in English and in Simplified Chinese."""

    en: Annotated[str, Help("English text.", "英文文本。")]
    zh: Annotated[str, Help("Simplified Chinese text.", "简体中文文本。")]

    def get(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


# ---------------------------------------------------------------------------------------------
# The scenario record


@dataclass(frozen=True, kw_only=True)
class Target:
    """A measurable threshold: `metric op value unit`, e.g. horizontal-accuracy <= 0.2 m."""

    metric: Annotated[
        str,
        Help("What is measured: a key of the metrics vocabulary.", "度量的指标：指标词表（metrics）中的键。"),
        Example("horizontal-accuracy"),
        Vocabulary("metrics"),
    ]
    op: Annotated[
        Operator,
        Help(
            "How a delivered value must compare with `value`: <= or < where lower is better, >= or > where higher is better.",
            "交付值与 value 的比较方式：越小越好的指标用 <= 或 <，越大越好的指标用 >= 或 >。",
        ),
        Example("<="),
    ]
    value: Annotated[float, Help("The threshold, a number.", "阈值，数字。"), Example(0.2), Range(minimum=0)]
    unit: Annotated[
        str,
        Help("Unit of `value`: a key of the units vocabulary.", "value 的单位：单位词表（units）中的键。"),
        Example("m"),
        Vocabulary("units"),
    ]
    basis: Annotated[
        Basis | None,
        Help(
            "What the figure rests on when the requirement cites no `source`: typical: a value commonly published "
            "for the technology; illustrative: a threshold chosen for this record (in an illustrative record, for the "
            "reconstruction). Every figure needs a source or a basis, and the page shows which.",
            "需求未注明 source 时数值的依据：typical 为该类技术的典型公开值；illustrative 为本记录设定的示意性阈值（示意性记录中即为重构所设阈值）。"
            "每个数值都须注明来源或依据，页面据此标注。",
        ),
        Example("typical"),
    ] = None


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """A public fact about what Chongqing already runs or has announced in the scenario's area."""

    text: Annotated[
        Text,
        Help("The fact, in our words, saying only what the source says.", "用我们自己的话写明该事实，只写来源所载内容。"),
        Example(
            {
                "en": "The city's geohazard points are watched by more than 60,000 monitoring devices.",
                "zh": "全市地质灾害隐患点布设监测设备6万余台（套）。",
            }
        ),
        SENTENCES,
    ]
    source: Annotated[
        str,
        Help(
            "Key of the source that says it; it must be among this scenario's `sources`.",
            "载明该事实的来源键，须列于本场景的 sources 中。",
        ),
        Example("xinhuanet-cq-2023-03-24"),
        Vocabulary("sources"),
    ]


@dataclass(frozen=True, kw_only=True)
class Requirement:
    """One requirement a solution must (or should) meet."""

    id: Annotated[
        str,
        Help("Stable id within the scenario: R1, R2, ...", "场景内稳定的编号：R1、R2……"),
        Example("R1"),
        Pattern(r"^R[1-9][0-9]{0,2}$", "R followed by a number with no leading zero, like R1"),
        Column("requirement_id"),
    ]
    priority: Annotated[
        Priority, Help("must: essential; should: desirable.", "must：必须满足；should：建议满足。"), Example("must")
    ]
    kind: Annotated[RequirementKind, Help("What sort of requirement this is.", "需求类别。"), Example("performance")]
    text: Annotated[
        Text,
        Help("The requirement in one or two sentences.", "用一两句话写明需求。"),
        Example({"en": "Real-time horizontal position of each ship.", "zh": "实时提供每艘船舶的水平位置。"}),
        SENTENCES,
        Column("requirement"),
    ]
    target: Annotated[
        Target | None,
        Help("The measurable threshold; required for performance requirements.", "量化指标；性能类需求必填。"),
        Example({"metric": "horizontal-accuracy", "op": "<=", "value": 20, "unit": "cm"}),
    ] = None
    source: Annotated[
        str | None,
        Help(
            "Key of the source, among this scenario's `sources`, that the figure comes from.",
            "指标数值出处：本场景 sources 中的某个键。",
        ),
        Example("xinhuanet-cq-2023-03-24"),
        Vocabulary("sources"),
    ] = None


@dataclass(frozen=True, kw_only=True)
class Locations:
    """Where the scenario applies, as GB/T 2260 codes valid on a given date."""

    valid_on: Annotated[
        dt.date,
        Help(
            "Date on which the codes are valid; divisions change (Jiangbei and Yubei were abolished on 2025-11-06).",
            "代码的有效日期；行政区划会调整（江北区、渝北区已于2025年11月6日撤销）。",
        ),
        Example(dt.date(2023, 11, 20)),
    ]
    codes: Annotated[
        tuple[int, ...],
        Help(
            "GB/T 2260 codes of districts and counties, or 500000 alone for the whole municipality.",
            "区县的 GB/T 2260 代码；全市范围只写 500000。",
        ),
        Example([500101, 500230]),
        Vocabulary("districts"),
        MinItems(1),
        Unique(),
        Column("districts"),
    ]


@dataclass(frozen=True, kw_only=True)
class Scenario:
    """One application scenario: a city body's need that aerospace information could meet."""

    id: Annotated[
        str,
        Help(
            "Stable id, equal to the file name without .yaml; it is the page's URL.",
            "稳定的编号，与文件名（不含 .yaml）相同，也是页面网址。",
        ),
        Example("yangtze-beidou-navigation"),
        Pattern(KEY_PATTERN, KEY_EXPECTED),
        MaxChars(64),
        Column("scenario_id"),
    ]
    title: Annotated[
        Text,
        Help("Short title.", "简短标题。"),
        Example({"en": "BeiDou navigation for Yangtze shipping", "zh": "长江航运北斗导航"}),
        Lengths(en=Length(chars=90), zh=Length(chars=40)),
        Column("scenario_title"),
    ]
    summary: Annotated[
        Text,
        Help("What is needed and why, shown on cards and in search results.", "需要什么、为什么需要；显示在卡片和搜索结果中。"),
        Example({"en": "Ships need decimetre-level BeiDou positions on charts.", "zh": "船舶需要在航道图上获得分米级北斗定位。"}),
        Lengths(en=Length(words=60), zh=Length(chars=150)),
        NoColumn(),
    ]
    domain: Annotated[
        str,
        Help("Policy domain: a key of the domains vocabulary.", "所属领域：领域词表（domains）中的键。"),
        Example("transport"),
        Vocabulary("domains"),
    ]
    capabilities: Annotated[
        tuple[str, ...],
        Help(
            "Aerospace capabilities that could meet the need: keys of the capabilities vocabulary.",
            "可满足需求的空天技术能力：技术能力词表（capabilities）中的键。",
        ),
        Example(["satellite-navigation"]),
        Vocabulary("capabilities"),
        MinItems(1),
        Unique(),
    ]
    owner: Annotated[
        str,
        Help(
            "The city body with the need: a key of the owners vocabulary.", "提出需求的市级单位：需求单位词表（owners）中的键。"
        ),
        Example("transportation-commission"),
        Vocabulary("owners"),
    ]
    locations: Annotated[Locations, Help("Where the scenario applies.", "适用地点。")]
    status: Annotated[
        Status,
        Help(
            "reconstructed: a reconstruction in an announced domain, no official text is known; proposed: a "
            "contributor's proposal; announced: the need was made public, no call for solutions is known; open: a "
            "published call seeks solutions; matched: a solution was chosen; piloting: being tried; closed: finished; "
            "withdrawn: dropped. An illustrative record is always reconstructed and a community record proposed, and "
            "only they are: an official text gives the status of its own scenario.",
            "reconstructed：在已公布领域内的示意性重构，尚无已知官方文本；proposed：贡献者提议；announced：需求已公布，"
            "尚无已知的方案征集；open：已公开征集方案；matched：已选定方案；piloting：试点中；closed：已结束；"
            "withdrawn：已撤回。示意性记录一律为 reconstructed，社区记录一律为 proposed，且只有它们可用此状态："
            "官方记录的状态以其官方文本为准。",
        ),
        Example("reconstructed"),
    ]
    released: Annotated[
        dt.date,
        Help(
            "Date the need was first published; for an illustrative record, the date of the release event at which "
            "its domain was named (2023-11-20), not the date of the record's text.",
            "需求首次公布的日期；示意性记录填写公布其所属领域的发布活动日期（2023-11-20），而非本记录文本的日期。",
        ),
        Example(dt.date(2023, 11, 20)),
        NotInFuture(),
    ]
    updated: Annotated[
        dt.date,
        Help("Date this record last changed in substance.", "本记录最近一次实质性修改的日期。"),
        Example(dt.date(2023, 11, 20)),
        NotInFuture(),
    ]
    provenance: Annotated[
        Provenance,
        Help(
            "official: taken from a published official text (cite it); illustrative: a reconstruction in an announced domain; community: proposed by a contributor.",
            "official：取自已公开的官方文本（须引用）；illustrative：在已公布领域内的示意性重构；community：贡献者提议。",
        ),
        Example("illustrative"),
    ]
    problem: Annotated[
        Text,
        Help(
            "The problem today, in a few paragraphs of limited Markdown.",
            "当前存在的问题，用几段文字说明，可使用有限的 Markdown。",
        ),
        Markdown(),
        Lengths(en=Length(chars=3000), zh=Length(chars=1500)),
    ]
    users: Annotated[
        tuple[Text, ...],
        Help(
            "Who needs it and what for, one user group a line: the group, what it needs and why.",
            "使用者及其需求，每条写明一类使用者、所需内容及用途。",
        ),
        MinItems(1),
        Lengths(en=Length(chars=300), zh=Length(chars=150)),
    ]
    requirements: Annotated[
        tuple[Requirement, ...], Help("What a solution must or should do.", "解决方案必须或建议做到的事项。"), MinItems(1)
    ]
    constraints: Annotated[
        tuple[Text, ...],
        Help(
            "Conditions any solution must respect (law, security, data, budget when published).",
            "任何方案都须遵守的条件（法规、安全、数据；预算须有公开来源）。",
        ),
        MinItems(1),
        SENTENCES,
    ]
    how_to_respond: Annotated[
        Text,
        Help(
            "What a vendor should do and show to respond, in limited Markdown. No personal contact details.",
            "企业响应时应做什么、展示什么，可使用有限的 Markdown。不得包含个人联系方式。",
        ),
        Markdown(),
        Lengths(en=Length(chars=2000), zh=Length(chars=1000)),
    ]
    sources: Annotated[
        tuple[str, ...],
        Help(
            "Public sources the record relies on: keys of the sources vocabulary.",
            "记录所依据的公开来源：来源词表（sources）中的键。",
        ),
        Example(["ichongqing-2023-11-21"]),
        Vocabulary("sources"),
        MinItems(1),
        Unique(),
    ]
    evidence: Annotated[
        tuple[Evidence, ...],
        Help(
            "Public facts about what Chongqing already runs or has announced in this area, each with its source.",
            "重庆在该领域已有工作或已公布安排的公开信息，每条注明来源。",
        ),
    ] = ()

    @property
    def citywide(self) -> bool:
        return self.locations.codes == (CITYWIDE,)


# ---------------------------------------------------------------------------------------------
# Vocabularies: one file each in scenarios/vocabularies/, a mapping of key -> entry


@dataclass(frozen=True, kw_only=True)
class Domain:
    """A policy domain the scenarios are grouped by."""

    name: Annotated[Text, Help("Name of the domain."), NAME_LENGTHS]
    description: Annotated[Text, Help("One sentence on what the domain covers.")]
    announced: Annotated[
        bool, Help("True when the November 2023 announcement names this domain as a source of demand."), Example(True)
    ]


@dataclass(frozen=True, kw_only=True)
class Capability:
    """An aerospace-information capability that can meet a need."""

    name: Annotated[Text, Help("Name of the capability."), NAME_LENGTHS]
    description: Annotated[Text, Help("One sentence on what the capability does.")]


@dataclass(frozen=True, kw_only=True)
class Owner:
    """A city body that owns scenarios."""

    name: Annotated[Text, Help("Official name of the body."), NAME_LENGTHS]
    name_confirmed: Annotated[
        bool, Help("True when the name was checked against a public source; false for a standard form."), Example(True)
    ]
    former_name: Annotated[
        Text | None,
        Help(
            "The name the body used when the scenarios were released (2023), where it differs from today's; "
            "records speak of that date, so pages show this name with today's beside it."
        ),
        Example({"en": "Chongqing Municipal Transport Bureau", "zh": "重庆市交通局"}),
    ] = None
    history: Annotated[Text | None, Help("What the public sources show of the name's changes, and what is not confirmed.")] = None


@dataclass(frozen=True, kw_only=True)
class District:
    """A county-level division of Chongqing (GB/T 2260), or the municipality as a whole."""

    name: Annotated[Text, Help("Name of the division."), NAME_LENGTHS]
    short: Annotated[Text, Help("Short name for tiles and tight tables."), Example({"en": "Wanzhou", "zh": "万州"})]
    kind: Annotated[DistrictKind, Help("Kind of division."), Example("district")]
    row: Annotated[
        int,
        Help("Row of its tile in the schematic tile map (0 = north); -1 for the municipality."),
        Example(2),
        Range(minimum=-1, maximum=MAP_SIDE),
    ]
    col: Annotated[
        int,
        Help("Column of its tile in the schematic tile map (0 = west); -1 for the municipality."),
        Example(6),
        Range(minimum=-1, maximum=MAP_SIDE),
    ]
    abolished: Annotated[dt.date | None, Help("Date the division was abolished, if it was."), Example(dt.date(2025, 11, 6))] = (
        None
    )
    established: Annotated[
        dt.date | None, Help("Date the division was established, if after 2023."), Example(dt.date(2025, 11, 6))
    ] = None
    code_confirmed: Annotated[
        bool, Help("False while the code has not been checked against the Ministry of Civil Affairs' own list."), Example(True)
    ] = True
    note: Annotated[Text | None, Help("What changed about the division, and where a code or boundary comes from.")] = None


@dataclass(frozen=True, kw_only=True)
class Metric:
    """Something a requirement's target measures."""

    name: Annotated[Text, Help("Name of the metric."), NAME_LENGTHS]
    dimension: Annotated[Dimension, Help("Physical dimension; a target's unit must have the same one."), Example("length")]
    better: Annotated[Better, Help("Whether a lower or a higher value is better."), Example("lower")]


@dataclass(frozen=True, kw_only=True)
class Unit:
    """A unit a target's value can be given in."""

    symbol: Annotated[
        Text,
        Help("Symbol shown after a value."),
        Example({"en": "m", "zh": "米"}),
        # A target ('≤ 1,000 Chinese characters') is kept on one line, so it fits a phone's table cell.
        Lengths(en=Length(chars=24), zh=Length(chars=12)),
    ]
    dimension: Annotated[Dimension, Help("Physical dimension."), Example("length")]
    factor: Annotated[
        float, Help("Size of the unit in the dimension's base unit (m, s, %, 1, level)."), Example(0.01), Range(minimum=0)
    ]
    before: Annotated[
        dict[str, bool] | None,
        Help("Languages in which the symbol is written before the value ('level 3')."),
        Example({"en": True}),
    ] = None
    words: Annotated[
        tuple[str, ...],
        Help(
            "Words an English text writes the unit in besides its symbol ('minute', 'minutes'), so that the check of a requirement's text against its target reads 'within 30 minutes' as 30 min."
        ),
        Example(["metre", "metres"]),
    ] = ()

    def format(self, value: float, language: str) -> str:
        """The value with its symbol, as people write it: '0.2 m', '3级', 'level 3'."""
        return self.pattern(language).replace(VALUE, figure(value, language))

    def pattern(self, language: str) -> str:
        """Where a value goes beside the symbol: '{value} m', '{value}%', 'level {value}'."""
        symbol = self.symbol.get(language)
        if self.before and self.before.get(language):
            return f"{symbol} {VALUE}"
        return f"{VALUE}{symbol}" if symbol == "%" or language == "zh" else f"{VALUE} {symbol}"


VALUE = "{value}"  # the place of a value in a unit's pattern


def figure(value: float, language: str = "") -> str:
    """A number to 12 significant digits, which is every digit a record holds and none of the
    noise of binary fractions (35 cm is 0.35 m, not 0.35000000000000003): 20, 0.2, 1234.5678,
    1e-09. On an English page grouped in thousands, 82,400; Chinese writes 82400, as its texts do
    (约1000个汉字); with no language, as a program reads it."""
    grouped = language == "en"
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}" if grouped else str(int(value))
    return f"{value:,.12g}" if grouped else f"{value:.12g}"


@dataclass(frozen=True, kw_only=True)
class Source:
    """A public document the records rely on."""

    publisher: Annotated[Text, Help("Who published it.")]
    url: Annotated[str, Help("Public address, http or https."), Example("https://www.ichongqing.info/"), WebAddress()]
    language: Annotated[Literal["en", "zh"], Help("Language of the document."), Example("en")]
    about: Annotated[Text, Help("What it reports that the records use (our words, not its headline).")]
    date: Annotated[
        dt.date | None,
        Help("Publication date; leave it out only when the document shows none, and say so in `about`."),
        Example(dt.date(2023, 11, 21)),
        NotInFuture(),
    ] = None
    official: Annotated[
        bool,
        Help(
            "True for the official text of a scenario (a notice or call published by its owner); "
            "only such a source makes a record official."
        ),
        Example(False),
    ] = False


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


# The type of each vocabulary's entries, by vocabulary name (domains -> Domain), as Vocabularies declares them.
VOCABULARY_TYPES: dict[str, type] = {name: typing.get_args(tp)[1] for name, tp in typing.get_type_hints(Vocabularies).items()}


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

    def listed(self, vocabulary: str) -> list[Any]:
        """Keys of `vocabulary` that its lists and charts show, in vocabulary order: every domain
        and capability, an empty one too; an owner is a body only through its scenarios, so the
        owners in use."""
        return self.in_use(vocabulary) if vocabulary == "owners" else list(getattr(self.vocabularies, vocabulary))


# ---------------------------------------------------------------------------------------------
# The walk: the declarations above read once, for every reader of the model


@dataclass(frozen=True)
class Kind:
    """What a value is: a text in both languages, a record, a list or mapping of values, one of
    some choices, or a plain value."""

    name: Literal["text", "record", "list", "mapping", "choice", "str", "int", "float", "bool", "date"]
    record: type | None = None  # the dataclass of a record
    item: "Kind | None" = None  # of a list's items, or a mapping's entries
    key: type = str  # of a mapping's keys
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Field:
    """One field of a record: its name, what its value is, its rules, whether it may be left out,
    and its path from the record `walk()` started at ("requirements.target.unit")."""

    name: str
    kind: Kind
    rules: tuple[Rule, ...]
    optional: bool
    default: Any
    path: str

    @property
    def help(self) -> Help:
        help = self.rule(Help)
        assert help is not None  # fields() refuses a field without one
        return help

    def rule(self, kind: type[R]) -> R | None:
        return find_rule(self.rules, kind)


def find_rule(rules: tuple[Rule, ...], kind: type[R]) -> R | None:
    return next((rule for rule in rules if isinstance(rule, kind)), None)


_PLAIN: dict[Any, Any] = {str: "str", int: "int", float: "float", bool: "bool", dt.date: "date"}


def kind_of(tp: Any) -> Kind:
    """The Kind of a declared type (an optional's inner type: leaving a value out is the field's business)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (Union, types.UnionType):
        (inner,) = [arg for arg in args if arg is not type(None)]
        return kind_of(inner)
    if origin is Literal:
        return Kind("choice", choices=args)
    if origin is tuple:
        return Kind("list", item=kind_of(args[0]))
    if origin is dict:
        return Kind("mapping", key=args[0], item=kind_of(args[1]))
    if tp is Text:
        return Kind("text", record=Text)
    if dataclasses.is_dataclass(tp):
        return Kind("record", record=typing.cast(type, tp))
    return Kind(_PLAIN[tp])  # a KeyError here is a type the model cannot declare


# The kinds of value each rule is checked on (a list's rules also apply to its items): elsewhere it would be ignored.
_CHECKED_ON: dict[type[Rule], set[str]] = {
    Vocabulary: {"str", "int"},
    MinItems: {"list", "mapping"},
    Unique: {"list"},
    Pattern: {"str"},
    Lengths: {"text"},
    MaxChars: {"str"},
    Markdown: {"text"},
    WebAddress: {"str"},
    Range: {"int", "float"},
    NotInFuture: {"date"},
    Fact: {"str", "int", "float", "date", "choice", "text"},  # shown, rather than checked
}


@functools.cache
def fields(cls: type) -> tuple[Field, ...]:
    """The fields of record class `cls`, in declaration order."""
    hints = typing.get_type_hints(cls, include_extras=True)
    found = []
    for spec in dataclasses.fields(cls):
        tp, rules = hints[spec.name], typing.cast(tuple[Rule, ...], ())
        if typing.get_origin(tp) is Annotated:
            tp, rules = tp.__origin__, tp.__metadata__
        for stray in (rule for rule in rules if not isinstance(rule, Rule)):  # mypy lets `Unique` for `Unique()` by
            raise TypeError(f"{cls.__name__}.{spec.name}: {stray!r} is not a rule object")
        if not any(isinstance(rule, Help) for rule in rules):
            raise TypeError(f"{cls.__name__}.{spec.name} has no Help: every field says what it means")
        kind, optional = kind_of(tp), spec.default is not dataclasses.MISSING
        kinds = {kind.name, kind.item.name if kind.item else kind.name}
        for rule in (rule for rule in rules if not kinds & _CHECKED_ON.get(type(rule), kinds)):
            raise TypeError(f"{cls.__name__}.{spec.name}: {type(rule).__name__} is not checked on {describe(kind)}")
        if not issubclass(cls, Scenario) and any(isinstance(rule, Fact) for rule in rules):
            raise TypeError(
                f"{cls.__name__}.{spec.name}: a Fact is shown for a scenario's own fields only, not a {cls.__name__}'s"
            )
        found.append(Field(spec.name, kind, rules, optional, spec.default if optional else None, spec.name))
    return tuple(found)


def walk(cls: type, path: str = "") -> Iterator[Field]:
    """Every field of `cls` and of the records inside it, depth first, each with its path; texts
    are values here, not records."""
    for field in fields(cls):
        here = dataclasses.replace(field, path=f"{path}{field.name}")
        yield here
        inner = field.kind.item if field.kind.name == "list" else field.kind
        if inner is not None and inner.name == "record" and inner.record is not None:
            yield from walk(inner.record, f"{here.path}.")


def describe(kind: Kind, rules: tuple[Rule, ...] = ()) -> str:
    """What a value of this kind looks like, in a contributor's words."""
    vocabulary = find_rule(rules, Vocabulary)
    if kind.name == "choice":
        return "one of " + ", ".join(kind.choices)
    if kind.name == "list" and kind.item is not None:
        return f"a list of {describe(kind.item, rules)}"
    if vocabulary is not None:
        return f"a key of scenarios/vocabularies/{vocabulary.name}.yaml"
    if kind.name == "text":
        return "a text in both languages, {en: ..., zh: ...}"
    if kind.name == "record" and kind.record is not None:
        return f"a mapping ({names(kind.record)})"
    words = {"str": "a text", "int": "a whole number", "float": "a number", "bool": "true or false"}
    return words.get(kind.name, "a date like 2023-11-20")


def limits(field: Field) -> list[str]:
    """The field's rules in a contributor's words: for the field reference and the template."""
    pattern, most, lengths = field.rule(Pattern), field.rule(MaxChars), field.rule(Lengths)
    least, bounds = field.rule(MinItems), field.rule(Range)
    limits = [pattern.expected] if pattern else []
    limits += [f"at most {most.count} characters"] if most else []
    for language, length in (("en", lengths.en), ("zh", lengths.zh)) if lengths else ():
        limits.append(f"{language} at most " + (f"{length.words} words" if length.words else f"{length.chars} characters"))
    limits += [f"at least {least.count}"] if least else []
    limits += ["each once"] if field.rule(Unique) else []
    limits += ["limited Markdown"] if field.rule(Markdown) else []
    limits += [f"{figure(bounds.minimum)} or more"] if bounds and bounds.minimum is not None else []
    limits += [f"{figure(bounds.maximum)} or less"] if bounds and bounds.maximum is not None else []
    limits += ["not in the future"] if field.rule(NotInFuture) else []
    return limits


def names(cls: type) -> str:
    """The field names of a record, as listed in messages."""
    return ", ".join(field.name for field in fields(cls))


# Read the declarations now, so a stray or misplaced rule fails at import, not at the first check.
for _record in (Scenario, Domain, Capability, Owner, District, Metric, Unit, Source):
    list(walk(_record))
