"""Listings that stay small: on a synthetic catalogue of more than a page of scenarios, the
catalogue, the requirements explorer and a group page hold one page of rows in their HTML, with
static next pages that work without script; with script the first page filters every row from
its data file (counts, "Show more", the address, the language switch), from file:// too.

The synthetic catalogue clones the real scenarios (tests/projects.py); expected rows are computed
from its data.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request

from generator.addresses import Settings
from generator.build import check, sites
from generator.model import CITYWIDE, Catalogue, Scenario
from generator.render import REQUIREMENTS_PER_PAGE, SCENARIOS_PER_PAGE
from tests.conftest import ROOT, build_site
from tests.localhost import serving
from tests.projects import synthetic_project

pytestmark = [pytest.mark.browser, pytest.mark.site]

SIZE = 120  # more than two pages of scenarios
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalogue]:
    """Our project with SIZE cloned scenarios, built for a web server and for file://."""
    tmp = tmp_path_factory.mktemp("listings")
    project = tmp / "project"
    synthetic_project(project, SIZE)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    build_site(project, tmp / "site")
    build_site(project, tmp / "offline", offline=True)
    return tmp, check(project).catalogue


@pytest.fixture(scope="module")
def catalogue(synthetic: tuple[Path, Catalogue]) -> Catalogue:
    return synthetic[1]


@pytest.fixture(scope="module")
def url(synthetic: tuple[Path, Catalogue]) -> Iterator[str]:
    with serving(synthetic[0] / "site") as address:
        yield address


def in_table_order(catalogue: Catalogue) -> list[Scenario]:
    order = list(catalogue.vocabularies.domains)
    return sorted(catalogue.scenarios, key=lambda s: (order.index(s.domain), s.id))


def listed(page: Page) -> list[str]:
    """Hrefs of the rows the listing shows, as the browser resolves them."""
    links = page.locator("table[data-filter-table] tbody tr:visible td:first-child a")
    return list(links.evaluate_all("links => links.map(a => a.href)"))


def listed_ids(page: Page) -> list[str]:
    return [href.split("#")[0].rstrip("/").removesuffix(".html").rsplit("/", 1)[-1] for href in listed(page)]


def show_all(page: Page) -> None:
    more = page.locator("[data-show-more] button")
    while more.is_visible():
        more.click()


def test_the_data_files_are_deterministic(synthetic: tuple[Path, Catalogue]) -> None:
    project = synthetic[0] / "project"
    first, again = (sites(project, Settings(), ("en", "zh"))[1] for _ in range(2))
    for language in ("en", "zh"):
        for name in ("catalogue/data.js", "requirements/data.js"):
            assert first[language].files[name] == again[language].files[name]


