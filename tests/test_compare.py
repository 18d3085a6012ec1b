"""Compare, in a real browser: two to four scenarios side by side from the address (?s=a&s=b),
their requirements aligned by metric, in both languages, at 1280 px (a table, a column per
scenario) and at 390 px (a card per scenario, the table's rows in its order, the metrics only
others set named in one line); adding and
removing in the address, Back and Forward, the language switch; ids left out said so; ticking
scenarios in the catalogue and on a domain page; the scenario page's link; paper; no request to
another host.

Expectations come from the scenario data, so the tests follow the catalogue as it grows.
"""

from __future__ import annotations

import collections
import io
import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, Request
from pypdf import PdfReader

from generator.model import Catalogue, Scenario
from tests.helpers import compared

pytestmark = pytest.mark.browser

FACTS = ["domain", "owner", "where", "capabilities", "status"]
SEPARATOR = {"en": ", ", "zh": "、"}


def address(ids: list[str]) -> str:
    return "compare/?" + "&".join(f"s={scenario_id}" for scenario_id in ids)


def expected_rows(catalogue: Catalogue, ids: list[str]) -> list[str]:
    """The rows of a comparison, in order: the facts, the metrics (those two or more scenarios set
    a target on first, the most shared first, then in the vocabulary's order), then "" for the
    requirements without a target."""
    chosen = [scenario(catalogue, scenario_id) for scenario_id in ids]
    holding = collections.Counter(metric for s in chosen for metric in {r.target.metric for r in s.requirements if r.target})
    order = list(catalogue.vocabularies.metrics)
    metrics = sorted(holding, key=lambda m: (-holding[m] if holding[m] > 1 else -1, order.index(m)))
    untargeted = any(r.target is None for s in chosen for r in s.requirements)
    return [*FACTS, *metrics, *([""] if untargeted else [])]


def scenario(catalogue: Catalogue, scenario_id: str) -> Scenario:
    return next(s for s in catalogue.scenarios if s.id == scenario_id)


def on_metric(catalogue: Catalogue, scenario_id: str, metric: str) -> list[str]:
    """Ids of a scenario's requirements with a target on `metric`, in record order."""
    return [r.id for r in scenario(catalogue, scenario_id).requirements if r.target and r.target.metric == metric]


def untargeted(catalogue: Catalogue, scenario_id: str) -> list[str]:
    """Ids of a scenario's requirements without a target."""
    return [r.id for r in scenario(catalogue, scenario_id).requirements if r.target is None]


def columns(page: Page) -> list[str]:
    """The scenarios compared, in the order of the table's columns."""
    return [
        str(id)
        for id in page.locator(".compare-table thead th[data-scenario]").evaluate_all("ths => ths.map(th => th.dataset.scenario)")
    ]


def ids_in(cell: Locator) -> list[str]:
    """The requirement ids a cell of the comparison lists."""
    return cell.locator(".compare__id").all_text_contents()


def messages(page: Page) -> str:
    return " ".join(page.locator("[data-compare-messages]").all_text_contents())


@pytest.fixture(scope="module", params=[390, 1280], ids=["390px", "1280px"])
def width(request: pytest.FixtureRequest) -> int:
    return int(request.param)


@pytest.fixture(scope="module", params=[("", "en-US", "en"), ("zh/", "zh-CN", "zh")], ids=["en", "zh"])
def tab(request: pytest.FixtureRequest, browser: Browser, width: int) -> Iterator[tuple[str, str, Page, int]]:
    """A tab of the given width in a browser set to the language: (site prefix, language, tab, width)."""
    prefix, locale, language = request.param
    context = browser.new_context(viewport={"width": width, "height": 844}, locale=locale)
    yield prefix, language, context.new_page(), width
    context.close()


