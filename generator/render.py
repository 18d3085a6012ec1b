"""Pure rendering: (catalogue, settings, language) -> the pages and files of one language's site.

Each page type has a context, a dataclass below built here from the catalogue, with every name,
count and address it shows worked out; its template in `templates/` only lays it out. Every
template also gets `t` (UI strings), `link` and `shared` (addresses from the page, for links in
the HTML), `script` (a script's address, versioned by its content), `url` (the same as the
browser resolves it, for links a script writes), `site_path` and `section` (which the heading
macro calls, so the table of contents lists what was written).
Deterministic: input is sorted, no clock is read, and the same catalogue gives the same bytes.
"""

from __future__ import annotations

import collections
import functools
import json
import math
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from markupsafe import Markup, escape

from . import export, model, overview, qr
from .addresses import Addresses, Settings, versioned
from .chinese import keep_figures
from .environment import Labels, environment, strings
from .model import CITYWIDE, CONVERTIBLE, PAGE_PER_KEY, Catalogue, Priority, Requirement, Scenario, Status, Target
from .schema import catalogue_schema, dumps, scenario_schema

# Rows a listing page holds in its HTML; the rest are on static next pages (catalogue/2/, ...)
# and, for the catalogue and the explorer, in a data file the script filters.
SCENARIOS_PER_PAGE = 50
REQUIREMENTS_PER_PAGE = 2 * SCENARIOS_PER_PAGE  # a scenario has about six
T = TypeVar("T")
# The theme's own files (docs/overrides), where the scripts a page names (`script`) are.
THEME = Path(__file__).resolve().parent.parent / "docs" / "overrides"
# A requirement's verdict against a product profile (catalogue.js `verdict`), the words the
# script writes about a profile's result, and the columns of the result's CSV, in order.
VERDICTS = ("meets", "misses", "unmeasured")
PROFILE_WORDS = ("column", "not_given", "fit.all", "fit.unmeasured", "fit.unjudged", "fit.misses", "fit.none", "fit.counts")
PROFILE_COLUMNS = (
    "scenario_id",
    "scenario",
    "status",
    "fit",
    "requirement_id",
    "priority",
    "metric",
    "target",
    "basis",
    "product",
    "verdict",
    "requirement",
    "address",
)
# The explorer's product form groups the metrics by what they measure, as a data sheet does:
# lengths (accuracy, resolution, distance), times (latencies, intervals), and the rest.
PROFILE_GROUPS = {"length": "lengths", "velocity": "lengths", "time": "times"}
# The columns of the CSV of the scenarios a filtered catalogue lists (catalogue.js `scenariosCsv`).
SCENARIO_COLUMNS = ("scenario_id", "scenario", "domain", "capabilities", "owner", "districts", "status", "address")
# How a data file begins: it adds its listing to the page's catalogueData, beside the others.
DATA_SCRIPT = "(window.catalogueData = window.catalogueData || {{}}).{name} = "


def _data_script(name: str, data: dict[str, Any]) -> str:
    """A script that sets window.catalogueData[name] to `data`: JSON with <, >, & and the line
    separators escaped, so that no text ends the script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character in "<>&\u2028\u2029":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return f"{DATA_SCRIPT.format(name=name)}{text};\n"


@dataclass(frozen=True)
class Page:
    """A rendered page: what MkDocs needs to lay it out in the theme, HTML already finished."""

    title: str  # plain text; the hook hands MkDocs an escaped copy, as the theme prints it as HTML
    description: str  # plain text, for the description meta tag
    # The article's HTML in UTF-8. A str holding one character beyond Latin-1 (a '≤', a dash)
    # takes two bytes for every character: 10,000 scenarios, English build's peak 1,083 -> 895 MB.
    html: bytes
    toc: tuple[tuple[str, Markup], ...] = ()  # the sections, (id, heading HTML), in page order
    hide: tuple[str, ...] = ()  # parts of the theme to hide, e.g. ("toc",)
    searchable: bool = True  # False for listings: they repeat what the scenario pages say

    @property
    def body(self) -> str:
        return self.html.decode()

    @property
    def meta(self) -> dict[str, Any]:
        """The page's metadata as MkDocs reads it. The theme prints the title as HTML (header,
        search results): it gets it escaped."""
        meta: dict[str, Any] = {"title": str(escape(self.title)), "description": self.description}
        if self.hide:
            meta["hide"] = list(self.hide)
        if not self.searchable:
            meta["search"] = {"exclude": True}  # and the search plugin skips parsing it
        return meta


@dataclass(frozen=True)
class Site:
    """One language's generated site: its pages and its other files, by docs path."""

    pages: dict[str, Page]
    files: dict[str, str]  # data to take away, feeds, YAML sources


# -- what the templates receive ---------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """A domain, capability or owner, with the scenarios that refer to it."""

    key: str
    name: str
    description: Markup  # the sentence shown under its name
    scenarios: list[Scenario]  # by id


@dataclass(frozen=True)
class ScenarioRow:
    """A scenario's row in a scenario table, its names in the page's language."""

    scenario: Scenario
    link: str  # to the scenario's page
    domain: str
    owner: str
    capabilities: str  # names, joined
    places: list[str]  # where it applies: short names of the districts


