"""Playwright driving Debian's chromium package, headless, for the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.localhost import CHROMIUM, CHROMIUM_ARGUMENTS


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does) or set CHROMIUM")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def search(page: Page, query: str) -> list[str]:
    """Type `query` into Material's search box; return the paths of the results shown, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on key events; fill() alone fires none
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=15000)
    return [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]


def heading(page: Page) -> str:
    """The page's h1 without its permalink sign."""
    script = "h => Array.from(h.childNodes).filter(n => !(n.classList && n.classList.contains('headerlink'))).map(n => n.textContent).join('').trim()"
    return str(page.locator("h1").evaluate(script))  # a Chinese title holds <wbr> between its words
