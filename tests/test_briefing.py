"""The briefing pack, in a real browser: a cover and one sheet per scenario, printed to PDF, in
both languages, each sheet carrying its page's address as text and as a QR code that a decoder
reads back; a pack from a product profile with its verdicts; what the address asks for and the
pack leaves out, explained; no request to another host; the site built without its address,
with no QR code at all.

Expected sheets, verdicts and counts are computed from the scenario data.
"""

from __future__ import annotations

import collections
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pypdfium2
import pytest
import zxingcpp
from playwright.sync_api import Page, Request
from pypdf import PdfReader

from generator.build import check
from generator.model import Catalogue, Requirement, Scenario
from tests.conftest import ROOT, build_site
from tests.helpers import verdict_of
from tests.localhost import serving
from tests.projects import GROWN, synthetic_project

pytestmark = [pytest.mark.browser, pytest.mark.site]

SITE = "https://example.org/catalogue/"  # where the site is published, as CI would set it
LIMIT = 50  # catalogue.js BRIEFING_LIMIT
WORDS = {
    "en": {
        "name": "Chongqing Aerospace Information Scenarios",
        "from": "From the catalogue",
        "count": "Scenarios",
        "printed": "Printed ",
    },
    "zh": {"name": "重庆空天信息应用场景目录", "from": "从场景目录中选取", "count": "场景数", "printed": "打印日期："},
}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real catalogue built with its published address known, served on 127.0.0.1."""
    site = build_site(ROOT, tmp_path_factory.mktemp("published") / "site", site_url=SITE)
    with serving(site) as url:
        yield url


def flat(text: str) -> str:
    """Text as compared with what comes out of a PDF: NFKC (ligatures, CJK radical forms), and
    no white space at all, as a line may break anywhere in an address or a Chinese sentence."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def holds(text: str, expected: str) -> bool:
    """Whether PDF text holds `expected`, flattened. Chromium may map a Chinese character's glyph
    back to a CJK radical of the same shape ("风" to "⻛", U+2EDB), which NFKC does not undo."""
    pattern = "".join(
        f"(?:{re.escape(c)}|[\u2e80-\u2eff])" if "\u4e00" <= c <= "\u9fff" else re.escape(c) for c in flat(expected)
    )
    return re.search(pattern, text) is not None


def printed(page: Page) -> tuple[bytes, list[str]]:
    """The page printed to A4 PDF, and each printed page's text, flattened."""
    page.emulate_media(media="print")
    data = page.pdf(format="A4")
    return data, [flat(sheet.extract_text() or "") for sheet in PdfReader(io.BytesIO(data)).pages]


def codes_on(data: bytes, index: int) -> list[str]:
    """What a decoder reads in the QR codes on printed page `index`, rendered at 216 dpi."""
    image = pypdfium2.PdfDocument(data)[index].render(scale=3).to_pil()
    return sorted(result.text for result in zxingcpp.read_barcodes(image))


def pack_address(origin: str, ids: list[str], **parameters: str | list[str]) -> str:
    query = [("from", origin), *(("s", i) for i in ids)]
    for key, values in parameters.items():
        query += [(key, value) for value in ([values] if isinstance(values, str) else values)]
    return "briefing/?" + urlencode(query)


def domain_with_most_scenarios(catalogue: Catalogue) -> tuple[str, list[Scenario]]:
    counts = collections.Counter(s.domain for s in catalogue.scenarios)
    domain = max(catalogue.vocabularies.domains, key=lambda key: counts[key])
    return domain, [s for s in catalogue.scenarios if s.domain == domain]


def requests_elsewhere(page: Page, origin: str) -> list[str]:
    elsewhere: list[str] = []

    def on_request(request: Request) -> None:
        if not request.url.startswith((origin, "data:", "blob:")):
            elsewhere.append(request.url)

    page.on("request", on_request)
    return elsewhere


