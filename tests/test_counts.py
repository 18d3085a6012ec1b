"""Counts that agree: the home page, the overview and the catalogue's filters name the same owners,
domains and capabilities, by one definition of "in use" (some scenario refers to it)."""

from __future__ import annotations

import dataclasses
import html
import re
import typing

import pytest

from generator.addresses import Settings
from generator.environment import strings
from generator.model import Catalogue, Status, Text
from generator.render import render


def owners_in_use(catalogue: Catalogue) -> set[str]:
    return {scenario.owner for scenario in catalogue.scenarios}


@pytest.fixture
def catalogue(catalogue: Catalogue) -> Catalogue:
    """The real catalogue without the scenarios of its first owner, which the vocabulary keeps:
    an owner without scenarios, as a new owner has before its first record lands."""
    first = next(iter(catalogue.vocabularies.owners))
    return dataclasses.replace(catalogue, scenarios=tuple(s for s in catalogue.scenarios if s.owner != first))


def test_an_owner_without_scenarios_so_this_file_tests_something(catalogue: Catalogue) -> None:
    assert set(catalogue.vocabularies.owners) - owners_in_use(catalogue)


def test_in_use_keeps_vocabulary_order_and_drops_unused_entries(catalogue: Catalogue) -> None:
    assert catalogue.in_use("owners") == [key for key in catalogue.vocabularies.owners if key in owners_in_use(catalogue)]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_home_overview_and_filters_count_the_same_owners(catalogue: Catalogue, language: str) -> None:
    pages = render(catalogue, Settings(), {}, language).pages
    home, stats, listing, owners = (pages[path].body for path in ("index.md", "stats.md", "catalogue.md", "owners/index.md"))
    label = re.escape(strings()["count.owners"][language])
    count = re.search(rf"<li><strong>(\d+)</strong>[^<]*{label}</li>", home)
    assert count, "the home page's owner count is missing"
    on_home = set(re.findall(r'<a href="owners/([a-z0-9-]+)/"', home.split('id="by-owner"')[1]))
    chart = stats.split('id="chart-owners"')[1].split("</figure>")[0]
    charted = set(re.findall(r'<a href="\.\./owners/([a-z0-9-]+)/"', chart))
    offered = set(re.findall(r'name="owner" value="([a-z0-9-]+)"', listing))
    assert int(count[1]) == len(owners_in_use(catalogue))
    listed = set(re.findall(r'<a href="([a-z0-9-]+)/"', owners))  # "The city bodies the records name"
    assert on_home == charted == offered == listed == owners_in_use(catalogue)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_renamed_owner_is_escaped_once_wherever_it_is_named(catalogue: Catalogue, language: str) -> None:
    """'Former (now current)' is a UI string with the names in it: as Markup, the overview's wrapped
    chart label escaped it a second time and showed '&#34;' as written."""
    owners = dict(catalogue.vocabularies.owners)
    key = next(iter(catalogue.in_use("owners")))
    former = Text(en='The "old" bureau & co', zh="旧“局”名 & 子")
    owners[key] = dataclasses.replace(owners[key], former_name=former)
    renamed = dataclasses.replace(catalogue, vocabularies=dataclasses.replace(catalogue.vocabularies, owners=owners))
    pages = render(renamed, Settings(), {}, language).pages
    for path in ("index.md", "stats.md", "catalogue.md", "owners/index.md", f"owners/{key}.md"):
        body = pages[path].body
        assert "&amp;amp;" not in body and "&amp;#34;" not in body and "&amp;#x27;" not in body, path
        assert html.unescape(body).count(former.get(language)) >= 1, path


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_status_chart_draws_the_statuses_in_use_and_names_the_others(catalogue: Catalogue, language: str) -> None:
    """As the catalogue's filter folds them: a bar of 0 for each status no record has yet filled a
    printed page with seven empty rows."""
    words = strings()
    chart = render(catalogue, Settings(), {}, language).pages["stats.md"].body.split('id="chart-status"')[1].split("</figure>")[0]
    used = {s.status for s in catalogue.scenarios}
    for key in typing.get_args(Status):
        name = html.escape(words[f"status.{key}"][language], quote=False)
        bar = f'<a href="../catalogue/?status={key}">{name}</a>'
        assert (bar in chart) == (key in used), key
    unused = [words[f"status.{key}"][language] for key in typing.get_args(Status) if key not in used]
    assert unused, "every status in use: this test tests nothing"
    separator = words["list.separator"][language]
    said = words["stats.none"][language].format(names=separator.join(unused))
    assert f'<p class="chart__none">{html.escape(said, quote=False)}</p>' in chart
