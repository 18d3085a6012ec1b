"""Data to take away: catalogue.json, catalogue.csv, one JSON file per scenario, Atom feeds.

The JSON holds each scenario exactly as its YAML file does (dates as ISO strings), so it is valid
against the published JSON Schema; the CSV has one row per requirement with both languages side by
side, for spreadsheets. Everything is deterministic: no clock, sorted input.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import uuid
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .model import SCHEMA_VERSION, Catalogue, Text

FEED_NAMESPACE = uuid.UUID("6f1d3a52-8f0e-4d39-9a39-2f4e4c1c9b7e")  # fixed, so entry ids never change


def record(value: Any) -> Any:
    """A model object as the plain data of its YAML file: Text as {en, zh}, dates as ISO strings."""
    if isinstance(value, Text):
        return {"en": value.en, "zh": value.zh}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: record(getattr(value, f.name)) for f in dataclasses.fields(value) if getattr(value, f.name) is not None}
    if isinstance(value, tuple | list):
        return [record(item) for item in value]
    if isinstance(value, dict):
        return {str(key): record(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def json_text(data: Any) -> str:
    """Compact JSON, one line: these files are for programs (browsers indent JSON for people)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def catalogue_json(catalogue: Catalogue, records: list[dict[str, Any]]) -> str:
    """Every scenario, as `record` gives it, with the vocabularies and the format's version."""
    vocabularies = catalogue.vocabularies
    data = {
        "schema_version": SCHEMA_VERSION,
        "scenarios": records,
        "vocabularies": {f.name: record(getattr(vocabularies, f.name)) for f in dataclasses.fields(vocabularies)},
    }
    return json_text(data)


CSV_COLUMNS = [
    "scenario_id",
    "scenario_title_en",
    "scenario_title_zh",
    "domain",
    "owner",
    "capabilities",
    "districts",
    "status",
    "provenance",
    "released",
    "updated",
    "requirement_id",
    "priority",
    "kind",
    "requirement_en",
    "requirement_zh",
    "metric",
    "op",
    "value",
    "unit",
    "value_in_base_unit",
    "base_unit",
    "source_url",
]
BASE_UNITS = {"length": "m", "time": "s", "ratio": "%", "count": "1", "level": "level"}


def catalogue_csv(catalogue: Catalogue) -> str:
    """One row per requirement; UTF-8 with a byte-order mark so spreadsheets read Chinese right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    vocabularies = catalogue.vocabularies
    for s in catalogue.scenarios:
        for r in s.requirements:
            target = r.target
            metric = vocabularies.metrics[target.metric] if target else None
            writer.writerow(
                [
                    s.id,
                    s.title.en,
                    s.title.zh,
                    s.domain,
                    s.owner,
                    " ".join(s.capabilities),
                    " ".join(str(code) for code in s.locations.codes),
                    s.status,
                    s.provenance,
                    s.released.isoformat(),
                    s.updated.isoformat(),
                    r.id,
                    r.priority,
                    r.kind,
                    r.text.en,
                    r.text.zh,
                    target.metric if target else "",
                    target.op if target else "",
                    f"{target.value:g}" if target else "",
                    target.unit if target else "",
                    f"{vocabularies.in_base_unit(target):.12g}" if target else "",
                    BASE_UNITS[metric.dimension] if metric else "",
                    vocabularies.sources[r.source].url if r.source else "",
                ]
            )
    return "\ufeff" + out.getvalue()


def feed(catalogue: Catalogue, language: str, title: str, subtitle: str, link: Callable[[str], str]) -> str:
    """Atom feed of the scenarios, newest change first.

    Links are relative to the feed's own URL (feed.xml at the site root); `link` maps a docs path
    to that relative URL.
    """
    ordered = sorted(catalogue.scenarios, key=lambda s: (s.updated, s.released, s.id), reverse=True)
    newest = max((s.updated for s in ordered), default=dt.date(2023, 11, 20))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">',
        f"  <title>{escape(title)}</title>",
        f"  <subtitle>{escape(subtitle)}</subtitle>",
        f"  <id>urn:uuid:{uuid.uuid5(FEED_NAMESPACE, language)}</id>",
        '  <link rel="self" href="feed.xml"/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(link("index.md"))}/>',
        f"  <updated>{_timestamp(newest)}</updated>",
        f"  <author><name>{escape(title)}</name></author>",
    ]
    for s in ordered:
        lines += [
            "  <entry>",
            f"    <title>{escape(s.title.get(language))}</title>",
            f"    <id>urn:uuid:{uuid.uuid5(FEED_NAMESPACE, f'{language}/{s.id}')}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(link(f"scenarios/{s.id}.md"))}/>',
            f"    <published>{_timestamp(s.released)}</published>",
            f"    <updated>{_timestamp(s.updated)}</updated>",
            f"    <category term={quoteattr(s.domain)}/>",
            f"    <summary>{escape(s.summary.get(language))}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