def broken_images(page: Page) -> list[str]:
    return list(page.locator("img").evaluate_all("images => images.filter(i => !i.complete || !i.naturalWidth).map(i => i.src)"))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_printed_pack_holds_a_cover_and_a_sheet_per_scenario_with_its_address_and_qr_code(
    catalogue: Catalogue, page: Page, published: str, language: str
) -> None:
    prefix = "" if language == "en" else "zh/"
    words = WORDS[language]
    domain, chosen = domain_with_most_scenarios(catalogue)
    chosen = chosen[::-1]  # the pack keeps the order the address gives
    assert len(chosen) >= 2
    elsewhere = requests_elsewhere(page, published)
    address = f"{published}/{prefix}{pack_address('catalogue', [s.id for s in chosen], domain=domain)}"
    page.goto(address, wait_until="networkidle")
    assert page.locator("button[data-print]").is_visible()
    assert broken_images(page) == []
    data, sheets = printed(page)

    # The cover, then one sheet per scenario, each starting a printed page of its own, in the order
    # asked; a long pack's list of contents goes on past the cover's first page, its QR code does not
    titles = [s.title.get(language) for s in chosen]
    addresses = [f"{SITE}{prefix}scenarios/{s.id}/" for s in chosen]
    starts = [next(i for i, sheet in enumerate(sheets) if holds(sheet, at)) for at in addresses]
    assert starts == sorted(starts) and len(set(starts)) == len(chosen) and starts[0] >= 1
    cover = "".join(sheets[: starts[0]])
    domain_name = catalogue.vocabularies.domains[domain].name.get(language)
    colon = ": " if language == "en" else "："
    label = "Domain" if language == "en" else "领域"
    for expected in (
        words["name"],
        words["from"],
        f"{label}{colon}{domain_name}",
        f"{words['count']}{len(chosen)}",
        flat(address),
        *titles,
    ):
        assert holds(cover, expected), expected
    # On paper, where no page says it: how many of the pack's records are not official texts
    unofficial = sum(s.provenance != "official" for s in chosen)
    total = len(chosen)
    notice = {
        ("en", True): f"none of the {total} scenarios in this pack is an official text",
        ("en", False): f"{unofficial} of the {total} scenarios in this pack are not official texts",
        ("zh", True): f"本材料所列{total}个场景均不是官方文本",
        ("zh", False): f"本材料所列{total}个场景中，{unofficial}个不是官方文本",
    }[language, unofficial == total]
    assert unofficial and holds(cover, notice)
    assert codes_on(data, 0) == [f"{SITE}{prefix}"]  # the catalogue online, on the first page

    for scenario, scenario_address, start, end in zip(chosen, addresses, starts, [*starts[1:], len(sheets)], strict=True):
        text = "".join(sheets[start:end])
        assert holds(sheets[start], scenario.title.get(language))
        for requirement in scenario.requirements:
            assert holds(text, requirement.text.get(language)), requirement.id
        assert codes_on(data, start) == [scenario_address]
        assert not any(holds(text, other) for other in addresses if other != scenario_address)  # a title may begin another

    # Every printed page: the catalogue's name, the date of printing, the pack's name at its foot
    # (its address, long with every scenario's id, is on the cover alone), its number.
    now = dt.date.today()
    today = f"{now.year}年{now.month}月{now.day}日" if language == "zh" else now.isoformat()  # as the pages write dates
    footer = "Briefing pack" if language == "en" else "汇报材料"
    for number, sheet in enumerate(sheets, 1):
        assert holds(sheet, words["name"]) and holds(sheet, words["printed"] + today) and holds(sheet, footer)
        assert number <= starts[0] or flat(address) not in sheet
        rest = sheet.replace(flat(words["printed"] + today), " ").replace(flat(address), " ")
        assert re.search(rf"(?<!\d){number}/{len(sheets)}(?!\d)", rest), (number, sheet[:120])
    assert elsewhere == []


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_pack_from_a_product_profile_states_it_and_judges_every_requirement(
    catalogue: Catalogue, page: Page, published: str, language: str
) -> None:
    prefix = "" if language == "en" else "zh/"
    vocabularies = catalogue.vocabularies
    metric, value, unit = "ground-resolution", 1.0, "m"
    profile = {metric: value * vocabularies.units[unit].factor}

    def verdict(requirement: Requirement) -> str:
        return verdict_of(catalogue, requirement, profile)

    asking = [s for s in catalogue.scenarios if any(r.target and r.target.metric == metric for r in s.requirements)]
    chosen = sorted(asking, key=lambda s: all(verdict(r) != "meets" for r in s.requirements))[:3]  # one the product meets first
    assert chosen

    address = pack_address("profile", [s.id for s in chosen], priority="must", p=f"{metric}:1:{unit}")
    page.goto(f"{published}/{prefix}{address}", wait_until="networkidle")
    facts = flat(page.locator(".briefing-cover").inner_text())
    product = f"{vocabularies.metrics[metric].name.get(language)} 1 {vocabularies.units[unit].symbol.get(language)}"
    assert flat(product) in facts
    assert flat("优先级：必须" if language == "zh" else "Priority: Must") in facts

    for scenario, sheet in zip(chosen, page.locator(".briefing-sheet").all(), strict=True):
        rows = sheet.locator("tbody tr")
        shown = [(row.locator("td").nth(0).inner_text(), row.locator(".verdict").get_attribute("class")) for row in rows.all()]
        musts_first = sorted(scenario.requirements, key=lambda r: r.priority != "must")
        assert shown == [(r.id, f"verdict verdict--{verdict(r)}") for r in musts_first]
        counts = collections.Counter((r.priority, verdict(r)) for r in scenario.requirements)
        fit = flat(sheet.locator(".briefing-fit").inner_text())
        if language == "en":
            assert flat(f"Musts: {counts['must', 'meets']} met, {counts['must', 'misses']} missed") in fit
        else:
            assert flat(f"必须项：满足{counts['must', 'meets']}项，不满足{counts['must', 'misses']}项") in fit

    _, sheets = printed(page)
    assert holds(sheets[0], product)
    met = sum(verdict(r) == "meets" for s in chosen for r in s.requirements)
    # A verdict cell's word, not the fit's sentences ("Meets every must", 满足全部, 均满足, 满足2项) nor 不满足.
    word = {"en": r"Meets(?!\s*every)", "zh": r"(?<![不均])满足(?!全部|\d)"}[language]
    assert met and sum(len(re.findall(word, sheet)) for sheet in sheets[1:]) >= met  # 不满足 is not 满足