@dataclass(frozen=True)
class Pager:
    """Where one page of a listing stands among the listing's pages."""

    number: int  # this page's, from 1
    count: int  # pages in the listing
    window: list[tuple[int, str]]  # (number, link) of the pages linked from this one: first, last, nearby
    previous: str  # link to the page before, or ""
    next: str  # link to the page after, or ""
    first: int  # the position of this page's first row in the listing, from 1
    last: int
    total: int  # rows in the whole listing


@dataclass(frozen=True)
class ScenarioTable:
    """The scenario table of the catalogue and of domain, capability and owner pages."""

    caption: Markup
    owner_heading: Markup  # 'Likely owner' when every row is a reconstruction
    rows: list[ScenarioRow]
    pager: Pager


@dataclass(frozen=True)
class RequirementRow:
    """A requirement's row in a requirements table (the explorer's, a scenario's)."""

    scenario: Scenario
    requirement: Requirement
    link: str  # to the scenario's page
    source: int  # the number of the requirement's source in the scenario's list (from 1), or 0
    metric: str = ""  # the target's metric, named in the page's language ("" without a target)
    target: str = ""  # the target as shown, e.g. "≤ 0.2 m"
    basis: str = ""  # what a figure rests on, as shown ("typical published value", "from a cited source")


@dataclass(frozen=True)
class Facet:
    """One filter of a table: its URL parameter, its label, its choices."""

    name: str
    label: str
    values: list[tuple[str, str, Markup]]  # (value, label, note: "abolished on ..."); those no row holds come last
    unused: int  # how many values no row holds
    open: bool
    note: str = ""


@dataclass(frozen=True)
class MetricChoice:
    """A metric the requirements explorer offers, with the units a value may be given in."""

    key: str
    metric: model.Metric
    units: tuple[str, ...]
    default_unit: str


@dataclass(frozen=True)
class Home:
    """index.md: counts, a card per domain, the capabilities and the owners with scenarios."""

    scenarios: int
    requirements: int
    musts: int
    illustrative: int
    domains_in_use: int
    domains: list[Group]
    capabilities: list[Group]
    owners: list[Group]


@dataclass(frozen=True)
class CataloguePage:
    """catalogue.md, and catalogue/N.md: a page of the scenarios, the first with filters."""

    scenarios: int
    facets: list[Facet]
    table: ScenarioTable
    columns: list[Markup]  # of the listed scenarios' CSV


@dataclass(frozen=True)
class Explorer:
    """requirements.md, and requirements/N.md: a page of the requirements; the first filters
    them all by facets and judges them against a product profile."""

    scenarios: int
    facets: list[Facet]
    metrics: list[tuple[Markup, list[MetricChoice]]]  # the product form's, by group (PROFILE_GROUPS), with its heading
    units: dict[str, model.Unit]
    rows: list[RequirementRow]
    pager: Pager
    verdicts: Facet  # meets, misses, not measured: shown once a product profile is entered
    profile_words: dict[str, Markup]  # what the script writes about a profile's result, by name
    profile_columns: list[Markup]  # the columns of the result's CSV


@dataclass(frozen=True)
class Stats:
    """stats.md: counts as bar charts and the tile map of districts."""

    scenarios: int
    charts: list[overview.Chart]
    tiles: overview.TileMap


@dataclass(frozen=True)
class About:
    """about.md: what the catalogue is, its provenances with their counts, every source."""

    provenances: list[tuple[str, int]]
    sources: list[tuple[str, model.Source]]


@dataclass(frozen=True)
class Groups:
    """domains/index.md (and capabilities/, owners/): every entry, with its count."""

    grouping: str
    groups: list[Group]


@dataclass(frozen=True)
class GroupPage:
    """domains/KEY.md (and capabilities/, owners/): an entry's scenarios."""

    grouping: str
    group: Group
    table: ScenarioTable | None  # None when no scenario refers to it


@dataclass(frozen=True)
class ScenarioPage:
    """scenarios/ID.md: the record, with its vocabulary keys named and its sources numbered."""

    scenario: Scenario
    domain: str
    owner: str
    capabilities: list[tuple[str, str]]  # (key, name)
    musts: int
    requirements: list[RequirementRow]
    districts: list[tuple[int, model.District]]
    evidence: list[tuple[model.Evidence, Markup]]  # (item, who said it and when, numbered)
    sources: list[tuple[str, model.Source]]
    edit: str | None  # where to edit it, if a repository is known
    facts: list[tuple[str, str]]  # (label, value in words) of the fields declared with a model.Fact
    qr: str = ""  # link to the QR code of the page's published address, printed; "" when the site's address is unknown


@dataclass(frozen=True)
class Compare:
    """compare.md: two to four scenarios side by side, chosen in the address (?s=a&s=b); the
    script writes them from requirements/data.js, with the words the template gives it."""

    owner_heading: Markup  # 'Likely owner' when every scenario is a reconstruction, as the catalogue says