def test_three_scenarios_align_a_shared_metric(tab: tuple[str, str, Page, int], served: str, catalogue: Catalogue) -> None:
    prefix, language, page, width = tab
    metric, ids = compared(catalogue)
    page.goto(f"{served}/{prefix}{address(ids)}", wait_until="networkidle")
    rows = expected_rows(catalogue, ids)
    name = catalogue.vocabularies.metrics[metric].name.get(language)
    if width > 600:
        assert page.locator(".compare__table").is_visible() and not page.locator(".compare__cards").is_visible()
        assert page.locator(".compare-table tbody tr[data-row]").evaluate_all("rows => rows.map(r => r.dataset.row)") == rows
        assert columns(page) == ids
        titles = page.locator(".compare-table thead th[data-scenario] .compare__title").all_text_contents()
        assert titles == [scenario(catalogue, i).title.get(language) for i in ids]
        row = page.locator(f".compare-table tr[data-row='{metric}']")
        assert row.count() == 1  # one row holds the metric for all three...
        assert name in row.locator("th").inner_text() and "3" in row.locator(".compare__shared").inner_text()
        cells = row.locator("td")
        assert [cells.nth(i).get_attribute("data-scenario") for i in range(cells.count())] == ids  # ...a cell each
        for i, scenario_id in enumerate(ids):
            assert ids_in(cells.nth(i)) == on_metric(catalogue, scenario_id, metric)
        # A metric only some of them set a target on shows a dash where one has none
        for key in rows[len(FACTS) :]:
            if key:
                for i, scenario_id in enumerate(ids):
                    cell = page.locator(f".compare-table tr[data-row='{key}'] td").nth(i)
                    expected = on_metric(catalogue, scenario_id, key)
                    assert ids_in(cell) == expected and (expected or cell.locator(".none").count() == 1)
    else:
        assert not page.locator(".compare__table").is_visible()
        cards = page.locator(".compare__card")
        assert cards.count() == len(ids)
        boxes = []
        for i, scenario_id in enumerate(ids):
            card = cards.nth(i)
            assert card.get_attribute("data-scenario") == scenario_id
            assert card.locator("h2").text_content() == scenario(catalogue, scenario_id).title.get(language)
            # Every card lists the table's rows in its order, of the metrics only those it has a
            # requirement on; one line names the metrics only the others set a target on
            own = [
                key
                for key in rows[len(FACTS) :]
                if (on_metric(catalogue, scenario_id, key) if key else untargeted(catalogue, scenario_id))
            ]
            assert card.locator("dl > div[data-row]").evaluate_all("rows => rows.map(r => r.dataset.row)") == [*FACTS, *own]
            others = [
                catalogue.vocabularies.metrics[key].name.get(language) for key in rows[len(FACTS) :] if key and key not in own
            ]
            absent = card.locator(".compare__absent dd")
            assert (absent.inner_text() if others else absent.count()) == (SEPARATOR[language].join(others) if others else 0)
            entry = card.locator(f"div[data-row='{metric}']")
            assert name in entry.locator("dt").inner_text()
            assert ids_in(entry.locator("dd")) == on_metric(catalogue, scenario_id, metric)
            boxes.append(card.bounding_box())
        # one after another, down the screen, each as wide as the others
        assert all(box is not None for box in boxes)
        assert [box["y"] for box in boxes if box] == sorted(box["y"] for box in boxes if box)
        assert len({round(box["x"]) for box in boxes if box}) == 1 and len({round(box["width"]) for box in boxes if box}) == 1


def test_add_remove_back_forward_and_the_language_switch_keep_the_selection(
    page: Page, served: str, catalogue: Catalogue
) -> None:
    _, ids = compared(catalogue)
    first, second, third = ids
    page.goto(f"{served}/{address([first, second])}")
    assert columns(page) == [first, second]
    field = page.locator("#compare-add")
    field.fill(third)
    field.press("Enter")
    page.wait_for_url(f"{served}/{address(ids)}")
    assert columns(page) == ids and field.input_value() == ""

    title = scenario(catalogue, first).title.en
    page.get_by_role("button", name=f"Remove {title} from the comparison").click()
    page.wait_for_url(f"{served}/{address([second, third])}")
    assert columns(page) == [second, third]

    page.go_back()
    page.wait_for_url(f"{served}/{address(ids)}")
    assert columns(page) == ids
    page.go_back()
    page.wait_for_url(f"{served}/{address([first, second])}")
    assert columns(page) == [first, second]
    page.go_forward()
    page.wait_for_url(f"{served}/{address(ids)}")
    assert columns(page) == ids

    briefing = page.locator("[data-compare-briefing] a").evaluate("a => a.href")
    assert briefing == f"{served}/briefing/?from=compare&" + "&".join(f"s={i}" for i in ids)

    page.locator(".md-header__option .md-select > button").hover()
    page.locator("a[data-language-switch=zh]").click()
    page.wait_for_url(f"{served}/zh/{address(ids)}")
    assert columns(page) == ids
    assert page.locator(".compare-table thead .compare__title").first.text_content() == scenario(catalogue, first).title.zh


def test_a_scenario_is_added_by_a_part_of_its_title(page: Page, served: str, catalogue: Catalogue) -> None:
    wanted, other = catalogue.scenarios[0], catalogue.scenarios[1]
    page.goto(f"{served}/{address([other.id])}")
    assert "add at least one more" in messages(page)
    part = " ".join(wanted.title.en.split()[1:3])
    field = page.locator("#compare-add")
    field.fill(part)
    offered = page.locator("#compare-choices option").evaluate_all("options => options.map(o => o.value)")
    assert f"{wanted.title.en} ({wanted.id})" in offered
    assert f"{other.title.en} ({other.id})" not in offered  # compared already
    assert all(part.lower() in value.lower() for value in offered)
    field.fill(f"{wanted.title.en} ({wanted.id})")  # as the list fills it in
    field.press("Enter")
    page.wait_for_url(f"{served}/{address([other.id, wanted.id])}")

    field.fill("no scenario is called this")
    field.press("Enter")
    assert "No scenario matches “no scenario is called this”" in messages(page)
    assert page.url == f"{served}/{address([other.id, wanted.id])}"


