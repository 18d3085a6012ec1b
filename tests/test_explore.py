"""Finding and taking away, in a real browser: catalogue filters and their URL state, the
requirements explorer's threshold, the language switch keeping a filter, export and feed links,
and a scenario page printed to PDF.

Expected rows are computed from the scenario data, so the tests follow the catalogue as it grows.
"""

from __future__ import annotations

import io
import re
import typing
import unicodedata
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from generator.model import CITYWIDE, Catalogue, Requirement, Scenario, Status
from generator.render import REQUIREMENTS_PER_PAGE, SCENARIOS_PER_PAGE

pytestmark = pytest.mark.browser

WANZHOU = 500101


def every_page(page: Page) -> None:
    """Show every matching row: the script writes them a page at a time, behind "Show more"."""
    more = page.locator("[data-show-more] button")
    while more.count() and more.is_visible():
        more.click()


def shown_scenarios(page: Page) -> list[str]:
    """Ids of the catalogue rows that match, in table order."""
    every_page(page)
    links = page.locator("table[data-filter-table] tbody tr:visible td:first-child a")
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in links.evaluate_all("links => links.map(a => a.href)")]


def shown_requirements(page: Page) -> set[tuple[str, str]]:
    """(scenario id, requirement id) of the explorer rows that match."""
    every_page(page)
    hrefs = page.locator("table[data-filter-table] tbody tr:visible td:first-child a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    rows = set()
    for href in hrefs:
        path, _, requirement = href.partition("#")
        rows.add((path.rstrip("/").rsplit("/", 1)[-1], requirement))
    return rows


def ids(catalogue: Catalogue, keep: Callable[[Scenario], bool]) -> set[str]:
    return {s.id for s in catalogue.scenarios if keep(s)}


def requirements(catalogue: Catalogue, keep: Callable[[Scenario, Requirement], bool]) -> set[tuple[str, str]]:
    return {(s.id, r.id) for s in catalogue.scenarios for r in s.requirements if keep(s, r)}


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_catalogue_filters_combine_with_and_and_count_each_value(catalogue: Catalogue, page: Page, served: str) -> None:
    page.goto(f"{served}/catalogue/")
    assert set(shown_scenarios(page)) == ids(catalogue, lambda s: True)

    page.locator("input[name=domain][value=forestry]").check()
    forestry = ids(catalogue, lambda s: s.domain == "forestry")
    assert set(shown_scenarios(page)) == forestry and forestry
    assert query(page) == {"domain": ["forestry"]}
    summary = page.locator("[data-summary]")
    assert summary.text_content() == f"Showing {len(forestry)} of {len(catalogue.scenarios)} scenarios"

    # Counts: how many rows each value would show, given the other facets' choices.
    remote_sensing = page.locator("input[name=capability][value=remote-sensing]").locator("..")
    expected = len(ids(catalogue, lambda s: s.domain == "forestry" and "remote-sensing" in s.capabilities))
    assert remote_sensing.locator("[data-count]").text_content() == f"({expected})"
    energy = page.locator("input[name=domain][value=energy]").locator("..")
    assert energy.locator("[data-count]").text_content() == f"({len(ids(catalogue, lambda s: s.domain == 'energy'))})"
    page.goto(f"{served}/zh/catalogue/?domain=forestry")  # in Chinese, in full-width brackets, as 筛选（1）
    sensing = page.locator("input[name=capability][value=remote-sensing]").locator("..").locator("[data-count]")
    assert sensing.text_content() == f"（{expected}）"
    page.goto(f"{served}/catalogue/?domain=forestry")

    # Within a facet values combine with OR; across facets with AND.
    page.locator("input[name=domain][value=energy]").check()
    page.locator("summary", has_text="District or county").click()
    page.locator(f"input[name=district][value='{WANZHOU}']").check()
    expected_ids = ids(
        catalogue,
        lambda s: s.domain in ("forestry", "energy") and (WANZHOU in s.locations.codes or CITYWIDE in s.locations.codes),
    )
    assert set(shown_scenarios(page)) == expected_ids
    assert query(page) == {"domain": ["forestry", "energy"], "district": [str(WANZHOU)]}


def test_a_filtered_view_can_be_shared_by_its_address(catalogue: Catalogue, page: Page, served: str) -> None:
    page.goto(f"{served}/catalogue/?domain=natural-resources&status=reconstructed")
    expected = ids(catalogue, lambda s: s.domain == "natural-resources" and s.status == "reconstructed")
    assert set(shown_scenarios(page)) == expected and expected
    assert page.locator("input[name=domain][value=natural-resources]").is_checked()
    assert page.locator("input[name=status][value=reconstructed]").is_checked()

    page.locator("[data-filters] button[type=reset]").click()
    page.wait_for_function("() => location.search === ''")
    assert len(shown_scenarios(page)) == len(catalogue.scenarios)


def matching_nothing(catalogue: Catalogue) -> dict[str, str]:
    """A query for the catalogue and one for the explorer that each match no row."""
    taken = {(s.domain, s.status) for s in catalogue.scenarios}
    domain, status = next((d, s) for d in catalogue.vocabularies.domains for s in typing.get_args(Status) if (d, s) not in taken)
    held = {(s.domain, c) for s in catalogue.scenarios for c in s.capabilities}
    other, capability = next(
        (d, c) for d in catalogue.vocabularies.domains for c in catalogue.vocabularies.capabilities if (d, c) not in held
    )
    return {"catalogue/": f"domain={domain}&status={status}", "requirements/": f"domain={other}&capability={capability}"}


@pytest.mark.parametrize("width", [390, 1280], ids=["390px", "1280px"])
@pytest.mark.parametrize(("prefix", "locale"), [("", "en-US"), ("zh/", "zh-CN")], ids=["en", "zh"])
def test_a_filter_that_matches_nothing_says_so_on_screen_and_on_paper(
    catalogue: Catalogue, browser: Browser, served: str, prefix: str, locale: str, width: int
) -> None:
    """No empty table and no compare bar: the screen and the printout give the message instead, the printout the filters too."""
    context = browser.new_context(viewport={"width": width, "height": 844}, locale=locale)
    page = context.new_page()
    for path, filters in matching_nothing(catalogue).items():
        page.goto(f"{served}/{prefix}{path}?{filters}")
        assert shown_scenarios(page) == [], path
        table, empty = page.locator("table[data-filter-table]"), page.locator("[data-filter-empty]")
        headings = "".join(table.locator("thead th").all_text_contents())
        assert empty.is_visible() and not table.is_visible(), path
        assert not page.locator(".compare-pick").is_visible(), path  # no row to tick
        page.emulate_media(media="print")
        assert empty.is_visible() and not table.is_visible(), path
        said = page.locator("[data-print-filters]")
        assert said.is_visible() and said.text_content()
        text = "".join(pdf_text(page, format="A4")).replace(" ", "")
        for shown in (said.text_content() or "", empty.text_content() or ""):
            assert unicodedata.normalize("NFKC", shown).replace(" ", "") in text, path
        assert headings not in text, path
        page.emulate_media(media="screen")
    context.close()


def test_back_and_forward_step_through_the_choices(catalogue: Catalogue, page: Page, served: str) -> None:
    page.goto(f"{served}/catalogue/")
    page.locator("input[name=domain][value=forestry]").check()
    page.locator("input[name=domain][value=energy]").check()
    both = ids(catalogue, lambda s: s.domain in ("forestry", "energy"))
    assert set(shown_scenarios(page)) == both
    page.go_back()
    page.wait_for_function("() => location.search === '?domain=forestry'")
    assert set(shown_scenarios(page)) == ids(catalogue, lambda s: s.domain == "forestry")
    assert not page.locator("input[name=domain][value=energy]").is_checked()
    page.go_forward()
    page.wait_for_function("() => location.search === '?domain=forestry&domain=energy'")
    assert set(shown_scenarios(page)) == both


def test_the_filters_work_from_the_keyboard_and_show_focus(catalogue: Catalogue, page: Page, served: str) -> None:
    page.goto(f"{served}/catalogue/")
    box = page.locator("input[name=domain][value=forestry]")
    box.focus()
    page.keyboard.press("Space")
    assert set(shown_scenarios(page)) == ids(catalogue, lambda s: s.domain == "forestry")
    page.keyboard.press("Tab")  # to the next domain, reached by keyboard: the focus must show
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert page.evaluate("() => document.activeElement.name") == "domain"
    assert outline not in ("none", "")


@pytest.mark.parametrize("path", ["catalogue/", "requirements/", "stats/", "scenarios/yangtze-jialing-beidou-navigation/"])
def test_pages_fit_a_phone(browser: Browser, served: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(f"{served}/{path}")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
    context.close()


def test_without_javascript_the_full_list_shows_a_page_at_a_time(catalogue: Catalogue, browser: Browser, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served}/catalogue/?domain=forestry")
    assert len(shown_scenarios(page)) == min(len(catalogue.scenarios), SCENARIOS_PER_PAGE)
    assert not page.locator("[data-filters]").is_visible()
    page.goto(f"{served}/requirements/")
    total = sum(len(s.requirements) for s in catalogue.scenarios)
    assert len(shown_requirements(page)) == min(total, REQUIREMENTS_PER_PAGE)
    context.close()


def test_a_printed_filtered_view_says_what_it_shows(catalogue: Catalogue, page: Page, served: str) -> None:
    page.goto(f"{served}/catalogue/?domain=forestry")
    forestry = ids(catalogue, lambda s: s.domain == "forestry")
    text = " ".join(pdf_text(page, format="A4"))
    count = f"Showing {len(forestry)} of {len(catalogue.scenarios)} scenarios"
    assert f"Filters: Domain: Forestry. {count}" in text
    assert text.count(count) == 1  # the filters' line leaves the count to the table's caption below it
    assert f"This page: {served}/catalogue/?domain=forestry" in text


def test_explorer_facets_filter_by_capability_and_priority(catalogue: Catalogue, page: Page, served: str) -> None:
    page.goto(f"{served}/requirements/?capability=satellite-communication&priority=must")
    expected = requirements(catalogue, lambda s, r: "satellite-communication" in s.capabilities and r.priority == "must")
    assert shown_requirements(page) == expected and expected


def test_language_switch_keeps_the_filter(catalogue: Catalogue, page: Page, served: str) -> None:
    page.goto(f"{served}/catalogue/")
    page.locator("input[name=domain][value=forestry]").check()
    page.locator(".md-header__option .md-select > button").hover()
    page.locator("a[data-language-switch=zh]").click()
    page.wait_for_url(f"{served}/zh/catalogue/?domain=forestry")
    forestry = ids(catalogue, lambda s: s.domain == "forestry")
    assert set(shown_scenarios(page)) == forestry
    assert page.locator("[data-summary]").text_content() == f"显示{len(catalogue.scenarios)}个场景中的{len(forestry)}个"


@pytest.mark.parametrize("prefix", ["", "zh/"], ids=["en", "zh"])
def test_export_and_feed_links_resolve(catalogue: Catalogue, page: Page, served: str, prefix: str) -> None:
    page.goto(f"{served}/{prefix}data/")
    hrefs = page.locator("article a[href]").evaluate_all("links => links.map(a => a.href)")
    own = [href for href in hrefs if href.startswith(served) and "#" not in href]
    names = {urlsplit(href).path for href in own}
    assert {"/catalogue.json", "/catalogue.csv", f"/{prefix}feed.xml", "/schema/catalogue.schema.json"} <= names
    for href in own:
        response = page.request.get(href)
        assert response.status == 200, href
    feed = page.locator("link[rel=alternate][type='application/atom+xml']").get_attribute("href")
    assert feed is not None and page.request.get(f"{served}/{prefix}{feed.removeprefix('./')}").status == 200

    page.goto(f"{served}/{prefix}scenarios/{catalogue.scenarios[0].id}/")
    for label in ("JSON", "YAML"):
        link = page.locator(f"a[href$='.{label.lower()}']").first
        assert page.request.get(str(link.evaluate("a => a.href"))).status == 200


def pdf_text(page: Page, **options: object) -> list[str]:
    """The page printed by Chromium to PDF, as the text of each printed page."""
    data = page.pdf(**options)  # type: ignore[arg-type]
    # NFKC undoes what PDF text extraction does to ligatures (ﬁ) and to CJK (Kangxi radical forms).
    sheets = PdfReader(io.BytesIO(data)).pages
    return [" ".join(unicodedata.normalize("NFKC", sheet.extract_text() or "").split()) for sheet in sheets]


def test_a_printed_scenario_is_a_clean_requirement_sheet(catalogue: Catalogue, page: Page, served: str) -> None:
    scenario = max(catalogue.scenarios, key=lambda s: len(s.requirements))
    page.goto(f"{served}/scenarios/{scenario.id}/")
    assert page.locator("button[data-print]").is_visible()
    sheets = pdf_text(page, format="A5")  # small paper, so the requirements table spans pages
    text = " ".join(sheets)

    assert scenario.title.en in text
    # On A5 a long address wraps after one of its hyphens, which the PDF's text reads as a space.
    assert f"This page: {served}/scenarios/{scenario.id}/" in re.sub(r"(?<=-) (?=\S)", "", text)
    for absent in ("Requirements explorer", "Search", "Edit this scenario", "Print or save as PDF", "Made with"):
        assert absent not in text, absent
    # Every row on one sheet, whole; the table's header repeated on every sheet it reaches.
    sheets_with_rows = []
    for requirement in scenario.requirements:
        words = [word for word in re.split(r"[\s\-]+", requirement.text.en) if word]  # a line may break after a hyphen
        holding = [i for i, sheet in enumerate(sheets) if all(word in sheet for word in words)]
        assert holding, f"{requirement.id} is not printed whole on one sheet"
        sheets_with_rows.append(holding[0])
    assert len(set(sheets_with_rows)) > 1, "the table should span sheets on A5 paper"
    for index in set(sheets_with_rows):
        assert re.search(r"ID Priority Kind Requirement Measurable target", sheets[index]), f"no header on sheet {index + 1}"


def test_a_printed_chinese_scenario_keeps_its_text(catalogue: Catalogue, page: Page, served: str) -> None:
    scenario = catalogue.scenarios[0]
    page.goto(f"{served}/zh/scenarios/{scenario.id}/")
    text = "".join(pdf_text(page, format="A4")).replace(" ", "")
    assert scenario.title.zh.replace(" ", "") in text
    # "页" may come out of the PDF as the radical "⻚", which NFKC leaves alone
    assert f"地址:{served}/zh/scenarios/{scenario.id}/" in text
