"""What a reader meets first, in a real browser at a phone's and a desk's width, in Chinese and in
English: the site in their language, a 404 page in the language of the address, link previews,
search results that read as text, and printed sheets that say what they are."""

from __future__ import annotations

import datetime as dt
import html.parser
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from generator.model import Catalogue, Scenario
from tests.browser import heading, search
from tests.conftest import FIXTURE, site_project
from tests.localhost import QuietHandler, serving

pytestmark = pytest.mark.browser

WIDTHS = [390, 1280]
LOCALES = ["zh-CN", "en-US"]
KEY = "catalogue.language"  # where catalogue.js keeps the reader's choice


@pytest.fixture(scope="module")
def scenario(catalogue: Catalogue) -> Scenario:
    """The scenario the tests open: one with a forestry owner, districts and a long requirement table."""
    return next(s for s in catalogue.scenarios if s.id == "forest-fire-hotspot-dispatch")


class StaticHost(QuietHandler):
    """Serves the site as GitHub Pages does: the root 404.html, status 404, for every missing path."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def hosted(site: Path) -> Iterator[str]:
    with serving(site, StaticHost) as url:
        yield url


def reader(browser: Browser, locale: str, width: int, script: bool = True) -> BrowserContext:
    return browser.new_context(locale=locale, viewport={"width": width, "height": 900}, java_script_enabled=script)


def path_of(page: Page) -> str:
    parts = urlsplit(page.url)
    return parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def find(page: Page, query: str) -> list[str]:
    """Search as the reader does: on a phone the box opens from the header's search button first."""
    button = page.locator("label.md-header__button[for=__search]")
    if button.is_visible():
        button.click()
    return search(page, query)


def switch_to(page: Page, language: str) -> None:
    page.locator(".md-header__option .md-select > button").hover()
    page.locator(f"a[data-language-switch={language}]").click()


# --- Chinese first ---------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_a_chinese_browser_opening_an_english_page_gets_the_same_page_in_chinese(
    scenario: Scenario, browser: Browser, hosted: str, width: int
) -> None:
    context = reader(browser, "zh-CN", width)
    page = context.new_page()
    page.goto(f"{hosted}/catalogue/?domain=forestry&status=reconstructed#filters")
    page.wait_for_url("**/zh/catalogue/**")
    assert path_of(page) == "/zh/catalogue/?domain=forestry&status=reconstructed#filters"
    page.goto(f"{hosted}/")
    page.wait_for_url(f"{hosted}/zh/")
    page.goto(f"{hosted}/scenarios/{scenario.id}/")
    page.wait_for_url(f"{hosted}/zh/scenarios/{scenario.id}/")
    assert heading(page) == scenario.title.zh
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_english_browser_stays_in_english_and_chinese_pages_stay_chinese(
    scenario: Scenario, browser: Browser, hosted: str, width: int
) -> None:
    context = reader(browser, "en-US", width)
    page = context.new_page()
    page.goto(f"{hosted}/scenarios/{scenario.id}/", wait_until="load")
    assert path_of(page) == f"/scenarios/{scenario.id}/"
    page.goto(f"{hosted}/zh/about/", wait_until="load")
    assert path_of(page) == "/zh/about/"
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("locale", LOCALES)
def test_a_choice_on_the_switch_is_remembered_and_wins(
    scenario: Scenario, browser: Browser, hosted: str, locale: str, width: int
) -> None:
    context = reader(browser, locale, width)
    page = context.new_page()
    page.goto(f"{hosted}/zh/scenarios/{scenario.id}/")
    switch_to(page, "en")
    page.wait_for_url(f"{hosted}/scenarios/{scenario.id}/")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == "en"
    for path in ("/", "/catalogue/?domain=forestry", "/zh/about/"):  # a Chinese link, too, opens in the language chosen
        page.goto(f"{hosted}{path}")
        page.wait_for_load_state("load")
        assert not path_of(page).startswith("/zh/"), path
    page.goto(f"{hosted}/about/")
    switch_to(page, "zh")
    page.wait_for_url(f"{hosted}/zh/about/")
    page.goto(f"{hosted}/requirements/?priority=must&p=horizontal-accuracy:1:m")
    page.wait_for_url("**/zh/requirements/**")
    assert path_of(page) == "/zh/requirements/?priority=must&p=horizontal-accuracy:1:m"
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_without_script_nothing_moves(browser: Browser, hosted: str, width: int) -> None:
    context = reader(browser, "zh-CN", width, script=False)
    page = context.new_page()
    page.goto(f"{hosted}/catalogue/?domain=forestry")
    assert path_of(page) == "/catalogue/?domain=forestry"
    assert heading(page) == "Scenario catalogue"
    context.close()


# --- The 404 page ----------------------------------------------------------------------------


