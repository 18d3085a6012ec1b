"""Pure rendering: (catalogue, settings, language) -> the pages and files of one language's site.

Each page type has a context, a dataclass below built here from the catalogue, with every name,
count and address it shows worked out; its template in `templates/` only lays it out. Every
template also gets `t` (UI strings), `link` and `shared` (addresses from the page), `site_path`
and `section` (which the heading macro calls, so the table of contents lists what was written).
Deterministic: input is sorted, no clock is read, and the same catalogue gives the same bytes.
"""

from __future__ import annotations

import collections
import dataclasses
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml
from markupsafe import Markup, escape

from . import export, model, overview
from .addresses import Addresses, Settings
from .environment import Labels, environment, strings
from .model import CITYWIDE, CONVERTIBLE, PAGE_PER_KEY, Catalogue, Priority, Requirement, Scenario, Status, Target
from .schema import catalogue_schema, dumps, scenario_schema


@dataclass(frozen=True)
class Page:
    """A rendered page: what MkDocs needs to lay it out in the theme, HTML already finished."""

    title: str  # plain text; the hook hands MkDocs an escaped copy, as the theme prints it as HTML
    description: str  # plain text, for the description meta tag
    body: str  # the article's HTML
    toc: tuple[tuple[str, Markup], ...] = ()  # the sections, (id, heading HTML), in page order
    hide: tuple[str, ...] = ()  # parts of the theme to hide, e.g. ("toc",)
    searchable: bool = True  # False for listings: they repeat what the scenario pages say


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
    place: str  # where it applies, shortened


@dataclass(frozen=True)
class ScenarioTable:
    """The scenario table of the catalogue and of domain, capability and owner pages."""

    caption: Markup
    owner_heading: Markup  # 'Likely owner' when every row is a reconstruction
    rows: list[ScenarioRow]


@dataclass(frozen=True)
class RequirementRow:
    """A requirement's row in a requirements table (the explorer's, a scenario's)."""

    scenario: Scenario
    requirement: Requirement
    link: str  # to the scenario's page
    capabilities: str  # the scenario's capability keys, space-separated, for the filters
    source: int  # the number of the requirement's source in the scenario's list (from 1), or 0
    metric: str = ""  # the target's metric, named in the page's language ("" without a target)
    target: str = ""  # the target as shown, e.g. "≤ 0.2 m"
    base: str = ""  # the target's value in its metric's base unit, for the threshold filter
    basis: str = ""  # what a figure without a source rests on, as shown ("typical published value")


@dataclass(frozen=True)
class Facet:
    """One filter of a table: its URL parameter, the row attribute it reads, its choices."""

    name: str
    attribute: str
    label: str
    values: list[tuple[str, str]]
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
    """catalogue.md: every scenario, with filters."""

    scenarios: int
    facets: list[Facet]
    table: ScenarioTable


@dataclass(frozen=True)
class Explorer:
    """requirements.md: every requirement, filtered by facets and by a metric's threshold."""

    scenarios: int
    facets: list[Facet]
    metrics: list[MetricChoice]
    units: dict[str, model.Unit]
    rows: list[RequirementRow]


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
    edit: str  # where to edit it


Context = Home | CataloguePage | Explorer | Stats | About | Groups | GroupPage | ScenarioPage | export.DataPage


# -- building them ----------------------------------------------------------------------------


def render(catalogue: Catalogue, settings: Settings, sources: dict[str, str], language: str) -> Site:
    """Every page and file of the `language` site, keyed by docs path ("index.md", "scenarios/x.md").

    `sources` maps scenario ids to their YAML text, published beside each page. Data files
    (JSON, CSV, schemas, YAML sources) are published once, in the English site.
    """
    pages = _Pages(catalogue, Labels(language, strings()), Addresses(settings, language))
    site = Site(pages={}, files={})
    data = data_files(catalogue, settings, sources)  # in both languages, as the data page gives their sizes
    for path, template, build in (
        ("index.md", "home", pages.home),
        ("catalogue.md", "catalogue", pages.catalogue_page),
        ("requirements.md", "requirements", pages.explorer),
        ("stats.md", "stats", pages.stats),
        ("data.md", "data", lambda _: export.data_page(data)),
        ("about.md", "about", pages.about),
    ):
        site.pages[path] = pages.render(template, path, build(path))
    for grouping in PAGE_PER_KEY:
        site.pages[f"{grouping}/index.md"] = pages.render("groups", f"{grouping}/index.md", pages.groups(grouping))
        for key in getattr(catalogue.vocabularies, grouping):
            path = f"{grouping}/{key}.md"
            if path in site.pages:  # the validator refuses such keys; no data may take a page over regardless
                raise ValueError(f"{grouping}: the key '{key}' would replace the page {path}")
            site.pages[path] = pages.render("group", path, pages.group_page(grouping, key, path))
    for scenario in catalogue.scenarios:
        path = f"scenarios/{scenario.id}.md"
        site.pages[path] = pages.render("scenario", path, pages.scenario_page(scenario, path))
    t = pages.t
    title, subtitle, marked = (str(t(key)) for key in ("site.name", "feed.subtitle", "feed.illustrative"))
    site.files["feed.xml"] = export.feed(catalogue, language, title, subtitle, pages.addresses.published, marked)
    if language == "en":
        site.files.update(data)
    return site