@pytest.mark.parametrize(
    ("prefix", "unknown", "extra"), [("", "Not in the catalogue", "At most four"), ("zh/", "不在场景目录中", "单次最多对比四个")]
)
def test_unknown_ids_and_a_fifth_are_said_to_be_left_out(
    page: Page, served: str, catalogue: Catalogue, prefix: str, unknown: str, extra: str
) -> None:
    five = [s.id for s in catalogue.scenarios[:5]]
    page.goto(f"{served}/{prefix}compare/?s=no-such-scenario,{five[0]},{five[1]}&s={five[2]}&s={five[3]}&s={five[4]}&s={five[0]}")
    assert columns(page) == five[:4]
    said = messages(page)
    assert unknown in said and "no-such-scenario" in said
    assert extra in said and five[4] in said
    assert page.locator("#compare-add").is_disabled()  # four at most: remove one to add another


def test_with_nothing_chosen_the_page_says_what_to_do(page: Page, served: str) -> None:
    page.goto(f"{served}/compare/")
    assert "No scenario is chosen yet" in messages(page)
    assert page.locator(".compare-table").count() == 0
    assert not page.locator("[data-compare-briefing]").is_visible()
    assert page.locator("#compare-add").is_enabled()


def tick(page: Page, scenario_id: str) -> None:
    page.locator(f"tr[data-scenario='{scenario_id}'] input.compare-pick__box").check()


def test_ticking_in_the_catalogue_leads_to_the_comparison(page: Page, served: str, catalogue: Catalogue) -> None:
    page.goto(f"{served}/catalogue/")
    link = page.locator(".compare-pick__link")
    rows = page.locator("table[data-filter-table] tbody tr[data-scenario]")
    first, second = (str(rows.nth(i).get_attribute("data-scenario")) for i in (0, 1))
    tick(page, first)
    assert link.get_attribute("href") is None and link.get_attribute("aria-disabled") == "true"  # one is not a comparison
    tick(page, second)
    assert link.evaluate("a => a.href") == f"{served}/{address([first, second])}"

    # The ticks outlive the filters: tick one among another domain's rows, then clear the filter
    taken = {scenario(catalogue, first).domain, scenario(catalogue, second).domain}
    domain = next(s.domain for s in catalogue.scenarios if s.domain not in taken)
    page.locator(f"input[name=domain][value={domain}]").check()
    third = str(page.locator("table[data-filter-table] tbody tr[data-scenario]:visible").first.get_attribute("data-scenario"))
    tick(page, third)
    assert link.evaluate("a => a.href") == f"{served}/{address([first, second, third])}"
    assert "2 of them not in this list" in page.locator(".compare-pick__hint").inner_text()
    page.locator("[data-filters] button[type=reset]").click()
    assert page.locator(f"tr[data-scenario='{first}'] input.compare-pick__box").is_checked()

    # Five is too many for one comparison: no link until one is unticked
    others = [s for s in rows.evaluate_all("rows => rows.map(r => r.dataset.scenario)") if s not in (first, second, third)]
    tick(page, others[0])
    tick(page, others[1])
    assert link.get_attribute("href") is None and "four at most" in page.locator(".compare-pick__hint").inner_text()
    page.locator(f"tr[data-scenario='{others[1]}'] input.compare-pick__box").uncheck()
    link.click()
    page.wait_for_url(f"{served}/{address([first, second, third, others[0]])}")
    assert columns(page) == [first, second, third, others[0]]


HINT = {"en": "Tick two to four scenarios to compare them side by side.", "zh": "勾选二至四个场景即可并列对比。"}


def apart(page: Page, one: Locator, other: Locator) -> bool:
    """Whether two elements share no pixel on the screen."""
    a, b = one.bounding_box(), other.bounding_box()
    assert a is not None and b is not None
    return a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]


def test_the_compare_bar_covers_no_row_it_was_ticked_on(tab: tuple[str, str, Page, int], served: str) -> None:
    prefix, language, page, _ = tab
    page.goto(f"{served}/{prefix}catalogue/")
    page.evaluate("() => sessionStorage.clear()")  # the tab's earlier ticks
    page.reload()
    bar = page.locator(".compare-pick")
    boxes = page.locator("table[data-filter-table] tbody input.compare-pick__box")
    assert boxes.count() > 2 and bar.is_visible()  # nothing ticked yet: it says what the boxes do
    assert page.locator(".compare-pick__hint").text_content() == HINT[language]

    # A box at the foot of the screen, where the bar appears once it is ticked: it stays in sight
    box = boxes.nth(2)
    box.evaluate("b => b.scrollIntoView({block: 'end'})")
    box.check()
    assert bar.is_visible() and apart(page, bar, box)
    assert box.evaluate(
        "b => { const r = b.getBoundingClientRect(); return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === b; }"
    )
    assert page.locator(".compare-pick__hint").text_content() == HINT[language]
    assert page.locator(".compare-pick__link").get_attribute("aria-disabled") == "true"

    # At the end of the list the bar sits below its last row
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    assert apart(page, bar, page.locator("table[data-filter-table] tbody tr").last)

    page.locator(".compare-pick__clear").click()
    assert bar.is_visible() and not box.is_checked()


