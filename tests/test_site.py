"""The built site: both languages build strictly, every page exists in both, nothing external."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.build import check
from generator.chinese import close_gaps
from generator.environment import strings
from tests.conftest import ROOT
from tests.helpers import broken_links

pytestmark = pytest.mark.site

CATALOGUE = check(ROOT).catalogue
SECTIONS = ["", "catalogue/", "requirements/", "stats/", "data/", "about/", "domains/", "capabilities/", "owners/"]


def pages_of(catalogue_prefix: str) -> list[str]:
    paths = [*SECTIONS, *(f"scenarios/{s.id}/" for s in CATALOGUE.scenarios)]
    for grouping in ("domains", "capabilities", "owners"):
        paths += [f"{grouping}/{key}/" for key in getattr(CATALOGUE.vocabularies, grouping)]
    return [catalogue_prefix + path for path in paths]


def test_the_catalogue_has_fifteen_scenarios() -> None:
    assert len(CATALOGUE.scenarios) == 15


@pytest.mark.parametrize("prefix", ["", "zh/"], ids=["en", "zh"])
def test_every_page_exists_in_both_languages(site: Path, prefix: str) -> None:
    missing = [path for path in pages_of(prefix) if not (site / path / "index.html").is_file()]
    assert missing == []


def test_pages_are_in_their_language(site: Path) -> None:
    scenario = CATALOGUE.scenarios[0]
    english = (site / "scenarios" / scenario.id / "index.html").read_text(encoding="utf-8")
    chinese = (site / "zh" / "scenarios" / scenario.id / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and scenario.title.en in english
    assert '<html lang="zh"' in chinese and scenario.title.zh in chinese


def test_scenario_page_shows_provenance_requirements_and_edit_link(site: Path) -> None:
    html = (site / "scenarios" / "yangtze-jialing-beidou-navigation" / "index.html").read_text(encoding="utf-8")
    assert "Illustrative record" in html
    assert "The official text of this scenario has not been published." in html
    assert 'Horizontal positioning accuracy <strong class="target">≤ 20 cm</strong>' in html
    assert '<a href="../yangtze-jialing-beidou-navigation.yaml" data-edit-link>Edit this scenario</a>' in html
    assert (site / "scenarios" / "yangtze-jialing-beidou-navigation.yaml").read_bytes() == (
        ROOT / "scenarios" / "yangtze-jialing-beidou-navigation.yaml"
    ).read_bytes()


@pytest.mark.parametrize("prefix", ["", "zh/"], ids=["en", "zh"])
def test_search_index_holds_every_scenario(site: Path, prefix: str) -> None:
    index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert {f"scenarios/{s.id}/" for s in CATALOGUE.scenarios} <= locations


@pytest.mark.parametrize("language", ["en", "zh"])
def test_search_index_holds_what_each_scenario_says_not_what_every_record_says(site: Path, language: str) -> None:
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
    assert {f"scenarios/{s.id}/#requirements" for s in CATALOGUE.scenarios} <= scenario_docs.keys()


def test_chinese_search_index_is_segmented_with_jieba(site: Path) -> None:
    index = json.loads((site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en", "zh"]
    assert any("\u200b" in doc["text"] for doc in index["docs"])


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
