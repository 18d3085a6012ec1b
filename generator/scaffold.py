"""`python -m generator new <id> --domain <key>`: a commented scenario template.

The template is written from the model's own field metadata, so it names every field, in both
languages, with its allowed values and an example, and it follows the model when a field is
added. Every value the contributor must supply is the placeholder TODO, which `check` rejects
until it is replaced.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from . import model
from .errors import UsageError
from .model import Field, Vocabularies
from .validate import PLACEHOLDER, suggest

HEADER = """\
# yaml-language-server: $schema=../schema/scenario.schema.json
#
# New scenario. Replace every TODO, then run `make check` (or `python -m generator check`):
# it names the file, line and field of anything left to fix. CONTRIBUTING.md explains the rules.
# 新场景：请替换所有 TODO，然后运行 `make check`（或 `python -m generator check`），
# 它会指出仍需修改之处的文件、行号和字段。规则见 CONTRIBUTING.md。
"""


def check_id(scenario_id: str) -> None:
    """Raise UsageError unless `scenario_id` can be a scenario's id (and so its file name and URL)."""
    if re.fullmatch(model.KEY_PATTERN, scenario_id) and len(scenario_id) <= 64:
        return
    expected = f"expected {model.KEY_EXPECTED}, at most 64 characters"
    # The file's name given for its id, or the id in capitals or with underscores: said what to give.
    name = scenario_id.removeprefix("scenarios/")
    suffix = next((name[-len(end) :] for end in (".yaml", ".yml") if name.casefold().endswith(end)), "")
    meant = re.sub(r"[\s_]+", "-", name.removesuffix(suffix).strip().casefold())
    dropped = " and ".join(f"'{part}'" for part in (scenario_id[: len(scenario_id) - len(name)], suffix) if part)
    if not re.fullmatch(model.KEY_PATTERN, meant) or len(meant) > 64:
        fix = expected
    elif suffix:
        fix = f"drop {dropped}: the file is named after the id, so give {meant}"
    else:
        fix = f"did you mean '{meant}'? ({expected})"
    raise UsageError(f"'{scenario_id}' is not a valid id; {fix}")


def new_scenario(scenario_id: str, domain: str, vocabularies: Vocabularies, today: dt.date) -> str:
    """The text of a new scenario file; raises UsageError for a malformed id or unknown domain."""
    check_id(scenario_id)
    if domain not in vocabularies.domains:
        raise UsageError(f"'{domain}' is not a domain; {suggest(domain, vocabularies.domains, 'expected one of')}")
    chosen = {  # values the template fills in, by field path; everything else is TODO
        "id": scenario_id,
        "domain": domain,
        "status": "proposed",
        "provenance": "community",
        "released": today,
        "updated": today,
        "locations.valid_on": today,
        "requirements.id": "R1",
        "requirements.priority": "must",
        "requirements.kind": "performance",
        "requirements.target.op": "<=",
    }
    return HEADER + "\n".join(_fields(model.Scenario, chosen, vocabularies, indent="", path="")) + "\n"


def _fields(cls: type, chosen: dict[str, Any], vocabularies: Vocabularies, indent: str, path: str) -> list[str]:
    lines: list[str] = []
    for field in model.fields(cls):
        lines.append("")
        lines += [f"{indent}# {line}" for line in _comments(field, vocabularies)]
        body = _value(field, chosen, vocabularies, indent, f"{path}{field.name}")
        # The template shows one target filled in, as a model, and asks what its figure rests on.
        if field.optional and field.name not in ("target", "basis"):
            body = [f"{indent}# {line.removeprefix(indent)}" for line in body]
        lines += body
    return lines


def _comments(field: Field, vocabularies: Vocabularies) -> list[str]:
    help = field.help
    comments = [help.en + (" (Optional.)" if field.optional else "")]
    if help.zh:
        comments.append(help.zh + ("（可选。）" if field.optional else ""))
    if allowed := _allowed(field, vocabularies):
        comments.append(f"Allowed / 可选值: {allowed}")
    if rules := model.limits(field):
        comments.append("Rules / 规则: " + "; ".join(rules))
    if field.rule(model.Markdown):
        comments.append("Limited Markdown: paragraphs, *emphasis*, lists, [links](https://...). No HTML, images or headings.")
    example = field.rule(model.Example)
    if example is not None:
        comments.append(f"Example / 示例: {_flow(example.value)}")
    return comments


def _allowed(field: Field, vocabularies: Vocabularies) -> str:
    kind = field.kind.item if field.kind.name == "list" and field.kind.item else field.kind
    if kind.name == "choice":
        return ", ".join(kind.choices)
    vocabulary = field.rule(model.Vocabulary)
    if vocabulary and vocabulary.name == "districts":
        return f"codes in scenarios/vocabularies/districts.yaml, e.g. {model.CITYWIDE} (citywide), 500101 (Wanzhou)"
    if vocabulary:
        return ", ".join(str(key) for key in getattr(vocabularies, vocabulary.name))
    return ""


def _value(field: Field, chosen: dict[str, Any], vocabularies: Vocabularies, indent: str, path: str) -> list[str]:
    name, kind = field.name, field.kind
    item = kind.item if kind.name == "list" else None
    if kind.name == "text":
        return [f"{indent}{name}:", f"{indent}  en: {PLACEHOLDER}", f"{indent}  zh: {PLACEHOLDER}"]
    if item is not None and item.name == "text":
        return [f"{indent}{name}:", f"{indent}  - en: {PLACEHOLDER}", f"{indent}    zh: {PLACEHOLDER}"]
    if item is not None and item.record is not None:
        inner = _fields(item.record, chosen, vocabularies, indent + "    ", f"{path}.")
        first = next(i for i, line in enumerate(inner) if line.strip() and not line.strip().startswith("#"))
        inner[first] = indent + "  - " + inner[first].removeprefix(indent + "    ")
        return [f"{indent}{name}:", *[line for line in inner if line]]
    if item is not None:
        return [f"{indent}{name}: [{PLACEHOLDER}]"]
    if kind.record is not None:
        return [
            f"{indent}{name}:",
            *[line for line in _fields(kind.record, chosen, vocabularies, indent + "  ", f"{path}.") if line],
        ]
    return [f"{indent}{name}: {_flow(chosen.get(path, PLACEHOLDER))}"]


def _flow(value: Any) -> str:
    """A value as it is written in a scenario file."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if value in ("<=", "<", ">=", ">", "=") or ": " in value else value
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return str(value)
