"""Pure rendering: (catalogue, language, settings) -> {relative path: text}.

Templates are files in `templates/`, one per page type. Everything here is deterministic:
input is sorted, no clock is read, and the same catalogue gives the same bytes.
"""

from __future__ import annotations

import collections
import functools
import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import jinja2
import yaml
from markupsafe import Markup, escape

from . import export, overview
from .chinese import close_gaps
from .load import Loader
from .model import CITYWIDE, CONVERTIBLE, LANGUAGES, Catalogue, Metric, Priority, Requirement, Scenario, Status, Target, Text
from .prose import prose
from .schema import catalogue_schema, dumps, scenario_schema

TEMPLATES = Path(__file__).parent / "templates"
GROUPINGS = ("domains", "capabilities", "owners")  # vocabularies that get a page per key


@dataclass(frozen=True)
class Settings:
    """What the pages depend on besides the data."""

    directory_urls: bool = True  # False for builds read from file:// (the offline bundle)
    repository: str | None = None  # e.g. https://github.com/owner/repo, for "edit this scenario" links
    branch: str = "main"
    # Which engine builds the pages. MkDocs leaves links in raw HTML as they are, so they are
    # written relative to the page's URL; Zensical rewrites them as if relative to the page's
    # source file, so for it they are written that way (`python -m generator build --engine zensical`).
    engine: Literal["mkdocs", "zensical"] = "mkdocs"
    site_url: str | None = None  # the published English site's address, e.g. https://owner.github.io/repo/

    def __post_init__(self) -> None:
        if self.repository is not None and not REPOSITORY.fullmatch(self.repository):
            raise ValueError(f"'{self.repository}' is not a repository address; expected one like https://github.com/owner/repo")
        if self.site_url is not None and not (REPOSITORY.fullmatch(self.site_url) and self.site_url.endswith("/")):
            raise ValueError(f"'{self.site_url}' is not a site address; expected one like https://owner.github.io/repo/")

    def address(self, language: str, docs_path: str) -> str:
        """Where the page or file built from `docs_path` is published, from the language's root:
        absolute with a site_url (feeds, spreadsheets), else relative to that root."""
        path = _url(docs_path, self.directory_urls)
        if self.site_url is None:
            return path or "./"
        return self.site_url + _from_root(language, docs_path, self.directory_urls)


REPOSITORY = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~-]+)*/?")


@dataclass(frozen=True)
class Page:
    """A rendered page: what MkDocs needs to lay it out in the theme, HTML already finished."""

    title: str  # plain text; the hook hands MkDocs an escaped copy, as the theme prints it as HTML
    description: str  # plain text, for the description meta tag
    body: str  # the article's HTML
    hide: tuple[str, ...] = ()  # parts of the theme to hide, e.g. ("toc",)
    searchable: bool = True  # False for listings: they repeat what the scenario pages say

    @property
    def toc(self) -> list[tuple[str, Markup]]:
        """The sections of the table of contents, (id, heading HTML), in page order."""
        return [(match[1], Markup(match[2])) for match in _HEADING.finditer(self.body)]


# The section headings that _macros.html.j2 writes: data cannot write one, as every text is
# escaped and contributor Markdown has no headings.
_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)<a class="headerlink"')


@dataclass(frozen=True)
class Site:
    """One language's generated site: its pages and its other files, by docs path."""

    pages: dict[str, Page]
    files: dict[str, str]  # data to take away, feeds, YAML sources


