"""JSON Schema derived from the model, never written by hand.

Editors use `schema/scenario.schema.json` (via the `# yaml-language-server: $schema=...` line at
the top of each scenario file) to complete and check fields as people type. The vocabulary keys
are part of it, so it is regenerated when a vocabulary changes; a test keeps the committed copy
fresh. Rules JSON Schema cannot say (word counts, cross-field rules) stay in `validate.py`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from typing import Any, Literal, Union

from . import model
from .model import Vocabularies

DIALECT = "https://json-schema.org/draft/2020-12/schema"
NOT_A_PLACEHOLDER = r"^(?!\s*TODO)"  # validate.PLACEHOLDER, as the checker reads it


def scenario_schema(vocabularies: Vocabularies) -> dict[str, Any]:
    """The schema of one scenario file."""
    schema = {
        "$schema": DIALECT,
        "title": "Chongqing aerospace-information application scenario",
        "description": _doc(model.Scenario),
        **_object(model.Scenario, vocabularies),
    }
    return schema


def catalogue_schema(vocabularies: Vocabularies) -> dict[str, Any]:
    """The schema of catalogue.json: every scenario, as in its file, plus the vocabularies."""
    # The scenario schema is included, not referred to by file name: a relative reference would
    # need its reader to know where the schema came from, which general-purpose validators do not.
    scenario = {key: value for key, value in scenario_schema(vocabularies).items() if key != "$schema"}
    return {
        "$schema": DIALECT,
        "title": "Chongqing aerospace-information scenario catalogue",
        "description": "Every scenario of the catalogue with the vocabularies it refers to.",
        "type": "object",
        "additionalProperties": False,
        "required": ["schema_version", "scenarios", "vocabularies"],
        "properties": {
            "schema_version": {"const": model.SCHEMA_VERSION, "description": "Version of this format."},
            "scenarios": {"type": "array", "items": {"$ref": "#/$defs/scenario"}},
            "vocabularies": {
                "type": "object",
                "additionalProperties": False,
                "required": list(model.VOCABULARY_TYPES),
                "properties": {
                    name: {"type": "object", "additionalProperties": _object(entry, vocabularies)}
                    for name, entry in model.VOCABULARY_TYPES.items()
                },
            },
        },
        "$defs": {"scenario": scenario},
    }


def dumps(schema: dict[str, Any]) -> str:
    """Stable text for a schema file: sorted keys would scatter fields, so insertion order is kept."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _object(cls: type, vocabularies: Vocabularies) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for spec in dataclasses.fields(cls):
        meta = dict(spec.metadata)
        properties[spec.name] = _field(hints[spec.name], meta, vocabularies)
        if spec.default is dataclasses.MISSING:
            required.append(spec.name)
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


def _field(tp: Any, meta: dict[str, Any], vocabularies: Vocabularies) -> dict[str, Any]:
    schema = _type(tp, meta, vocabularies)
    schema["description"] = meta["help"] if meta["help"] == meta["help_zh"] else f"{meta['help']} / {meta['help_zh']}"
    if meta.get("example") is not None:
        example = meta["example"]
        schema["examples"] = [example.isoformat() if isinstance(example, dt.date) else example]
    return schema


def _type(tp: Any, meta: dict[str, Any], vocabularies: Vocabularies) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        (inner,) = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return _type(inner, meta, vocabularies)
    if origin is Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin is tuple:
        items = _type(typing.get_args(tp)[0], {**meta, "min_items": None}, vocabularies)
        schema: dict[str, Any] = {"type": "array", "items": items}
        if meta.get("min_items"):
            schema["minItems"] = meta["min_items"]
        if meta.get("unique"):
            schema["uniqueItems"] = True
        return schema
    if origin is dict:
        _, value_type = typing.get_args(tp)
        return {"type": "object", "additionalProperties": _type(value_type, {}, vocabularies)}
    if meta.get("vocabulary"):
        return {"enum": list(getattr(vocabularies, meta["vocabulary"]))}
    if tp is model.Text:
        return _text(meta)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _object(tp, vocabularies)
    if tp is str:
        schema = {"type": "string", "minLength": 1}
        if meta.get("pattern"):
            schema["pattern"] = meta["pattern"]
        if meta.get("max_chars"):
            schema["maxLength"] = meta["max_chars"]
        if meta.get("url"):
            schema["format"] = "uri"
            schema["pattern"] = "^https?://"
        return schema
    if tp is int or tp is float:
        schema = {"type": "integer" if tp is int else "number"}
        if "min" in meta:
            schema["minimum"] = meta["min"]
        return schema
    if tp is bool:
        return {"type": "boolean"}
    if tp is dt.date:
        return {"type": "string", "format": "date"}
    raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a model declaration error


def _text(meta: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for language in model.LANGUAGES:
        # The template's TODO placeholders are not text yet: editors flag them as the checker does.
        text: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": NOT_A_PLACEHOLDER}
        length = (meta.get("lengths") or {}).get(language)
        if length and length.chars:
            text["maxLength"] = length.chars
        if length and length.words:
            text["description"] = f"At most {length.words} words."
        properties[language] = text
    return {"type": "object", "additionalProperties": False, "required": list(model.LANGUAGES), "properties": properties}


def _doc(cls: type) -> str:
    return (cls.__doc__ or "").strip()
