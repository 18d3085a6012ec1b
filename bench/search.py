"""Search latency as a reader sees it: type a word into Material's search box in headless Chromium.

Times are taken inside the page with performance.now(), from the keydown of the last key to the
moment the first result enters the DOM, so Playwright's round trips do not count.
"""

from __future__ import annotations

import contextlib
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Locator, Page, sync_playwright

from tests.localhost import CHROMIUM, CHROMIUM_ARGUMENTS, serving

# Words from the scenario titles (each in several), so every query finds many clones.
ENGLISH = ("BeiDou", "forest", "satellite", "Yangtze", "slopes", "flood", "police")
CHINESE = ("北斗", "森林", "卫星", "长江", "沉降", "洪涝", "警务")
WARM_UP = {"en": "monitoring", "zh": "监测"}
# The first query waits for the whole index to download and be indexed in the worker.
FIRST_QUERY_TIMEOUT_MS = 600_000
QUERY_TIMEOUT_MS = 60_000

# Installed before each query: note the keydown of the last key, then the first result's arrival.
_ARM = """() => {
  const mark = (window.__bench = {start: null, end: null});
  const box = document.querySelector("input.md-search__input");
  box.addEventListener("keydown", () => { mark.start = performance.now(); }, {once: true, capture: true});
  const list = document.querySelector(".md-search-result");
  const observer = new MutationObserver(() => {
    if (list.querySelector(".md-search-result__item")) { mark.end = performance.now(); observer.disconnect(); }
  });
  observer.observe(list, {childList: true, subtree: true});
}"""


@dataclass(frozen=True)
class Latency:
    """Search timings of one site and language, in milliseconds."""

    first: float  # from navigation start to the first result: download and indexing included
    median: float  # median over the words, the index already loaded
    samples: tuple[float, ...]

    @property
    def slowest(self) -> float:
        return max(self.samples)


def words_for(language: str) -> tuple[str, ...]:
    return ENGLISH if language == "en" else CHINESE


def measure(site: Path, language: str) -> Latency:
    """Serve `site` locally and time searches on its home page (`/zh/` for Chinese)."""
    path = "" if language == "en" or not (site / "zh").is_dir() else "zh/"
    with serving(site) as base, _chromium() as browser:  # the search worker cannot load from file://
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            return _latency(context.new_page(), f"{base}/{path}", language)
        finally:
            context.close()


def _latency(page: Page, url: str, language: str) -> Latency:
    page.goto(url, wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    first = _query(page, box, WARM_UP[language], FIRST_QUERY_TIMEOUT_MS)["end"]
    samples = []
    for word in words_for(language):
        _clear(page, box)
        mark = _query(page, box, word, QUERY_TIMEOUT_MS)
        samples.append(mark["end"] - mark["start"])
    return Latency(first, statistics.median(samples), tuple(samples))


def _query(page: Page, box: Locator, word: str, timeout: float) -> dict[str, Any]:
    page.evaluate(_ARM)
    box.fill(word)
    box.press("End")  # Material searches on keyup; fill() alone fires no key event
    page.wait_for_function("() => window.__bench.end !== null", timeout=timeout)
    mark: dict[str, Any] = page.evaluate("() => window.__bench")
    return mark


def _clear(page: Page, box: Locator) -> None:
    """Empty the box and wait until the previous results are gone, so the next ones are new."""
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=QUERY_TIMEOUT_MS)


@contextlib.contextmanager
def _chromium() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        raise FileNotFoundError(f"{CHROMIUM} is missing: install Debian's chromium package or set CHROMIUM")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTS)
        try:
            yield browser
        finally:
            browser.close()


def missing_words(titles: Sequence[str], language: str) -> list[str]:
    """The query words that occur in none of `titles` (the bench stops if there are any)."""
    return [word for word in (*words_for(language), WARM_UP[language]) if not any(word.lower() in t.lower() for t in titles)]