def test_what_the_address_asks_for_and_the_pack_leaves_out_is_explained(catalogue: Catalogue, page: Page, published: str) -> None:
    real = [s.id for s in catalogue.scenarios[:2]]
    address = pack_address("catalogue", ["no-such-scenario", *real, real[0]], domain=["no-such-domain"], status="<b>x</b>")
    page.goto(f"{published}/{address}", wait_until="networkidle")
    assert page.locator(".briefing-sheet").count() == 2  # the repeated id once
    notes = page.locator(".briefing-notes li").all_inner_texts()
    assert notes == [
        "Scenarios named in the address that the catalogue does not hold, left out: 1.",
        "Filter values in the address that the catalogue does not know, left out: 2.",
    ]
    # Nothing from the address is shown as it is written, but the address itself
    facts = page.locator(".briefing-cover dd:not(:has(.briefing-address)), .briefing-cover li").all_inner_texts()
    assert not [fact for fact in facts if "no-such" in fact or "<" in fact]
    assert page.locator(".briefing-cover dt:text-is('Filters') + dd").inner_text() == "none"


def test_a_pack_names_its_origin_or_says_it_has_none(catalogue: Catalogue, page: Page, published: str) -> None:
    chosen = [s.id for s in catalogue.scenarios[:2]]
    # No origin in the address (a link made by hand): the scenarios it names, nothing else.
    page.goto(f"{published}/briefing/?" + urlencode([("s", i) for i in chosen]), wait_until="networkidle")
    assert page.locator(".briefing-sheet").count() == 2
    assert "Named one by one in the pack's address" in page.locator(".briefing-cover").inner_text()
    # From the explorer's filters alone, with no product profile: no verdicts to print.
    page.goto(f"{published}/{pack_address('profile', chosen, priority='must', verdict='misses')}", wait_until="networkidle")
    cover = page.locator(".briefing-cover").inner_text()
    assert "Your product" not in cover and flat("Priority: Must; Verdict: Misses") in flat(cover)
    assert page.locator(".briefing-sheet .verdict").count() == 0 and page.locator(".briefing-fit").count() == 0