@pytest.mark.parametrize("prefix", ["", "zh/"], ids=["en", "zh"])
def test_without_script_no_scenario_table_offers_a_comparison(
    browser: Browser, served: str, catalogue: Catalogue, prefix: str
) -> None:
    """Ticking and the bar need the script: without it the tables show neither."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in ("catalogue/", f"domains/{catalogue.scenarios[0].domain}/"):
        page.goto(f"{served}/{prefix}{path}")
        assert page.locator("tbody tr[data-scenario]").count() > 0, path
        assert page.locator(".compare-pick, input.compare-pick__box").count() == 0, path
    context.close()


def test_ticking_on_a_chinese_domain_page_leads_to_the_comparison(page: Page, served: str, catalogue: Catalogue) -> None:
    counts = collections.Counter(s.domain for s in catalogue.scenarios)
    domain = next(key for key in catalogue.vocabularies.domains if counts[key] >= 2)
    page.goto(f"{served}/zh/domains/{domain}/")
    shown = page.locator("tbody tr[data-scenario]").evaluate_all("rows => rows.map(r => r.dataset.scenario)")
    assert set(shown) == {s.id for s in catalogue.scenarios if s.domain == domain}
    tick(page, shown[1])
    tick(page, shown[0])
    link = page.locator(".compare-pick__link")
    assert link.text_content() == "对比（2）"
    link.click()
    page.wait_for_url(f"{served}/zh/{address([shown[1], shown[0]])}")
    assert columns(page) == [shown[1], shown[0]]


def test_a_scenario_page_links_to_a_comparison_with_it(page: Page, served: str, catalogue: Catalogue) -> None:
    chosen = catalogue.scenarios[0]
    page.goto(f"{served}/scenarios/{chosen.id}/")
    page.locator("a[data-compare-with]").click()
    page.wait_for_url(f"{served}/{address([chosen.id])}")
    assert columns(page) == [chosen.id]
    assert "add at least one more" in messages(page)


def test_no_request_leaves_the_site(page: Page, served: str, catalogue: Catalogue) -> None:
    elsewhere: list[str] = []

    def on_request(request: Request) -> None:
        if not request.url.startswith((served, "data:", "blob:")):
            elsewhere.append(request.url)

    page.on("request", on_request)
    _, ids = compared(catalogue)
    for prefix in ("", "zh/"):
        page.goto(f"{served}/{prefix}{address(ids)}", wait_until="networkidle")
        page.locator(".compare-table thead a").first.click()
        page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == f"/zh/scenarios/{ids[0]}/"
    assert elsewhere == []


def pdf_text(page: Page) -> str:
    sheets = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    return " ".join(" ".join(unicodedata.normalize("NFKC", sheet.extract_text() or "").split()) for sheet in sheets)


def test_a_printed_comparison_fits_a4_without_its_controls(page: Page, served: str, catalogue: Catalogue) -> None:
    metric, ids = compared(catalogue)
    four = [*ids, next(s.id for s in catalogue.scenarios if s.id not in ids)]
    page.goto(f"{served}/{address(four)}", wait_until="networkidle")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 688, "height": 1000})  # A4 less the sheet's margins (182 mm), at 96 px an inch
    fits = page.evaluate(
        """() => {
        const table = document.querySelector(".compare-table").getBoundingClientRect();
        const cells = [...document.querySelectorAll(".compare-table th, .compare-table td")];
        return table.right <= document.documentElement.clientWidth + 1 && cells.every(c => c.getBoundingClientRect().right <= table.right + 1);
    }"""
    )
    assert fits
    hidden = page.evaluate(
        """() => [".compare__add", ".compare__remove", ".compare__cards", ".md-header", ".md-sidebar"].filter(
        s => [...document.querySelectorAll(s)].some(e => e.checkVisibility()))"""
    )
    assert hidden == []
    text = pdf_text(page)
    for scenario_id in four:
        assert all(word in text for word in scenario(catalogue, scenario_id).title.en.split() if "-" not in word), scenario_id
    assert catalogue.vocabularies.metrics[metric].name.en in text
    assert "Add a scenario" not in text and "Type part of a title" not in text