def data_files(catalogue: Catalogue, settings: Settings, sources: dict[str, str]) -> dict[str, str]:
    """The data to take away: catalogue.json, catalogue.csv, the schemas, and each scenario's
    JSON record and YAML text (from `sources`, by id)."""
    files = {f"scenarios/{scenario_id}.yaml": text for scenario_id, text in sources.items()}
    records = [export.record(scenario) for scenario in catalogue.scenarios]
    for scenario, record in zip(catalogue.scenarios, records, strict=True):
        files[f"scenarios/{scenario.id}.json"] = export.json_text(record)
    files["catalogue.json"] = export.catalogue_json(catalogue, records)
    files["catalogue.csv"] = export.catalogue_csv(catalogue, Addresses(settings, "en").published)
    files["schema/scenario.schema.json"] = dumps(scenario_schema(catalogue.vocabularies))
    files["schema/catalogue.schema.json"] = dumps(catalogue_schema(catalogue.vocabularies))
    return files


def markdown_file(page: Page) -> str:
    """The page as a Markdown file for an engine that runs no hooks (Zensical): the metadata as
    YAML front matter, written by a YAML writer (so every character survives), then the HTML,
    in one block element that Markdown passes through untouched."""
    meta: dict[str, Any] = {"title": str(escape(page.title)), "description": page.description}
    if page.hide:
        meta["hide"] = list(page.hide)
    if not page.searchable:
        meta["search"] = {"exclude": True}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1 << 16)
    return f'---\n{front}---\n\n<div class="catalogue-page">\n{page.body}</div>\n'