def render(catalogue: Catalogue, settings: Settings, sources: dict[str, str], language: str) -> Site:
    """Every page and file of the `language` site, keyed by docs path ("index.md", "scenarios/x.md").

    `sources` maps scenario ids to their YAML text, published beside each page. Data files
    (JSON, CSV, schemas, YAML sources) are published once, in the English site.
    """
    pages = _Pages(catalogue, settings)
    site = Site(pages={}, files={})
    page = functools.partial(pages.render, language)
    data = data_files(catalogue, settings, sources)  # in both languages, as the data page gives their sizes
    for path in ("index.md", "catalogue.md", "requirements.md", "stats.md", "data.md", "about.md"):
        template = "home.html.j2" if path == "index.md" else path.replace(".md", ".html.j2")
        site.pages[path] = page(template, path, data=export.data_page(data) if path == "data.md" else None)
    for grouping in GROUPINGS:
        site.pages[f"{grouping}/index.md"] = page("groups.html.j2", f"{grouping}/index.md", grouping=grouping)
        for key, entry in getattr(catalogue.vocabularies, grouping).items():
            path = f"{grouping}/{key}.md"
            if path in site.pages:  # the validator refuses such keys; no data may take a page over regardless
                raise ValueError(f"{grouping}: the key '{key}' would replace the page {path}")
            site.pages[path] = page("group.html.j2", path, grouping=grouping, key=key, entry=entry)
    for scenario in catalogue.scenarios:
        path = f"scenarios/{scenario.id}.md"
        site.pages[path] = page("scenario.html.j2", path, scenario=scenario)
    helpers = pages.helpers(language, "index.md")
    title, subtitle, marked = (str(helpers.t(key)) for key in ("site.name", "feed.subtitle", "feed.illustrative"))
    address = functools.partial(settings.address, language)
    site.files["feed.xml"] = export.feed(catalogue, language, title, subtitle, address, marked)
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
    files["catalogue.csv"] = export.catalogue_csv(catalogue, functools.partial(settings.address, "en"))
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
    """What every page of one run shares, looked up once: the UI strings, the templates and the
    partials that many pages repeat (scenario table rows, sources)."""

    def __init__(self, catalogue: Catalogue, settings: Settings) -> None:
        self.catalogue = catalogue
        self.settings = settings
        self.strings = strings()
        self.labels = {language: {key: text[language] for key, text in self.strings.items()} for language in LANGUAGES}
        self.environment = _environment()

    def partial(self, template: str, language: str, **context: Any) -> Markup:
        """`template` rendered for `language` with `context`, to be placed in a page."""
        rendered = self.environment.get_template(template).render(language=language, L=self.labels[language], **context)
        return Markup(rendered.removesuffix("\n"))

    def helpers(self, language: str, path: str) -> Helpers:
        return Helpers(self, language, path)

    def render(self, language: str, template: str, path: str, **context: Any) -> Page:
        """The page at docs path `path` of the `language` site, from `template`. The template sets
        `title` and `description` (and may set `hide` and `searchable`) at its top level."""
        helpers = self.helpers(language, path)
        module = self.environment.get_template(template).make_module(
            {
                "catalogue": self.catalogue,
                "vocabularies": self.catalogue.vocabularies,
                "language": language,
                "page_path": path,
                "t": helpers.t,
                "L": self.labels[language],
                "link": helpers.link,
                "h": helpers,
                **context,
            }
        )
        values = module.__dict__
        return Page(
            title=_plain(values["title"]),
            description=_plain(values["description"]),
            body=str(module),
            hide=tuple(values.get("hide", ())),
            searchable=values.get("searchable", True),
        )


def _plain(text: str) -> str:
    """Plain text of a template value: Markup (a UI string with its values escaped) loses its tags
    and entities; a data text is plain already."""
    return text.striptags() if isinstance(text, Markup) else " ".join(text.split())