def test_no_listing_page_holds_more_than_a_page_of_rows(synthetic: tuple[Path, Catalogue], catalogue: Catalogue) -> None:
    site = synthetic[0] / "site"
    requirements = sum(len(s.requirements) for s in catalogue.scenarios)
    for folder, size, total in (("catalogue", SCENARIOS_PER_PAGE, SIZE), ("requirements", REQUIREMENTS_PER_PAGE, requirements)):
        pages = -(-total // size)
        counts = []
        for number in range(1, pages + 1):
            html = (site / folder / ("" if number == 1 else f"{number}/") / "index.html").read_text(encoding="utf-8")
            body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
            counts.append(body.count("<tr>") + body.count("<tr "))
            assert ('rel="next"' in html) == (number < pages) and ('rel="prev"' in html) == (number > 1)
            assert f"<span data-print-url>/{folder}/{'' if number == 1 else f'{number}/'}</span>" in html
        assert counts == [size] * (pages - 1) + [total - size * (pages - 1)], folder
        assert not (site / folder / f"{pages + 1}").exists()
    navigation = catalogue.by_key("capabilities", "satellite-navigation")
    assert len(navigation) > SCENARIOS_PER_PAGE  # so its group page has a next page
    assert (site / "capabilities" / "satellite-navigation" / "2" / "index.html").is_file()
    assert (site / "zh" / "capabilities" / "satellite-navigation" / "2" / "index.html").is_file()


def test_the_first_page_and_the_next_ones_work_without_script(browser: Browser, url: str, catalogue: Catalogue) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    order = [s.id for s in in_table_order(catalogue)]
    for prefix, next_word, title in (
        ("", "Next →", "Scenario catalogue, page 2 of 3"),
        ("zh/", "下一页 →", "场景目录（第2页，共3页）"),
    ):
        page.goto(f"{url}/{prefix}catalogue/")
        assert listed_ids(page) == order[:SCENARIOS_PER_PAGE]
        assert not page.locator("[data-filters]").is_visible()
        page.get_by_role("link", name=next_word).click()
        page.wait_for_url(f"{url}/{prefix}catalogue/2/")
        heading = "h => [...h.childNodes].filter(n => n.nodeName !== 'A').map(n => n.textContent).join('').trim()"
        assert page.locator("h1").evaluate(heading) == title  # without its permanent link
        assert listed_ids(page) == order[SCENARIOS_PER_PAGE : 2 * SCENARIOS_PER_PAGE]
        assert page.locator("a[rel=prev]").get_attribute("href") == "../"
        assert page.locator(".pager a[aria-current=page]").text_content() == "2"
        for href in listed(page):  # the links of a next page lead to the scenarios
            assert page.request.get(href).status == 200
    page.goto(f"{url}/capabilities/satellite-navigation/2/")
    navigation = [s.id for s in in_table_order(catalogue) if "satellite-navigation" in s.capabilities]
    assert listed_ids(page) == navigation[SCENARIOS_PER_PAGE : 2 * SCENARIOS_PER_PAGE]
    # "+9 more" opens to every name, without script
    more = page.locator("details.places-more").first
    if more.count():
        more.locator("summary").click()
        assert more.evaluate("d => d.open")
    context.close()


def test_script_rows_are_the_rows_the_page_was_built_with(browser: Browser, url: str) -> None:
    """The script writes the first page's rows again from the data: the same markup, labels
    included, but for the boxes that tick a scenario to compare, which only a script can use."""
    for path in ("catalogue/", "zh/catalogue/", "requirements/", "zh/requirements/"):
        bodies, ticks = [], []
        for script in (False, True):
            context = browser.new_context(java_script_enabled=script)
            page = context.new_page()
            page.goto(f"{url}/{path}")
            body = page.locator("table[data-filter-table] tbody")
            ticks.append(body.locator("input.compare-pick__box").count())
            bodies.append(
                body.evaluate(
                    """b => { const copy = b.cloneNode(true);
                    copy.querySelectorAll("input.compare-pick__box").forEach(box => box.remove());
                    return copy.innerHTML.replace(/>\\s+</g, '><').trim(); }"""
                )
            )
            context.close()
        assert bodies[0] == bodies[1], path
        assert 'data-label="' in bodies[0]
        assert ticks == [0, SCENARIOS_PER_PAGE if path.endswith("catalogue/") else 0], path


def test_filters_work_over_every_row_with_counts(page: Page, url: str, catalogue: Catalogue) -> None:
    page.goto(f"{url}/catalogue/")
    assert len(listed(page)) == SCENARIOS_PER_PAGE
    assert not page.locator("[data-pager]").is_visible()  # the script lists every row itself
    assert page.locator("[data-show-more] button").text_content() == f"Show {SCENARIOS_PER_PAGE} more"
    show_all(page)
    assert listed_ids(page) == [s.id for s in in_table_order(catalogue)]

    navigation = [s.id for s in in_table_order(catalogue) if "satellite-navigation" in s.capabilities]
    page.locator("input[name=capability][value=satellite-navigation]").check()
    assert len(listed(page)) == SCENARIOS_PER_PAGE < len(navigation)  # back to the first page of matches
    show_all(page)
    assert listed_ids(page) == navigation
    assert page.locator("[data-summary]").text_content() == f"Showing {len(navigation)} of {SIZE} scenarios"
    # counts over every row, given the other facets' choices
    for domain in catalogue.vocabularies.domains:
        expected = sum(1 for s in catalogue.scenarios if s.domain == domain and "satellite-navigation" in s.capabilities)
        count = page.locator(f"input[name=domain][value={domain}]").locator("..").locator("[data-count]")
        assert count.text_content() == f"({expected})", domain
    # a district counts the citywide scenarios too
    wanzhou = [s for s in catalogue.scenarios if {500101, CITYWIDE} & set(s.locations.codes)]
    count = page.locator("input[name=district][value='500101']").locator("..").locator("[data-count]")
    assert count.text_content() == f"({sum('satellite-navigation' in s.capabilities for s in wanzhou)})"
    page.locator("input[name=capability][value=satellite-navigation]").uncheck()
    assert count.text_content() == f"({len(wanzhou)})"


def test_the_address_keeps_the_filters_back_forward_and_across_languages(page: Page, url: str, catalogue: Catalogue) -> None:
    page.goto(f"{url}/catalogue/?domain=natural-resources")
    natural = [s.id for s in in_table_order(catalogue) if s.domain == "natural-resources"]
    assert listed_ids(page) == natural
    page.locator("input[name=domain][value=transport]").check()
    assert parse_qs(urlsplit(page.url).query) == {"domain": ["natural-resources", "transport"]}
    page.go_back()
    page.wait_for_function("() => location.search === '?domain=natural-resources'")
    assert listed_ids(page) == natural
    page.locator(".md-header__option .md-select > button").hover()
    page.locator("a[data-language-switch=zh]").click()
    page.wait_for_url(f"{url}/zh/catalogue/?domain=natural-resources")
    assert listed_ids(page) == natural
    assert page.locator("input[name=domain][value=natural-resources]").is_checked()


def test_a_product_profile_judges_every_requirement(page: Page, url: str, catalogue: Catalogue) -> None:
    page.goto(f"{url}/requirements/?p=horizontal-accuracy:2:m&verdict=meets")
    show_all(page)
    vocabularies = catalogue.vocabularies
    expected = set()
    for s in in_table_order(catalogue):
        for r in s.requirements:
            if r.target and r.target.metric == "horizontal-accuracy":
                base = vocabularies.in_base_unit(r.target)
                if {"<=": base >= 2, "<": base > 2, ">=": base <= 2, ">": base < 2, "=": base == 2}[r.target.op]:
                    expected.add(f"{s.id}#{r.id}")
    got = [href.split("/scenarios/", 1)[1].replace("/#", "#") for href in listed(page)]
    assert len(got) == len(expected) and set(got) == expected and expected


def test_a_briefing_pack_is_offered_only_for_as_many_scenarios_as_it_holds(page: Page, url: str) -> None:
    page.goto(f"{url}/requirements/")  # every scenario: more than a pack holds, so it says so instead of linking
    assert page.locator("[data-briefing] a").count() == 0
    assert "up to 50 scenarios" in (page.locator("[data-briefing]").text_content() or "")
    page.goto(f"{url}/catalogue/?domain=forestry")
    forestry = page.locator("[data-briefing] a").get_attribute("href") or ""
    assert forestry.startswith("../briefing/?from=catalogue&s=") and forestry.endswith("&domain=forestry")
    assert forestry.count("&s=") == len(listed_ids(page)) <= 50


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_scenarios_listed_download_as_csv_every_one_not_only_the_first_page(
    page: Page, url: str, catalogue: Catalogue, language: str
) -> None:
    """A filtered catalogue is taken away as it is listed: a row per scenario, every match (more
    than a page holds), names in the page's language, each with its page's address."""
    prefix = "" if language == "en" else "zh/"
    page.goto(f"{url}/{prefix}catalogue/?capability=satellite-navigation")
    matches = [s for s in in_table_order(catalogue) if "satellite-navigation" in s.capabilities]
    assert len(matches) > SCENARIOS_PER_PAGE
    button = page.locator("[data-scenarios-csv] button")
    assert (
        button.text_content()
        == {"en": f"Download these {len(matches)} scenarios (CSV)", "zh": f"下载这{len(matches)}个场景的列表（CSV）"}[language]
    )
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == {"en": "scenarios.csv", "zh": "场景列表.csv"}[language]
    text = Path(download.value.path()).read_bytes().decode("utf-8")
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    header, *rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert header[0] == {"en": "scenario_id", "zh": "场景编号"}[language] and len(header) == 8
    assert [row[0] for row in rows] == [s.id for s in matches]
    for s, row in zip(matches, rows, strict=True):
        domain = catalogue.vocabularies.domains[s.domain].name.get(language)
        assert row[1:3] == [s.title.get(language), domain] and all(row), row
        assert row[7] == f"{url}/{prefix}scenarios/{s.id}/"
    page.locator("input[name=domain][value=forestry]").check()  # one match, or none: said so
    forestry = [s for s in matches if s.domain == "forestry"]
    assert page.locator("[data-scenarios-csv]").is_visible() == bool(forestry)


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_on_a_phone_the_filters_fold_behind_one_control(browser: Browser, url: str, locale: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale)
    page = context.new_page()
    prefix = "zh/" if locale == "zh-CN" else ""
    page.goto(f"{url}/{prefix}catalogue/?domain=forestry&status=reconstructed")
    toggle = page.locator("details.filters__toggle > summary")
    assert toggle.text_content() == ("Filters (2)" if prefix == "" else "筛选（2）")
    assert not page.locator("input[name=domain]").first.is_visible()
    toggle.click()
    assert page.locator("input[name=domain][value=forestry]").is_visible()
    # The explorer's lead sends its reader to "Your product", folded in the same control: it says so
    page.goto(f"{url}/{prefix}requirements/?priority=must&p=horizontal-accuracy:1:m")
    expected = "Filters and your product (2)" if prefix == "" else "筛选与产品参数（2）"
    assert page.locator("details.filters__toggle > summary").text_content() == expected
    context.close()
    wide = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    page = wide.new_page()
    page.goto(f"{url}/{prefix}catalogue/")
    assert page.locator("input[name=domain]").first.is_visible()
    assert not page.locator("details.filters__toggle > summary").is_visible()
    wide.close()


def test_from_file_the_data_loads_and_nothing_leaves(page: Page, synthetic: tuple[Path, Catalogue], catalogue: Catalogue) -> None:
    elsewhere: list[str] = []

    def on_request(request: Request) -> None:
        if not request.url.startswith(("file:", "data:", "blob:")):
            elsewhere.append(request.url)

    page.on("request", on_request)
    offline = synthetic[0] / "offline"
    for prefix in ("", "zh/"):
        page.goto((offline / prefix / "catalogue.html").as_uri() + "?capability=remote-sensing")
        show_all(page)
        expected = [s.id for s in in_table_order(catalogue) if "remote-sensing" in s.capabilities]
        assert listed_ids(page) == expected and len(expected) > SCENARIOS_PER_PAGE
        assert listed(page)[0].startswith((offline / prefix / "scenarios").as_uri())
        page.goto((offline / prefix / "catalogue" / "2.html").as_uri())
        assert len(listed(page)) == SCENARIOS_PER_PAGE
    assert elsewhere == []


@pytest.mark.parametrize("prefix", ["", "zh/"], ids=["en", "zh"])
@pytest.mark.parametrize(
    "path", ["catalogue/2/", "requirements/2/", "capabilities/satellite-navigation/2/", "phone:catalogue/?domain=forestry"]
)
def test_axe_finds_no_violation_on_next_pages_and_folded_filters(browser: Browser, url: str, prefix: str, path: str) -> None:
    phone = path.startswith("phone:")
    context = browser.new_context(viewport={"width": 390, "height": 844} if phone else {"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{url}/{prefix}{path.removeprefix('phone:')}", wait_until="networkidle")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(
            v => `${v.id} (${v.impact}): ${v.nodes.length} node(s), first ${v.nodes[0].target.join(" ")}: ${v.help}`)"""
    )
    context.close()
    assert violations == []