class _Pages:
    """Builds the context of each page of one language's site, and renders it."""

    def __init__(self, catalogue: Catalogue, t: Labels, addresses: Addresses) -> None:
        self.catalogue = catalogue
        self.vocabularies = catalogue.vocabularies
        self.t = t
        self.loc = t.loc
        self.addresses = addresses

    def render(self, template: str, path: str, context: Context) -> Page:
        """The page at docs path `path` from `template`.html.j2 and its context. The template sets
        `title` and `description` (and may set `hide` and `searchable`) at its top level."""
        addresses = self.addresses.on(path)
        toc: list[tuple[str, Markup]] = []

        def section(id: str, heading: str) -> str:
            toc.append((id, escape(heading)))
            return ""

        values = {field.name: getattr(context, field.name) for field in dataclasses.fields(context)} if context else {}
        values.update(language=self.t.language, t=self.t, link=addresses.link, shared=addresses.shared, section=section)
        module = environment().get_template(f"{template}.html.j2").make_module({**values, "site_path": addresses.site_path()})
        values = module.__dict__
        return Page(
            title=_plain(values["title"]),
            description=_plain(values["description"]),
            body=str(module),
            toc=tuple(toc),
            hide=tuple(values.get("hide", ())),
            searchable=values.get("searchable", True),
        )

    def home(self, path: str) -> Home:
        scenarios = self.catalogue.scenarios
        requirements = [r for scenario in scenarios for r in scenario.requirements]
        domains = self._groups("domains")
        illustrative = sum(1 for scenario in scenarios if scenario.provenance == "illustrative")
        in_use = len(self.catalogue.in_use("domains"))
        owners = [self._group("owners", key, self.vocabularies.owners[key]) for key in self.catalogue.in_use("owners")]
        return Home(
            len(scenarios),
            len(requirements),
            _musts(requirements),
            illustrative,
            in_use,
            domains,
            self._groups("capabilities"),
            owners,
        )

    def catalogue_page(self, path: str) -> CataloguePage:
        scenarios = self.catalogue.scenarios
        caption = self.t("catalogue.caption", count=len(scenarios))
        return CataloguePage(len(scenarios), self._facets(), self._table(scenarios, caption, path))

    def explorer(self, path: str) -> Explorer:
        facets = [
            Facet("capability", "capabilities", self.t("field.capabilities"), self._choices("capabilities"), True),
            Facet("priority", "priority", self.t("field.priority"), self._labels("priority", Priority), True),
        ]
        rows = self._requirement_rows(self.catalogue.scenarios, path)
        return Explorer(len(self.catalogue.scenarios), facets, self._metrics(), self.vocabularies.units, rows)

    def stats(self, path: str) -> Stats:
        charts = overview.charts(self.catalogue, self.t, self.addresses.on(path).link)
        return Stats(len(self.catalogue.scenarios), charts, overview.tile_map(self.catalogue, self.t))

    def about(self, path: str) -> About:
        counts = collections.Counter(scenario.provenance for scenario in self.catalogue.scenarios)
        provenances = [(value, counts[value]) for value in ("official", "illustrative", "community")]
        return About(provenances, list(self.vocabularies.sources.items()))

    def groups(self, grouping: str) -> Groups:
        return Groups(grouping, self._groups(grouping))

    def group_page(self, grouping: str, key: str, path: str) -> GroupPage:
        group = self._group(grouping, key, getattr(self.vocabularies, grouping)[key])
        caption = self.t("group.caption", name=group.name, count=len(group.scenarios))
        return GroupPage(grouping, group, self._table(group.scenarios, caption, path) if group.scenarios else None)

    def scenario_page(self, scenario: Scenario, path: str) -> ScenarioPage:
        sources = self.vocabularies.sources
        evidence = []
        for item in scenario.evidence:
            source = sources[item.source]
            date = str(source.date) if source.date else self.t("source.undated")
            number = scenario.sources.index(item.source) + 1
            evidence.append((item, self.t("evidence.cite", publisher=self.loc(source.publisher), date=date, number=number)))
        names = self._name("domains", scenario.domain), self._name("owners", scenario.owner)
        capabilities = [(key, self._name("capabilities", key)) for key in scenario.capabilities]
        rows, musts = self._requirement_rows([scenario], path), _musts(scenario.requirements)
        districts = [(code, self.vocabularies.districts[code]) for code in scenario.locations.codes]
        listed, edit = [(key, sources[key]) for key in scenario.sources], self.addresses.on(path).edit(scenario.id)
        return ScenarioPage(scenario, *names, capabilities, musts, rows, districts, evidence, listed, edit)

    # -- the parts several pages show ---------------------------------------------------------

    def _name(self, vocabulary: str, key: str | int) -> str:
        """An entry's name; an owner renamed since the scenarios were released is named as it was
        then, the date the records speak of, with today's name beside it."""
        entry = getattr(self.vocabularies, vocabulary)[key]
        if vocabulary == "owners" and entry.former_name is not None:
            return self.t("owners.renamed", former=self.loc(entry.former_name), current=self.loc(entry.name))
        return self.loc(entry.name)

    def _groups(self, grouping: str) -> list[Group]:
        return [self._group(grouping, key, entry) for key, entry in getattr(self.vocabularies, grouping).items()]

    def _group(self, grouping: str, key: str, entry: Any) -> Group:
        return Group(key, self.loc(entry.name), self._describe(grouping, entry), self.catalogue.by_key(grouping, key))

    def _describe(self, grouping: str, entry: Any) -> Markup:
        """The sentence shown under a domain, capability or owner name (data escaped, as always)."""
        if grouping == "owners":
            text = self.t("owners.confirmed" if entry.name_confirmed else "owners.unconfirmed")
            return text + self.t("punct.sentence") + self.loc(entry.history) if entry.history else text
        text = escape(self.loc(entry.description))
        if grouping == "domains":
            text += self.t("punct.sentence") + self.t("domains.announced" if entry.announced else "domains.not_announced")
        return text

    def _table(self, scenarios: Iterable[Scenario], caption: Markup, path: str) -> ScenarioTable:
        link = self.addresses.on(path).link
        separator = self.t("list.separator")
        rows = []
        for scenario in _in_table_order(self.catalogue, scenarios):
            names = [self.loc(self.vocabularies.districts[code].short) for code in scenario.locations.codes]
            place = separator.join(names[:3])
            if len(names) > 4:
                place += self.t("list.more", count=len(names) - 3, total=len(names))
            else:
                place = separator.join(names)
            capabilities = separator.join(self._name("capabilities", key) for key in scenario.capabilities)
            domain, owner = self._name("domains", scenario.domain), self._name("owners", scenario.owner)
            rows.append(ScenarioRow(scenario, link(f"scenarios/{scenario.id}.md"), domain, owner, capabilities, place))
        return ScenarioTable(caption, self._owner_heading(row.scenario for row in rows), rows)

    def _owner_heading(self, scenarios: Iterable[Scenario]) -> Markup:
        """'Likely owner' over scenarios that are all reconstructions, whose owners no text names."""
        illustrative = {scenario.provenance for scenario in scenarios} == {"illustrative"}
        return self.t("field.owner.illustrative" if illustrative else "field.owner")

    def _facets(self) -> list[Facet]:
        """The catalogue's filters; values in vocabulary order, districts by code."""
        districts = [(str(code), self.loc(d.name)) for code, d in self.vocabularies.districts.items() if code != CITYWIDE]
        owner = self._owner_heading(self.catalogue.scenarios)
        return [
            Facet("domain", "domain", self.t("field.domain"), self._choices("domains"), True),
            Facet("capability", "capabilities", self.t("field.capabilities"), self._choices("capabilities"), True),
            Facet("owner", "owner", owner, self._choices("owners", self.catalogue.in_use("owners")), False),
            Facet("district", "districts", self.t("field.district"), districts, False, self.t("filters.citywide_note")),
            Facet("status", "status", self.t("field.status"), self._labels("status", Status), True),
        ]

    def _choices(self, vocabulary: str, keys: Iterable[Any] | None = None) -> list[tuple[str, str]]:
        """(key, name) of each entry, or of those among `keys`, in vocabulary order."""
        entries = getattr(self.vocabularies, vocabulary)
        return [(str(key), self.loc(entries[key].name)) for key in (entries if keys is None else keys)]

    def _labels(self, prefix: str, values: Any) -> list[tuple[str, str]]:
        return [(value, self.t(f"{prefix}.{value}")) for value in typing.get_args(values)]

    def _requirement_rows(self, scenarios: Iterable[Scenario], path: str) -> list[RequirementRow]:
        link = self.addresses.on(path).link
        rows = []
        for scenario in _in_table_order(self.catalogue, scenarios):
            address = link(f"scenarios/{scenario.id}.md")
            capabilities = " ".join(scenario.capabilities)
            for requirement in scenario.requirements:
                source = scenario.sources.index(requirement.source) + 1 if requirement.source else 0
                target = requirement.target
                if target is None:
                    rows.append(RequirementRow(scenario, requirement, address, capabilities, source))
                    continue
                metric, shown = self._name("metrics", target.metric), self._target(target)
                base = f"{self.vocabularies.in_base_unit(target):.12g}"
                basis = self.t(f"basis.{target.basis}") if target.basis else ""
                rows.append(RequirementRow(scenario, requirement, address, capabilities, source, metric, shown, base, basis))
        return rows

    def _target(self, target: Target) -> str:
        """'≤ 0.2 m', '≥ 90%', '≥ level 3' in the page's language."""
        unit = self.vocabularies.units[target.unit]
        symbol = {"<=": "≤", "<": "<", ">=": "≥", ">": ">", "=": "="}[target.op]
        return f"{symbol} {unit.format(target.value, self.t.language)}"

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


def _in_table_order(catalogue: Catalogue, scenarios: Iterable[Scenario]) -> list[Scenario]:
    """Scenarios grouped by domain, in vocabulary order, then by id: the order of tables."""
    order = {key: index for index, key in enumerate(catalogue.vocabularies.domains)}
    return sorted(scenarios, key=lambda s: (order[s.domain], s.id))


def _musts(requirements: Iterable[Requirement]) -> int:
    return sum(1 for requirement in requirements if requirement.priority == "must")


def _plain(text: str) -> str:
    """Plain text of a template value: Markup (a UI string with its values escaped) loses its tags
    and entities; a data text is plain already."""
    return text.striptags() if isinstance(text, Markup) else " ".join(text.split())