class Helpers:
    """What templates need that is not plain data: translation, links, formatting."""

    def __init__(self, pages: _Pages, language: str, page_path: str) -> None:
        self.pages = pages
        self.catalogue = pages.catalogue
        self.vocabularies = pages.catalogue.vocabularies
        self.language = language
        self.settings = pages.settings
        self.page_path = page_path
        self.strings = pages.strings

    def t(self, key: str, **values: Any) -> Markup:
        """A UI string in the page's language, with {placeholders} filled in. The strings are ours
        and may hold HTML (a link); the values are escaped, as they may come from data.

        A key may have a singular form `key.one`, used when `count` is 1.
        """
        table = self.strings
        if values.get("count") == 1 and f"{key}.one" in table:
            key = f"{key}.one"
        text = Markup(table[key][self.language])
        return text.format(**values) if values else text  # unformatted, a string can be a template of its own

    def loc(self, text: Text) -> str:
        return text.get(self.language)

    def link(self, target: str) -> str:
        """Link from this page to the page rendered from `target` (a docs path), for raw HTML."""
        return self._raw_link(self.page_path, target)

    def site_path(self) -> str:
        """This page's address from the site's root, e.g. /zh/scenarios/x/ (what print shows without script)."""
        return "/" + _from_root(self.language, self.page_path, self.settings.directory_urls)

    def shared(self, target: str) -> str:
        """URL of a file published once, at the root of the English site (data, schemas), from this page."""
        return self._raw_link(self.page_path if self.language == "en" else f"{self.language}/{self.page_path}", target)

    def _raw_link(self, source: str, target: str) -> str:
        # MkDocs leaves links in raw HTML alone (so: relative to the page's URL); Zensical rewrites
        # them as if relative to the page's source file (so: written that way for it).
        if self.settings.engine == "zensical":
            return _relative_path(source, target)
        return relative_url(source, target, self.settings.directory_urls)

    def name(self, vocabulary: str, key: str | int) -> str:
        """An entry's name; an owner renamed since the scenarios were released is named as it was
        then, the date the records speak of, with today's name beside it."""
        entry = getattr(self.vocabularies, vocabulary)[key]
        if vocabulary == "owners" and entry.former_name is not None:
            return self.t("owners.renamed", former=self.loc(entry.former_name), current=self.loc(entry.name))
        return self.loc(entry.name)

    def owner_heading(self, scenarios: Iterable[Scenario]) -> str:
        """'Likely owner' over scenarios that are all reconstructions, whose owners no text names."""
        provenances = {scenario.provenance for scenario in scenarios}
        return self.t("field.owner.illustrative" if provenances == {"illustrative"} else "field.owner")

    def names(self, vocabulary: str, keys: Iterable[str | int]) -> list[str]:
        return [self.name(vocabulary, key) for key in keys]

    def in_use(self, vocabulary: str) -> list[Any]:
        """Keys of `vocabulary` that at least one scenario refers to."""
        return [key for key in getattr(self.vocabularies, vocabulary) if self.catalogue.by_key(vocabulary, key)]

    def entries(self, vocabulary: str) -> list[tuple[Any, Any]]:
        return list(getattr(self.vocabularies, vocabulary).items())

    def describe(self, vocabulary: str, entry: Any) -> Markup:
        """The sentence shown under a domain, capability or owner name (data escaped, as always)."""
        if vocabulary == "owners":
            text = self.t("owners.confirmed" if entry.name_confirmed else "owners.unconfirmed")
            return text + self.t("punct.sentence") + self.loc(entry.history) if entry.history else text
        text = escape(self.loc(entry.description))
        if vocabulary == "domains":
            text += self.t("punct.sentence") + self.t("domains.announced" if entry.announced else "domains.not_announced")
        return text

    def place(self, scenario: Scenario) -> str:
        """Short list of where a scenario applies, for tables."""
        names = [self.loc(self.vocabularies.districts[code].short) for code in scenario.locations.codes]
        shown = self.t("list.separator").join(names[:3])
        if len(names) > 4:
            return shown + self.t("list.more", count=len(names) - 3, total=len(names))
        return self.t("list.separator").join(names)

    def scenario_row(self, scenario: Scenario) -> Markup:
        """The scenario's row in a scenario table (catalogue, domain, owner and capability pages)."""
        link = self.link(f"scenarios/{scenario.id}.md")
        return self.pages.partial("_scenario_row.html.j2", self.language, scenario=scenario, scenario_link=link, h=self)

    def evidence_cite(self, scenario: Scenario, key: str) -> str:
        """Who published a piece of evidence, when, and its number in the scenario's sources."""
        source = self.vocabularies.sources[key]
        date = str(source.date) if source.date else self.t("source.undated")
        return self.t("evidence.cite", publisher=self.loc(source.publisher), date=date, number=scenario.sources.index(key) + 1)

    def source_item(self, key: str) -> Markup:
        """A source's item in a list of sources."""
        source = self.vocabularies.sources[key]
        return self.pages.partial("_source.html.j2", self.language, key=key, source=source, t=self.t)

    def by_domain(self, scenarios: Iterable[Scenario]) -> list[Scenario]:
        """Scenarios grouped by domain, in vocabulary order, then by id: the order of tables."""
        order = {key: index for index, key in enumerate(self.vocabularies.domains)}
        return sorted(scenarios, key=lambda s: (order[s.domain], s.id))

    # -- filters, explorer and charts -------------------------------------------------------

    def facets(self) -> list[Facet]:
        """The catalogue's filters; values in vocabulary order, districts by code."""
        districts = [(str(code), self.loc(d.name)) for code, d in self.vocabularies.districts.items() if code != CITYWIDE]
        return [
            Facet("domain", "domain", self.t("field.domain"), self._choices("domains"), True),
            Facet("capability", "capabilities", self.t("field.capabilities"), self._choices("capabilities"), True),
            Facet("owner", "owner", self.owner_heading(self.catalogue.scenarios), self._choices("owners"), False),
            Facet("district", "districts", self.t("field.district"), districts, False, self.t("filters.citywide_note")),
            Facet("status", "status", self.t("field.status"), self._labels("status", Status), True),
        ]

    def requirement_facets(self) -> list[Facet]:
        """The requirements explorer's filters besides the metric threshold."""
        return [
            Facet("capability", "capabilities", self.t("field.capabilities"), self._choices("capabilities"), True),
            Facet("priority", "priority", self.t("field.priority"), self._labels("priority", Priority), True),
        ]

    def _choices(self, vocabulary: str) -> list[tuple[str, str]]:
        return [(str(key), self.loc(entry.name)) for key, entry in getattr(self.vocabularies, vocabulary).items()]

    def _labels(self, prefix: str, values: Any) -> list[tuple[str, str]]:
        return [(value, self.t(f"{prefix}.{value}")) for value in typing.get_args(values)]

    def requirement_rows(self, scenarios: Iterable[Scenario] | None = None) -> list[RequirementRow]:
        """The rows of a requirements table (of every scenario, in table order, by default), with
        what each shows worked out here: a call from a template costs more than the work it does,
        and there is a row per requirement."""
        rows = []
        for scenario in self.by_domain(self.catalogue.scenarios if scenarios is None else scenarios):
            link = self.link(f"scenarios/{scenario.id}.md")
            capabilities = " ".join(scenario.capabilities)
            for requirement in scenario.requirements:
                source = scenario.sources.index(requirement.source) + 1 if requirement.source else 0
                target = requirement.target
                if target is None:
                    rows.append(RequirementRow(scenario, requirement, link, capabilities, source))
                    continue
                metric, shown = self.name("metrics", target.metric), self.target(target)
                base = f"{self.vocabularies.in_base_unit(target):.12g}"
                basis = self.t(f"basis.{target.basis}") if target.basis else ""
                rows.append(RequirementRow(scenario, requirement, link, capabilities, source, metric, shown, base, basis))
        return rows

    def used_metrics(self) -> list[MetricChoice]:
        """The explorer's metrics: those some target measures, in vocabulary order, each with the
        units a value may be given in and the one its targets use most (offered first)."""
        used: dict[str, collections.Counter[str]] = {}
        for scenario in self.catalogue.scenarios:
            for requirement in scenario.requirements:
                if requirement.target:
                    used.setdefault(requirement.target.metric, collections.Counter())[requirement.target.unit] += 1
        choices = []
        for key, metric in self.vocabularies.metrics.items():
            if key not in used:
                continue
            order = list(self.vocabularies.units)
            if metric.dimension in CONVERTIBLE:
                units = [unit for unit, entry in self.vocabularies.units.items() if entry.dimension == metric.dimension]
            else:
                units = sorted(used[key], key=order.index)
            default = max(used[key], key=lambda unit: (used[key][unit], -order.index(unit)))
            choices.append(MetricChoice(key, metric, tuple(units), default))
        return choices

    def charts(self) -> list[overview.Chart]:
        return overview.charts(self)

    def tile_map(self) -> overview.TileMap:
        return overview.tile_map(self)

    def requirements(self) -> list[Any]:
        return [r for scenario in self.catalogue.scenarios for r in scenario.requirements]

    def must(self, requirements: Iterable[Requirement]) -> int:
        """How many of `requirements` are musts."""
        return sum(1 for requirement in requirements if requirement.priority == "must")

    def with_provenance(self, provenance: str) -> int:
        return sum(1 for scenario in self.catalogue.scenarios if scenario.provenance == provenance)

    def target(self, target: Target) -> str:
        """'≤ 0.2 m', '≥ 90%', '≥ level 3' in the page's language."""
        unit = self.vocabularies.units[target.unit]
        symbol = {"<=": "≤", "<": "<", ">=": "≥", ">": ">", "=": "="}[target.op]
        return f"{symbol} {unit.format(target.value, self.language)}"

    def edit_url(self, scenario: Scenario) -> str:
        if self.settings.repository:
            base = self.settings.repository.rstrip("/")
            return f"{base}/edit/{self.settings.branch}/scenarios/{scenario.id}.yaml"
        return self.shared(f"scenarios/{scenario.id}.yaml")

    def count(self, vocabulary: str, key: str | int) -> int:
        return len(self.catalogue.by_key(vocabulary, key))


