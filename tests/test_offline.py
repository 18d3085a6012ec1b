"""The offline bundle: both languages in one zip that works opened from file:// with no network,
search included, and the same bytes for the same site."""

from __future__ import annotations

import collections
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Request

from generator.bundle import bundle
from generator.model import Catalogue
from tests.browser import heading, search
from tests.conftest import build_site, site_project
from tests.helpers import compared, verdict_of

pytestmark = [pytest.mark.browser, pytest.mark.site]

FOLDER = "chongqing-aerospace-scenarios-offline"
ROOTED = re.compile(r"""(?:href|src)\s*=\s*["']?(/[^"'\s>]*)""")


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalogue built for file://, zipped as `make offline` does, then unzipped."""
    tmp = tmp_path_factory.mktemp("offline")
    site = build_site(site_project(tmp / "project"), tmp / "site", offline=True)
    archive = tmp / "bundle.zip"
    bundle(site, archive, FOLDER)
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(tmp / "unzipped")
    return tmp / "unzipped" / FOLDER


def requests_elsewhere(page: Page) -> list[str]:
    """The addresses `page` asks for from then on that are not the bundle's own files (nor made in the page)."""
    elsewhere: list[str] = []

    def on_request(request: Request) -> None:
        if not request.url.startswith(("file:", "data:", "blob:")):
            elsewhere.append(request.url)

    page.on("request", on_request)
    return elsewhere


