"""JSON Schema derived from the model, never written by hand.

Editors use `schema/scenario.schema.json` (via the `# yaml-language-server: $schema=...` line at
the top of each scenario file) to complete and check fields as people type. The vocabulary keys
are part of it, so it is regenerated when a vocabulary changes; a test keeps the committed copy
fresh. Rules JSON Schema cannot say (word counts, cross-field rules) stay in `validate.py`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any

from . import model
from .model import Field, Kind, Rule, Vocabularies

DIALECT = "https://json-schema.org/draft/2020-12/schema"
NOT_A_PLACEHOLDER = r"^(?!\s*TODO)"  # validate.PLACEHOLDER, as the checker reads it


def scenario_schema(vocabularies: Vocabularies) -> dict[str, Any]:
    return {
        "$schema": DIALECT,
        "title": "Chongqing aerospace-information application scenario",
        "description": (model.Scenario.__doc__ or "").strip(),
        **_object(model.Scenario, vocabularies),
    }


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


REFERENCE = (
    "<!-- field reference: written from the model by `python -m generator schema` -->",
    "<!-- end of the field reference -->",
)


def field_reference() -> str:
    """Every field of a scenario file, as a Markdown table for CONTRIBUTING.md."""
    rows = ["| Field · 字段 | Value · 取值 | Meaning | 含义 |", "|---|---|---|---|"]
    for field in model.walk(model.Scenario):
        value = "; ".join([model.describe(field.kind, field.rules), *model.limits(field)])
        value += " (optional · 可选)" if field.optional else ""
        cells = (f"`{field.path}`", value, field.help.en, field.help.zh or "")
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows) + "\n"


def with_reference(contributing: str) -> str:
    """CONTRIBUTING.md's text with its field reference (between the REFERENCE marks) written afresh."""
    start, end = REFERENCE
    before, _, rest = contributing.partition(start + "\n")
    _, _, after = rest.partition(end)
    return f"{before}{start}\n{field_reference()}{end}{after}"


def write(root: Path, vocabularies: Vocabularies) -> None:
    """Write the schemas into `root`/schema/ and the field reference into `root`/CONTRIBUTING.md."""
    (root / "schema").mkdir(exist_ok=True)
    for name, text in _files(root, vocabularies).items():
        (root / name).write_text(text, encoding="utf-8")


def stale(root: Path, vocabularies: Vocabularies) -> list[str]:
    """The files `write` writes whose text on disk differs from what it would write, or is missing
    (none in a project without schema/, which publishes none)."""
    if not (root / "schema").is_dir():
        return []
    found = _files(root, vocabularies)
    return [
        name for name, text in found.items() if not (root / name).is_file() or (root / name).read_text(encoding="utf-8") != text
    ]


def _files(root: Path, vocabularies: Vocabularies) -> dict[str, str]:
    files = {
        f"schema/{name}.schema.json": dumps(schema)
        for name, schema in (("scenario", scenario_schema(vocabularies)), ("catalogue", catalogue_schema(vocabularies)))
    }
    contributing = root / "CONTRIBUTING.md"
    if contributing.is_file():
        files["CONTRIBUTING.md"] = with_reference(contributing.read_text(encoding="utf-8"))
    return files


def dumps(schema: dict[str, Any]) -> str:
    """Stable text for a schema file: sorted keys would scatter fields, so insertion order is kept."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _object(cls: type, vocabularies: Vocabularies) -> dict[str, Any]:
    properties = {field.name: _field(field, vocabularies) for field in model.fields(cls)}
    required = [field.name for field in model.fields(cls) if not field.optional]
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


def _field(field: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    schema = _type(field.kind, field.rules, vocabularies)
    schema["description"] = f"{field.help.en} / {field.help.zh}" if field.help.zh else field.help.en
    example = field.rule(model.Example)
    if example is not None:
        schema["examples"] = [example.value.isoformat() if isinstance(example.value, dt.date) else example.value]
    return schema


def _type(kind: Kind, rules: tuple[Rule, ...], vocabularies: Vocabularies) -> dict[str, Any]:
    rule = functools.partial(model.find_rule, rules)
    if kind.name == "choice":
        return {"enum": list(kind.choices)}
    if kind.name == "list" and kind.item is not None:
        schema: dict[str, Any] = {"type": "array", "items": _type(kind.item, rules, vocabularies)}
        least = rule(model.MinItems)
        if least:
            schema["minItems"] = least.count
        if rule(model.Unique):
            schema["uniqueItems"] = True
        return schema
    if kind.name == "mapping" and kind.item is not None:
        return {"type": "object", "additionalProperties": _type(kind.item, (), vocabularies)}
    vocabulary = rule(model.Vocabulary)
    if vocabulary is not None:
        return {"enum": list(getattr(vocabularies, vocabulary.name))}
    if kind.name == "text":
        return _text(rule(model.Lengths))
    if kind.name == "record" and kind.record is not None:
        return _object(kind.record, vocabularies)
    if kind.name == "str":
        schema = {"type": "string", "minLength": 1}
        pattern, most = rule(model.Pattern), rule(model.MaxChars)
        if pattern:
            schema["pattern"] = pattern.regex
        if most:
            schema["maxLength"] = most.count
        if rule(model.WebAddress):
            schema.update(format="uri", pattern="^https?://")
        return schema
    if kind.name in ("int", "float"):
        bounds = rule(model.Range)
        schema = {"type": "integer" if kind.name == "int" else "number"}
        if bounds and bounds.minimum is not None:
            schema["minimum"] = bounds.minimum
        if bounds and bounds.maximum is not None:
            schema["maximum"] = bounds.maximum
        return schema
    return {"type": "boolean"} if kind.name == "bool" else {"type": "string", "format": "date"}


def _text(lengths: model.Lengths | None) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for language in model.LANGUAGES:
        # The template's TODO placeholders are not text yet: editors flag them as the checker does.
        text: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": NOT_A_PLACEHOLDER}
        length: model.Length | None = getattr(lengths, language) if lengths else None
        if length and length.chars:
            text["maxLength"] = length.chars
        if length and length.words:
            text["description"] = f"At most {length.words} words."
        properties[language] = text
    return {"type": "object", "additionalProperties": False, "required": list(model.LANGUAGES), "properties": properties}