@dataclass(frozen=True)
class Briefing:
    """briefing.md: a pack to print, a cover and a sheet per scenario chosen in the address; the
    script writes it from requirements/data.js, with these words and addresses (`{id}` stands
    for a scenario's id)."""

    words: dict[str, str]  # the UI strings the script writes, by name: plain text, some with {placeholders}
    scenario_qr: str = ""  # a scenario's QR code, from this page; "" when the site's address is unknown
    scenario_address: str = ""  # a scenario page's published address; "" when unknown (the script takes the browser's)
    home_qr: str = ""  # the QR code of the catalogue's home page, or ""
    home_address: str = ""  # the home page's published address, or ""


Context = (
    Home | CataloguePage | Explorer | Stats | About | Groups | GroupPage | ScenarioPage | export.DataPage | Compare | Briefing
)


# -- building them ----------------------------------------------------------------------------


def render(catalogue: Catalogue, settings: Settings, sources: dict[str, str], language: str) -> Site:
    """Every page and file of the `language` site, keyed by docs path ("index.md", "scenarios/x.md").

    `sources` maps scenario ids to their YAML text, published beside each page. Data files
    (JSON, CSV, schemas, YAML sources) are published once, in the English site.
    """
    pages = _Pages(catalogue, Labels(language, strings()), Addresses(settings, language))
    records = [export.record(scenario) for scenario in catalogue.scenarios]
    data = catalogue_files(catalogue, settings, records)  # in both languages, as the data page gives their sizes
    site = Site(pages={}, files={})
    for path, template, context in pages.contexts(export.data_page(data)):
        if path in site.pages:  # the validator refuses a key that names a page; no data may take one over regardless
            raise ValueError(f"a vocabulary key would replace the page {path}")
        site.pages[path] = pages.render(template, path, context)
    site.files.update(pages.data_scripts)
    if settings.site_url:
        site.files.update(pages.qr_codes())
    title, subtitle, marked = (str(pages.t(key)) for key in ("site.name", "feed.subtitle", "feed.illustrative"))
    site.files["feed.xml"] = export.feed(catalogue, language, title, subtitle, pages.addresses.published, marked)
    if language == "en":
        site.files.update(data)
        site.files.update({f"scenarios/{scenario_id}.yaml": text for scenario_id, text in sources.items()})
        site.files.update(
            {f"scenarios/{s.id}.json": export.json_text(record) for s, record in zip(catalogue.scenarios, records, strict=True)}
        )
    return site


def _all_illustrative(scenarios: Iterable[Scenario]) -> bool:
    """Whether the scenarios are all reconstructions, whose owners no text names."""
    return {scenario.provenance for scenario in scenarios} == {"illustrative"}


def catalogue_files(catalogue: Catalogue, settings: Settings, records: list[Any]) -> dict[str, str]:
    """The data of the whole catalogue to take away: catalogue.json (of `records`, as
    export.record() gives them), catalogue.csv and the schemas. Each scenario's JSON record and
    YAML text are published beside its page."""
    files = {"catalogue.json": export.catalogue_json(catalogue, records)}
    files["catalogue.csv"] = export.catalogue_csv(catalogue, Addresses(settings, "en").published)
    files["schema/scenario.schema.json"] = dumps(scenario_schema(catalogue.vocabularies))
    files["schema/catalogue.schema.json"] = dumps(catalogue_schema(catalogue.vocabularies))
    return files


def markdown_file(page: Page) -> str:
    """The page as a Markdown file for an engine that runs no hooks (Zensical): the metadata as
    YAML front matter, written by a YAML writer (so every character survives), then the HTML,
    in one block element that Markdown passes through untouched."""
    front = yaml.safe_dump(page.meta, allow_unicode=True, sort_keys=False, width=1 << 16)
    return f'---\n{front}---\n\n<div class="catalogue-page">\n{page.body}</div>\n'


# The UI strings the briefing pack's script writes, by the name it knows them by.
BRIEFING_WORDS = {
    "domain": "field.domain",
    "capability": "field.capabilities",
    "district": "field.district",
    "status": "field.status",
    "priority": "field.priority",
    "profile": "profile.heading",
    "where": "field.locations",
    "id": "field.id",
    "requirement": "field.requirement",
    "target": "field.target",
    "separator": "list.separator",
    "colon": "punct.colon",
    "semicolon": "punct.semicolon",
    "none": "target.none",
    "site": "site.name",
    "count": "field.scenarios",
    "verdict-meets": "verdict.meets",  # a verdict has one name, in the explorer and in the pack
    "verdict-misses": "verdict.misses",
    "verdict-unmeasured": "verdict.unmeasured",
    "verdict-facet": "profile.verdict",
    "fit-none": "profile.fit.none",
    "constraints": "section.constraints",
    **{
        key.replace(".", "-").replace("_", "-"): f"briefing.{key}"
        for key in (
            "cover",
            "selection",
            "from.catalogue",
            "from.compare",
            "from.profile",
            "from.other",
            "filters",
            "no_filter",
            "date",
            "address",
            "home_qr",
            "qr_alt",
            "sheet_address",
            "sheet_qr",
            "verdict",
            "fit",
            "fit.all",
            "fit.misses",
            "fit.unmeasured",
            "fit.unjudged",
            "fit.counts",
            "unofficial",
            "unofficial.all",
            "unknown",
            "over",
            "unreadable",
            "unrecognised",
        )
    },
}