def test_the_bundle_holds_both_languages_and_no_remote_script(catalogue: Catalogue, unzipped: Path) -> None:
    assert (unzipped / "README.txt").is_file()
    for prefix in ("", "zh/"):
        assert (unzipped / prefix / "index.html").is_file()
        assert (unzipped / prefix / "search" / "search_index.js").is_file()
        assert (unzipped / prefix / "assets" / "catalogue" / "iframe-worker-shim.js").is_file()
        for scenario in catalogue.scenarios:
            assert (unzipped / prefix / "scenarios" / f"{scenario.id}.html").is_file()
    html = (unzipped / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and 'src="assets/catalogue/iframe-worker-shim.js"' in html


def test_no_page_of_the_bundle_links_from_a_server_root(unzipped: Path) -> None:
    """From file:// an address from the root ('/assets/…') is the disk's: the 404 page, which only
    a web server shows, was built with such links and shipped."""
    pages = sorted(unzipped.rglob("*.html"))
    rooted = [
        f"{page.relative_to(unzipped)}: {link}" for page in pages for link in ROOTED.findall(page.read_text(encoding="utf-8"))
    ]
    assert len(pages) > 2 and rooted == []


def test_read_from_file_with_search_filters_and_language_switch(catalogue: Catalogue, page: Page, unzipped: Path) -> None:
    elsewhere = requests_elsewhere(page)
    page.goto((unzipped / "index.html").as_uri())
    assert search(page, "occultation")[0].endswith("/scenarios/tianmu-nowcasting.html")
    page.goto((unzipped / "zh" / "index.html").as_uri())
    assert search(page, "危岩体")[0].endswith("/zh/scenarios/yangtze-dangerous-rock-mass.html")

    page.goto((unzipped / "catalogue.html").as_uri() + "?domain=forestry")
    forestry = sum(s.domain == "forestry" for s in catalogue.scenarios)
    assert page.locator("table[data-filter-table] tbody tr:visible").count() == forestry

    scenario = catalogue.scenarios[0]
    page.goto((unzipped / "scenarios" / f"{scenario.id}.html").as_uri())
    page.locator(".md-header__option .md-select > button").hover()
    page.locator("a[data-language-switch=zh]").click()
    page.wait_for_url((unzipped / "zh" / "scenarios" / f"{scenario.id}.html").as_uri())
    assert heading(page) == scenario.title.zh
    assert elsewhere == []


def test_from_file_a_product_profile_judges_the_requirements(catalogue: Catalogue, page: Page, unzipped: Path) -> None:
    elsewhere = requests_elsewhere(page)
    for prefix in ("", "zh/"):
        page.goto((unzipped / prefix / "requirements.html").as_uri() + "?p=horizontal-accuracy:100:cm")
        assert page.locator("#profile-horizontal-accuracy").input_value() == "100"
        profile = {"horizontal-accuracy": 1.0}
        expected = collections.Counter(verdict_of(catalogue, r, profile) for s in catalogue.scenarios for r in s.requirements)
        while page.locator("[data-show-more] button").is_visible():
            page.locator("[data-show-more] button").click()
        shown = page.locator("table[data-filter-table] .verdict").evaluate_all(
            "cells => cells.map(c => c.className.split('--')[1])"
        )
        assert collections.Counter(shown) == expected
        assert page.locator("tr.fit").count() == len(catalogue.scenarios)
    assert elsewhere == []


def test_from_file_the_briefing_pack_is_written_with_its_links(catalogue: Catalogue, page: Page, unzipped: Path) -> None:
    elsewhere = requests_elsewhere(page)
    chosen = catalogue.scenarios[:2]
    query = "?from=compare&" + "&".join(f"s={scenario.id}" for scenario in chosen)
    page.goto((unzipped / "zh" / "briefing.html").as_uri() + query)
    sheets = page.locator(".briefing-sheet h2 a")
    assert sheets.all_inner_texts() == [scenario.title.zh for scenario in chosen]
    links = sheets.evaluate_all("links => links.map(a => a.href)")
    assert links == [(unzipped / "zh" / "scenarios" / f"{scenario.id}.html").as_uri() for scenario in chosen]
    assert page.locator("img").count() == 0  # no site address in the bundle: no QR code, no broken image
    assert elsewhere == []


def test_same_site_same_archive(tmp_path: Path, unzipped: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(unzipped, site, ignore=shutil.ignore_patterns("README.txt"))
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    bundle(site, first, FOLDER)
    (site / "index.html").touch()  # a newer time stamp changes nothing
    bundle(site, second, FOLDER)
    assert first.read_bytes() == second.read_bytes()
    assert first.stat().st_mode & 0o777 == 0o644  # readable by whoever it is passed to
    with zipfile.ZipFile(first) as opened:
        names = opened.namelist()
    assert names == [names[0], *sorted(names[1:])] and names[0] == f"{FOLDER}/README.txt"


def test_a_folder_without_a_site_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="holds no built site"):
        bundle(tmp_path, tmp_path / "out.zip", FOLDER)
    assert not (tmp_path / "out.zip").exists()


@pytest.mark.parametrize("width", [390, 1280])
def test_from_file_a_chinese_browser_gets_chinese_and_nothing_loops(
    browser: Browser, catalogue: Catalogue, unzipped: Path, width: int
) -> None:
    """The language choice works from file://: the counterpart's path is relative, as the switch's."""
    loads: list[str] = []

    def loaded(tab: Page) -> None:
        loads.append(tab.url)  # a loop would go on loading

    for locale, opened, lands in (
        ("zh-CN", "index.html", "zh/index.html"),
        ("en-US", "index.html", "index.html"),
        ("zh-CN", "zh/index.html", "zh/index.html"),
    ):
        context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
        page = context.new_page()
        loads.clear()
        page.on("load", loaded)
        page.goto((unzipped / opened).as_uri() + "?domain=forestry")
        page.wait_for_timeout(500)
        assert page.url == (unzipped / lands).as_uri() + "?domain=forestry"
        assert len(loads) == 1, loads
        context.close()
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto((unzipped / "zh" / "scenarios" / f"{catalogue.scenarios[0].id}.html").as_uri())
    page.locator(".md-header__option .md-select > button").hover()
    page.locator("a[data-language-switch=en]").click()
    page.wait_for_url((unzipped / "scenarios" / f"{catalogue.scenarios[0].id}.html").as_uri())
    page.goto((unzipped / "index.html").as_uri())
    page.wait_for_timeout(500)
    assert page.url == (unzipped / "index.html").as_uri()  # the choice of English wins from file:// too
    context.close()


def test_a_comparison_from_file(catalogue: Catalogue, page: Page, unzipped: Path) -> None:
    """The comparison reads its data with <script src>, which file:// allows, and links to the bundle's pages."""
    elsewhere = requests_elsewhere(page)
    metric, ids = compared(catalogue)
    query = "&".join(f"s={scenario_id}" for scenario_id in ids)
    for prefix in ("", "zh/"):
        page.goto((unzipped / prefix / "compare.html").as_uri() + "?" + query)
        shown = page.locator(".compare-table thead th[data-scenario]").evaluate_all("ths => ths.map(th => th.dataset.scenario)")
        assert shown == ids
        assert page.locator(f".compare-table tr[data-row='{metric}'] td").count() == len(ids)
        title = page.locator(".compare-table thead .compare__title a").first
        assert title.evaluate("a => a.href") == (unzipped / prefix / "scenarios" / f"{ids[0]}.html").as_uri()
    fourth = next(s.id for s in catalogue.scenarios if s.id not in ids)
    page.locator("#compare-add").fill(fourth)
    page.locator("#compare-add").press("Enter")
    shown = page.locator(".compare-table thead th[data-scenario]").evaluate_all("ths => ths.map(th => th.dataset.scenario)")
    assert shown == [*ids, fourth]
    assert (
        page.url == (unzipped / "zh" / "compare.html").as_uri() + "?" + query + f"&s={fourth}"
    )  # the address holds it, from file:// too
    briefing = page.locator("[data-compare-briefing] a").evaluate("a => a.href")
    assert briefing.startswith((unzipped / "zh" / "briefing.html").as_uri() + "?from=compare&")
    assert elsewhere == []