@dataclass(frozen=True)
class RequirementRow:
    """One row of the requirements explorer."""

    scenario: Scenario
    requirement: Requirement
    link: str  # to the scenario's page, from the explorer
    capabilities: str  # the scenario's capability keys, space-separated, for the filters
    source: int  # the number of the requirement's source in the scenario's list (from 1), or 0
    metric: str = ""  # the target's metric, named in the page's language ("" without a target)
    target: str = ""  # the target as shown, e.g. "≤ 0.2 m"
    base: str = ""  # the target's value in its metric's base unit, for the threshold filter
    basis: str = ""  # what a figure without a source rests on, as shown ("typical published value")


@dataclass(frozen=True)
class MetricChoice:
    """A metric the requirements explorer offers, with the units a value may be given in."""

    key: str
    metric: Metric
    units: tuple[str, ...]
    default_unit: str


@dataclass(frozen=True)
class Facet:
    """One filter of a table: its URL parameter, the row attribute it reads, its choices."""

    name: str
    attribute: str
    label: str
    values: list[tuple[str, str]]
    open: bool
    note: str = ""


@functools.lru_cache(maxsize=1 << 16)
def relative_url(source: str, target: str, directory_urls: bool) -> str:
    """The URL of docs file `target` relative to the page built from docs file `source`.

    Plain string work, remembered: every page links to many others, and posixpath.relpath (which
    asks the file system for the working directory) was a tenth of the generator's time.
    """
    up, down = _climb(_url(source, directory_urls), _url(target, directory_urls))  # a trailing "" stands for a folder URL
    return "../" * up + "/".join(down) or "./"


