"""A hostile corpus that passes `check`, driven through the whole pipeline: both strict builds,
the exports, and a real browser that opens every page of both sites and fails on any script
dialog, any request to another host, and any event handler, script link or style from data.

Each variant is one scenario file (the fixture's river-ships with one text replaced); the
vocabularies are poisoned too. The validator refuses many more variants with a located message
(tests/test_hostile.py); these are the ones it lets through, which rendering must make harmless.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Dialog, Request

from generator.build import check
from tests.browser import search
from tests.conftest import FIXTURE, build_site, site_project
from tests.localhost import serving
from tests.test_compare import columns
from tests.test_explore import shown_requirements, shown_scenarios

pytestmark = [pytest.mark.browser, pytest.mark.site]

BASE = (FIXTURE / "scenarios" / "river-ships.yaml").read_text(encoding="utf-8")
TITLE = "title: {en: Decimetre positioning for river ships, zh: 内河船舶分米级定位}"
PROBLEM = "  en: |\n    Channels are *narrow* at bridges.\n\n    See [the release](https://www.ichongqing.info/) for context."
REQUIREMENT = "text: {en: Real-time horizontal position., zh: 实时水平位置。}"

# (class, where, text). `where` names the text replaced.
VARIANTS = [
    ("markup", "title.en", "<https://x/ autofocus tabindex=1 onfocus=alert(document.domain)>"),
    ("markup", "title.en", "<https://x/ style=background:url(https://evil.example/t.png)>"),
    ("markup", "title.en", "' onmouseover='alert(1)' x='"),
    ("markup", "title.zh", '<https://x/" onmouseover="alert(1)> 标题'),
    ("markup", "requirement.en", "<https://x/ autofocus onfocus=alert(2)> requirement"),
    # (a 'javascript:' reference is refused by the checker now; tests/test_escaping.py renders it)
    ("markdown", "problem.en", '[x][n]\n\n[n]: https://ok.example/ (t" onmouseover="alert(1))'),
    ("markdown", "problem.en", '[a](https://ok.example/ "t\\" onmouseover=\\"alert(1)")'),
    ("markdown", "problem.en", '<https://x/" onmouseover="alert(1)>'),
    ("markdown", "problem.en", "[x][n]\n\n[n]: https://ok.example/ 'a\" onfocus=\"alert(1)'"),
    ("formula", "requirement.en", '=HYPERLINK("https://evil.example/","x")'),
    ("formula", "requirement.en", "+cmd|' /C calc'!A0"),
    ("formula", "requirement.en", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ("formula", "requirement.en", "-2+3+cmd|' /C calc'!A0"),
    ("formula", "requirement.zh", '＝HYPERLINK("https://evil.example/")'),
    ("unicode", "title.zh", "𠮷野家的北斗定位 🚀"),
    ("unicode", "title.en", "Astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 🛰️ text"),
    ("unicode", "requirement.zh", "定位精度须满足要求 𠀀𠀁"),
    ("formula", "title.en", '﹦HYPERLINK("https://evil.example/")'),
    ("formula", "title.zh", "｜cmd"),
    ("formula", "requirement.en", "％x"),
]


def variant(number: int, where: str, text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
    replacements = {
        "title.en": (TITLE, TITLE.replace("Decimetre positioning for river ships", quoted)),
        "title.zh": (TITLE, TITLE.replace("内河船舶分米级定位", quoted)),
        "problem.en": (PROBLEM, f"  en: {quoted}"),
        "requirement.en": (REQUIREMENT, REQUIREMENT.replace("Real-time horizontal position.", quoted)),
        "requirement.zh": (REQUIREMENT, REQUIREMENT.replace("实时水平位置。", quoted)),
    }
    old, new = replacements[where]
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new).replace("id: river-ships", f"id: hostile-{number:02d}")


POISONED_VOCABULARY = [
    ("domains.yaml", "name: {en: Transport, zh: 交通}", 'name: {en: "<https://x/ autofocus onfocus=alert(3)>", zh: "交通 𠮷"}'),
    (
        "domains.yaml",
        "description: {en: Roads and rivers., zh: 道路与河流。}",
        "description: {en: \"' onmouseover='alert(4)\", zh: 道路。}",
    ),
]


INHERITED = "constructor"  # a domain and a scenario id


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("hostile")
    project = site_project(work / "project")
    shutil.rmtree(project / "scenarios")
    shutil.copytree(FIXTURE / "scenarios", project / "scenarios")
    for number, (_, where, text) in enumerate(VARIANTS):
        (project / "scenarios" / f"hostile-{number:02d}.yaml").write_text(variant(number, where, text), encoding="utf-8")
    for name, old, new in POISONED_VOCABULARY:
        path = project / "scenarios" / "vocabularies" / name
        content = path.read_text(encoding="utf-8")
        assert content.count(old) == 1, old
        path.write_text(content.replace(old, new), encoding="utf-8")
    # A key that is also the name of a property every JavaScript object has.
    with (project / "scenarios" / "vocabularies" / "domains.yaml").open("a", encoding="utf-8") as domains:
        domains.write(
            f"{INHERITED}:\n  name: {{en: Builders, zh: 建设}}\n  description: {{en: Works., zh: 工程。}}\n  announced: false\n"
        )
    named = BASE.replace("id: river-ships", f"id: {INHERITED}").replace("domain: transport", f"domain: {INHERITED}")
    (project / "scenarios" / f"{INHERITED}.yaml").write_text(named, encoding="utf-8")
    check(project)  # the corpus passes the validator: rendering alone must make it harmless
    return build_site(project, work / "site")


def test_every_class_has_several_variants() -> None:
    classes = [name for name, _, _ in VARIANTS]
    assert all(classes.count(name) >= 3 for name in set(classes))


def formulas(cells: list[str]) -> list[str]:
    """The cells a spreadsheet would read as a formula: after spaces, a starter or a form of one
    that compatibility folding (NFKC) turns into it, such as ＝ or ﹦."""
    starts = (unicodedata.normalize("NFKC", cell.lstrip(" ")[:1])[:1] for cell in cells)
    return [cell for cell, first in zip(cells, starts, strict=True) if first and first in "=+-@\t\r|%"]


def test_exports_hold_the_texts_and_no_formula(hostile_site: Path) -> None:
    rows = list(csv.reader(io.StringIO((hostile_site / "catalogue.csv").read_text(encoding="utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert not formulas(cells)
    assert '\'=HYPERLINK("https://evil.example/","x")' in cells
    assert "𠮷野家的北斗定位 🚀" in cells  # every character survives into the spreadsheet
    data = json.loads((hostile_site / "catalogue.json").read_text(encoding="utf-8"))
    assert "𠮷野家的北斗定位 🚀" in [scenario["title"]["zh"] for scenario in data["scenarios"]]
    for feed in (hostile_site / "feed.xml", hostile_site / "zh" / "feed.xml"):
        ET.fromstring(feed.read_bytes())  # well-formed whatever the texts hold
    assert "𠮷野家的北斗定位 🚀" in (hostile_site / "zh" / "feed.xml").read_text(encoding="utf-8")


# Every attribute that could run script or load from another host, anywhere in the document, and
# links with a scheme that runs or embeds something.
INSPECT = """() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase(), value = attribute.value.trim().toLowerCase();
      if (name.startsWith('on')) found.push(element.tagName + ' ' + name);
      if (name === 'style' && value.includes('url(')) found.push(element.tagName + ' style url()');
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^(javascript|vbscript|data):/.test(value.replace(/[\\s\\x00-\\x1f]/g, '')))
        found.push(element.tagName + ' ' + name + '=' + value);
    }
  }
  return found;
}"""


def test_no_page_of_either_site_runs_script_or_calls_another_host(hostile_site: Path, browser: Browser) -> None:
    pages = sorted(path.parent.relative_to(hostile_site).as_posix() for path in hostile_site.rglob("index.html"))
    assert len(pages) > 40
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    dialogs: list[str] = []
    elsewhere: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(f"{tab.url}: {dialog.message}")
        dialog.dismiss()

    with serving(hostile_site) as url:

        def on_request(request: Request) -> None:
            if not request.url.startswith(url) and not request.url.startswith(("data:", "blob:", "about:")):
                elsewhere.append(f"{tab.url}: {request.url}")

        tab.on("dialog", on_dialog)
        tab.on("request", on_request)
        try:
            for page in pages:
                tab.goto(f"{url}/{'' if page == '.' else page + '/'}")
                assert tab.evaluate(INSPECT) == [], page
                for link in tab.locator(".md-content a").all()[:10]:
                    if link.is_visible():
                        link.hover()
                        link.focus()
            # The comparison writes titles, names and requirement texts with script: four at a
            # time, then ticked in the catalogue, whose script writes a label from each title.
            for first in range(0, len(VARIANTS), 4):
                chosen = ",".join(f"hostile-{number:02d}" for number in range(first, min(first + 4, len(VARIANTS))))
                for prefix in ("", "zh/"):
                    tab.goto(f"{url}/{prefix}compare/?s={chosen}")
                    assert tab.locator(".compare-table thead th[data-scenario]").count() == len(chosen.split(",")), chosen
                    assert tab.evaluate(INSPECT) == [], chosen
            tab.goto(f"{url}/catalogue/")
            for box in tab.locator("input.compare-pick__box").all()[:3]:
                box.check()
            assert tab.evaluate(INSPECT) == []
            # The catalogue's list of the scenarios shown carries every title and name as a cell.
            for prefix in ("", "zh/"):
                tab.goto(f"{url}/{prefix}catalogue/")
                with tab.expect_download() as download:
                    tab.locator("[data-scenarios-csv] button").click()
                rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
                assert {f"hostile-{number:02d}" for number in range(len(VARIANTS))} <= {row[0] for row in rows[1:]}
                cells = [cell for row in rows[1:] for cell in row]
                assert not formulas(cells)
                assert '\'﹦HYPERLINK("https://evil.example/")' in cells or prefix  # the title, as text
            # A product profile writes each scenario's title in its fit heading and each
            # requirement's text beside its verdict; its CSV carries them; a briefing pack of
            # every hostile record writes them on its cover and sheets.
            everyone = "&".join(f"s=hostile-{number:02d}" for number in range(len(VARIANTS)))
            for prefix in ("", "zh/"):
                tab.goto(f"{url}/{prefix}requirements/?p=horizontal-accuracy:1:m")
                while tab.locator("[data-show-more] button").is_visible():
                    tab.locator("[data-show-more] button").click()
                assert tab.locator("tr.fit").count() >= len(VARIANTS) and tab.evaluate(INSPECT) == []
                with tab.expect_download() as download:
                    tab.locator("[data-profile-csv]").click()
                rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
                cells = [cell for row in rows[1:] for cell in row]
                assert not formulas(cells)
                assert '\'=HYPERLINK("https://evil.example/","x")' in cells or prefix
                tab.goto(f"{url}/{prefix}briefing/?from=profile&{everyone}&p=horizontal-accuracy:1:m")
                assert tab.locator(".briefing-sheet").count() == len(VARIANTS) and tab.evaluate(INSPECT) == []
            # Search results show titles as HTML: type what the hostile titles hold. (Material's
            # search drops characters outside the Basic Multilingual Plane from a query: lunr's
            # trimmer reads them as two non-word halves. The words beside them are found.)
            for home, query in ((f"{url}/", "autofocus"), (f"{url}/zh/", "野家")):
                tab.goto(home)
                search(tab, query)
                assert tab.evaluate(INSPECT) == [], query
            tab.goto(f"{url}/zh/scenarios/hostile-14/")
            assert tab.title().startswith("𠮷野家的北斗定位 🚀 - ")
            assert tab.locator("h1").first.text_content() == "𠮷野家的北斗定位 🚀"
            tab.goto(f"{url}/scenarios/hostile-00/")
            assert tab.title().startswith("<https://x/ autofocus tabindex=1 onfocus=alert(document.domain)> - ")
            assert (tab.locator(".md-header__topic").last.text_content() or "").strip().startswith("<https://x/ autofocus")
        finally:
            context.close()
    assert dialogs == []
    assert [urlsplit(request.split(": ", 1)[1]).netloc for request in elsewhere] == []


def test_a_key_named_as_a_property_of_every_object_filters_and_compares(hostile_site: Path, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with serving(hostile_site) as served:
        page.goto(f"{served}/catalogue/?domain={INHERITED}")
        assert shown_scenarios(page) == [INHERITED]
        page.goto(f"{served}/requirements/?domain={INHERITED}")
        assert {scenario for scenario, _ in shown_requirements(page)} == {INHERITED}
        page.goto(f"{served}/zh/compare/?s={INHERITED}&s=hostile-00")
        assert columns(page) == [INHERITED, "hostile-00"]
    context.close()
