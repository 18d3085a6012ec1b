"""Data to take away: catalogue.json, catalogue.csv, one JSON file per scenario, Atom feeds.

The JSON holds each scenario exactly as its YAML file does (dates as ISO strings), so it is valid
against the published JSON Schema; the CSV has one row per requirement with both languages side by
side, for spreadsheets. Everything is deterministic: no clock, sorted input.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import html
import io
import json
import re
import uuid
from collections.abc import Callable
from typing import Any

from .model import BASE_UNITS, SCHEMA_VERSION, Catalogue, Requirement, Scenario, Text

# Characters XML 1.0 cannot hold at all; the validator refuses them in texts, and they are
# dropped here too, so that no text can make a feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """Text for XML content."""
    return html.escape(_NOT_XML.sub("", text), quote=False)


def _xml_attribute(text: str) -> str:
    """An XML attribute value, quotes included."""
    return (
        '"'
        + html.escape(_NOT_XML.sub("", text), quote=True).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
        + '"'
    )


FEED_NAMESPACE = uuid.UUID("6f1d3a52-8f0e-4d39-9a39-2f4e4c1c9b7e")  # fixed, so entry ids never change


def record(value: Any) -> Any:
    """A model object as the plain data of its YAML file: Text as {en, zh}, dates as ISO strings."""
    kind: type = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # most values: tested first
        return value
    if kind is Text:
        return {"en": value.en, "zh": value.zh}
    if kind is tuple or kind is list:
        return [record(item) for item in value]
    if kind is dict:
        return {str(key): record(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ((name, getattr(value, name)) for name in _field_names(kind))
        # Optional fields left out of a file (None, or an empty list) are left out of its record too.
        return {name: record(item) for name, item in fields if item is not None and item != ()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(cls))


def json_text(data: Any) -> str:
    """Compact JSON, one line: these files are for programs (browsers indent JSON for people)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def catalogue_json(catalogue: Catalogue, scenarios: list[str]) -> str:
    """Every scenario, given as json_text() of its record (the scenario's own JSON file, encoded
    once for both), with the vocabularies and the format's version."""
    vocabularies = catalogue.vocabularies
    data = {
        "schema_version": SCHEMA_VERSION,
        "scenarios": _SLOT,
        "vocabularies": {f.name: record(getattr(vocabularies, f.name)) for f in dataclasses.fields(vocabularies)},
    }
    listing = "[" + ",".join(text.removesuffix("\n") for text in scenarios) + "]"
    return json_text(data).replace(json.dumps(_SLOT), listing, 1)


_SLOT = "\x00"  # where the scenarios go; no text holds a control character, and it comes before the vocabularies


def catalogue_csv(catalogue: Catalogue, page: Callable[[str], str]) -> str:
    """One row per requirement, keys and names side by side, for spreadsheets; UTF-8 with a
    byte-order mark so that spreadsheet programs read the Chinese right. `page` gives the address
    of a scenario's English page from its docs path."""
    vocabularies = catalogue.vocabularies
    # The scenario's columns are worked out once for all its rows.
    scenario_columns: dict[str, Callable[[Scenario], str]] = {
        "scenario_id": lambda s: s.id,
        "scenario_title_en": lambda s: s.title.en,
        "scenario_title_zh": lambda s: s.title.zh,
        "page": lambda s: page(f"scenarios/{s.id}.md"),
        "domain": lambda s: s.domain,
        "domain_en": lambda s: vocabularies.domains[s.domain].name.en,
        "domain_zh": lambda s: vocabularies.domains[s.domain].name.zh,
        "owner": lambda s: s.owner,
        "owner_en": lambda s: vocabularies.owners[s.owner].name.en,
        "owner_zh": lambda s: vocabularies.owners[s.owner].name.zh,
        "capabilities": lambda s: " ".join(s.capabilities),
        "districts": lambda s: " ".join(str(code) for code in s.locations.codes),
        "districts_en": lambda s: "; ".join(vocabularies.districts[code].name.en for code in s.locations.codes),
        "districts_zh": lambda s: "；".join(vocabularies.districts[code].name.zh for code in s.locations.codes),
        "status": lambda s: s.status,
        "provenance": lambda s: s.provenance,
        "released": lambda s: s.released.isoformat(),
        "updated": lambda s: s.updated.isoformat(),
    }
    requirement_columns: dict[str, Callable[[Requirement], str]] = {
        "requirement_id": lambda r: r.id,
        "priority": lambda r: r.priority,
        "kind": lambda r: r.kind,
        "requirement_en": lambda r: r.text.en,
        "requirement_zh": lambda r: r.text.zh,
        "metric": lambda r: r.target.metric if r.target else "",
        "op": lambda r: r.target.op if r.target else "",
        "value": lambda r: _number(r.target.value) if r.target else "",
        "unit": lambda r: r.target.unit if r.target else "",
        "value_in_base_unit": lambda r: _number(vocabularies.in_base_unit(r.target)) if r.target else "",
        "base_unit": lambda r: BASE_UNITS[vocabularies.metrics[r.target.metric].dimension] if r.target else "",
        "basis": lambda r: (r.target.basis or "") if r.target else "",
        "source_url": lambda r: vocabularies.sources[r.source].url if r.source else "",
    }
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*scenario_columns, *requirement_columns])
    for scenario in catalogue.scenarios:
        shared = [spreadsheet_text(cell(scenario)) for cell in scenario_columns.values()]
        for requirement in scenario.requirements:
            writer.writerow(shared + [spreadsheet_text(cell(requirement)) for cell in requirement_columns.values()])
    return "\ufeff" + out.getvalue()


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): a first character
# of = + - @, a tab or a carriage return, and | and % for some programs; the full-width forms
# too, which some input methods type. defusedcsv misses the tab and the carriage return.
_FORMULA_START = tuple("=+-@\t\r|%＝＋－＠")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?")
# What a spreadsheet may skip before the first character it reads: spaces, and invisible format
# characters (the validator refuses those in texts; this does not depend on it).
_LEADING_BLANKS = re.compile(r"^[\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")


