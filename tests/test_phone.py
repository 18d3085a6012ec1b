"""Every page type fits a phone: at 390 px, in both languages, no text of the article is laid out
beyond the screen and the page never scrolls sideways; at 1280 px neither. Charts are drawn at
(nearly) their own size, never shrunk to fit. On a phone a table is a stack of cards, each cell
labelled by its data-label: every cell carries one."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from generator.addresses import Settings
from generator.model import Catalogue
from generator.render import render
from tests.helpers import compared

PAGE_TYPES = [
    "",
    "catalogue/",
    "requirements/",
    "requirements/?p=horizontal-accuracy:0.5:m&p=availability:99.9:percent",
    "stats/",
    "data/",
    "about/",
    "domains/",
    "capabilities/",
    "owners/",
    "domains/{domain}/",
    "capabilities/{capability}/",
    "owners/{owner}/",
    "scenarios/{scenario}/",
    "compare/?{compare}",
    "404.html",
]
LANGUAGES = [("", "en-US"), ("zh/", "zh-CN")]


def example(path: str, catalogue: Catalogue) -> str:
    """A page type's path with an example filled in: the first domain and capability, the first
    owner in use, the scenario with the most requirements (the longest table), a comparison of
    four (the most columns)."""
    _, ids = compared(catalogue)
    four = [*ids, next(s.id for s in catalogue.scenarios if s.id not in ids)]
    return path.format(
        domain=next(iter(catalogue.vocabularies.domains)),
        capability=next(iter(catalogue.vocabularies.capabilities)),
        owner=catalogue.in_use("owners")[0],
        scenario=max(catalogue.scenarios, key=lambda s: len(s.requirements)).id,
        compare="&".join(f"s={scenario_id}" for scenario_id in four),
    )


# Every text node of the article that is rendered (not hidden, not clipped away for screen
# readers only), with any of its line boxes beyond the viewport's width. Closed <details> are
# opened first: what they show must fit too.
OFF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const article = document.querySelector("article") || document.body;
  article.querySelectorAll("details").forEach(details => { details.open = true; });
  const off = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!node.textContent.trim() || !element) continue;
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    if (element.closest(".visually-hidden, script, style, title, desc")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) {
      if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
        off.push(`${JSON.stringify(node.textContent.trim().slice(0, 40))} at ${Math.round(box.left)}..${Math.round(box.right)} px`);
        break;
      }
    }
  }
  const scroll = document.documentElement.scrollWidth - width;
  return {off, scroll};
}"""

# How much each chart or map in the article is scaled down from the size it was drawn at.
SCALES = """() => [...document.querySelectorAll("article svg[viewBox]")].filter(svg => svg.checkVisibility()).map(
  svg => ({id: svg.closest("figure").id || svg.className.baseVal, scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width}))"""


@pytest.fixture(scope="module", params=[390, 1280], ids=["390px", "1280px"])
def width(request: pytest.FixtureRequest) -> int:
    return int(request.param)


@pytest.fixture(scope="module", params=LANGUAGES, ids=["en", "zh"])
def tab(request: pytest.FixtureRequest, browser: Browser, width: int) -> Iterator[tuple[str, Page]]:
    """A tab of the given width in a browser set to the language, with the site's prefix for it."""
    prefix, locale = request.param
    context = browser.new_context(viewport={"width": width, "height": 844}, locale=locale)
    yield prefix, context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_text_lies_off_screen(tab: tuple[str, Page], served: str, catalogue: Catalogue, path: str) -> None:
    prefix, page = tab
    page.goto(f"{served}/{prefix}{example(path, catalogue)}", wait_until="networkidle")
    result = page.evaluate(OFF_SCREEN)
    assert result["off"] == [], "text beyond the right edge of the screen"
    assert result["scroll"] <= 0, f"the page scrolls sideways by {result['scroll']} px"


@pytest.mark.browser
def test_charts_are_not_shrunk_to_fit(tab: tuple[str, Page], served: str) -> None:
    prefix, page = tab
    page.goto(f"{served}/{prefix}stats/", wait_until="networkidle")
    scales = page.evaluate(SCALES)
    assert len(scales) >= 4
    assert [s for s in scales if s["scale"] < 0.95] == []


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_table_cell_carries_its_column_label(catalogue: Catalogue, language: str) -> None:
    pages = render(catalogue, Settings(), {}, language).pages
    unlabelled = {
        path: cells
        for path, page in pages.items()
        if (cells := re.findall(r"<td(?![^>]*\bdata-label=\"[^\"]+\")[^>]*>", page.body))
    }
    assert unlabelled == {}