@functools.lru_cache(maxsize=1 << 16)
def _relative_path(source: str, target: str) -> str:
    """Docs file `target` relative to the folder of docs file `source`: "a/b.md", "c.md" -> "../c.md".
    String work, as in relative_url: posixpath.relpath asks the file system for the working folder."""
    up, down = _climb(source, target)
    return "/".join([".."] * up + down)


def _climb(source: str, target: str) -> tuple[int, list[str]]:
    """From the folder of path `source` to path `target`: how many folders up, then the parts down."""
    folder, parts = source.split("/")[:-1], target.split("/")
    common = 0
    while common < len(folder) and common < len(parts) - 1 and folder[common] == parts[common]:
        common += 1
    return len(folder) - common, parts[common:]


def _from_root(language: str, docs_path: str, directory_urls: bool) -> str:
    """Where a language's docs file is published, from the English site's root: zh/scenarios/x/."""
    return ("" if language == "en" else f"{language}/") + _url(docs_path, directory_urls)


def _url(path: str, directory_urls: bool) -> str:
    """Where MkDocs puts the page for a docs file: 'a/b.md' -> 'a/b/' (or 'a/b.html')."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


# ---------------------------------------------------------------------------------------------
# Template environment and filters


def web_address(url: str) -> str:
    """`{{ source.url|web_address }}`: a link to another site, only if it is an http(s) address
    (the validator requires one; this keeps any other scheme out of the page regardless)."""
    return url if re.match(r"https?://", url, re.IGNORECASE) else "#"


@jinja2.pass_context
def localised(context: jinja2.runtime.Context, text: Text) -> str:
    """`{{ scenario.title|loc }}`: a text in the page's language. A filter, not a function like
    t(), because Jinja calls filters directly: a tenth of a scenario page's rendering time."""
    return text.get(context["language"])


@functools.cache
def _environment() -> jinja2.Environment:
    """The templates: HTML, autoescaped, so that every value is text unless code marks it safe.
    Jinja notices an edited template (as under `mkdocs serve`) and compiles it again."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(prose=prose, loc=localised, web_address=web_address)
    return environment


_STRINGS = TEMPLATES / "strings.yaml"


def strings() -> dict[str, dict[str, str]]:
    """UI strings, {key: {en, zh}}; tests check that every key has both languages. Read again when
    the file changes, as templates are, so `mkdocs serve` shows an edited string."""
    return _strings(_STRINGS.stat().st_mtime_ns)


@functools.lru_cache(maxsize=2)
def _strings(version: int) -> dict[str, dict[str, str]]:
    with _STRINGS.open(encoding="utf-8") as file:
        loaded: dict[str, dict[str, str]] = yaml.load(file, Loader=Loader)
    for text in loaded.values():  # folded Chinese lines must not leave gaps between characters
        if "zh" in text:
            text["zh"] = close_gaps(text["zh"])
    return loaded