def spreadsheet_text(cell: str) -> str:
    """A cell a spreadsheet shows as the text it is: one that would start a formula gets a leading
    apostrophe, which spreadsheets hide. Numbers stay numbers, negative ones included."""
    if _LEADING_BLANKS.sub("", cell).startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _number(value: float) -> str:
    """A number to 12 significant digits, which is every digit a record holds and none of the
    noise of binary fractions (35 cm is 0.35 m, not 0.35000000000000003): 20, 0.2, 1e-09."""
    return str(int(value)) if value.is_integer() else f"{value:.12g}"


FEED_ENTRIES = 50  # the newest changes; the whole catalogue is in catalogue.json


def feed(catalogue: Catalogue, language: str, title: str, subtitle: str, url: Callable[[str], str], illustrative: str) -> str:
    """Atom feed of the scenarios, newest change first, at most FEED_ENTRIES of them.

    `url` maps a docs path to its address: absolute when the site's address is known (what feed
    readers and aggregators need), else relative to the feed, which sits at its language's root.
    An illustrative record's title is written through `illustrative` ("...: {title}"), and it has
    no published date: its `released` is the date its domain was named, not the date of its text.
    """
    ordered = sorted(catalogue.scenarios, key=lambda s: (s.updated, s.released, s.id), reverse=True)
    newest = max((s.updated for s in ordered), default=dt.date(2023, 11, 20))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">',
        f"  <title>{_xml_text(title)}</title>",
        f"  <subtitle>{_xml_text(subtitle)}</subtitle>",
        f"  <id>urn:uuid:{uuid.uuid5(FEED_NAMESPACE, language)}</id>",
        f'  <link rel="self" href={_xml_attribute(url("feed.xml"))}/>',
        f'  <link rel="alternate" type="text/html" href={_xml_attribute(url("index.md"))}/>',
        f"  <updated>{_timestamp(newest)}</updated>",
        f"  <author><name>{_xml_text(title)}</name></author>",
    ]
    for s in ordered[:FEED_ENTRIES]:
        entry_title = s.title.get(language)
        if s.provenance == "illustrative":
            entry_title = illustrative.format(title=entry_title)
        lines += [
            "  <entry>",
            f"    <title>{_xml_text(entry_title)}</title>",
            f"    <id>urn:uuid:{uuid.uuid5(FEED_NAMESPACE, f'{language}/{s.id}')}</id>",
            f'    <link rel="alternate" type="text/html" href={_xml_attribute(url(f"scenarios/{s.id}.md"))}/>',
        ]
        if s.provenance != "illustrative":
            lines.append(f"    <published>{_timestamp(s.released)}</published>")
        lines += [
            f"    <updated>{_timestamp(s.updated)}</updated>",
            f"    <category term={_xml_attribute(s.domain)}/>",
            f"    <summary>{_xml_text(s.summary.get(language))}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