def links_resolve(page: Page, hosted: str) -> None:
    hrefs = page.locator("article a[href]").evaluate_all("links => links.map(a => a.href)")
    assert hrefs
    for href in hrefs:
        assert href.startswith(hosted + "/"), href
        assert page.request.get(href).status == 200, href


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("locale", LOCALES)
def test_a_missing_chinese_page_says_so_in_chinese_at_any_depth(browser: Browser, hosted: str, locale: str, width: int) -> None:
    context = reader(browser, locale, width)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ("/zh/no-such-page/", "/zh/scenarios/no/such/deep/page/"):
        response = page.goto(f"{hosted}{path}")
        assert response is not None and response.status == 404
        page.locator("article h1").wait_for()
        assert path_of(page) == path  # the address the reader typed stays
        assert page.locator("article h1").inner_text() == "未找到该页面"
        assert page.evaluate("document.documentElement.lang") == "zh"
        assert page.locator(".md-header__topic").first.inner_text().strip() == "重庆空天信息应用场景目录"
        assert page.locator("input.md-search__input").get_attribute("placeholder") == "搜索"
        links_resolve(page, hosted)
        assert all(
            urlsplit(href).path.startswith("/zh/") for href in page.locator("article a").evaluate_all("a => a.map(x => x.href)")
        )
    assert errors == []
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_missing_english_page_says_so_in_english_at_any_depth(browser: Browser, hosted: str, width: int) -> None:
    context = reader(browser, "en-US", width)
    page = context.new_page()
    for path in ("/no-such-page/", "/scenarios/no/such/deep/page/"):
        page.goto(f"{hosted}{path}")
        assert page.locator("article h1").inner_text() == "Page not found"
        assert not page.locator("[data-not-found=zh]").is_visible()
        links_resolve(page, hosted)
    context.close()


def test_without_script_the_404_page_speaks_both_languages(browser: Browser, hosted: str) -> None:
    context = reader(browser, "zh-CN", 390, script=False)
    page = context.new_page()
    page.goto(f"{hosted}/zh/no-such-page/")
    assert page.locator("[data-not-found=en] h1").is_visible()
    assert page.locator("[data-not-found=zh]").is_visible()
    assert "未找到该页面" in page.locator("[data-not-found=zh]").inner_text()
    context.close()


