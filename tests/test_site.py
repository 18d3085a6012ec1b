"""The built site: both languages build strictly, every page exists in both, nothing external."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from generator.build import check
from generator.chinese import close_gaps
from generator.environment import strings
from generator.model import Catalogue
from tests.conftest import ROOT, build_site
from tests.helpers import broken_links
from tests.projects import GROWN, synthetic_project

pytestmark = pytest.mark.site

SECTIONS = ["", "catalogue/", "requirements/", "stats/", "data/", "about/", "domains/", "capabilities/", "owners/"]


def pages_of(catalogue: Catalogue, catalogue_prefix: str) -> list[str]:
    paths = [*SECTIONS, *(f"scenarios/{s.id}/" for s in catalogue.scenarios)]
    for grouping in ("domains", "capabilities", "owners"):
        paths += [f"{grouping}/{key}/" for key in getattr(catalogue.vocabularies, grouping)]
    return [catalogue_prefix + path for path in paths]


def test_the_catalogue_has_a_scenario_for_each_file(catalogue: Catalogue) -> None:
    assert sorted(s.id for s in catalogue.scenarios) == sorted(path.stem for path in (ROOT / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("prefix", ["", "zh/"], ids=["en", "zh"])
def test_every_page_exists_in_both_languages(catalogue: Catalogue, site: Path, prefix: str) -> None:
    missing = [path for path in pages_of(catalogue, prefix) if not (site / path / "index.html").is_file()]
    assert missing == []


def test_pages_are_in_their_language(catalogue: Catalogue, site: Path) -> None:
    scenario = catalogue.scenarios[0]
    english = (site / "scenarios" / scenario.id / "index.html").read_text(encoding="utf-8")
    chinese = (site / "zh" / "scenarios" / scenario.id / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and scenario.title.en in english
    assert '<html lang="zh"' in chinese and scenario.title.zh in chinese


def test_scenario_page_shows_provenance_requirements_and_its_yaml_source(site: Path) -> None:
    html = (site / "scenarios" / "yangtze-jialing-beidou-navigation" / "index.html").read_text(encoding="utf-8")
    assert "Illustrative record" in html
    assert "The official text of this scenario has not been published." in html
    assert 'Horizontal positioning accuracy <strong class="target">≤\u00a020\u00a0cm</strong>' in html
    assert '<a href="../yangtze-jialing-beidou-navigation.yaml">YAML source</a>' in html
    assert (site / "scenarios" / "yangtze-jialing-beidou-navigation.yaml").read_bytes() == (
        ROOT / "scenarios" / "yangtze-jialing-beidou-navigation.yaml"
    ).read_bytes()


@pytest.mark.parametrize("prefix", ["", "zh/"], ids=["en", "zh"])
def test_search_index_holds_every_scenario(catalogue: Catalogue, site: Path, prefix: str) -> None:
    index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert {f"scenarios/{s.id}/" for s in catalogue.scenarios} <= locations


@pytest.mark.parametrize("language", ["en", "zh"])
def test_search_index_holds_what_each_scenario_says_not_what_every_record_says(
    catalogue: Catalogue, site: Path, language: str
) -> None:
    """The provenance note, sources, dates and links are alike on every page; indexed, they would
    make the index grow with no gain, and a search for 'illustrative' would find every scenario."""
    prefix = "" if language == "en" else "zh/"
    index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    scenario_docs = {
        doc["location"]: doc["text"].replace("\u200b", "") for doc in index["docs"] if doc["location"].startswith("scenarios/")
    }
    # The note's second sentence: its first is also how many records begin "how to respond".
    note = re.split(r"(?<=[.。]) ?", close_gaps(strings()["provenance.illustrative.note"][language]))[1]
    assert not [location for location, text in scenario_docs.items() if note in text]
    assert not [location for location in scenario_docs if location.endswith("#sources")]
    assert {f"scenarios/{s.id}/#requirements" for s in catalogue.scenarios} <= scenario_docs.keys()
    # A district's code: a search for '5 cm' found every district list first, by '5*' in 500101
    codes = {str(code) for s in catalogue.scenarios for code in s.locations.codes if code != 500000}
    assert codes and not [code for code in codes for text in scenario_docs.values() if code in text]
    names = {catalogue.vocabularies.districts[int(code)].name.get(language) for code in codes}
    assert all(any(name in text for text in scenario_docs.values()) for name in names)  # found by its name


def test_chinese_search_index_is_segmented_with_jieba(site: Path) -> None:
    index = json.loads((site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en", "zh"]
    assert any("\u200b" in doc["text"] for doc in index["docs"])


# The files of ours a page loads: scripts, style sheets and the listings' data.
LOADED = re.compile(r'<(?:script[^>]+src|link[^>]+href)="([^"]*(?:assets/catalogue/[^"]+|data\.js[^"]*))"')


def test_every_script_and_style_sheet_of_ours_is_addressed_by_its_content(site: Path) -> None:
    """A browser caches each file apart: a page that named data.js alone could run today's script on
    yesterday's data. Each address carries its file's digest, so a changed file is fetched anew."""
    loaded, wrong = set(), []
    for page in sorted(site.rglob("*.html")):
        url = page.relative_to(site).as_posix()
        for address in LOADED.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(urljoin(url, address))
            file = site / parts.path.lstrip("/")  # the 404 page links from the root
            loaded.add(file.relative_to(site).as_posix())
            if parts.query != f"v={hashlib.sha256(file.read_bytes()).hexdigest()[:10]}":
                wrong.append(f"{url}: {address}")
    assert wrong == []
    mine = {"assets/catalogue/catalogue.css", "assets/catalogue/catalogue.js", "assets/catalogue/compare.js"}
    assert mine | {"assets/catalogue/briefing.js", "catalogue/data.js", "requirements/data.js", "zh/briefing/data.js"} <= loaded


# Attributes through which a page makes the browser fetch something by itself (links are not fetches).
FETCHING = re.compile(
    r"""(?:src|srcset|data|poster)\s*=\s*["']?\s*(?:https?:)?//|<link[^>]+href=["'](?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def test_no_page_or_stylesheet_loads_anything_from_another_host(site: Path) -> None:
    offenders = []
    for path in sorted(site.rglob("*")):
        if path.suffix in {".html", ".css"} and FETCHING.search(path.read_text(encoding="utf-8", errors="replace")):
            offenders.append(path.relative_to(site).as_posix())
    assert offenders == []


def test_every_link_within_the_site_resolves(site: Path) -> None:
    """Every relative href and src of every page, in both languages, leads to a file of the site."""
    assert broken_links(site) == []


def test_a_grown_catalogue_builds_every_page_with_links_that_resolve(tmp_path: Path) -> None:
    """Past the sizes where lists are cut (feeds, cards, a listing's page of rows), every page is
    still built in both languages and every link still leads somewhere."""
    project = tmp_path / "project"
    synthetic_project(project, GROWN)
    site = build_site(project, tmp_path / "site")
    grown = check(project).catalogue
    assert len(grown.scenarios) == GROWN
    missing = [path for prefix in ("", "zh/") for path in pages_of(grown, prefix) if not (site / path / "index.html").is_file()]
    assert missing == []
    assert broken_links(site) == []
