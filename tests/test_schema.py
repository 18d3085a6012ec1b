"""The JSON Schema: derived from the model, committed, fresh, and in agreement with the checker."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.model import Catalogue
from generator.schema import catalogue_schema, dumps, scenario_schema
from tests.conftest import ROOT

SCENARIO_FILES = sorted((ROOT / "scenarios").glob("*.yaml"))


def as_json(value: Any) -> Any:
    """YAML data as JSON sees it: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize(("name", "make"), [("scenario", scenario_schema), ("catalogue", catalogue_schema)])
def test_committed_schema_is_fresh(catalogue: Catalogue, name: str, make: Any) -> None:
    committed = (ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == dumps(make(catalogue.vocabularies)), "schema/ is stale: run `python -m generator schema` and commit it"


def test_schema_is_valid_json_schema(catalogue: Catalogue) -> None:
    jsonschema.Draft202012Validator.check_schema(scenario_schema(catalogue.vocabularies))
    jsonschema.Draft202012Validator.check_schema(catalogue_schema(catalogue.vocabularies))


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_every_scenario_file_points_editors_at_the_schema_and_satisfies_it(catalogue: Catalogue, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/scenario.schema.json\n")
    validator = jsonschema.Draft202012Validator(
        scenario_schema(catalogue.vocabularies), format_checker=jsonschema.FormatChecker()
    )
    assert [error.message for error in validator.iter_errors(as_json(yaml.safe_load(text)))] == []


def test_schema_rejects_what_the_checker_rejects(catalogue: Catalogue) -> None:
    data = as_json(yaml.safe_load(SCENARIO_FILES[0].read_text(encoding="utf-8")))
    validator = jsonschema.Draft202012Validator(scenario_schema(catalogue.vocabularies))
    for broken in (
        {**data, "statu": "open"},
        {**data, "status": "mandatory"},
        {**data, "domain": "roads"},
        {**data, "title": {"en": "Only English"}},
        {**data, "capabilities": []},
        {**data, "title": {"en": "TODO: a short title", "zh": "TODO"}},
    ):
        assert list(validator.iter_errors(broken)), broken


def test_schema_carries_vocabulary_keys_and_limits(catalogue: Catalogue) -> None:
    schema = json.loads(dumps(scenario_schema(catalogue.vocabularies)))
    assert schema["properties"]["domain"]["enum"] == list(catalogue.vocabularies.domains)
    assert schema["properties"]["title"]["properties"]["en"]["maxLength"] == 90