# The layout shifts of the page so far, summed as Lighthouse's CLS sums them (without its windows).
LAYOUT_SHIFT = """() => new Promise(done => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => done(total), 500);
})"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["catalogue/", "requirements/"])
def test_the_filters_do_not_push_the_listing_down_as_the_script_starts(tab: tuple[str, Page], served: str, path: str) -> None:
    prefix, page = tab
    page.goto(f"{served}/{prefix}{path}", wait_until="networkidle")
    assert page.evaluate(LAYOUT_SHIFT) < 0.05


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "zh/"], ids=["en", "zh"])
def test_without_javascript_no_page_scrolls_sideways_on_a_phone(browser: Browser, served: str, prefix: str) -> None:
    # Without JavaScript Material hides the search button, so the language list hangs from the
    # header's last button, at the very edge of the screen.
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    scrolls = {}
    for path in ("", "catalogue/", "requirements/", "about/"):
        page.goto(f"{served}/{prefix}{path}")
        scrolls[path] = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert {path: scroll for path, scroll in scrolls.items() if scroll > 0} == {}


@pytest.mark.browser
@pytest.mark.parametrize("path", ["catalogue/", "requirements/"])
def test_a_shared_filtered_link_says_its_filters_on_a_phone(
    tab: tuple[str, Page], served: str, catalogue: Catalogue, width: int, path: str
) -> None:
    """Opened from WeChat, a link to a filtered listing shows its filters folded away on a phone:
    a line says which apply. With the filters in sight (a wider screen) it is not repeated."""
    prefix, page = tab
    domain = catalogue.scenarios[0].domain
    page.goto(f"{served}/{prefix}{path}?domain={domain}", wait_until="networkidle")
    line = page.locator("[data-print-filters]")
    name = catalogue.vocabularies.domains[domain].name.get("zh" if prefix else "en")
    if width == 390:
        assert line.is_visible()
        assert line.inner_text().startswith("筛选条件：" if prefix else "Filters: ") and name in line.inner_text()
    else:
        assert not line.is_visible()


# Each card of the explorer: where its cells are, and whether their labels are drawn.
CARD = """() => [...document.querySelector("[data-filter-table] tbody tr:not([hidden])").cells].map(cell => ({
  top: Math.round(cell.getBoundingClientRect().top),
  label: getComputedStyle(cell, "::before").content,
  drawn: getComputedStyle(cell, "::before").position !== "absolute",
}))"""


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "locale"), LANGUAGES, ids=["en", "zh"])
def test_an_explorer_card_is_short_on_a_phone(browser: Browser, served: str, prefix: str, locale: str) -> None:
    """On a phone every requirement is a card: its id and priority share a line, and the labels of
    id, priority, target and text, which their values make plain, are kept for screen readers."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale)
    page = context.new_page()
    page.goto(f"{served}/{prefix}requirements/", wait_until="networkidle")
    title, number, priority, target, text = page.evaluate(CARD)
    context.close()
    assert number["top"] == priority["top"] > title["top"]
    assert target["top"] > priority["top"] and text["top"] > target["top"]
    assert [cell["drawn"] for cell in (number, priority, target, text)] == [False] * 4
    assert all(cell["label"] not in ("none", "normal", '""') for cell in (number, priority, target, text))


@contextlib.contextmanager
def touch_phone(browser: Browser, locale: str, address: str, width: int = 390) -> Iterator[Page]:
    """A page at `address` in a phone's browser: `width` px wide, with a touch screen (the site
    makes its controls larger for a finger), set to `locale`."""
    context = browser.new_context(viewport={"width": width, "height": 844}, locale=locale, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(address, wait_until="networkidle")
        yield page
    finally:
        context.close()


# The first character of each line of every block that holds a '·' separator, in the article:
# a line that starts with one lost the link the separator belongs to.
LINE_STARTS = """() => {
  const root = document.querySelector("article") || document.body;
  const blocks = new Set();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (walker.currentNode.data.includes("·")) blocks.add(element.closest("p, li, dd, td, div") || element);
  }
  const starts = [];
  for (const block of blocks) {
    const lines = [];  // {middle, half, left, text}
    const inner = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    while (inner.nextNode()) {
      const node = inner.currentNode;
      if (!node.parentElement.checkVisibility()) continue;
      for (let i = 0; i < node.length; i++) {
        if (/\\s/.test(node.data[i])) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (!box.width) continue;
        const middle = (box.top + box.bottom) / 2;
        const line = lines.find(line => Math.abs(line.middle - middle) < line.half);
        if (!line) lines.push({middle, half: box.height / 2, left: box.left, text: node.data.slice(i, i + 12)});
        else if (box.left < line.left) Object.assign(line, {left: box.left, text: node.data.slice(i, i + 12)});
      }
    }
    starts.push(...lines.map(line => line.text));
  }
  return starts;
}"""


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "locale"), LANGUAGES, ids=["en", "zh"])
@pytest.mark.parametrize("path", ["", "scenarios/{scenario}/"])
def test_no_line_of_links_starts_with_its_separator_on_a_touch_phone(
    browser: Browser, served: str, catalogue: Catalogue, prefix: str, locale: str, path: str
) -> None:
    """On a touch screen the links below a scenario are blocks in the line, 24 px high: a wrap
    before the ' · ' after one left it at the start of the next line ('· 打印或另存为 PDF')."""
    with touch_phone(browser, locale, f"{served}/{prefix}{example(path, catalogue)}") as page:
        starts = page.evaluate(LINE_STARTS)
    assert starts, "no separated links found"
    assert [start for start in starts if start.startswith("·")] == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize(
    ("locale", "prefix", "name", "lines"),
    [("zh-CN", "zh/", "重庆空天信息应用场景目录", 1), ("en-US", "", "Chongqing Aerospace Information Scenarios", 2)],
)
def test_the_site_name_fits_the_header_of_a_phone(
    browser: Browser, served: str, width: int, locale: str, prefix: str, name: str, lines: int
) -> None:
    """The header of a phone left 210 px for the title at 390 px: '重庆空天信息应用场景目录' lost its
    last character to an ellipsis, and the English name was 'Chongqing Aerospace …'."""
    with touch_phone(browser, locale, f"{served}/{prefix}", width) as page:
        title = page.locator(".md-header__topic:first-child .md-ellipsis")
        text, (wide, tall, height, line) = (
            title.inner_text(),
            title.evaluate(
                "element => [element.scrollWidth - element.clientWidth, element.scrollHeight - element.clientHeight,"
                " element.clientHeight, parseFloat(getComputedStyle(element).lineHeight)]"
            ),
        )
    assert " ".join(text.split()) == name
    assert wide <= 0 and tall <= 2, f"the site name is cut: {wide} px across, {tall} px down"  # 2: a CJK glyph's overhang
    assert round(height / line) == lines