def test_a_pack_holds_at_most_its_limit_and_says_so(page: Page, tmp_path: Path) -> None:
    project = tmp_path / "project"
    synthetic_project(project, GROWN)
    grown = check(project).catalogue
    assert len(grown.scenarios) > LIMIT
    site = build_site(project, tmp_path / "site")
    ids = [s.id for s in grown.scenarios][::-1]
    with serving(site) as url:
        page.goto(f"{url}/{pack_address('compare', ids)}", wait_until="networkidle")
        titles = page.locator(".briefing-sheet h2").all_inner_texts()
        notes = page.locator(".briefing-notes li").all_inner_texts()
    by_id = {s.id: s for s in grown.scenarios}
    assert titles == [by_id[i].title.en for i in ids[:LIMIT]]
    assert notes == [f"The address names {len(ids)} scenarios; a pack holds at most {LIMIT}, so the first {LIMIT} are printed."]


@pytest.mark.parametrize("prefix", ["", "zh/"], ids=["en", "zh"])
def test_without_scenarios_the_page_says_how_to_make_a_pack(page: Page, served: str, prefix: str) -> None:
    page.goto(f"{served}/{prefix}briefing/", wait_until="networkidle")
    empty = page.locator("[data-briefing-empty]")
    assert empty.is_visible()
    links = [href.removeprefix(served) for href in empty.locator("a").evaluate_all("links => links.map(a => a.href)")]
    assert links == [f"/{prefix}catalogue/", f"/{prefix}requirements/", f"/{prefix}compare/"]
    assert not page.locator("button[data-print]").is_visible()
    assert page.locator(".briefing-sheet").count() == 0


def test_built_without_the_site_address_the_pack_has_no_qr_code_and_the_browser_address(
    catalogue: Catalogue, page: Page, site: Path, served: str
) -> None:
    assert list(site.rglob("qr.svg")) == []
    scenario = catalogue.scenarios[0]
    page.goto(f"{served}/zh/{pack_address('compare', [scenario.id])}", wait_until="networkidle")
    assert page.locator("img").count() == 0 and broken_images(page) == []
    assert page.locator(".briefing-sheet__address").inner_text() == f"网址：{served}/zh/scenarios/{scenario.id}/"
    page.goto(f"{served}/scenarios/{scenario.id}/", wait_until="networkidle")
    assert page.locator("img").count() == 0


def test_a_printed_scenario_page_carries_its_qr_code(catalogue: Catalogue, page: Page, published: str) -> None:
    scenario = catalogue.scenarios[0]
    page.goto(f"{published}/zh/scenarios/{scenario.id}/", wait_until="networkidle")
    assert broken_images(page) == []
    data, sheets = printed(page)
    last = len(sheets) - 1
    assert codes_on(data, last) == [f"{SITE}zh/scenarios/{scenario.id}/"]
    assert holds(sheets[last], "扫码查看场景详情")


def test_axe_finds_no_violation_in_a_pack_with_its_qr_codes(catalogue: Catalogue, page: Page, published: str) -> None:
    axe = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    chosen = [s.id for s in catalogue.scenarios[:2]]
    page.goto(f"{published}/zh/{pack_address('profile', chosen, p='ground-resolution:1:m')}", wait_until="networkidle")
    page.add_script_tag(content=axe)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(
            v => `${v.id} (${v.impact}): ${v.nodes[0].target.join(" ")}: ${v.help}`)"""
    )
    assert violations == []
