"""Data to take away: catalogue.json valid against the published schema, one JSON file per
scenario equal to its YAML, the requirements CSV for spreadsheets, and the Atom feeds; from the
real catalogue and from one grown from it past the sizes where lists are cut."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator import export
from generator.addresses import Settings
from generator.build import check
from generator.model import Catalogue, Scenario
from tests.conftest import ROOT
from tests.helpers import rendered_files
from tests.projects import GROWN, synthetic_project

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module", params=["real", "grown"])
def root(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalogue's project, and one grown from it past a feed's entries and a listing's page."""
    if request.param == "real":
        return ROOT
    grown = tmp_path_factory.mktemp("grown")
    synthetic_project(grown, GROWN)
    return grown


@pytest.fixture(scope="module")
def catalogue(root: Path) -> Catalogue:
    return check(root).catalogue


@pytest.fixture(scope="module")
def files(root: Path) -> dict[str, str]:
    """Every file rendered from the catalogue, by language and path."""
    return rendered_files(root, Settings())


def newest(catalogue: Catalogue, entries: int) -> list[Scenario]:
    """The scenarios a feed of `entries` entries lists: the latest changes first."""
    return sorted(catalogue.scenarios, key=lambda s: (s.updated, s.released, s.id), reverse=True)[:entries]


def schema(files: dict[str, str], name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(files[f"en/schema/{name}.schema.json"])
    return loaded


def as_json(value: Any) -> Any:
    """YAML data as JSON has it: dates become ISO strings; texts are compared without their
    whitespace, which validation trims, folds, and closes up between Chinese characters."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, dt.date):
        value = value.isoformat()
    if isinstance(value, str):
        return "".join(value.split())
    return value


def feed_title(scenario: Scenario, language: str) -> str:
    """A feed entry's title: a reconstruction says so before its own title."""
    title = scenario.title.get(language)
    if scenario.provenance != "illustrative":
        return title
    return {"en": f"Illustrative reconstruction: {title}", "zh": f"示意性重构：{title}"}[language]


def test_catalogue_json_is_valid_against_the_published_schema(catalogue: Catalogue, files: dict[str, str]) -> None:
    data = json.loads(files["en/catalogue.json"])
    jsonschema.Draft202012Validator(schema(files, "catalogue")).validate(data)  # standalone: no other file needed
    assert data["schema_version"] == "1.0"
    assert [s["id"] for s in data["scenarios"]] == [s.id for s in catalogue.scenarios]


def test_each_scenario_json_holds_what_its_yaml_file_holds(root: Path, catalogue: Catalogue, files: dict[str, str]) -> None:
    validator = jsonschema.Draft202012Validator(schema(files, "scenario"))
    for scenario in catalogue.scenarios:
        exported = json.loads(files[f"en/scenarios/{scenario.id}.json"])
        validator.validate(exported)
        source = yaml.safe_load((root / "scenarios" / f"{scenario.id}.yaml").read_text(encoding="utf-8"))
        assert as_json(exported) == as_json(source), scenario.id


def test_csv_has_one_row_per_requirement_and_opens_in_spreadsheets(catalogue: Catalogue, files: dict[str, str]) -> None:
    text = files["en/catalogue.csv"]
    assert text.startswith("\ufeff"), "a byte-order mark tells spreadsheet programs the file is UTF-8"
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == sum(len(s.requirements) for s in catalogue.scenarios)
    first = catalogue.scenarios[0]
    row = rows[0]
    assert (row["scenario_id"], row["scenario_title_zh"], row["requirement_id"]) == (first.id, first.title.zh, "R1")
    with_target = [r for r in rows if r["metric"]]
    assert with_target and all(float(r["value_in_base_unit"]) >= 0 for r in with_target)
    centimetres = next(r for r in with_target if r["unit"] == "cm")
    assert float(centimetres["value_in_base_unit"]) == float(centimetres["value"]) / 100
    assert centimetres["base_unit"] == "m"


def test_feeds_list_the_newest_changes_first(catalogue: Catalogue, files: dict[str, str]) -> None:
    listed = newest(catalogue, export.FEED_ENTRIES)
    for language in ("en", "zh"):
        feed = ET.fromstring(files[f"{language}/feed.xml"])
        assert feed.tag == f"{ATOM}feed"
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == len(listed)
        updated = [entry.findtext(f"{ATOM}updated") or "" for entry in entries]
        assert updated == sorted(updated, reverse=True)
        ids = {entry.findtext(f"{ATOM}id") for entry in entries}
        assert len(ids) == len(entries)
        titles = {entry.findtext(f"{ATOM}title") for entry in entries}
        assert titles == {feed_title(s, language) for s in listed}
        published = [entry.findtext(f"{ATOM}published") for entry in entries]
        assert published == [None] * len(entries), "a reconstruction's released date is its domain's, not its text's"
        links = {entry.find(f"{ATOM}link").get("href") for entry in entries}  # type: ignore[union-attr]
        assert links == {f"scenarios/{s.id}/" for s in listed}


def test_feed_entry_ids_are_stable_across_languages_and_builds(root: Path, files: dict[str, str]) -> None:
    again = rendered_files(root, Settings())
    assert again["en/feed.xml"] == files["en/feed.xml"]
    english = ET.fromstring(files["en/feed.xml"]).findtext(f"{ATOM}id")
    chinese = ET.fromstring(files["zh/feed.xml"]).findtext(f"{ATOM}id")
    assert english != chinese


def test_with_the_sites_address_the_feeds_and_the_spreadsheet_link_absolutely(root: Path) -> None:
    """Feed readers and spreadsheets are read away from the site: their links must stand alone."""
    files = rendered_files(root, Settings(site_url="https://example.org/cq/"))
    feed = ET.fromstring(files["zh/feed.xml"])
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/cq/zh/feed.xml"  # type: ignore[union-attr]
    entries = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]  # type: ignore[union-attr]
    assert entries and all(str(href).startswith("https://example.org/cq/zh/scenarios/") for href in entries)
    rows = list(csv.DictReader(io.StringIO(files["en/catalogue.csv"].removeprefix("\ufeff"))))
    assert rows[0]["page"] == f"https://example.org/cq/scenarios/{rows[0]['scenario_id']}/"


def test_feeds_hold_the_newest_changes_only(root: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "FEED_ENTRIES", 3)
    files = rendered_files(root, Settings())
    entries = ET.fromstring(files["en/feed.xml"]).findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [feed_title(s, "en") for s in newest(catalogue, 3)]


def test_the_data_page_describes_every_csv_column_and_gives_each_files_size(files: dict[str, str]) -> None:
    header = next(csv.reader(io.StringIO(files["en/catalogue.csv"].removeprefix("\ufeff"))))
    assert header == [column.name for column in export.csv_columns()]
    assert len(set(header)) == len(header)
    size = export.data_page(files_in_english(files)).sizes["catalogue.csv"]
    assert size == f"{max(1, round(len(files['en/catalogue.csv'].encode('utf-8')) / 1024)):,} KB"
    for language in ("en", "zh"):
        page = files[f"{language}/data.md"]
        assert all(f"><code>{name}</code></td>" in page for name in header), language
        comma, colon = ("，", "：") if language == "zh" else (", ", ": ")
        assert f"download>catalogue.csv</a>{comma}{size}{colon}" in page, language


def files_in_english(files: dict[str, str]) -> dict[str, str]:
    """The English site's files by docs path, as the render has them."""
    return {path.removeprefix("en/"): text for path, text in files.items() if path.startswith("en/")}
