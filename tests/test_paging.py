"""The later pages of a listing (the catalogue, the requirements explorer, each domain, capability
and owner): kept out of the search index, which has the listing's first page or none, and
described by what they show.

On a catalogue grown past a page of rows in one group: of 80 scenarios, more than 50 use remote sensing.
"""

from __future__ import annotations

import re

import pytest

from generator.addresses import Settings
from generator.build import sites
from generator.render import SCENARIOS_PER_PAGE, Page
from tests.projects import synthetic_project

LATER_PAGE = re.compile(r"^(catalogue|requirements|domains/[^/]+|capabilities/[^/]+|owners/[^/]+)/[0-9]+\.md$")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Page]]:
    """The pages of both languages, by language, then by docs path."""
    project = tmp_path_factory.mktemp("grown")
    synthetic_project(project, 80)
    _, rendered = sites(project, Settings())
    return {language: site.pages for language, site in rendered.items()}


def test_the_later_pages_of_every_listing_are_left_out_of_the_search_index(pages: dict[str, dict[str, Page]]) -> None:
    # Each later page of a group was indexed with its group's description again: at 2,000
    # scenarios a search for "river shipping" listed Transport eight times.
    for language, site in pages.items():
        later = sorted(path for path in site if LATER_PAGE.match(path))
        assert any(path.startswith("capabilities/") for path in later), "no group of more than one page"
        assert {path: site[path].meta.get("search") for path in later} == {path: {"exclude": True} for path in later}, language
        assert "search" not in site["capabilities/remote-sensing.md"].meta  # the group's entry


def test_a_listings_pager_is_kept_out_of_its_search_entry(pages: dict[str, dict[str, Page]]) -> None:
    # The pager was the one part of a group page's HTML that is neither its description nor
    # marked data-search-exclude like its rows: "1 2 Next →" was in the group's entry.
    for site in pages.values():
        for path in ("capabilities/remote-sensing.md", "catalogue.md", "requirements.md"):
            pagers = re.findall(r"<nav class=\"pager\"[^>]*>", site[path].body)
            assert pagers, f"{path} has no pager"
            assert all("data-search-exclude" in tag for tag in pagers), (path, pagers)


def test_a_later_page_says_which_rows_it_shows(pages: dict[str, dict[str, Page]]) -> None:
    # The catalogue's description said "All 80 scenario records of the catalogue in one table"
    # on each of its pages; a later page shared its first page's description word for word.
    en, zh = pages["en"], pages["zh"]
    first, last = SCENARIOS_PER_PAGE + 1, 80
    assert "in one table" not in en["catalogue.md"].description
    assert en["catalogue/2.md"].description == (
        f"All 80 scenario records of the catalogue, with their domains, owners, capabilities, places and status. Page 2 of 2: {first} to {last}."
    )
    assert (
        zh["catalogue/2.md"].description
        == f"本目录全部80条场景记录一览，含领域、需求单位、技术能力、适用地点和状态。本页为第2页（共2页），第{first}至{last}条。"
    )
    group = en["capabilities/remote-sensing/2.md"].description
    assert group.startswith(en["capabilities/remote-sensing.md"].description + " Page 2 of 2: "), group
    later = zh["capabilities/remote-sensing/2.md"].description
    said = re.fullmatch(r"需要卫星遥感的(\d+)个场景。本页为第2页（共2页），第51至(\d+)条。", later)
    assert said and said[1] == said[2], later
    assert all(
        site[path].description != site[LATER_PAGE.sub(r"\1.md", path)].description
        for site in pages.values()
        for path in site
        if LATER_PAGE.match(path)
    )