# Theme text outside the article: what Material writes, in the page's language or not at all.
THEME_TEXT = """() => {
  const found = [];
  const outside = el => !el.closest('article, [lang=en], .md-search-result, script, style');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.parentElement && outside(node.parentElement) && /[A-Za-z]{3,}/.test(node.data)) found.push(node.data.trim());
  for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], [alt]'))
    for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
      const value = el.getAttribute(name);
      if (value && outside(el) && /[A-Za-z]{3,}/.test(value)) found.push(name + '=' + value);
    }
  return found;
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_chinese_pages_carry_no_english_theme_text(scenario: Scenario, browser: Browser, hosted: str, width: int) -> None:
    context = reader(browser, "zh-CN", width)
    page = context.new_page()
    for path in ("zh/", f"zh/scenarios/{scenario.id}/", "zh/catalogue/", "zh/requirements/", "zh/about/", "zh/no-such-page/"):
        page.goto(f"{hosted}/{path}")
        page.locator("article h1").wait_for()
        assert page.locator(".md-footer").inner_text().find("Material") == -1
        assert page.evaluate(THEME_TEXT) == [], path
    context.close()


# --- Link previews ---------------------------------------------------------------------------


def head_meta(document: str) -> dict[str, str]:
    """The <meta property|name=... content=...> of a page, as a browser would read them."""
    found: dict[str, str] = {}

    class Reader(html.parser.HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            key = values.get("property") or values.get("name")
            if tag == "meta" and key and values.get("content") is not None:
                found[key] = str(values["content"])

    Reader().feed(document)
    return found


def head_attributes(document: str) -> list[str]:
    names: list[str] = []

    class Reader(html.parser.HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            names.extend(name for name, _ in attrs)

    Reader().feed(document.split("</head>")[0])
    return names


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_carries_a_link_preview_from_its_record(
    scenario: Scenario, browser: Browser, hosted: str, site: Path, locale: str, width: int
) -> None:
    context = reader(browser, locale, width)
    page = context.new_page()
    page.add_init_script(f"localStorage.setItem('{KEY}', '{locale[:2]}')")
    prefix = "zh/" if locale == "zh-CN" else ""
    language = locale[:2]
    page.goto(f"{hosted}/{prefix}scenarios/{scenario.id}/")
    meta = page.eval_on_selector_all(
        "meta[property], meta[name]", "m => Object.fromEntries(m.map(x => [x.getAttribute('property') || x.name, x.content]))"
    )
    assert meta["og:title"] == scenario.title.get(language)
    assert meta["og:description"] == scenario.summary.get(language)
    assert meta["og:type"] == "article"
    assert meta["og:locale"] == ("zh_CN" if language == "zh" else "en_US")
    assert meta["twitter:card"] == "summary"
    assert "og:url" not in meta  # no site address known in this build
    context.close()
    pages = (
        sorted((site / prefix).rglob("index.html"))
        if prefix
        else [p for p in site.rglob("index.html") if "zh" not in p.relative_to(site).parts]
    )
    assert len(pages) > 30
    for path in pages:
        tags = head_meta(path.read_text(encoding="utf-8"))
        assert {"og:title", "og:description", "og:type", "og:locale", "twitter:card"} <= tags.keys(), path
        assert tags["og:type"] == ("article" if "scenarios" in path.parts else "website"), path
    # A shared home page is headed by the catalogue's name, not by its place in the nav ('首页')
    home = head_meta((site / prefix / "index.html").read_text(encoding="utf-8"))
    assert (
        home["og:title"]
        == home["og:site_name"]
        == ("重庆空天信息应用场景目录" if prefix else "Chongqing Aerospace Information Scenarios")
    )


def test_link_previews_are_escaped_and_name_the_address_when_it_is_known(catalogue: Catalogue, tmp_path: Path) -> None:
    project = site_project(tmp_path / "project")
    shutil.rmtree(project / "scenarios")
    shutil.copytree(FIXTURE / "scenarios", project / "scenarios")
    hostile = 'Ships " onmouseover="alert(1)" & \'y\' < 2 <https://x/ a=b>'
    source = project / "scenarios" / "river-ships.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace(
            "en: Decimetre positioning for river ships,",
            'en: "Ships \\" onmouseover=\\"alert(1)\\" & \'y\' < 2 <https://x/ a=b>",',
        ),
        encoding="utf-8",
    )
    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "CATALOGUE_SITE_URL": "https://example.org/catalogue/",
        "CATALOGUE_REPOSITORY": "",
        "CATALOGUE_OFFLINE": "false",
    }
    out = tmp_path / "site"
    for config, target in (("mkdocs.yml", out), ("mkdocs.zh.yml", out / "zh")):
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", str(target)]
        result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
    document = (out / "scenarios" / "river-ships" / "index.html").read_text(encoding="utf-8")
    tags = head_meta(document)
    assert tags["og:title"] == hostile  # the whole text, as text: no attribute of its own
    assert not [name for name in head_attributes(document) if name.startswith("on")]
    assert tags["og:url"] == "https://example.org/catalogue/scenarios/river-ships/"
    assert head_meta((out / "zh" / "scenarios" / "river-ships" / "index.html").read_text(encoding="utf-8"))["og:url"] == (
        "https://example.org/catalogue/zh/scenarios/river-ships/"
    )
    # The 404 pages link from the site's path, in their own language
    english_404 = (out / "404.html").read_text(encoding="utf-8")
    chinese_404 = (out / "zh" / "404.html").read_text(encoding="utf-8")
    assert 'href="/catalogue/catalogue/"' in english_404 and 'href="/catalogue/zh/catalogue/"' in chinese_404


# --- Search ----------------------------------------------------------------------------------

INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("locale", "query", "facts"), [("zh-CN", "林业", "领域：林业；"), ("en-US", "Forestry", "Domain: Forestry; ")]
)
def test_search_results_read_as_text(
    catalogue: Catalogue, scenario: Scenario, browser: Browser, hosted: str, locale: str, query: str, facts: str, width: int
) -> None:
    context = reader(browser, locale, width)
    page = context.new_page()
    language = locale[:2]
    prefix = "zh/" if language == "zh" else ""
    page.goto(f"{hosted}/{prefix}")
    assert f"/{prefix}scenarios/{scenario.id}/" in find(page, query)
    page.wait_for_timeout(300)  # the list grows as results come in
    shown = str(page.locator(".md-search-result__list").evaluate("list => list.textContent"))
    assert not INVISIBLE.search(shown)  # the zero-width spaces that segment Chinese for the index
    item = page.locator(".md-search-result__item", has=page.locator(f"a[href*='/{prefix}scenarios/{scenario.id}/']"))
    document = item.locator("article").first
    assert document.locator("h1").inner_text() == scenario.title.get(language)
    text = document.inner_text()
    owner = catalogue.vocabularies.owners[scenario.owner].name.get(language)
    assert facts in text and owner in text
    assert ("领域林业" if language == "zh" else "DomainForestry") not in text  # the label ran into its value
    assert not re.search("[；：，、] ", text)  # a space after a Chinese mark, which has its room: "林业； 可能的"
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("locale", "district"), [("zh-CN", "万州"), ("en-US", "Wanzhou"), ("zh-CN", "巫山"), ("en-US", "Wushan")]
)
def test_a_district_finds_the_scenarios_there_before_the_about_page(
    catalogue: Catalogue, browser: Browser, hosted: str, locale: str, district: str, width: int
) -> None:
    context = reader(browser, locale, width)
    page = context.new_page()
    prefix = "zh/" if locale == "zh-CN" else ""
    page.goto(f"{hosted}/{prefix}")
    find(page, district)
    page.wait_for_timeout(300)  # the list grows as results come in: ten documents, then four each time it is scrolled to its end
    matching = int(re.sub(r"\D", "", page.locator(".md-search-result__meta").inner_text()) or 0)  # "16 matching documents"
    items = page.locator(".md-search-result__item > a")

    def listed() -> list[str]:
        return list(dict.fromkeys(urlsplit(href).path for href in items.evaluate_all("a => a.map(x => x.href)")))

    scrolled = page.locator(".md-search__scrollwrap")
    for _ in range(matching // 4 + 3):
        if len(listed()) >= matching:
            break
        scrolled.evaluate("list => list.scrollTo(0, 0)")  # away from the end first: reaching it again loads more
        page.wait_for_timeout(200)
        scrolled.evaluate("list => list.scrollTo(0, list.scrollHeight)")
        page.wait_for_timeout(500)
    pages = listed()
    code = next(
        code for code, entry in catalogue.vocabularies.districts.items() if entry.name.get(locale[:2]).startswith(district)
    )
    there = {f"/{prefix}scenarios/{s.id}/" for s in catalogue.scenarios if code in s.locations.codes}
    assert there and there <= set(pages), (there, pages)
    if f"/{prefix}about/" in pages:
        assert pages.index(f"/{prefix}about/") > max(pages.index(p) for p in there)
    context.close()


# --- Print -----------------------------------------------------------------------------------


def printed(page: Page, tmp: Path) -> list[str]:
    """The page printed to PDF in Chromium, as text, one string per sheet."""
    pdf = tmp / "sheet.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [sheet for sheet in text.split("\f") if sheet.strip()]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_printed_sheet_says_what_where_when_and_which(
    scenario: Scenario, browser: Browser, hosted: str, tmp_path: Path, locale: str, width: int
) -> None:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: install poppler-utils")
    language = locale[:2]
    prefix = "zh/" if language == "zh" else ""
    name = "重庆空天信息应用场景目录" if language == "zh" else "Chongqing Aerospace Information Scenarios"
    now = dt.date.today()
    date = f"打印日期：{now.year}年{now.month}月{now.day}日" if language == "zh" else f"Printed {now.isoformat()}"
    context = reader(browser, locale, width)
    page = context.new_page()
    page.add_init_script(f"localStorage.setItem('{KEY}', '{language}')")
    headings = [scenario.title.get(language)]
    for path in (f"scenarios/{scenario.id}/", "catalogue/?domain=forestry", "", f"briefing/?from=compare&s={scenario.id}"):
        page.goto(f"{hosted}/{prefix}{path}", wait_until="networkidle")
        headings += page.locator("article h2").evaluate_all("hs => hs.map(h => h.firstChild.textContent.trim())")
        sheets = printed(page, tmp_path)
        assert len(sheets) >= 1
        for number, sheet in enumerate(sheets, 1):
            lines = [line.strip() for line in sheet.splitlines() if line.strip()]
            assert lines[0].startswith(name) and lines[0].endswith(date), lines[0]
            # its address at the foot; the briefing pack's, long with every scenario's id, is on
            # its cover, and its name at the foot
            foot = (
                ("汇报材料" if language == "zh" else "Briefing pack")
                if path.startswith("briefing/")
                else f"{hosted}/{prefix}{path}"
            )
            assert lines[-1].startswith(foot), lines[-1]
            assert re.search(rf"{number}\s*/\s*{len(sheets)}$", lines[-1]), lines[-1]
            body = lines[1:-1]
            # A heading never ends a sheet: it stays with what follows
            assert body and body[-1] not in headings, (number, body[-1])
    context.close()


def test_without_script_a_sheet_still_carries_the_name_address_and_page_numbers(
    scenario: Scenario, browser: Browser, hosted: str, tmp_path: Path
) -> None:
    context = reader(browser, "zh-CN", 1280, script=False)
    page = context.new_page()
    page.goto(f"{hosted}/zh/scenarios/{scenario.id}/")
    sheets = printed(page, tmp_path)
    first = [line.strip() for line in sheets[0].splitlines() if line.strip()]
    assert first[0] == "重庆空天信息应用场景目录"  # no date: none is known without script
    assert re.fullmatch(rf"/zh/scenarios/{scenario.id}/\s+1\s*/\s*{len(sheets)}", first[-1]), first[-1]
    context.close()