class _Pages:
    """Builds the context of each page of one language's site, and renders it."""

    def __init__(self, catalogue: Catalogue, t: Labels, addresses: Addresses) -> None:
        self.catalogue = catalogue
        self.vocabularies = catalogue.vocabularies
        self.t = t
        self.loc = t.loc
        self.addresses = addresses
        self.in_table_order = _in_table_order(catalogue, catalogue.scenarios)
        self.owner_heading = self._owner_heading(catalogue.scenarios)  # of every scenario, as the catalogue's table has it

    def contexts(self, data: export.DataPage) -> Iterator[tuple[str, str, Context]]:
        """Every page of the site: its docs path, its template and its context, in the order MkDocs
        is given them, which its search index keeps."""
        yield "index.md", "home", self.home()
        yield "stats.md", "stats", self.stats()
        yield "data.md", "data", data
        yield "about.md", "about", self.about()
        yield "compare.md", "compare", Compare(self.owner_heading)
        yield "briefing.md", "briefing", self.briefing()
        yield from self.catalogue_pages()
        yield from self.explorer_pages()
        for grouping in PAGE_PER_KEY:
            yield f"{grouping}/index.md", "groups", Groups(grouping, self._groups(grouping, self.catalogue.listed(grouping)))
            for key in getattr(self.vocabularies, grouping):
                yield from self.group_pages(grouping, key)
        for scenario in self.catalogue.scenarios:
            yield f"scenarios/{scenario.id}.md", "scenario", self.scenario_page(scenario)

    def render(self, template: str, path: str, context: Context) -> Page:
        """The page at docs path `path` from `template`.html.j2 and its context. The template sets
        `title` and `description` (and may set `hide` and `searchable`) at its top level."""
        addresses = self.addresses.on(path)
        toc: list[tuple[str, Markup]] = []

        def section(id: str, heading: str) -> str:
            toc.append((id, escape(heading)))
            return ""

        page = {"language": self.t.language, "t": self.t, "section": section, "site_path": addresses.site_path()}
        links = {"link": addresses.link, "url": addresses.url, "shared": addresses.shared, "script": self._script_link(addresses)}
        module = environment().get_template(f"{template}.html.j2").make_module(vars(context) | page | links)
        exported = module.__dict__
        html = keep_figures(str(module)) if self.t.language == "zh" else str(module)
        return Page(
            title=_plain(exported["title"]),
            description=_plain(exported["description"]),
            html=html.encode(),
            toc=tuple(toc),
            hide=tuple(exported.get("hide", ())),
            searchable=exported.get("searchable", True),
        )

    def _script_link(self, addresses: Addresses) -> typing.Callable[[str], str]:
        """`script(path)` in a template: the address of a data file or of a theme's script, from the
        page, versioned by its content (see versioned)."""

        def script(path: str) -> str:
            content = self.data_scripts[path].encode() if path in self.data_scripts else (THEME / path).read_bytes()
            return versioned(addresses.link(path), content)

        return script

    @functools.cached_property
    def data_scripts(self) -> dict[str, str]:
        """The data files the listings' scripts read, by docs path: made once, for the site's files
        and for the address of each, which their content versions."""
        return {
            "catalogue/data.js": self.scenario_data(),
            "requirements/data.js": self.requirement_data(),
            "briefing/data.js": self.briefing_data(),
        }

    def home(self) -> Home:
        scenarios = self.catalogue.scenarios
        requirements = [r for scenario in scenarios for r in scenario.requirements]
        illustrative = sum(1 for scenario in scenarios if scenario.provenance == "illustrative")
        counts = len(scenarios), len(requirements), _musts(requirements), illustrative, len(self.catalogue.in_use("domains"))
        groups = tuple(
            self._groups(grouping, self.catalogue.listed(grouping)) for grouping in ("domains", "capabilities", "owners")
        )
        return Home(*counts, *groups)

    def catalogue_pages(self) -> Iterator[tuple[str, str, CataloguePage]]:
        count = len(self.in_table_order)
        caption, facets = self.t("catalogue.caption", count=count), self._facets()
        # the owner's column is headed as the table's: 'likely owner' over reconstructions
        owner = "owner.illustrative" if _all_illustrative(self.catalogue.scenarios) else "owner"
        columns = [self.t(f"catalogue.csv.{owner if name == 'owner' else name}") for name in SCENARIO_COLUMNS]
        for path, rows, pager in self._paged("catalogue.md", self.in_table_order, SCENARIOS_PER_PAGE):
            yield path, "catalogue", CataloguePage(count, facets, self._table(rows, caption, path, pager), columns)

    def explorer_pages(self) -> Iterator[tuple[str, str, Explorer]]:
        requirements = [(s, r) for s in self.in_table_order for r in s.requirements]
        priority = self._facet("priority", "priority", self.t("field.priority"), self._labels("priority", Priority), True)
        facets = [facet for facet in self._facets() if facet.name != "status"] + [priority]
        verdicts = Facet("verdict", self.t("profile.verdict"), [(v, self.t(f"verdict.{v}"), Markup()) for v in VERDICTS], 0, True)
        words = {name.replace(".", "-").replace("_", "-"): self.t(f"profile.{name}") for name in PROFILE_WORDS}
        words["fit-misses-one"] = self.t("profile.fit.misses.one")
        columns = [self.t(f"profile.csv.{name}") for name in PROFILE_COLUMNS]
        count, units = len(self.in_table_order), self.vocabularies.units
        grouped: dict[str, list[MetricChoice]] = {group: [] for group in ("lengths", "times", "others")}
        for choice in self._metrics():
            grouped[PROFILE_GROUPS.get(choice.metric.dimension, "others")].append(choice)
        metrics = [(self.t(f"profile.group.{group}"), choices) for group, choices in grouped.items() if choices]
        for path, rows, pager in self._paged("requirements.md", requirements, REQUIREMENTS_PER_PAGE):
            page = self._requirement_rows(rows, path)
            yield path, "requirements", Explorer(count, facets, metrics, units, page, pager, verdicts, words, columns)

    def scenario_data(self) -> str:
        """catalogue/data.js, every scenario for the catalogue's script (see _script): names once,
        in `names`; each row a scenario's entry (_scenario_entry), as requirements/data.js has it."""
        names = {**self._scenario_names(), "capability": self._choices("capabilities")}
        at = {facet: {key: index for index, (key, _) in enumerate(entries)} for facet, entries in names.items()}
        rows = [self._scenario_entry(s, at) for s in self.in_table_order]
        words = {key: _text(self.t(f"list.{key}")) for key in ("separator", "more")}
        return self._script("scenarios", "catalogue.md", SCENARIOS_PER_PAGE, words, names, rows=rows)

    def requirement_data(self) -> str:
        """requirements/data.js, every requirement for the explorer's, the comparison's and the
        briefing pack's scripts (see _script): each scenario once, [id, title, [capabilities],
        domain, owner, [districts], status, official]; each row [scenario, id, priority, text], with a
        target [..., metric, op, value in base unit, target as shown, basis ("sourced" if none)]. A metric's
        names entry is [key, name, [units a value may be given in], usual unit]; a unit's
        [key, symbol, size in the base unit, where a value goes beside the symbol]."""
        metrics = {choice.key: choice for choice in self._metrics()}
        units = list(self.vocabularies.units)
        names: dict[str, list[Any]] = {
            "capability": self._choices("capabilities"),
            "priority": self._labels("priority", Priority),
            "metric": [
                [key, _text(self._name("metrics", key)), *self._metric_units(metrics.get(key), units)]
                for key in self.vocabularies.metrics
            ],
            "basis": [(key, _text(self.t(f"basis.{key}"))) for key in (*typing.get_args(model.Basis), "sourced")],
            "unit": [
                [key, self.loc(unit.symbol), float(f"{unit.factor:.12g}"), unit.pattern(self.t.language)]
                for key, unit in self.vocabularies.units.items()
            ],
            **self._scenario_names(),
        }
        at = {facet: {entry[0]: index for index, entry in enumerate(entries)} for facet, entries in names.items()}
        scenarios, rows = self.in_table_order, []
        for number, s in enumerate(scenarios):
            for r in s.requirements:
                row: list[Any] = [number, r.id, at["priority"][r.priority], self.loc(r.text)]
                if r.target:
                    base, basis = self.vocabularies.in_base_unit(r.target), at["basis"].get(r.target.basis or "sourced")
                    row += [at["metric"][r.target.metric], r.target.op, float(f"{base:.12g}"), self._target(r.target), basis]
                rows.append(row)
        table = [self._scenario_entry(s, at) for s in scenarios]
        words = {"none": _text(self.t("target.none")), "separator": _text(self.t("list.separator"))}
        return self._script("requirements", "requirements.md", REQUIREMENTS_PER_PAGE, words, names, rows=rows, scenarios=table)

    @staticmethod
    def _metric_units(choice: MetricChoice | None, units: list[str]) -> list[Any]:
        """[unit positions, usual unit's position] of a metric some target measures, else [[], -1]."""
        if choice is None:
            return [[], -1]
        return [[units.index(unit) for unit in choice.units], units.index(choice.default_unit)]

    def _scenario_names(self) -> dict[str, list[tuple[str, str]]]:
        """The names a scenario's entry in a data file refers to by position."""
        return {
            "domain": self._choices("domains"),
            "owner": [(key, _text(self._name("owners", key))) for key in self.vocabularies.owners],
            "district": [(str(code), self.loc(entry.short)) for code, entry in self.vocabularies.districts.items()],
            "status": self._labels("status", Status),
        }

    def _scenario_entry(self, s: Scenario, at: dict[str, dict[str, int]]) -> list[Any]:
        """[id, title, [capabilities], domain, owner, [districts], status, official], names by
        position; official: whether the record is an official text (the briefing pack says so)."""
        return [
            s.id,
            self.loc(s.title),
            [at["capability"][key] for key in s.capabilities],
            at["domain"][s.domain],
            at["owner"][s.owner],
            [at["district"][str(code)] for code in s.locations.codes],
            at["status"][s.status],
            s.provenance == "official",
        ]

    def _script(self, name: str, path: str, page: int, words: dict[str, str], names: dict[str, Any], **lists: list[Any]) -> str:
        """A listing's data as a script that sets window.catalogueData[name]: a page loads it with
        <script src>, which works from file:// too, where fetch() is refused. `link` is a
        scenario's address from the listing's first page, around its id; `words` the UI strings
        the rows need."""
        prefix, suffix = self.addresses.on(path).url("scenarios/*.md").split("*")
        return _data_script(name, {"page": page, "link": [prefix, suffix], "words": words, "names": names, **lists})

    def briefing_data(self) -> str:
        """briefing/data.js, what a briefing sheet says of a scenario beside its requirements:
        [summary, [constraints]] of each, by id (loaded by the pack alone; by id, not by place, so
        that a browser holding an older requirements/data.js prints no other scenario's words)."""
        texts = {s.id: [self.loc(s.summary), [self.loc(c) for c in s.constraints]] for s in self.in_table_order}
        return _data_script("briefing", {"texts": texts})

    def briefing(self) -> Briefing:
        words = {name: _text(self.t(key)) for name, key in BRIEFING_WORDS.items()}
        words["owner"] = _text(self.owner_heading)
        if self.addresses.settings.site_url is None:
            return Briefing(words)
        addresses = self.addresses.on("briefing.md")
        scenario = addresses.url(_qr_path("{id}")), addresses.published("scenarios/{id}.md")
        return Briefing(words, *scenario, addresses.url(_qr_path()), addresses.published("index.md"))

    def qr_codes(self) -> dict[str, str]:
        """The QR code of each scenario page's published address, and of the home page's."""
        pages = [(_qr_path(), "index.md"), *((_qr_path(s.id), f"scenarios/{s.id}.md") for s in self.catalogue.scenarios)]
        addresses = ((path, self.addresses.published(page)) for path, page in pages)
        return {path: qr.svg(address, _text(self.t("briefing.qr_alt", address=address))) for path, address in addresses}

    def stats(self) -> Stats:
        charts = overview.charts(self.catalogue, self.t, self.addresses.on("stats.md").link, self._name)
        return Stats(len(self.catalogue.scenarios), charts, overview.tile_map(self.catalogue, self.t))

    def about(self) -> About:
        counts = collections.Counter(scenario.provenance for scenario in self.catalogue.scenarios)
        provenances = [(value, counts[value]) for value in ("official", "illustrative", "community")]
        return About(provenances, list(self.vocabularies.sources.items()))

    def group_pages(self, grouping: str, key: str) -> Iterator[tuple[str, str, GroupPage]]:
        group = self._group(grouping, key, getattr(self.vocabularies, grouping)[key])
        caption = self.t("group.caption", name=group.name, count=len(group.scenarios))
        scenarios = _in_table_order(self.catalogue, group.scenarios)
        for path, rows, pager in self._paged(f"{grouping}/{key}.md", scenarios, SCENARIOS_PER_PAGE):
            yield path, "group", GroupPage(grouping, group, self._table(rows, caption, path, pager) if rows else None)

    def scenario_page(self, scenario: Scenario) -> ScenarioPage:
        path = f"scenarios/{scenario.id}.md"
        sources = self.vocabularies.sources
        evidence = []
        for item in scenario.evidence:
            source = sources[item.source]
            date = self.t.day(source.date) if source.date else self.t("source.undated")
            number = scenario.sources.index(item.source) + 1
            evidence.append((item, self.t("evidence.cite", publisher=self.loc(source.publisher), date=date, number=number)))
        names = self._name("domains", scenario.domain), self._name("owners", scenario.owner)
        capabilities = [(key, self._name("capabilities", key)) for key in scenario.capabilities]
        rows = self._requirement_rows([(scenario, requirement) for requirement in scenario.requirements], path)
        musts = _musts(scenario.requirements)
        districts = [(code, self.vocabularies.districts[code]) for code in scenario.locations.codes]
        addresses = self.addresses.on(path)
        listed, edit = [(key, sources[key]) for key in scenario.sources], addresses.edit(scenario.id)
        code = addresses.link(_qr_path(scenario.id)) if self.addresses.settings.site_url else ""
        return ScenarioPage(
            scenario, *names, capabilities, musts, rows, districts, evidence, listed, edit, self._facts(scenario), code
        )

    def _facts(self, scenario: Scenario) -> list[tuple[str, str]]:
        """(label, value) of the fields declared with a Fact, in words: a vocabulary key by its
        name, a text in the page's language, a list joined as the language joins one; a field left
        out of the record is left out here too."""
        shown = []
        record: type = type(scenario)  # a record declared with more fields shows its own
        for field in model.fields(record):
            fact, value = field.rule(model.Fact), getattr(scenario, field.name)
            if fact is not None and value not in (None, ()):
                words = [self._in_words(field, item) for item in (value if field.kind.name == "list" else (value,))]
                shown.append((fact.zh if self.t.language == "zh" else fact.en, str(self.t("list.separator")).join(words)))
        return shown

    def _in_words(self, field: model.Field, value: Any) -> str:
        vocabulary = field.rule(model.Vocabulary)
        if vocabulary:
            return self._name(vocabulary.name, value)
        if isinstance(value, model.Text):
            return self.loc(value)
        return model.figure(value, self.t.language) if isinstance(value, float) else str(value)

    # -- the parts several pages show ---------------------------------------------------------

    def _name(self, vocabulary: str, key: str | int) -> str:
        """An entry's name; an owner renamed since the scenarios were released is named as it was
        then, the date the records speak of, with today's name beside it."""
        entry = getattr(self.vocabularies, vocabulary)[key]
        if vocabulary == "owners" and entry.former_name is not None:
            # plain text, as every other name: the pages escape it once (as Markup, the chart's wrapped label escaped it twice)
            return _text(self.t("owners.renamed", former=self.loc(entry.former_name), current=self.loc(entry.name)))
        return self.loc(entry.symbol if vocabulary == "units" else entry.publisher if vocabulary == "sources" else entry.name)

    def _groups(self, grouping: str, keys: Iterable[str] | None = None) -> list[Group]:
        """Every entry of a vocabulary, or those among `keys`, in vocabulary order."""
        entries = getattr(self.vocabularies, grouping)
        return [self._group(grouping, key, entries[key]) for key in (entries if keys is None else keys)]

    def _group(self, grouping: str, key: str, entry: Any) -> Group:
        return Group(key, self._name(grouping, key), self._describe(grouping, entry), self.catalogue.by_key(grouping, key))

    def _describe(self, grouping: str, entry: Any) -> Markup:
        """The sentence shown under a domain, capability or owner name (data escaped, as always)."""
        if grouping == "owners":
            text = self.t("owners.confirmed" if entry.name_confirmed else "owners.unconfirmed")
            return text + self.t("punct.sentence") + self.loc(entry.history) if entry.history else text
        text = escape(self.loc(entry.description))
        if grouping == "domains":
            text += self.t("punct.sentence") + self.t("domains.announced" if entry.announced else "domains.not_announced")
        return text

    def _paged(self, path: str, rows: list[T], size: int) -> Iterator[tuple[str, list[T], Pager]]:
        """A listing at `path` cut into pages of `size` rows: `path` itself, then the next pages
        beside it, a/b.md -> a/b/2.md, a/b/3.md, ...; each with its place among them."""
        count = max(1, math.ceil(len(rows) / size))
        paths = [path, *(f"{path.removesuffix('.md')}/{number}.md" for number in range(2, count + 1))]
        for number, page in enumerate(paths, 1):
            link = self.addresses.on(page).link
            shown = sorted({1, count, *range(max(1, number - 2), min(count, number + 2) + 1)})
            window = [(n, link(paths[n - 1])) for n in shown]
            previous, next = (link(paths[n - 1]) if 1 <= n <= count else "" for n in (number - 1, number + 1))
            start = (number - 1) * size
            chunk = rows[start : start + size]
            yield page, chunk, Pager(number, count, window, previous, next, start + 1, start + len(chunk), len(rows))

    def _table(self, scenarios: list[Scenario], caption: Markup, path: str, pager: Pager) -> ScenarioTable:
        link = self.addresses.on(path).link
        separator = self.t("list.separator")
        rows = []
        for scenario in scenarios:
            places = [self.loc(self.vocabularies.districts[code].short) for code in scenario.locations.codes]
            capabilities = separator.join(self._name("capabilities", key) for key in scenario.capabilities)
            domain, owner = self._name("domains", scenario.domain), self._name("owners", scenario.owner)
            rows.append(ScenarioRow(scenario, link(f"scenarios/{scenario.id}.md"), domain, owner, capabilities, places))
        return ScenarioTable(caption, self._owner_heading(scenarios), rows, pager)

    def _owner_heading(self, scenarios: Iterable[Scenario]) -> Markup:
        """'Likely owner' over scenarios that are all reconstructions, whose owners no text names."""
        return self.t("field.owner.illustrative" if _all_illustrative(scenarios) else "field.owner")

    def _facets(self) -> list[Facet]:
        """The catalogue's filters; values in vocabulary order, districts by code."""
        districts = [(str(code), self.loc(d.name)) for code, d in self.vocabularies.districts.items() if code != CITYWIDE]
        owner, note, t = self.owner_heading, self.t("filters.citywide_note"), self.t
        return [
            self._facet("domain", "domain", t("field.domain"), self._choices("domains"), True),
            self._facet("capability", "capabilities", t("field.capabilities"), self._choices("capabilities"), True),
            self._facet("owner", "owner", owner, self._choices("owners", self.catalogue.listed("owners")), False),
            self._facet("district", "districts", t("field.district"), districts, False, note),
            self._facet("status", "status", t("field.status"), self._labels("status", Status), True),
        ]

    def _facet(self, name: str, attribute: str, label: str, choices: list[tuple[str, str]], open: bool, note: str = "") -> Facet:
        """A filter whose values no scenario holds come last (the script counts the rest); an
        abolished district says so where it is chosen."""
        held = {str(value) for s in self.catalogue.scenarios for value in _facet_values(s, attribute)}
        if attribute == "districts" and str(CITYWIDE) in held:
            held.update(key for key, _ in choices)  # a citywide scenario applies in every district
        districts = self.vocabularies.districts.items()
        abolished = {str(code): self.t("locations.abolished", date=d.abolished) for code, d in districts if d.abolished}
        values = sorted(((key, label, abolished.get(key, Markup())) for key, label in choices), key=lambda v: v[0] not in held)
        return Facet(name, label, values, sum(key not in held for key, _ in choices), open, note)

    def _choices(self, vocabulary: str, keys: Iterable[Any] | None = None) -> list[tuple[str, str]]:
        """(key, name) of each entry, or of those among `keys`, in vocabulary order."""
        entries = getattr(self.vocabularies, vocabulary)
        return [(str(key), self._name(vocabulary, key)) for key in (entries if keys is None else keys)]

    def _labels(self, prefix: str, values: Any) -> list[tuple[str, str]]:
        return [(value, self.t(f"{prefix}.{value}")) for value in typing.get_args(values)]

    def _requirement_rows(self, requirements: Iterable[tuple[Scenario, Requirement]], path: str) -> list[RequirementRow]:
        link = self.addresses.on(path).link
        rows = []
        for scenario, requirement in requirements:
            address = link(f"scenarios/{scenario.id}.md")
            source = scenario.sources.index(requirement.source) + 1 if requirement.source else 0
            target = requirement.target
            if target is None:
                rows.append(RequirementRow(scenario, requirement, address, source))
                continue
            metric, shown = self._name("metrics", target.metric), self._target(target)
            basis = self.t(f"basis.{target.basis or 'sourced'}")
            rows.append(RequirementRow(scenario, requirement, address, source, metric, shown, basis))
        return rows

    def _target(self, target: Target) -> str:
        """'≤ 0.2 m', '≥ 90%', '≥ level 3' in the page's language, with no-break spaces around
        the figure: a narrow column breaks a long unit's name ('Chinese | characters'), never the
        sign from the figure or the figure from its unit."""
        unit = self.vocabularies.units[target.unit]
        symbol = {"<=": "≤", "<": "<", ">=": "≥", ">": ">", "=": "="}[target.op]
        pattern = unit.pattern(self.t.language).replace(f" {model.VALUE}", f"\u00a0{model.VALUE}")
        shown = pattern.replace(f"{model.VALUE} ", f"{model.VALUE}\u00a0").replace(
            model.VALUE, model.figure(target.value, self.t.language)
        )
        return f"{symbol}\u00a0{shown}"

    def _metrics(self) -> list[MetricChoice]:
        """The explorer's metrics: those some target measures, in vocabulary order, each with the
        units a value may be given in and the one its targets use most (offered first)."""
        used: dict[str, collections.Counter[str]] = {}
        for scenario in self.catalogue.scenarios:
            for requirement in scenario.requirements:
                if requirement.target:
                    used.setdefault(requirement.target.metric, collections.Counter())[requirement.target.unit] += 1
        choices = []
        order = list(self.vocabularies.units)
        for key, metric in self.vocabularies.metrics.items():
            if key not in used:
                continue
            if metric.dimension in CONVERTIBLE:
                units = [unit for unit, entry in self.vocabularies.units.items() if entry.dimension == metric.dimension]
            else:
                units = sorted(used[key], key=order.index)
            default = max(used[key], key=lambda unit: (used[key][unit], -order.index(unit)))
            choices.append(MetricChoice(key, metric, tuple(units), default))
        return choices


