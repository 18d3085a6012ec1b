"""Real-browser tests: search in both languages, the language switch, and zero requests elsewhere."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request, Response

from generator.model import Catalogue, figure
from tests.browser import heading, search

pytestmark = pytest.mark.browser


def test_english_search_finds_a_scenario_by_an_english_word(page: Page, served: str) -> None:
    page.goto(f"{served}/")
    assert search(page, "occultation")[0] == "/scenarios/tianmu-nowcasting/"


def test_chinese_search_finds_a_scenario_by_a_chinese_word(page: Page, served: str) -> None:
    page.goto(f"{served}/zh/")
    assert search(page, "危岩体")[0] == "/zh/scenarios/yangtze-dangerous-rock-mass/"


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_a_decimal_figure_is_searched_as_one_word(page: Page, served: str, site: Path, catalogue: Catalogue, prefix: str) -> None:
    """The Chinese site's separator split '0.5' at its point: a search for it listed 21 results,
    pages holding a 0 or a 5 anywhere, and not the one page that asks for 0.5 m."""
    decimals = [figure(r.target.value) for s in catalogue.scenarios for r in s.requirements if r.target]
    counts = collections.Counter(value for value in decimals if "." in value)
    rarest = min(counts, key=lambda value: (counts[value], value))
    docs = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    holding = {
        f"/{prefix}{doc['location'].split('#')[0]}"
        for doc in docs
        if re.search(rf"(?<![\d.]){re.escape(rarest)}(?!\d)", doc["text"])
    }
    page.goto(f"{served}/{prefix}")
    found = set(search(page, rarest))
    assert holding and found <= holding, (rarest, sorted(found - holding))


def test_language_switch_keeps_the_page(page: Page, served: str) -> None:
    page.goto(f"{served}/scenarios/forest-fire-hotspot-dispatch/")
    page.locator(".md-header__option .md-select > button").hover()
    page.locator("a[data-language-switch=zh]").click()
    page.wait_for_url(f"{served}/zh/scenarios/forest-fire-hotspot-dispatch/")
    assert heading(page) == "森林火情卫星监测与处置调度"
    page.locator(".md-header__option .md-select > button").hover()
    page.locator("a[data-language-switch=en]").click()
    page.wait_for_url(f"{served}/scenarios/forest-fire-hotspot-dispatch/")
    assert heading(page) == "Forest-fire hotspot detection and dispatch"


def test_no_request_leaves_the_site_on_any_page(page: Page, served: str, site: Path) -> None:
    own = urlsplit(served).netloc
    foreign: list[str] = []
    failed: list[str] = []

    def on_request(request: Request) -> None:
        if urlsplit(request.url).netloc != own and not request.url.startswith(("data:", "blob:")):
            foreign.append(request.url)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    page.on("request", on_request)
    page.on("response", on_response)
    pages = sorted(path.parent.relative_to(site).as_posix() for path in site.rglob("index.html"))
    assert len(pages) > 60
    for path in pages:
        page.goto(f"{served}/{'' if path == '.' else path + '/'}", wait_until="networkidle")
    assert foreign == []
    assert failed == []