# The height in px of each visible element a selector finds, the <details> opened first.
HEIGHTS = """selector => {
  document.querySelectorAll("details").forEach(details => { details.open = true; });
  return [...document.querySelectorAll(selector)].filter(element => element.checkVisibility()).map(
    element => [element.textContent.trim().slice(0, 20), element.getBoundingClientRect().height]);
}"""
TARGETS = [
    ("scenarios/{scenario}/", ".scenario-actions a, .scenario-actions .link-button"),
    ("compare/?{compare}", ".compare__id"),
    ("compare/?{compare}", ".compare__remove"),
    ("catalogue/", ".filters__facet label"),
    ("requirements/", ".filters__facet label"),
    ("catalogue/", ".compare-pick__box"),
    ("stats/", "details.chart__data > summary"),
    ("owners/", ".card-table td:first-child > a"),
    ("requirements/?p=horizontal-accuracy:0.5:m", ".card-table td:first-child > a"),
]


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "locale"), LANGUAGES, ids=["en", "zh"])
@pytest.mark.parametrize(("path", "selector"), TARGETS)
def test_a_control_is_a_target_of_24_px_on_a_touch_phone(
    browser: Browser, served: str, catalogue: Catalogue, prefix: str, locale: str, path: str, selector: str
) -> None:
    """WCAG 2.2 asks 24 px of a target: on a touch screen, where a finger is the pointer, every
    control outside running text is at least that high (a requirement's id on the compare page
    was 20 px, a filter's choice 22 px, the name opening a card of a table 18 px)."""
    with touch_phone(browser, locale, f"{served}/{prefix}{example(path, catalogue)}") as page:
        heights = page.evaluate(HEIGHTS, selector)
    assert heights, f"nothing found: {selector}"
    assert [(text, round(height, 1)) for text, height in heights if height < 23.5] == []


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "locale"), LANGUAGES, ids=["en", "zh"])
def test_the_product_profile_is_all_in_the_page_on_a_phone(browser: Browser, served: str, prefix: str, locale: str) -> None:
    """The profile's metrics are a form: none of them is hidden in a box that scrolls by itself
    (on a phone such a box of 280 px showed 2 of 25, the third cut in half)."""
    with touch_phone(browser, locale, f"{served}/{prefix}requirements/?p=horizontal-accuracy:0.5:m") as page:
        box = page.locator("fieldset[data-profile]").evaluate(
            "box => { box.closest('details').open = true; return [box.scrollHeight, box.clientHeight, box.querySelectorAll('input').length]; }"
        )
    scrolled, shown, inputs = box
    assert inputs > 5 and scrolled <= shown + 1


@pytest.mark.browser
@pytest.mark.parametrize(("locale", "prefix"), [("zh-CN", "zh/"), ("en-US", "")])
def test_a_pack_of_every_scenario_keeps_its_address_short_on_a_phone_and_whole_on_paper(
    browser: Browser, served: str, catalogue: Catalogue, locale: str, prefix: str
) -> None:
    """The cover of a pack of the fifteen records showed ten lines of its address at 390 px, the
    list of its scenarios below the screen; the phone has it in its address bar, paper nowhere else."""
    query = "&".join(f"s={scenario.id}" for scenario in catalogue.scenarios)
    with touch_phone(browser, locale, f"{served}/{prefix}briefing/?{query}") as page:
        address = page.locator(".briefing-cover .briefing-address")
        measure = "element => [element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight), element.scrollHeight - element.clientHeight]"
        lines, hidden = address.evaluate(measure)
        page.emulate_media(media="print")
        printed_lines, printed_hidden = address.evaluate(measure)
    assert round(lines) == 3 and hidden > 0
    assert printed_lines > 3 and printed_hidden <= 0