def _qr_path(scenario_id: str | None = None) -> str:
    """Where a scenario's QR code is published, beside its page (both for scenarios/ID/ and for
    scenarios/ID.html); the home page's at the root of the language's site."""
    return "qr.svg" if scenario_id is None else f"scenarios/{scenario_id}/qr.svg"


def _in_table_order(catalogue: Catalogue, scenarios: Iterable[Scenario]) -> list[Scenario]:
    """Scenarios grouped by domain, in vocabulary order, then by id: the order of tables."""
    order = {key: index for index, key in enumerate(catalogue.vocabularies.domains)}
    return sorted(scenarios, key=lambda s: (order[s.domain], s.id))


def _facet_values(scenario: Scenario, attribute: str) -> Iterable[object]:
    """What a scenario holds for a filter's attribute (a requirement's priority: each of them)."""
    if attribute == "priority":
        return (requirement.priority for requirement in scenario.requirements)
    value = scenario.locations.codes if attribute == "districts" else getattr(scenario, attribute)
    return value if isinstance(value, tuple | list) else (value,)


def _text(text: str) -> str:
    """A name or UI string as plain text for the script (which writes it with textContent)."""
    return text.unescape() if isinstance(text, Markup) else text


def _musts(requirements: Iterable[Requirement]) -> int:
    return sum(1 for requirement in requirements if requirement.priority == "must")


def _plain(text: str) -> str:
    """Plain text of a template value: Markup (a UI string with its values escaped) loses its tags
    and entities; a data text is plain already."""
    return text.striptags() if isinstance(text, Markup) else " ".join(text.split())
