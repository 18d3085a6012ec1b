"""The JSON Schema: derived from the model, committed, fresh, and in agreement with the checker."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.build import vocabularies
from generator.model import MAP_SIDE, Vocabularies
from generator.schema import catalogue_schema, dumps, scenario_schema, with_reference
from tests.conftest import ROOT

SCENARIO_FILES = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def real() -> Vocabularies:
    """The real catalogue's vocabularies, read when a test asks for them."""
    return vocabularies(ROOT)


def as_json(value: Any) -> Any:
    """YAML data as JSON sees it: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize(("name", "make"), [("scenario", scenario_schema), ("catalogue", catalogue_schema)])
def test_committed_schema_is_fresh(name: str, make: Any, real: Vocabularies) -> None:
    committed = (ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == dumps(make(real)), "schema/ is stale: run `python -m generator schema` and commit it"


def test_committed_field_reference_is_fresh() -> None:
    committed = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "| `requirements.target.unit` |" in committed
    assert committed == with_reference(committed), "CONTRIBUTING.md is stale: run `python -m generator schema` and commit it"


def test_schema_is_valid_json_schema(real: Vocabularies) -> None:
    jsonschema.Draft202012Validator.check_schema(scenario_schema(real))
    jsonschema.Draft202012Validator.check_schema(catalogue_schema(real))


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_every_scenario_file_points_editors_at_the_schema_and_satisfies_it(path: Path, real: Vocabularies) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/scenario.schema.json\n")
    validator = jsonschema.Draft202012Validator(scenario_schema(real), format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(as_json(yaml.safe_load(text)))] == []


def test_schema_rejects_what_the_checker_rejects(real: Vocabularies) -> None:
    data = as_json(yaml.safe_load(SCENARIO_FILES[0].read_text(encoding="utf-8")))
    validator = jsonschema.Draft202012Validator(scenario_schema(real))
    for broken in (
        {**data, "statu": "open"},
        {**data, "status": "mandatory"},
        {**data, "domain": "roads"},
        {**data, "title": {"en": "Only English"}},
        {**data, "capabilities": []},
        {**data, "title": {"en": "TODO: a short title", "zh": "TODO"}},
    ):
        assert list(validator.iter_errors(broken)), broken


def test_schema_carries_vocabulary_keys_and_limits(real: Vocabularies) -> None:
    schema = json.loads(dumps(scenario_schema(real)))
    assert schema["properties"]["domain"]["enum"] == list(real.domains)
    assert schema["properties"]["title"]["properties"]["en"]["maxLength"] == 90


def test_catalogue_schema_bounds_a_district_tile_as_the_checker_does(real: Vocabularies) -> None:
    """A Range rule gives the schema both of its bounds: a tile beyond the map is refused by
    both the checker and an editor that reads the schema."""
    schema = catalogue_schema(real)
    tile = {"name": {"en": "Far", "zh": "远"}, "row": MAP_SIDE + 1, "col": 0}

    def tiles(node: Any) -> list[dict[str, Any]]:
        found = []
        if isinstance(node, dict):
            if {"row", "col"} <= node.get("properties", {}).keys():
                found.append(node)
            for value in node.values():
                found += tiles(value)
        elif isinstance(node, list):
            for value in node:
                found += tiles(value)
        return found

    (district,) = tiles(schema)
    assert {key: district["properties"][key].get("maximum") for key in ("row", "col")} == {"row": MAP_SIDE, "col": MAP_SIDE}
    assert not jsonschema.Draft202012Validator({**district, "required": []}).is_valid(tile)
