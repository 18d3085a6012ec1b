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
import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax import saxutils

from . import model
from .model import (
    BASE_UNITS,
    LANGUAGES,
    SCHEMA_VERSION,
    Catalogue,
    Help,
    Markdown,
    Requirement,
    Scenario,
    Vocabularies,
    Vocabulary,
)

# Characters XML 1.0 cannot hold at all; the validator refuses them in texts, and they are
# dropped here too, so that no text can make a feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return saxutils.escape(_NOT_XML.sub("", text))


def _xml_attribute(text: str) -> str:
    """An XML attribute value, quotes included (line breaks and tabs as references, which attribute reading keeps)."""
    return saxutils.quoteattr(_NOT_XML.sub("", text))


FEED_NAMESPACE = uuid.UUID("6f1d3a52-8f0e-4d39-9a39-2f4e4c1c9b7e")  # fixed, so entry ids never change


def record(value: Any) -> Any:
    """A model object as the plain data of its YAML file: Text as {en, zh}, dates as ISO strings."""
    if value is None or isinstance(value, (str, int)):  # booleans too
        return value
    if isinstance(value, (tuple, list)):
        return [record(item) for item in value]
    if isinstance(value, dict):
        return {str(key): record(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = ((field.name, getattr(value, field.name)) for field in model.fields(type(value)))
        # Optional fields left out of a file (None, or an empty list) are left out of its record too.
        return {name: record(item) for name, item in items if item is not None and item != ()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def json_text(data: Any) -> str:
    """Compact JSON, one line: these files are for programs (browsers indent JSON for people)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def catalogue_json(catalogue: Catalogue, records: list[Any]) -> str:
    """Every scenario's record (as record() gives it), with the vocabularies and the format's version."""
    vocabularies = {name: record(getattr(catalogue.vocabularies, name)) for name in model.VOCABULARY_TYPES}
    return json_text({"schema_version": SCHEMA_VERSION, "scenarios": records, "vocabularies": vocabularies})


@dataclass(frozen=True)
class CsvColumn:
    """A column of catalogue.csv: its name, what it holds, and where its cells come from: the
    field at `path` (of the scenario, or of the requirement of the row under "requirements."),
    taken as `part` says: as it is (""), one language of a text ("en"), the names of the keys
    of `vocabulary` it holds ("names-en"), or a figure worked out from it (see cell())."""

    name: str
    help: Help
    path: str
    part: str = ""
    vocabulary: str = ""

    def cell(
        self, scenario: Scenario, requirement: Requirement | None, vocabularies: Vocabularies, page: Callable[[str], str]
    ) -> str:
        value: Any = requirement if self.path.startswith("requirements.") else scenario
        for name in self.path.removeprefix("requirements.").split("."):
            value = None if value is None else getattr(value, name)
        if value is None:
            return ""
        if self.part in LANGUAGES:
            return str(value.get(self.part))
        if self.part.startswith("names-"):
            entries, language = getattr(vocabularies, self.vocabulary), self.part.removeprefix("names-")
            keys = value if isinstance(value, tuple) else (value,)
            return ("；" if language == "zh" else "; ").join(entries[key].name.get(language) for key in keys)
        if self.part == "page":
            return page(f"scenarios/{value}.md")
        if self.part == "in-base-unit":
            return model.figure(vocabularies.in_base_unit(value))
        if self.part == "base-unit":
            return BASE_UNITS[vocabularies.metrics[value.metric].dimension]
        if self.part == "url":
            return vocabularies.sources[value].url
        if isinstance(value, tuple):
            return " ".join(str(item) for item in value)
        return (
            model.figure(value) if isinstance(value, float) else value.isoformat() if isinstance(value, dt.date) else str(value)
        )


def csv_columns() -> list[CsvColumn]:
    """The columns of catalogue.csv, read from the model: a column for each field of a scenario
    and of a requirement whose value fits in a cell (texts in both languages side by side, keys
    with the names they stand for), and the figures a spreadsheet needs beside them."""
    columns: list[CsvColumn] = []
    for field in model.walk(model.Scenario):
        if not _fits_a_cell(field):
            continue
        column, vocabulary, help = field.rule(model.Column), field.rule(Vocabulary), field.help
        name = column.name if column else field.name
        if field.kind.name == "text":
            for language, (english, chinese) in _LANGUAGE_NAMES.items():
                zh = help.zh or help.en  # the language said inside the sentence: 简短标题（英文）。
                in_language = Help(
                    f"{help.en} In {english}.", f"{zh[:-1]}（{chinese}）。" if zh.endswith("。") else f"{zh}（{chinese}）"
                )
                columns.append(CsvColumn(f"{name}_{language}", in_language, field.path, language))
        else:
            columns.append(CsvColumn(name, help, field.path))
        if vocabulary and "name" in model.names(model.VOCABULARY_TYPES[vocabulary.name]).split(", "):
            for language, (english, chinese) in _LANGUAGE_NAMES.items():
                names = Help(f"The {english} name of each key in {name}.", f"{name} 列中各键的{chinese}名称。")
                columns.append(CsvColumn(f"{name}_{language}", names, field.path, f"names-{language}", vocabulary.name))
        columns += _FIGURES.get(field.path, [])
    return columns


def _fits_a_cell(field: model.Field) -> bool:
    """A value, a text or a list of keys fits; a record, prose, a list of texts or records does
    not (a requirement is a row of its own, evidence stays in the JSON)."""
    if field.rule(Markdown) is not None or field.rule(model.NoColumn) is not None:
        return False
    if field.kind.name == "record" or field.path.startswith("evidence."):
        return False
    return not (field.kind.name == "list" and field.kind.item is not None and field.kind.item.name in ("record", "text"))


_LANGUAGE_NAMES = {"en": ("English", "英文"), "zh": ("Chinese", "中文")}
# Figures a spreadsheet needs that no field holds, each after the field it is worked out from.
_FIGURES = {
    "id": [
        CsvColumn("page", Help("Address of the scenario's page in the English site.", "该场景英文页面的网址。"), "id", "page")
    ],
    "requirements.target.unit": [
        CsvColumn(
            "value_in_base_unit",
            Help(
                "The value in the base unit of its dimension, so thresholds compare across units.",
                "换算为该量纲基本单位后的阈值，便于不同单位的指标相互比较。",
            ),
            "requirements.target",
            "in-base-unit",
        ),
        CsvColumn(
            "base_unit",
            Help(
                "The base unit of value_in_base_unit: m, s, m/a, percent, 1, 1/d or level.",
                "value_in_base_unit 的基本单位：m、s、m/a、percent、1、1/d 或 level。",
            ),
            "requirements.target",
            "base-unit",
        ),
    ],
    "requirements.source": [
        CsvColumn(
            "source_url", Help("Web address of the requirement's source.", "需求指标出处的网址。"), "requirements.source", "url"
        )
    ],
}


def catalogue_csv(catalogue: Catalogue, page: Callable[[str], str]) -> str:
    """One row per requirement, keys and names side by side, for spreadsheets; UTF-8 with a
    byte-order mark so that spreadsheet programs read the Chinese right. `page` gives the address
    of a scenario's English page from its docs path."""
    columns, vocabularies = csv_columns(), catalogue.vocabularies
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.name for column in columns])
    own = [column for column in columns if column.path.startswith("requirements.")]
    for scenario in catalogue.scenarios:
        # A scenario's cells once, not again on each of its rows: 1,500 scenarios, the CSV in 0.42 s, not 0.71 (median of 5, same bytes)
        row = {
            column.name: spreadsheet_text(column.cell(scenario, None, vocabularies, page))
            for column in columns
            if column not in own
        }
        for requirement in scenario.requirements:
            row |= {column.name: spreadsheet_text(column.cell(scenario, requirement, vocabularies, page)) for column in own}
            writer.writerow(row[column.name] for column in columns)
    return "\ufeff" + out.getvalue()


@dataclass(frozen=True)
class DataPage:
    """What the data page says of the files to take away: each file's size, the CSV's columns."""

    sizes: dict[str, str]  # by file name: "12 KB"
    columns: list[CsvColumn]


def data_page(files: dict[str, str]) -> DataPage:
    """The data page's facts about the data files (`files`, by docs path, as published)."""
    listed = ("catalogue.json", "catalogue.csv", "schema/scenario.schema.json", "schema/catalogue.schema.json")
    return DataPage({name: _size(len(files[name].encode("utf-8"))) for name in listed}, csv_columns())


def _size(count: int) -> str:
    """A file's size as people read it: 12 KB, 3.4 MB."""
    return f"{max(1, round(count / 1024)):,} KB" if count < 1024 * 1024 else f"{count / (1024 * 1024):.1f} MB"


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): a first character
# of = + - @, a tab or a carriage return, and | and % for some programs; and any form of these
# that compatibility folding (NFKC) turns into one, as input methods type them: full-width ＝,
# small ﹦, ｜, ％. defusedcsv misses the tab, the carriage return and the other forms.
_FORMULA_START = "=+-@\t\r|%"
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?")
# What a spreadsheet may skip before the first character it reads: spaces, and invisible format
# characters (the validator refuses those in texts; this does not depend on it).
_LEADING_BLANKS = re.compile(r"^[\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")


def spreadsheet_text(cell: str) -> str:
    """A cell a spreadsheet shows as the text it is: one that would start a formula gets a leading
    apostrophe, which spreadsheets hide. Numbers stay numbers, negative ones included."""
    first = _LEADING_BLANKS.sub("", cell)[:1]
    if first and unicodedata.normalize("NFKC", first)[:1] in _FORMULA_START and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


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
        published = [] if s.provenance == "illustrative" else [f"    <published>{_timestamp(s.released)}</published>"]
        lines += [
            "  <entry>",
            f"    <title>{_xml_text(entry_title)}</title>",
            f"    <id>urn:uuid:{uuid.uuid5(FEED_NAMESPACE, f'{language}/{s.id}')}</id>",
            f'    <link rel="alternate" type="text/html" href={_xml_attribute(url(f"scenarios/{s.id}.md"))}/>',
            *published,
            f"    <updated>{_timestamp(s.updated)}</updated>",
            f"    <category term={_xml_attribute(s.domain)}/>",
            f"    <summary>{_xml_text(s.summary.get(language))}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
