"""The only bridge from raw YAML nodes to the model: every rule, every problem, one failure.

`validate()` converts each file's node tree by the fields `model.walk()` reads from the model,
applying their typed rules. It never stops at the first problem: a value with problems is left
out of its record, which stays a `Draft` of what did parse, and the rules across fields run on
that draft too (a rule that needs a part that did not parse is skipped; that part's own problem
is reported). A block the loader set aside after a syntax error (Document.set_aside) is such a
part: its problem is the syntax error. Every problem in every file is collected, then one
`DataError` is raised. The rule across files (ids are unique) comes last.
"""

from __future__ import annotations

import bisect
import calendar
import contextlib
import dataclasses
import datetime as dt
import difflib
import html.entities
import itertools
import math
import re
import typing
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from . import model
from .characters import refusal, unwelcome
from .chinese import close_gaps
from .errors import DataError, Problem, Severity, shortened
from .load import (
    FULL_WIDTH_COLON,
    MAX_FIELD,
    NO_SPACE,
    ODD_INDENT,
    ODD_SPACE_IN_KEY,
    QUOTE,
    Document,
    LoadError,
    Sources,
    field_path,
    properties,
    quoted,
)
from .model import CITYWIDE, Catalogue, Kind, Rule, Scenario, Vocabularies, describe, find_rule
from .prose import Marks, link_targets, marks, punctuation, space, target_at, web_link

_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, MERGE = (_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "merge"))
PLAIN_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, _TAG + "map", _TAG + "seq"})
MERGE_KEY = "a merge key ('<<', or one tagged !!merge) brings in the fields of another mapping, which scenario files do not do; write the fields out here"
ENGLISH_NAMES = "field names are written in English, as in the template"
PLACEHOLDER = "TODO"  # what `generator new` leaves for the contributor to replace
MAX_TEXT = 5000  # characters, for texts without a stricter limit of their own
MAX_DIGITS = 15  # before the decimal point: every number is below 10**15, exactly a float
MAX_NUMBER_TEXT = 100  # characters of a number as written; Python reads no more than 4,300 digits
_STRING = Kind("str")
# The texts where limited Markdown is allowed, as a message names them: 'problem and how_to_respond'
MARKDOWN_FIELDS = " and ".join(field.path for field in model.walk(model.Scenario) if field.rule(model.Markdown))

_constructor = SafeConstructor()

# What reads as markup meant: a whole tag ('<br>', '<b class=x>', '</b>'), a comment or a declaration
# ("a < b", "<5 m" and "x<y" are text), and a character reference a browser knows ('R&D;' is text);
# the numeric ones and the commonest names are read without their ';' too
HTML_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|!--|![A-Za-z]|\?[A-Za-z])")
HTML_ENTITY = re.compile(  # a name is a reference only if a browser knows it: see _read_as_markup
    r"&(#[0-9]+|#[xX][0-9a-fA-F]+|(?P<name>[A-Za-z][A-Za-z0-9]*));|&(#[0-9]+|#[xX][0-9a-fA-F]+|lt|gt|amp|quot|nbsp)(?![A-Za-z0-9])"
)
# A scheme as in a link ("javascript:alert(1)", "data:text/html"), not a label in prose ("position data: every 5 s")
# ("javascript:0,alert(1)" is a script too; "data:5" may be prose)
BAD_SCHEME = re.compile(r"\b(javascript|vbscript)\s*:(?=\S)|\b(data|file)\s*:(?=[^\s\d])", re.IGNORECASE)
MD_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)", re.MULTILINE)
MD_IMAGE = re.compile(r"!\[")
# Bounded, so that a long text full of braces costs linear time, not quadratic.
ATTRIBUTE_LIST = re.compile(r"\{\s*:|\{\s*[#.][\w-]|\{[^}]{0,200}?\b[\w-]+\s*=")
# Code as CommonMark reads it: between two runs of as many backticks, or a fenced block. '<b>' in
# it shows as written, so no one writes it there expecting markup.
_CODE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)|^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\2|\Z)", re.DOTALL | re.MULTILINE)


# A record being read: its node, its path, its fields by name, and the keys not to be said missing
_Reading = tuple[yaml.MappingNode, str, dict[str, Any], set[str]]


class Unparsed(Exception):
    """A rule read a part of a record that did not parse; the rule is skipped."""


class Draft:
    """What parsed of a record that has problems: the fields that parsed (and the defaults of
    optional fields left out), as attributes; reading any other raises Unparsed."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)

    def __getattr__(self, name: str) -> Any:  # called only for attributes that are not set
        raise Unparsed(name)


_INVALID: Any = Draft({})  # a value with problems, none of it parsed; never reaches the model


class _Partial(Draft):
    """A list of values some of which have problems. Reading it as a list raises Unparsed, as a
    list missing one would say something else than the file; a rule may read its good items, by
    their place in the list, through _known(), where what it finds holds whatever the others become."""

    def __init__(self, known: list[tuple[int, Any]]) -> None:
        super().__init__({"known": tuple(known)})

    def __iter__(self) -> Iterator[Any]:
        raise Unparsed("items")

    def __len__(self) -> int:
        raise Unparsed("items")

    def __contains__(self, item: object) -> bool:
        raise Unparsed("items")


def _known(values: Any) -> list[tuple[int, Any]]:
    """The items of a list that parsed, with their places: all of them, or a _Partial's good ones."""
    return list(values.known) if isinstance(values, _Partial) else list(enumerate(values))


def _complete(value: Any) -> bool:
    """Whether a converted value holds no Draft (a complete record holds none, so one level is enough)."""
    items = value if isinstance(value, tuple) else value.values() if isinstance(value, dict) else (value,)
    return not any(isinstance(item, Draft) for item in items)


@dataclass(frozen=True)
class Result:
    """A valid catalogue, the warnings that did not stop it, and the YAML text of each of its
    scenarios by id (published beside its page)."""

    catalogue: Catalogue
    warnings: list[Problem]
    texts: dict[str, str]


def validate(sources: Sources) -> Result:
    """Check everything; return the catalogue, or raise DataError with every problem found."""
    vocabularies, problems = check_vocabularies(sources.vocabularies)
    scenarios: list[Scenario] = []
    texts: dict[str, str] = {}
    reader = _UnitReader(vocabularies.get("units") or {})
    first_file: dict[str, str] = {}  # the file that has each id
    unknown: dict[tuple[str, str], list[Problem]] = {}  # a vocabulary's name and a key it lacks -> where used
    for document in sources.scenarios():
        if isinstance(document, LoadError):
            problems.extend(document.problems)
            continue
        checker = check_file(document, vocabularies, reader)
        scenario_id = vars(checker.scenario).get("id")  # a Draft's as a Scenario's, if it parsed
        if scenario_id in first_file:
            checker.report("id", f"the id '{scenario_id}' is already used by {first_file[scenario_id]}; ids must be unique")
        elif scenario_id is not None:
            first_file[scenario_id] = document.path
            if not checker.failed:
                scenarios.append(checker.scenario)
                texts[scenario_id] = document.text
        problems += checker.problems
        for name, key, problem in checker.unknown:
            unknown.setdefault((name, key), []).append(problem)
    problems = _lost(problems, unknown)
    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    catalogue = Catalogue(tuple(sorted(scenarios, key=lambda s: s.id)), Vocabularies(**vocabularies))  # type: ignore[arg-type]
    return Result(catalogue, sorted(problems), dict(sorted(texts.items())))


def _lost(problems: list[Problem], unknown: dict[tuple[str, str], list[Problem]]) -> list[Problem]:
    """`problems`, where a key that a vocabulary lacks is used by two scenario files or more said
    to be maybe the vocabulary's loss too: a key removed or renamed there, which each file's 'did
    you mean' would lead astray ('cm' removed from the units is not 'm'). Problems are dataclasses
    compared by value, so each is found again by its identity."""
    said: dict[int, Problem] = {}
    for (name, _), found in unknown.items():
        files = sorted({problem.path for problem in found})
        if len(files) < 2:
            continue
        lost = f"; {len(files)} scenario files use it: if it was removed from or renamed in scenarios/vocabularies/{name}.yaml, put it back there"
        said.update((id(problem), dataclasses.replace(problem, message=problem.message + lost)) for problem in found)
    return [said.get(id(problem), problem) for problem in problems]


def check_file(document: Document, vocabularies: dict[str, dict[Any, Any] | None], reader: _UnitReader | None = None) -> Checker:
    """Every rule that needs only this file (and the vocabularies, and `reader`, made from their
    units if not given): the checker holds the scenario (a Draft where it has errors) and the problems."""
    checker = Checker(document, vocabularies)
    checker.scenario = checker.convert(document.root, model.kind_of(model.Scenario), (), "")
    checker.say_properties()
    _check_scenario(checker.scenario, checker, reader or _UnitReader(vocabularies.get("units") or {}))
    return checker


def validate_vocabularies(documents: dict[str, Document | LoadError]) -> Vocabularies:
    """Only the vocabularies, for work that needs no scenario (a new scenario's template, the
    schema); raise DataError with their problems."""
    vocabularies, problems = check_vocabularies(documents)
    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    return Vocabularies(**vocabularies)  # type: ignore[arg-type]


def check_vocabularies(documents: dict[str, Document | LoadError]) -> tuple[dict[str, dict[Any, Any] | None], list[Problem]]:
    """Each vocabulary's entries (None where it has errors) and every problem found in them,
    from its parsed file (`documents`, by vocabulary name)."""
    problems: list[Problem] = []
    vocabularies: dict[str, dict[Any, Any] | None] = {}
    checkers: dict[str, Checker] = {}
    hints = typing.get_type_hints(Vocabularies)  # each vocabulary's declared type: dict[str, Domain], ...
    for name in model.VOCABULARY_TYPES:
        document = documents[name]
        if isinstance(document, LoadError):
            problems.extend(document.problems)
            vocabularies[name] = None
            continue
        checker = checkers[name] = Checker(document, pages=name if name in model.PAGE_PER_KEY else None)
        entries = checker.convert(document.root, model.kind_of(hints[name]), (), "")
        checker.say_properties()
        if name == "districts" and isinstance(entries, dict):
            _check_tiles(entries, checker)
        vocabularies[name] = None if checker.failed else entries
    if "metrics" in checkers:
        _check_units_cover_metrics(vocabularies, checkers["metrics"])
    for checker in checkers.values():
        problems += checker.problems
    return vocabularies, problems


# ---------------------------------------------------------------------------------------------
# The walk


class Checker:
    """Converts one document's nodes to model objects, recording a problem for each bad value."""

    def __init__(
        self, document: Document, vocabularies: dict[str, dict[Any, Any] | None] | None = None, pages: str | None = None
    ) -> None:
        self.document = document
        self.vocabularies = vocabularies or {}
        self.pages = pages  # the vocabulary whose keys name pages, if this is its file
        self.problems: list[Problem] = [*document.refused, *document.syntax]
        self.nodes: dict[str, yaml.Node] = {}  # field path -> node, for rules checked after the walk
        self._visited: set[int] = set()
        self._trying = False  # converting a value as it was most likely meant, only to see if it is valid
        self._aliases: list[yaml.Mark] | None = None  # positions of the aliases not reported yet
        self.texts: list[tuple[str, str]] = []  # every human-readable text converted, by field path
        self._records: list[_Reading] = []  # those being read, outermost first
        self._slipped: yaml.Node | None = None  # a mapping whose last key is a field further out, indented too deep
        self.scenario: Any = _INVALID  # what check_file() made of the document
        # Each key of a vocabulary that it does not have, and the problem said of it (see _lost)
        self.unknown: list[tuple[str, str, Problem]] = []
        # The syntax problems said before the walk, of lines the loader mended as their contributor
        # will ('unit: %' quoted, a key moved), by where they are: each is given the field of the
        # key or value there, and kept by that node.
        self._unnamed = {(p.line, p.column): p for p in document.syntax if not p.field and p in document.mended}
        self._syntax_at: dict[int, Problem] = {}  # by id of the node

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def report(
        self, where: str | yaml.Node | yaml.Mark, message: str, severity: Severity = "error", field: str | None = None
    ) -> None:
        """Record a problem at a field path (its node must have been visited), at a node or at a mark."""
        node = self.nodes.get(where, self.document.root) if isinstance(where, str) else where
        path = where if isinstance(where, str) else (field or "")
        mark = node.start_mark if isinstance(node, yaml.Node) else node
        problem = self.document.placed(
            Problem(self.document.path, mark.line + 1, mark.column + 1, shortened(path, MAX_FIELD), message, severity)
        )
        if problem not in self.problems:  # the same words twice in a text that cannot say where the second is
            self.problems.append(problem)

    def convert(
        self, node: yaml.Node, kind: Kind, rules: tuple[Rule, ...], path: str, language: str = "", optional: bool = False
    ) -> Any:
        """Return `node` as a value of `kind`, a Draft of what parsed, or _INVALID, after
        reporting why it is not one. `language` is that of a text's en or zh value; `optional`,
        whether the value is that of a field the record may leave out."""
        if self.document.set_aside and (node.start_mark.line, node.start_mark.column) in self.document.set_aside:
            return _INVALID  # a block set aside, whose syntax error is reported: nothing is known of its value
        if id(node) in self._visited:
            message = "a YAML alias (*name) repeats another value; aliases are not allowed, write the value out"
            return self._fail(self._next_alias(), path, message)
        if not self._trying:  # a trial's nodes are freed after it, and their ids reused
            self._visited.add(id(node))
            self.nodes[path] = node
            if self._unnamed and path:  # the file's own mapping has no field; its first key has
                self._field_of_syntax(node, path)
        if node.tag not in PLAIN_TAGS:
            tag = node.tag.replace(_TAG, "!!")
            implicit = (
                isinstance(node, yaml.ScalarNode) and self.document.text[node.start_mark.index : node.start_mark.index + 1] != "!"
            )
            if implicit:  # 'op: =' is YAML's !!value
                return self._fail(
                    node,
                    path,
                    f"YAML reads '{node.value}' written without quotes as a value of its own; write {_as_written(node.value)}",
                )
            if language and isinstance(node, yaml.ScalarNode) and not tag.startswith("!!"):  # '!Imagery shall…'
                return self._fail(node, path, f"a text that starts with '!' is read as a tag ({tag}); {QUOTE}")
            return self._fail(
                node, path, f"the tag {tag} is not allowed; scenario files hold plain text, numbers, dates, lists and mappings"
            )
        if node.tag == NULL:
            removable = ", or remove the key" if optional else ""
            return self._fail(node, path, f"the value is empty; expected {describe(kind, rules)}{removable}")
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">") and not node.value.strip() and not language:
            start = node.start_mark.index  # 'op: >': a block text's mark with no text below it
            written = self.document.text[start:].split("\n", 1)[0].split(" #", 1)[0].strip()
            said = f"a value that starts with '{node.style}' is read as the start of a block text, empty here; write it in quotes: {_as_written(written)}"
            return self._fail(node, path, said)
        if node.tag == STR and node.value.strip().startswith(PLACEHOLDER):
            return self._fail(
                node, path, f"'{PLACEHOLDER}' is a placeholder from the template; replace it with {describe(kind, rules)}"
            )
        reported = len(self.problems)
        value = self._value(node, kind, rules, path, language)
        if (value is _INVALID or isinstance(value, _Partial)) and not language:
            self._say_what_was_meant(node, kind, rules, path, reported)
        return value

    def _value(self, node: yaml.Node, kind: Kind, rules: tuple[Rule, ...], path: str, language: str) -> Any:
        if kind.name == "choice":
            return self._choice(node, kind.choices, path)
        if kind.name == "list":
            return self._list(node, kind, rules, path)
        if kind.name == "mapping":
            return self._mapping(node, kind, path)
        if kind.name == "text":
            return self._text(node, rules, path)
        if kind.name == "record":
            return self._record(node, kind, path)
        return self._scalar(node, kind, rules, path, language)

    def _say_what_was_meant(self, node: yaml.Node, kind: Kind, rules: tuple[Rule, ...], path: str, reported: int) -> None:
        """A value wrong as written but right as its writer most likely meant it (a date as
        2023/11/20, a number with its unit, full-width digits, a list with full-width commas):
        what was said of it becomes one problem that says what to write. Only the message
        changes: the value stays an error."""
        fields = self._records[-1][2] if self._records else {}
        for meant, message in _meanings(node, kind, path, fields, self.vocabularies.get("units") or {}, self.document.text):
            if meant is None or self._reads(meant, node, kind, rules, path):  # None: nothing reads, the message says why
                del self.problems[reported:]
                self._fail(node, path, message)
                return

    def _reads(self, meant: str | yaml.Node, written: yaml.Node, kind: Kind, rules: tuple[Rule, ...], path: str) -> bool:
        """Whether `meant` (a node, or a scalar's text) is a valid value here; nothing of the trial stays."""
        node = (
            meant
            if isinstance(meant, yaml.Node)
            else yaml.ScalarNode(_plain_tag(meant), meant, written.start_mark, written.end_mark)
        )
        problems, texts, trying = len(self.problems), len(self.texts), self._trying
        self._trying = True
        value = self.convert(node, kind, rules, path)
        self._trying = trying
        del self.problems[problems:], self.texts[texts:]
        return value is not _INVALID and _complete(value)

    def _next_alias(self) -> yaml.Mark:
        """Where the next alias is. The composed tree holds the anchored node itself in the alias's
        place, so the alias's own position comes from the parser's events, in document order."""
        if self._aliases is None:
            self._aliases = [mark for mark, _ in properties(self.document.text).aliases]
        return self._aliases.pop(0) if self._aliases else self.document.root.start_mark

    def say_properties(self) -> None:
        """Each anchor (&name) and each tag written '!' alone in the document, said at its value
        once the walk is done: files here need neither, and YAML drops one at the start of a text
        without quotes from it without a word ('&R Imagery' and '! Imagery' read 'Imagery').
        Tags of other names are said as the walk meets them."""
        text = self.document.text
        if "&" not in text and "!" not in text:
            return
        paths = {node.start_mark.index: path for path, node in self.nodes.items()}
        texts = {path for path, _ in self.texts}
        found = properties(text)
        repeated = {name for _, name in found.aliases}
        for mark, name in found.anchors:
            path = paths.get(mark.index, "")
            if path in texts and name not in repeated:
                message = f"a text that starts with '&' is read as an anchor, and YAML drops '&{name}' from it; {QUOTE}"
            else:
                message = f"'&{name}' is a YAML anchor, a name for the value that aliases repeat; files here use none, remove it"
            self.report(mark, message, field=path)
        for mark in found.bare_tags:
            path = paths.get(mark.index, "")
            if path in texts:
                message = f"a text that starts with '! ' is read as a tag, and YAML drops '!' from it; {QUOTE}"
            else:
                message = "'!' is a YAML tag, a type for the value; files here use none, remove it"
            self.report(mark, message, field=path)

    def _field_of_syntax(self, node: yaml.Node, path: str, key: bool = False) -> None:
        """Name the field of a syntax problem said where `node` (a key or a value) starts, or where
        a `key` ends (at its colon): 'unit: %' is then said as 'requirements[0].target.unit: a
        value that starts with '%'…', and 'status：open' as 'status: the full-width colon…', as
        every other problem is."""
        for mark in (node.start_mark, node.end_mark) if key else (node.start_mark,):
            at = self.document.placed(Problem(self.document.path, mark.line + 1, mark.column + 1, "", ""))
            said = self._unnamed.pop((at.line, at.column), None)
            if said is not None:
                named = dataclasses.replace(said, field=shortened(path, MAX_FIELD))
                self.problems[next(i for i, p in enumerate(self.problems) if p is said)] = named
                self._syntax_at[id(node)] = named
                return

    def _fail(self, node: yaml.Node | yaml.Mark, path: str, message: str) -> Any:
        self.report(node, message, field=path)
        return _INVALID

    # -- records and collections --------------------------------------------------------------

    def _pairs(self, node: yaml.MappingNode, path: str) -> Iterable[tuple[yaml.ScalarNode, str | int, yaml.Node]]:
        """The key/value pairs of a mapping, reporting duplicate and malformed keys. An item of a
        list whose keys from one on all repeat those above is two items, the second without its
        '- ': that is one mistake, said once."""
        seen: dict[Any, yaml.Node] = {}
        keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        again = next((i for i, key in enumerate(keys) if key in keys[:i]), len(keys))
        head, tail = keys[:again], keys[again:]
        second_item = path.endswith("]") and not node.flow_style and len(set(tail)) == len(tail) > 1 and set(tail) <= set(head)
        said = False
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (STR, INT):
                self._fail(
                    key_node, path, MERGE_KEY if key_node.tag == MERGE else "a key must be a plain word; write 'name: value'"
                )
                continue
            key: str | int = key_node.value
            if key_node.tag == INT and len(key_node.value) <= MAX_NUMBER_TEXT:
                with contextlib.suppress(ValueError):  # '0x_' looks like a number to YAML, not to Python
                    key = _constructor.construct_yaml_int(key_node)
            if self._unnamed and not self._trying:
                self._field_of_syntax(key_node, field_path(path, key), key=True)
            if key in seen and second_item:
                if not said:
                    first = seen[key].start_mark.line + 1
                    where = (  # as deep as the item's fields, the '- ' goes in the two spaces before it
                        f"write '- ' in the two spaces before '{key}', as far as the '- ' above"
                        if key_node.start_mark.column == node.value[0][0].start_mark.column and key_node.start_mark.column >= 2
                        else f"write '- ' before '{key}', as in '- {key}: ...'"
                    )
                    message = f"'{key}' and the keys after it are already set, from line {first}: if a new item of the list starts here, {where}"
                    self._fail(key_node, field_path(path, key), message)
                said = True
                continue
            if key in seen:
                first = seen[key].start_mark.line + 1
                self._fail(key_node, field_path(path, key), f"duplicate key '{key}'; it is already set on line {first}, keep one")
                continue
            seen[key] = key_node
            yield key_node, key, value_node

    def _record(self, node: yaml.Node, kind: Kind, path: str) -> Any:
        assert kind.record is not None
        if not isinstance(node, yaml.MappingNode):
            return self._fail(node, path, f"expected a mapping of fields ({model.names(kind.record)}), got {_got(node)}")
        fields = {field.name: field for field in model.fields(kind.record)}
        values: dict[str, Any] = {}
        missing = False
        misspelt: set[str] = set()  # keys an unknown key was reported as a misspelling of
        self._records.append((node, path, fields, misspelt))
        above: tuple[str, yaml.Node] | None = None  # the field before this one, and its value
        foreign: list[yaml.ScalarNode] = []  # keys not in ASCII: said once the fields that are missing are known
        unindented = _unindented(node, fields)
        taken: set[int] = {id(key) for pairs in unindented.values() for key, _ in pairs}
        for key_node, key, value_node in self._pairs(node, path):
            name = str(key)
            if id(key_node) in taken:
                continue  # said with the key above, whose value it is
            if id(key_node) in unindented:  # 'target:' with its fields below it as far as it
                pairs = unindented[id(key_node)]
                field, above = fields[name], (name, value_node)
                names = ", ".join(str(inner.value) for inner, _ in pairs)
                said = f"the value is empty, and the lines below it ({names}) are fields of {name} indented as far as '{name}'; indent them deeper than '{name}' to make them its value"
                self._fail(key_node, field_path(path, name), said)
                meant = yaml.MappingNode(_TAG + "map", pairs, pairs[0][0].start_mark, pairs[-1][1].end_mark, flow_style=False)
                values[name] = self.convert(meant, field.kind, field.rules, field_path(path, name))
                missing = True  # the file is not valid as it is
                continue
            split = _split_number(above, key_node, value_node, self.document.text) if node.flow_style else None
            if split and above:  # {value: 0,2}: YAML read 'value: 0' and a key '2'
                values[above[0]] = self._fail(above[1], field_path(path, above[0]), split)
                continue
            if name not in fields and not name.isascii():
                foreign.append(key_node)
                missing = True
                continue
            if name not in fields:
                parts = re.fullmatch(r"([^ :]*)([ :])(.*)", name, re.DOTALL)
                written, sign, rest = parts.groups() if parts else (name, "", "")
                if written in fields and rest.strip() and value_node.tag == NULL:  # '{…, unit min}', '{…, value:20}'
                    lacks = "no colon after it" if sign == " " else "no space after its colon"
                    said = f"'{written}' has {lacks}, so YAML reads '{_short(name)}' as a key; write '{written}: {_short(rest.strip())}'"
                    self._fail(key_node, field_path(path, written), said)
                    misspelt.add(written)
                    missing = True
                    continue
                hint = self._misplaced(name, node, self._records[:-1]) or _shallow(name, above, fields, path, self.document.path)
                unknown = f"unknown key '{_short(name)}'; {hint or suggest(name, fields, 'expected one of')}"
                self._fail(key_node, field_path(path, name), unknown)
                close = _closest(name, list(fields))
                misspelt.update(close)
                missing = True
                if not hint and close and close[0] not in values and all(k.value != close[0] for k, _ in node.value):
                    # read as the key it misspells, so that the rules across fields see it ('metrc' and a unit of a time)
                    field = fields[close[0]]
                    values[close[0]] = self.convert(
                        value_node, field.kind, field.rules, field_path(path, close[0]), optional=field.optional
                    )
                if hint.startswith(_MISPLACED) and _opens(value_node):
                    self._slip(node, key_node)
                    break
                continue
            field, above = fields[name], (name, value_node)
            values[name] = self.convert(value_node, field.kind, field.rules, field_path(path, name), optional=field.optional)
        self._records.pop()
        absent = [name for name, field in fields.items() if not field.optional and name not in values and name not in misspelt]
        for key_node in foreign:
            self._foreign_key(key_node, path, fields, absent if len(foreign) == 1 else [], misspelt)
        for name, field in fields.items():
            if name in values:
                continue
            if name in misspelt:  # said as the key written for it: no rule reads it as left out
                missing = True
            elif field.optional:
                values[name] = field.default
            else:
                expected = describe(field.kind, field.rules)
                self.report(node, f"required key '{name}' is missing; add {name}: {expected}", field=field_path(path, name))
                missing = True
        parsed = {name: value for name, value in values.items() if value is not _INVALID}
        if missing or len(parsed) < len(values) or not all(_complete(value) for value in parsed.values()):
            return Draft(parsed)
        return kind.record(**values)

    def _foreign_key(
        self, key_node: yaml.ScalarNode, path: str, fields: dict[str, Any], absent: list[str], misspelt: set[str]
    ) -> None:
        """A key not in ASCII: a field name typed with a Chinese input method, or one in Chinese."""
        name: str = key_node.value
        typed, (before, colon, _) = _as_typed(name), name.partition("：")
        if typed and typed[0] in fields:
            misspelt.add(typed[0])
            self._fail(key_node, field_path(path, typed[0]), f"'{_short(name)}' is {typed[1]}; write {typed[0]}")
        elif colon and before.strip() in fields:  # {metric：horizontal-accuracy}
            at, key = key_node.start_mark, before.strip()
            mark = yaml.Mark(at.name, at.index + len(before), at.line, at.column + len(before), None, 0)
            misspelt.add(key)
            self._fail(mark, field_path(path, key), FULL_WIDTH_COLON.format(key=key))
        elif name[0] in "\u3000\u00a0":  # '　valid_on': YAML reads a full-width or no-break space as the key's
            key = name.lstrip(" \u3000\u00a0")
            if key in fields:
                misspelt.add(key)
            space = "full-width space (U+3000)" if name[0] == "\u3000" else "no-break space (U+00A0)"
            message = ODD_SPACE_IN_KEY if key in fields else ODD_INDENT  # beside its fields, or meant elsewhere
            self._fail(key_node, field_path(path, _short(key)), message.format(space=space, key=key))
        elif len(absent) == 1:  # the one field it can honestly be said to be
            misspelt.add(absent[0])
            self._fail(key_node, field_path(path, name), f"{ENGLISH_NAMES}; write {absent[0]} (the one field missing)")
        else:
            self._fail(key_node, field_path(path, name), f"{ENGLISH_NAMES}; expected one of {', '.join(fields)}")

    def _slip(self, node: yaml.MappingNode, key_node: yaml.Node) -> None:
        """A key of an outer record, with no value, slipped into mapping `node`: only its line was
        indented too deep, and what is below it is its own. The keys after it in `node` are not
        read as duplicates or unknown keys of `node`; if it is the last, nor are the items after
        `node` in its list (see _list)."""
        if key_node is node.value[-1][0]:
            self._slipped = node

    def _misplaced(self, name: str, inner: yaml.MappingNode, around: list[_Reading]) -> str:
        """What to say of an unknown key of mapping `inner` (a record or a text) that a record
        `around` it lacks and has as a field: the key's line is indented as deep as the mapping's
        keys, too deep."""
        for outer, path, fields, misspelt in reversed(around):
            holder = next(
                (key for key, value in outer.value if value.start_mark.index <= inner.start_mark.index < value.end_mark.index),
                None,
            )
            if holder is None or name not in fields or any(key.value == name for key, _ in outer.value):
                continue  # (no holder: an alias's record, written elsewhere)
            misspelt.add(name)  # its record does not also say that it is missing
            where = f"{self.document.path}:{holder.start_mark.line + 1}:{holder.start_mark.column + 1}"
            if inner.flow_style:  # {metric: …, source: x}: written inside the braces of the field it follows
                return f"{_MISPLACED}{path or 'the file'}, not of '{holder.value}'; move it out of the braces, to a line of its own as far as '{holder.value}' at {where}"
            return f"{_MISPLACED}{path or 'the file'}, and this line is indented too deep; indent it as far as '{holder.value}' at {where}"
        return ""

    def _list(self, node: yaml.Node, kind: Kind, rules: tuple[Rule, ...], path: str) -> Any:
        assert kind.item is not None
        if not isinstance(node, yaml.SequenceNode):
            return self._fail(
                node,
                path,
                f"expected a list of {describe(kind.item, rules)}, got {_got(node)}; write each item on a line starting with '- '",
            )
        items = []
        for i, child in enumerate(node.value):
            items.append(self.convert(child, kind.item, rules, f"{path}[{i}]"))
            if self._slipped is child:
                return _INVALID  # the items below are its last key's, which was said to be indented too deep
        least = find_rule(rules, model.MinItems)
        if least and len(items) < least.count:
            return self._fail(node, path, f"the list is empty; expected at least {least.count} item(s)")
        repeated = False
        if find_rule(rules, model.Unique):
            seen: set[Any] = set()
            for child, value in zip(node.value, items, strict=True):
                if value is not _INVALID and value in seen:
                    self._fail(child, path, f"'{value}' is listed twice; list each item once")
                    repeated = True
                seen.add(value)
        # A list of values missing one would say something else than the file: rules read only its
        # good items, as a _Partial. Rules read a list of records item by item, so a record that did
        # not parse stays in its place (a Draft of nothing) and the others are checked.
        if repeated:
            return _INVALID
        if any(item is _INVALID for item in items) and kind.item.name != "record":
            return _Partial([(index, item) for index, item in enumerate(items) if item is not _INVALID])
        return tuple(items)

    def _mapping(self, node: yaml.Node, kind: Kind, path: str) -> Any:
        assert kind.item is not None
        if not isinstance(node, yaml.MappingNode):
            return self._fail(node, path, f"expected a mapping of key: entry, got {_got(node)}")
        entries: dict[Any, Any] = {}
        integer = kind.key is int
        for key_node, key, value_node in self._pairs(node, path):
            where = field_path(path, _short(key_node.value))
            misread = _misread_number(key_node, int) if integer else None
            if misread or (integer and not (isinstance(key, int) and 100000 <= key <= 999999)):
                self._fail(
                    key_node,
                    where,
                    misread or f"'{_short(key_node.value)}' is not a key here; expected a six-digit GB/T 2260 code",
                )
                continue
            if not integer and not (isinstance(key, str) and re.fullmatch(model.KEY_PATTERN, key)):
                self._fail(key_node, where, f"'{_short(key_node.value)}' is not a valid key; expected {model.KEY_EXPECTED}")
                continue
            if self.pages and key in model.PAGE_NAMES:
                singular = model.VOCABULARY_TYPES[self.pages].__name__.lower()
                message = (
                    f"'{key}' is the name of the page that lists every {singular} ({self.pages}/{key}.md); choose another key"
                )
                self._fail(key_node, where, message)
                continue
            entries[key] = self.convert(value_node, kind.item, (), field_path(path, key))
        return {key: value for key, value in entries.items() if value is not _INVALID}

    def _text(self, node: yaml.Node, rules: tuple[Rule, ...], path: str) -> Any:
        """A Text: both languages required, each checked against its own length limit."""
        if isinstance(node, yaml.ScalarNode) and node.tag == STR:
            if not node.style and re.match(r"(en|zh):(?=\S)", str(node.value)):  # 'en:|' and 'zh:|' with their lines
                file, begin = self.document.text, node.start_mark.index - node.start_mark.column  # its first line's start
                for glued in re.finditer(r"(?m)^([ \t]*)(en|zh):(?=\S)", file[begin : node.end_mark.index]):
                    line = node.start_mark.line + file.count("\n", begin, begin + glued.start())  # each where its line starts
                    mark = yaml.Mark("", 0, line, len(glued[1]), None, 0)
                    self._fail(mark, field_path(path, glued[2]), NO_SPACE.format(key=glued[2]))
                return _INVALID
            return self._fail(node, path, "expected a text in both languages, written as {en: ..., zh: ...}, got a single text")
        if not isinstance(node, yaml.MappingNode):
            return self._fail(node, path, f"expected a text in both languages, written as {{en: ..., zh: ...}}, got {_got(node)}")
        values: dict[str, Any] = {}
        misspelt: set[str] = set()
        slipped = False  # a language's key with no space after its colon ('en:text')
        for key_node, key, value_node in self._pairs(node, path):
            named = key not in model.LANGUAGES and _LANGUAGE_WORDS.get(str(key).strip().lower())
            if named:
                said = f"'{_short(str(key))}' names the {_LANGUAGE_NAMES[named]} language; a text's languages are written en and zh: write {named}"
                self._fail(key_node, field_path(path, key), said)
                misspelt.add(named)
                values["?"] = _INVALID
                continue
            language, colon, rest = str(key).partition(":")
            if colon and language in model.LANGUAGES and rest.strip() and value_node.tag == NULL:  # {en: …, zh:耕地保护}
                said = f"'{language}' has no space after its colon, so YAML reads '{_short(str(key))}' as a key; write '{language}: {_short(rest.strip())}'"
                self._fail(key_node, field_path(path, language), said)
                misspelt.add(language)
                values["?"] = _INVALID
                slipped = True  # what YAML read as keys after it is the text's rest, not texts cut by a ','
                continue
            language, colon, _ = str(key).partition("：")
            if colon and language.strip() in model.LANGUAGES:  # {en: …, zh：耕地保护}
                at = key_node.start_mark
                mark = yaml.Mark(at.name, at.index + len(language), at.line, at.column + len(language), None, 0)
                self._fail(mark, field_path(path, language.strip()), FULL_WIDTH_COLON.format(key=language.strip()))
                misspelt.add(language.strip())
                values["?"] = _INVALID
                continue
            cut = node.flow_style and value_node.tag == NULL and not _closest(str(key), list(model.LANGUAGES))
            if cut and slipped:
                continue
            if key not in model.LANGUAGES and cut:  # {en: Farmland protection, land use, zh: …}
                said = f"a ',' ends a text inside {{en: ..., zh: ...}}, so '{_short(str(key))}' was read as a key of its own; put the text that holds the comma in quotes"
                self._fail(key_node, field_path(path, key), said)
                values["?"] = _INVALID
                continue
            if key not in model.LANGUAGES:
                hint = self._misplaced(str(key), node, self._records)
                unknown = (
                    f"unknown key '{key}'; {hint}"
                    if hint
                    else f"unknown language '{key}'; {suggest(str(key), model.LANGUAGES, 'expected')}"
                )
                self._fail(key_node, field_path(path, key), unknown)
                misspelt.update(_closest(str(key), list(model.LANGUAGES)))
                values["?"] = _INVALID
                if hint and _opens(value_node):
                    self._slip(node, key_node)
                    break
                continue
            values[str(key)] = self.convert(value_node, _STRING, rules, field_path(path, key), str(key))
        missing = [language for language in model.LANGUAGES if language not in values and language not in misspelt]
        if missing:
            names = " and ".join(f"{_LANGUAGE_NAMES[m]} ({m})" for m in missing)
            return self._fail(node, path, f"the {names} text is missing; every text needs both en and zh")
        if _INVALID in values.values():
            return _INVALID
        text = model.Text(en=values["en"], zh=values["zh"])
        self.texts += ((f"{path}.en", text.en), (f"{path}.zh", text.zh))
        if text.en == text.zh and re.search(r"[^\W\d_]", text.en):
            self.report(node, "the en and zh texts are identical; translate one of them", "warning", field=path)
        elif mixed := _in_the_other_language(text):
            self.report(node, mixed[1], mixed[0], field=path)
        return text

    # -- scalars ------------------------------------------------------------------------------

    def _choice(self, node: yaml.Node, choices: tuple[str, ...], path: str) -> Any:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == STR):
            return self._fail(node, path, f"expected one of {', '.join(choices)}, got {_got(node)}")
        if node.value not in choices:
            return self._fail(
                node, path, f"'{_short(node.value)}' is not allowed; {suggest(node.value, choices, 'expected one of')}"
            )
        return node.value

    def _scalar(self, node: yaml.Node, kind: Kind, rules: tuple[Rule, ...], path: str, language: str) -> Any:
        if isinstance(node, yaml.SequenceNode) and language and find_rule(rules, model.Markdown) is not None:
            return self._fail(
                node,
                path,
                f"expected a text, got a list; a list in a text is written in Markdown: write '{language}: |' and below it each item on a line of its own, as '- item'",
            )
        if not isinstance(node, yaml.ScalarNode):
            return self._fail(node, path, f"expected {describe(kind, rules)}, got {_got(node)}")
        if kind.name == "str":
            if node.tag != STR:
                pattern = find_rule(rules, model.Pattern)
                if pattern and node.tag in (INT, FLOAT) and not re.fullmatch(pattern.regex, node.value):  # 'id: 2'
                    return self._fail(node, path, f"'{_short(node.value)}' is not valid here; expected {pattern.expected}")
                hint = "; put it in quotes" if node.tag in (INT, FLOAT, BOOL, TIMESTAMP) else ""
                return self._fail(node, path, f"expected {describe(kind, rules)}, got {_got(node)}{hint}")
            return self._string(node, rules, path, language)
        if kind.name == "bool":
            if node.tag != BOOL:
                quoted = node.style and node.value.strip().lower() in ("true", "false")
                hint = f"; write {node.value.strip().lower()} without quotes" if quoted else ""
                return self._fail(node, path, f"expected true or false, got {_got(node)}{hint}")
            return _constructor.construct_yaml_bool(node)
        if kind.name == "date":
            return self._date(node, rules, path)
        return self._number(node, kind, rules, path)

    def _date(self, node: yaml.ScalarNode, rules: tuple[Rule, ...], path: str) -> Any:
        day = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", node.value.strip()) if node.tag == STR else None
        if day and not node.style:  # plain, yet not a date: YAML only reads dates with two-digit months and days
            padded = f"{day[1]}-{int(day[2]):02d}-{int(day[3]):02d}"
            return self._fail(node, path, f"'{node.value}' is not a date: YAML reads dates as YYYY-MM-DD, write {padded}")
        if day:
            return self._fail(node, path, f"'{node.value}' is quoted text; write the date without quotes, like 2023-11-20")
        if node.tag != TIMESTAMP:
            return self._fail(node, path, f"expected a date like 2023-11-20, got {_got(node)}")
        try:
            value = _constructor.construct_yaml_timestamp(node)
        except (ValueError, ConstructorError):
            day = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", node.value)
            why = f": {_no_such_day(*map(int, day.groups()))}" if day else ""
            return self._fail(node, path, f"{node.value} is not a real date{why}; expected a date like 2023-11-20")
        if isinstance(value, dt.datetime):
            return self._fail(node, path, f"a date is written without a time: write {value.date().isoformat()}")
        if find_rule(rules, model.NotInFuture) and value > dt.date.today():
            return self._fail(node, path, f"{value} is in the future; a record says what has happened, give the date it happened")
        return value

    def _number(self, node: yaml.ScalarNode, kind: Kind, rules: tuple[Rule, ...], path: str) -> Any:
        tp = int if kind.name == "int" else float
        allowed = (INT,) if tp is int else (INT, FLOAT)
        misread = _misread_number(node, tp)
        if misread:
            return self._fail(node, path, misread)
        named = self._named(rules, node.value) if node.tag == STR else None
        if named:  # '渝中区' for 500103
            return self._fail(
                node, path, f"'{_short(node.value)}' is the {named[1]} of {_entry(rules)} {named[0]}; write {named[0]}"
            )
        if node.tag not in allowed:
            hint = ""
            if node.tag == STR and _EXPONENT.fullmatch(node.value):
                hint = f"; write {_exponent_forms(node.value, tp)}, without quotes"
            elif node.tag == STR and _plain_tag(node.value) in allowed:
                hint = "; write it without quotes"
            return self._fail(node, path, f"expected {describe(kind, rules)}, got {_got(node)}{hint}")
        if len(node.value) > MAX_NUMBER_TEXT:
            return self._fail(
                node, path, f"{_got(node)} is {len(node.value):,} characters long; write at most {MAX_DIGITS} digits"
            )
        try:
            value = _constructor.construct_yaml_int(node) if node.tag == INT else _constructor.construct_yaml_float(node)
        except ValueError:  # '0x_' and '0b_' look like numbers to YAML, not to Python
            return self._fail(node, path, f"'{node.value}' is not a number; write digits, like 20")
        if isinstance(value, float) and not math.isfinite(value):
            return self._fail(node, path, f"expected a finite number, got {node.value}")
        if abs(value) >= 10**MAX_DIGITS:
            return self._fail(
                node, path, f"{_got(node)} is too large; write at most {MAX_DIGITS} digits before the decimal point"
            )
        bounds = find_rule(rules, model.Range)
        if bounds and bounds.minimum is not None and value < bounds.minimum:
            return self._fail(node, path, f"{value} is below the minimum; expected {model.figure(bounds.minimum)} or more")
        if bounds and bounds.maximum is not None and value > bounds.maximum:
            return self._fail(node, path, f"{value} is above the maximum; expected {model.figure(bounds.maximum)} or less")
        return self._reference(node, path, rules, float(value) if tp is float else value)

    def _string(self, node: yaml.ScalarNode, rules: tuple[Rule, ...], path: str, language: str) -> Any:
        value: str = node.value
        # Written as an escape ("\u200b"), which only double quotes read: the loader refused the character itself.
        refused = unwelcome(value) if node.style == '"' else None
        if refused:
            return self._fail(node, path, refusal(refused.group()))
        markdown = find_rule(rules, model.Markdown) is not None
        # A plain text's line may start with a dash of its own: only an item or a Markdown list is meant
        foldable = (not node.style and (markdown or not language)) or (node.style == ">" and markdown)
        folded = _dash_folded(node, self.document.text) if foldable else None
        if folded is not None:
            if node.style == ">":
                written = self.document.text[node.start_mark.index :].split(None, 1)[0]  # '>' or '>-'
                said = f"a line of this text starts with '- ', which YAML folds into the line above, as the text is written below '{language}: {written}', a block that folds its lines; to keep a list, write the text below '{language}: |'"
            elif language:
                said = f"a line of this text starts with '- ', which YAML folds into the line above, as the text is not written as a block; to keep a list, write the text below '{language}: |'"
            else:  # '  - a\n   - b' in a list: 'a - b'
                said = "this line starts with '- ' but is indented deeper than the '- ' above it, so YAML reads it as the rest of the item above; indent it as far as that '- '"
            return self._fail(folded, path, said)
        cut = _cut_by_comment(node, self.document.text) if language and not node.style else None
        if cut is not None:
            fix = (  # '# 待核实' reads as a comment meant; '#1 priority' as words of the text
                "write a comment on a line of its own, or put the whole text in quotes if those words belong to it"
                if cut.startswith(" ")
                else "put the whole text in quotes, or write the comment on a line of its own"
            )
            said = f"the text ends before ' #{_short(cut)}': YAML reads ' #' and the rest of its line as a comment, so those words are not in the text; {fix}"
            return self._fail(node, path, said)
        commented = _commented_out(node, self.document.text) if language and node.style in ("|", ">") else None
        if commented is not None:
            what = "neither a comment (YAML reads none inside a block) nor a heading (the page provides them)"
            if not markdown:
                what = "part of the text, not a comment"
            message = f"a line of a block text that starts with '#' is {what}; remove the '#' to keep its words, or move the comment above the text's key"
            return self._fail(commented, path, message)
        value = value.strip() if markdown else " ".join(value.split())
        if language == "zh":
            value = close_gaps(value)
        if not value:
            if language:  # a text's languages are all required: removing the key is no way out
                return self._fail(node, path, f"the {_LANGUAGE_NAMES[language]} text is empty; write it")
            if vocabulary := find_rule(rules, model.Vocabulary):  # 'domain: ""': a key, not a text, is missing
                return self._fail(node, path, f"the value is empty; write a key of scenarios/vocabularies/{vocabulary.name}.yaml")
            return self._fail(node, path, "the text is empty; write it")
        lengths, most = find_rule(rules, model.Lengths), find_rule(rules, model.MaxChars)
        length: model.Length | None = getattr(lengths, language) if lengths and language else None
        if length and length.words and len(value.split()) > length.words:
            return self._fail(node, path, f"{len(value.split())} words; the limit is {length.words} words, shorten it")
        limit = most.count if most else length.chars if length and length.chars else MAX_TEXT
        if len(value) > limit:
            return self._fail(node, path, f"{len(value):,} characters; the limit is {limit:,}, shorten it")
        pattern = find_rule(rules, model.Pattern)
        if pattern and not re.fullmatch(pattern.regex, value):
            return self._fail(node, path, f"'{_short(value)}' is not valid here; expected {pattern.expected}")

        def at(match: re.Match[str], words: str = "") -> yaml.Node | yaml.Mark:
            """Where `match` is in the file: the first place that reads as `words` (default: its own)."""
            return _at(node, self.document.text, words or match.group(0))

        if markup := _markup(value, markdown):  # each, where it is
            alternative = "plain text or Markdown" if markdown else "plain text"
            for found in markup:
                said = f"HTML is not allowed in texts (at {_excerpt(value, found)}); write {alternative}"
                self._fail(
                    _at(node, self.document.text, value[found.start() : found.end() + 12], value, found.start()), path, said
                )
            return _INVALID
        elif braces := ATTRIBUTE_LIST.search(value):
            return self._fail(
                at(braces),
                path,
                f"attribute lists like {{: ...}} or {{key=...}} are not allowed in texts (at {_excerpt(value, braces)}); remove the braces",
            )
        elif scheme := BAD_SCHEME.search(value):
            return self._fail(
                at(scheme),
                path,
                f"'{(scheme.group(1) or scheme.group(2)).lower()}:' addresses are not allowed (at {_excerpt(value, scheme)}); link to an http or https address",
            )
        if markdown and not self._markdown_ok(node, path, value):
            return _INVALID
        if language and not markdown and (emphasised := _emphasis(value)):
            shown, mark = emphasised
            signs = "asterisks" if mark.marks[0] == "*" else "underscores"
            said = f"this text is plain text, so '{_short(shown)}' is shown with its {signs}; remove them (bold and italics are limited Markdown, allowed only in {MARKDOWN_FIELDS})"
            return self._fail(_at(node, self.document.text, shown), path, said)
        if language and not markdown and (links := link_targets(value)):  # shown as written, brackets and all
            return self._fail(
                node,
                path,
                f"a link (to '{_short(links[0])}') in a plain text shows as written, not as a link; write the words alone, and link in problem or how_to_respond, or cite the address in sources",
            )
        if find_rule(rules, model.WebAddress) and not re.fullmatch(r"https?://[^\s/]+\.[^\s/]+(/\S*)?", value):
            return self._fail(node, path, f"'{value}' is not a web address; expected one starting with https:// or http://")
        return self._reference(node, path, rules, value)

    def _markdown_ok(self, node: yaml.Node, path: str, value: str) -> bool:
        """Limited Markdown: paragraphs, emphasis, lists and links to web addresses. Each problem
        is said where it is, all of them."""
        text, reported = self.document.text, len(self.problems)
        code = [span.span() for span in _CODE.finditer(value)]  # an image or '#' in code is shown as written

        def outside(match: re.Match[str]) -> bool:
            return not any(a <= match.start() < b for a, b in code)

        for image in filter(outside, MD_IMAGE.finditer(value)):
            where = _at(node, text, value[image.start() : image.end() + 12], value, image.start())
            self._fail(
                where, path, "images are not allowed in texts (they would load from another host); link to the image instead"
            )
        for heading in filter(outside, MD_HEADING.finditer(value)):
            where = _at(node, text, value[heading.start() : heading.end() + 12].strip(), value, heading.start())
            self._fail(where, path, "headings (#) are not allowed in texts; the page provides the headings, use **bold** instead")
        for target in dict.fromkeys(link_targets(value)):
            if not web_link(target):
                where, written = _link_at(node, text, value, target)
                message = f"the link target '{_short(written)}' is not a web address; links must start with https:// or http:// and a host"
                self._fail(where, path, message)
        told: list[Marks] = []  # marks a message is about already, with those they pair with
        every = marks(value)  # each run of emphasis marks, as the renderer reads it

        def placed(mark: Marks) -> yaml.Node | yaml.Mark:
            return _at(node, text, mark.paragraph[mark.start : mark.end + 12], value, _offset(value, mark))

        for mark, partner, beside, meant in _unread(every):
            told += [mark, partner]
            what = {1: "italics", 2: "bold"}.get(len(mark.marks), "bold italics")
            fix = f"({meant})" if meant else "next to the words they mark"
            message = f"'{mark.marks}' beside '{beside}' is shown as written: CommonMark reads no {what} where the marks stand between a letter and a punctuation mark; put the marks inside the punctuation {fix}"
            self._fail(placed(mark), path, message)
        for mark, opens in _unclosed(every, told):
            if opens:  # the words it stands before (after), up to a whole word
                words = re.sub(r"(?<=\S)\s+\S*$", "", mark.paragraph[mark.end : mark.end + 16].split("\n")[0])
                said = f"'{mark.marks}' before '{words}' opens bold text that nothing closes"
            else:
                words = re.sub(r"^\S*\s+(?=\S)", "", mark.paragraph[max(0, mark.start - 16) : mark.start].split("\n")[-1])
                said = f"'{mark.marks}' after '{words}' closes bold text that nothing opens"
            side = "after" if opens else "before"
            message = f"{said}, so it is shown as written; write '{mark.marks}' {side} the words it marks too, or remove it"
            self._fail(placed(mark), path, message)
        return len(self.problems) == reported

    def _named(self, rules: tuple[Rule, ...], value: Any) -> tuple[str, str] | None:
        """The key of the vocabulary entry that `value` names ('重庆市林业局', 'Forestry', '米',
        '%'), and what of the entry it is (name, short name, symbol), when `value` is no key."""
        vocabulary = find_rule(rules, model.Vocabulary)
        entries = self.vocabularies.get(vocabulary.name) if vocabulary else None
        if not entries or not isinstance(value, str) or not value.strip():
            return None
        wanted = _as_name(value)
        for key, entry in entries.items():
            for field, what in (("name", "name"), ("short", "short name"), ("former_name", "former name"), ("symbol", "symbol")):
                text = getattr(entry, field, None)
                if isinstance(text, model.Text) and wanted in {_as_name(text.en), _as_name(text.zh)}:
                    return str(key), what
        return None

    def _measured(self, field: str = "metric", vocabulary: str = "metrics") -> tuple[str, str] | None:
        """The metric (or the unit) of the target being read, if it names a known one, and its dimension."""
        mapping = self._records[-1][0] if self._records else None
        entries = self.vocabularies.get(vocabulary) or {}
        for key, value in mapping.value if mapping is not None else ():
            if getattr(key, "value", None) == field and isinstance(value, yaml.ScalarNode) and value.value in entries:
                return value.value, entries[value.value].dimension
        return None

    def _reference(self, node: yaml.Node, path: str, rules: tuple[Rule, ...], value: Any) -> Any:
        vocabulary = find_rule(rules, model.Vocabulary)
        entries = self.vocabularies.get(vocabulary.name) if vocabulary else None
        if vocabulary is None or entries is None or value in entries:  # an unreadable vocabulary was reported already
            return value
        singular = model.VOCABULARY_TYPES[vocabulary.name].__name__.lower()
        where = f"scenarios/vocabularies/{vocabulary.name}.yaml"
        keys = [str(k) for k in entries]
        named = self._named(rules, value)
        measured = self._measured() if vocabulary.name == "units" else None
        fitting = _units_of(entries, measured[1]) if measured else []
        # A metric is guessed among those the target's unit can measure: 'accuracy' in m is no timing accuracy.
        unit = self._measured("unit", "units") if vocabulary.name == "metrics" else None
        measuring = _units_of(entries, unit[1]) if unit else []
        alike = _alike_keys(str(value), {key: entries[key] for key in measuring}) if measuring else []
        parts = list(dict.fromkeys(str(value).split()))
        if len(parts) > 1 and all(part in entries for part in parts):  # [remote-sensing spatio-temporal-data]
            listed, many = ", ".join(parts), f"'{_short(str(value))}' is {len(parts)} keys of {where}"
            said = (
                f"{many} without a comma between them; in brackets write [{listed}], in a list below the key a '- ' line each"
                if re.search(r"\[\d+\]$", path)
                else f"{many}; this field takes one: write one of {listed}"
            )
        elif named and measured and fitting and entries[named[0]].dimension != measured[1]:  # '毫米' for a velocity
            dimension = entries[named[0]].dimension
            said = f"'{_short(str(value))}' is the {named[1]} of the unit '{named[0]}', a {dimension}, but {measured[0]} is a {measured[1]}: expected one of {', '.join(fitting)}"
        elif named and named[0].casefold() == str(value).casefold():  # 'CM': no symbol, but the key in capitals
            said = f"'{_short(str(value))}' is not a known {singular}; write it as {where} does: {named[0]}"
        elif named:
            said = f"'{_short(str(value))}' is the {named[1]} of {_entry(rules)} '{named[0]}'; write its key: {named[0]}"
        elif measured and fitting:  # 'unit: minutes' for a time: a unit of another dimension is no likely meaning
            close = _closest(str(value), fitting)
            expected = (
                f"did you mean '{close[0]}'?" if close else f"expected a key of {where} that measures it: {', '.join(fitting)}"
            )
            said = f"'{_short(str(value))}' is not a known unit; {measured[0]} is a {measured[1]}: {expected}"
        elif unit and measuring and not alike and (close := _closest(str(value), keys)):
            # 'ground-resolutoin' in s: the metric meant measures no time, so the unit is wrong too
            dimension = entries[close[0]].dimension
            said = f"'{_short(str(value))}' is not a known metric; did you mean '{close[0]}'? It measures a {dimension}, and the unit {unit[0]} a {unit[1]}: give it a unit that measures a {dimension}"
        elif unit and measuring:
            expected = (
                f"did you mean {_either(alike)}?"
                if alike
                else f"expected a key of {where} that measures it: {', '.join(measuring)}"
            )
            said = f"'{_short(str(value))}' is not a known metric; the unit {unit[0]} measures a {unit[1]}: {expected}"
        else:
            close = _closest(str(value), keys)
            named_as = _named_as(entries, close[0]) if close and not all(isinstance(key, str) for key in entries) else ""
            suggestion = (
                f" (did you mean '{close[0]}'{named_as}?)" if close else f": {', '.join(keys)}" if len(keys) <= 20 else ""
            )
            said = f"'{_short(str(value))}' is not a known {singular}; expected a key of {where}{suggestion}"
        self._fail(node, path, said)
        if not self._trying and not named:  # a name or a symbol is no key a vocabulary lost
            self.unknown.append((vocabulary.name, str(value), self.problems[-1]))
        if not self._trying and named and id(node) in self._syntax_at:  # its key, written instead, needs no quotes
            self.problems.remove(self._syntax_at.pop(id(node)))
        return _INVALID


# ---------------------------------------------------------------------------------------------
# Rules that span fields or files. Each runs on whatever parts of the record parsed: one that
# reads a part that did not parse (Unparsed) is skipped, as that part's problem is reported.


def _check_scenario(s: Any, checker: Checker, reader: _UnitReader) -> None:
    report, vocabularies = checker.report, checker.vocabularies
    with contextlib.suppress(Unparsed):
        stem = checker.document.path.rsplit("/", 1)[-1].removesuffix(".yaml")
        if s.id != stem:
            fix = (
                "rename the file or change the id"
                if re.fullmatch(model.KEY_PATTERN, stem)
                else f"rename the file to {s.id}.yaml (a file's name is its id, in {model.KEY_CHARACTERS})"
            )
            report("id", f"the id '{s.id}' differs from the file name '{stem}.yaml'; {fix}")
    with contextlib.suppress(Unparsed):
        if s.updated < s.released:
            report("updated", f"{s.updated} is before released ({s.released}); a record cannot change before it is published")
    with contextlib.suppress(Unparsed):
        a_record = {"official": "an official record", "illustrative": "an illustrative record", "community": "a community record"}
        if s.status not in model.STATUSES[s.provenance] and s.provenance != "official":
            own = model.STATUSES[s.provenance][0]
            until = "until an official text gives its status" if s.provenance == "illustrative" else "(a contributor's proposal)"
            report("status", f"{a_record[s.provenance]} cannot say the scenario is '{s.status}'; use {own} {until}")
        elif s.status not in model.STATUSES[s.provenance]:
            holder = next(provenance for provenance, statuses in model.STATUSES.items() if s.status in statuses)
            report("status", f"only {a_record[holder]} is {s.status}; give the status that the official text supports")
    with contextlib.suppress(Unparsed):
        sources = vocabularies.get("sources")
        if s.provenance == "official" and sources and not any(sources[key].official for key in s.sources):
            report(
                "provenance",
                "an official record must cite the official text; add it to scenarios/vocabularies/sources.yaml with official: true and list it under sources",
            )
    with contextlib.suppress(Unparsed):
        if not any(r.target is not None for r in s.requirements):
            report("requirements", "no requirement has a measurable target; give at least one a target (metric, op, value, unit)")
    with contextlib.suppress(Unparsed):
        _check_places(s.locations, checker)
    ids: set[str] = set()
    for index, requirement in _items(s, "requirements"):
        where = f"requirements[{index}]"
        with contextlib.suppress(Unparsed):
            _credited(requirement.source, f"{where}.source", s, checker)
        with contextlib.suppress(Unparsed):
            if requirement.kind == "performance" and requirement.target is None:
                report(where, "a performance requirement needs a target (metric, op, value, unit)")
        with contextlib.suppress(Unparsed):
            if requirement.id in ids:
                report(f"{where}.id", f"{requirement.id} is used twice; give each requirement its own id")
            ids.add(requirement.id)
        with contextlib.suppress(Unparsed):
            target = requirement.target
            misplaced = any(problem.field == f"{where}.basis" for problem in checker.problems)  # below the braces: said so
            if (
                target is not None and requirement.source is None and target.basis is None and not misplaced
            ):  # every figure says what it rests on
                report(
                    f"{where}.target",
                    f"the figure {model.figure(target.value)} {target.unit} has no basis; cite it with source (a key of this scenario's sources) or add basis: typical (a typical published value) or basis: illustrative (a threshold chosen for this reconstruction)",
                )
        with contextlib.suppress(Unparsed):
            if requirement.target is not None:
                _check_target(requirement.target, f"{where}.target", checker)
        with contextlib.suppress(Unparsed):
            if requirement.target is not None:
                _check_target_against_text(requirement, f"{where}.target", checker, reader)
    for index, evidence in _items(s, "evidence"):
        with contextlib.suppress(Unparsed):
            _credited(evidence.source, f"evidence[{index}].source", s, checker)
    _check_honesty(s, checker)


def _items(record: Any, name: str) -> list[tuple[int, Any]]:
    with contextlib.suppress(Unparsed):
        return list(enumerate(getattr(record, name)))
    return []


def _check_places(locations: Any, checker: Checker) -> None:
    districts, codes = checker.vocabularies.get("districts") or {}, _known(locations.codes)
    if CITYWIDE in (code for _, code in codes) and len(codes) > 1:  # so whatever a code with problems becomes
        checker.report("locations.codes", f"{CITYWIDE} means the whole municipality; list it alone or list districts only")
    valid_on = locations.valid_on  # read after the rule that does not need it: it may not have parsed
    for index, code in codes:
        district = districts.get(code)
        if district and district.abolished and district.abolished <= valid_on:
            checker.report(
                f"locations.codes[{index}]",
                f"{code} ({district.name.en}) was abolished on {district.abolished}, before valid_on {valid_on}; use the divisions valid on that date",
            )
        if district and district.established and district.established > valid_on:
            checker.report(
                f"locations.codes[{index}]",
                f"{code} ({district.name.en}) was established on {district.established}, after valid_on {valid_on}; use the divisions valid on that date",
            )


def _check_target(target: model.Target, where: str, checker: Checker) -> None:
    """A target's operator points the way its metric improves, and its unit measures what its metric does."""
    metrics, units = checker.vocabularies.get("metrics") or {}, checker.vocabularies.get("units") or {}
    metric = metrics.get(target.metric)
    if metric is None:
        return
    fitting_ops = ("<=", "<", "=") if metric.better == "lower" else (">=", ">", "=")
    with contextlib.suppress(Unparsed):  # an op that did not parse leaves the unit to check
        if target.op not in fitting_ops:
            checker.report(
                f"{where}.op",
                f"'{target.op}' does not fit {target.metric}, where {metric.better} is better; use {' or '.join(fitting_ops[:2])}",
            )
    unit = units.get(target.unit)
    if unit is not None and unit.dimension != metric.dimension:
        fitting = ", ".join(_units_of(units, metric.dimension))
        checker.report(
            f"{where}.unit",
            f"'{target.unit}' measures {unit.dimension} but {target.metric} is a {metric.dimension}; expected one of {fitting}",
        )
    elif unit is not None and (most := model.DIMENSION_MOST.get(unit.dimension)) is not None:
        with contextlib.suppress(Unparsed):
            if target.value * unit.factor > most:  # 'availability >= 999 percent'
                largest = unit.format(most / unit.factor, "en")
                checker.report(
                    f"{where}.value",
                    f"{model.figure(target.value)} is more than a {unit.dimension} can be (at most {largest}); check the value",
                )


PERCENT = "percent"  # the key of the unit a share is written in (or its symbol, if spelt otherwise)
# A number in running text, not a part of a code or of another number (GF-4, R1, 22239-2019's 2019 is one)
_NUMBER_IN_TEXT = r"(?<![A-Za-z0-9_.,/])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_ANY_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_UNIT_ENDS = r"(?![A-Za-z0-9_/²³])"  # 'm' is not the start of 'mm', 'min', 'm/s' or 'm²'
# A figure beside the point, not the threshold: '(about 600 ms)', 'for example 95%', '约1000个汉字', '如95%'
_APPROXIMATE = re.compile(
    r"(?:\b(?:about|around|approximately|approx\.|roughly|nearly|some|for example|e\.g\.,?|such as)|约|大约|如|例如|比如)\s*[(（]?\s*$",
    re.IGNORECASE,
)
# Figures in words, and what is done now, beside which a text's one figure in digits may be another
# thing's: 'within half an hour, refreshed every 5 minutes', 'today 2 days; the same day is needed'
_IN_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|half|quarter|once|twice|daily|hourly|weekly"
    r"|monthly|quarterly|yearly|annual(?:ly)?|same day|today|current(?:ly)?|now|(?:a|an|per|each|every) (?:day|hour|minute|second|week|month|year))\b"
    r"|[一二两三四五六七八九十百千万半]个?(?:小时|分钟|秒|天|日|周|月|年|米|厘米|毫米|千米)|当天|当日|每日|每天|目前|现有|现行|当前|实时",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Quantity:
    """A number with a unit of the units vocabulary, as a requirement's text writes it."""

    written: str  # '30 minutes', '30分钟'
    number: float
    unit: str  # its key
    approximate: bool


class _UnitReader:
    """Reads the numbers with a unit a text writes ('30 minutes', '5-minute', '2.5 m', '99.9%',
    '30分钟', 'level 3') by the symbols and words of the units vocabulary. Made once a run: its
    patterns, one per language, serve every requirement (made for each, they cost 1,500 scenarios'
    check 0.6-1.1 s, measured)."""

    def __init__(self, units: dict[Any, Any]) -> None:
        self._read = {language: self._reading(units, language) for language in model.LANGUAGES}

    @staticmethod
    def _reading(units: dict[Any, Any], language: str) -> tuple[dict[str, str], re.Pattern[str]]:
        """Each word a text in `language` writes a unit in, with the unit's key, and the pattern that
        finds a number beside one; a word goes before the number where the unit says so ('level 3').
        A word two units share is read as neither."""
        keys: dict[tuple[str, bool], set[str]] = {}
        for key, unit in units.items():
            before = bool(unit.before and unit.before.get(language))
            names = (unit.symbol.zh,) if language == "zh" else unit.words
            for word in (unit.symbol.en, *names):
                keys.setdefault((word, before), set()).add(str(key))
        words = sorted(
            ((word, next(iter(owners)), before) for (word, before), owners in keys.items() if len(owners) == 1),
            key=lambda word: -len(word[0]),  # longest first: 'mm' before 'm'
        )

        def alternatives(before: bool) -> str:
            return "|".join(re.escape(word) for word, _, placed in words if placed == before) or "(?!)"

        follows = rf"(?P<number>{_NUMBER_IN_TEXT})(?P<gap>[ \u00a0-]?)(?P<after>{alternatives(False)}){_UNIT_ENDS}"
        leads = rf"(?<![A-Za-z])(?P<before>{alternatives(True)})[ \u00a0](?P<count>{_NUMBER_IN_TEXT}){_UNIT_ENDS}"
        return {word: key for word, key, _ in words}, re.compile(f"{follows}|{leads}")

    def quantities(self, text: str, language: str) -> list[_Quantity]:
        """The numbers with a unit in `text`, in the order written."""
        key_of, pattern = self._read[language]
        found = []
        for match in pattern.finditer(text):
            word, number = (match["after"], match["number"]) if match["after"] else (match["before"], match["count"])
            one_letter = len(word) == 1 and word.isascii() and word.isalpha()
            if match["after"] and ((not match["gap"] and one_letter) or (match["gap"] == "-" and not word.isalpha())):
                continue  # '1990s' is a decade, not 1,990 seconds; '5-%' is nothing
            before = text[max(0, match.start() - 30) : match.start()]
            found.append(
                _Quantity(
                    match[0],
                    float(number.replace(",", "")),
                    key_of[word],
                    bool(_APPROXIMATE.search(before)),
                )
            )
        return found


def _equal(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9)


def _check_target_against_text(requirement: Any, where: str, checker: Checker, reader: _UnitReader) -> None:
    """A target says what its requirement's text says. Two slips are warned of: a share written as
    a fraction (0.99 percent where 99 % is meant), and a figure in the text that the target
    contradicts ('within 30 minutes' over a target of 60 min)."""
    target, units = requirement.target, checker.vocabularies.get("units") or {}
    unit = units.get(target.unit)
    if unit is None or any(problem.field.startswith(f"{where}.") for problem in checker.problems):
        return  # an unknown unit, or a target with problems of its own, which are said
    texts = {language: getattr(requirement.text, language) for language in model.LANGUAGES}
    said = {language: reader.quantities(text, language) for language, text in texts.items()}
    fraction = _as_fraction(target, unit, said)
    if fraction:
        checker.report(f"{where}.value", fraction, "warning")
        return
    for language, quantities in said.items():
        written = _contradicted(target, unit, units, texts[language], quantities)
        if written:
            checker.report(
                f"{where}.value",
                f"the {language} text says {written} but the target says {target.op} {model.figure(target.value)} {target.unit}; make them agree",
                "warning",
            )
            return


def _as_fraction(target: model.Target, unit: model.Unit, said: dict[str, list[_Quantity]]) -> str | None:
    """What to say of a share in percent written as a fraction of the whole: a value above 0 and
    at most 1 where the text says that value times 100 ('at least 99%' over 0.99), or, where the
    text does not say the value itself, a floor strictly between 0 and 1 (availability >= 0.99
    percent). An upper bound below 1 % with no figure against it is left alone: an error rate of at
    most 0.5 % is a fair requirement."""
    value = target.value
    if unit.dimension != "ratio" or (target.unit != PERCENT and unit.symbol.en != "%") or not 0 < value <= 1:
        return None
    shares = [(language, q) for language, quantities in said.items() for q in quantities if q.unit == target.unit]
    if any(_equal(q.number, value) for _, q in shares):
        return None  # the text says the same small share
    whole = value * 100
    fix = f"if {unit.format(whole, 'en')} is meant, write value: {model.figure(whole)}"
    small = f"{model.figure(value)} {target.unit} is " + (
        f"less than {unit.format(1, 'en')}" if value < 1 else f"{unit.format(1, 'en')}, not the whole,"
    )
    stated = next(((language, q) for language, q in shares if _equal(q.number, whole)), None)
    if stated:
        return f"{small} but the {stated[0]} text says {stated[1].written}; {fix}"
    if value < 1 and target.op in (">=", ">"):
        return f"{small}; {fix}"
    return None


def _contradicted(
    target: model.Target, unit: model.Unit, units: dict[Any, Any], text: str, quantities: list[_Quantity]
) -> str | None:
    """The figure of the text that contradicts the target, as the text writes it: the one number
    the text writes, where it is a quantity of the target's dimension and not the target's value.
    None where the text writes several numbers (a range, '1小时30分钟', a code beside it), where it
    gives a figure in words or says what is done today ('half an hour', 'daily', '当天', 'currently
    3 days'), where its figure is approximate, or where the target counts things: a count in a text
    is of many things ('3个区县')."""
    if unit.dimension in ("count", "count-rate") or _IN_WORDS.search(text) or len(_ANY_NUMBER.findall(text)) != 1:
        return None
    said = next((q for q in quantities if units[q.unit].dimension == unit.dimension and not q.approximate), None)
    if said is None or (said.unit != target.unit and unit.dimension not in model.CONVERTIBLE):
        return None  # points are not characters
    meant = target.value * unit.factor / units[said.unit].factor  # 30 min is 1,800 s
    return None if _equal(said.number, meant) else said.written


def _credited(source: str | None, where: str, scenario: Scenario, checker: Checker) -> None:
    """A source credited for a fact or a figure is one the record lists."""
    if source is not None and source not in scenario.sources:
        listed = ", ".join(scenario.sources)
        checker.report(where, f"'{source}' is not among this scenario's sources ({listed}); add it to sources or fix the key")


# What a record must not say: no personal contact details at all, and no budget or deadline
# unless an official text gives it. Patterns lean towards catching too much; a reviewer can
# rephrase a false alarm, but a published phone number cannot be taken back.
CONTACT_DETAILS = {
    "an e-mail address": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    "a phone number": re.compile(
        r"(?<![\d])(?:(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}|(?:\(0\d{2,3}\)|0\d{2,3}|\+?86[ -]?\d{2,3})[ -]?\d{3,4}[ -]?\d{4})(?!\d)"
    ),
}
_RESPONSE = r"(?:respon\w*|proposals?|bids?|applications?|submissions?|submit\w*|apply|register\w*|repl(?:y|ies))"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = rf"(?:\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"  # 31 March 2024
OFFICIAL_ONLY = {
    "an amount of money": re.compile(  # with the figure before it, if any: the words a message quotes
        r"[¥$]\s*\d|(?:\d[\d,.]*\s*(?:(?:thousand|million|billion)\s+)?)?\b(?:RMB|CNY|yuan|dollars?)\b"
        r"|[0-9一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟]+\s*(?:万|亿)?\s*元",
        re.IGNORECASE,
    ),
    "a deadline": re.compile(
        rf"\b(?:deadline|closing date|due date|submit(?:ted)? by)\b|截止|截至日期"
        # a response due by a day: not a plan's date ('1,000 stations by 31 December 2025') nor a past one
        rf"|\b{_RESPONSE}\b[^.;。；]{{0,60}}?\b(?:by|before|no later than) (?:the )?{_DAY}"
        rf"|\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:之前|以前|前)(?:提交|报送|申报|报名|递交|回复|反馈)",
        re.IGNORECASE,
    ),
}


# The patterns above are slow to run over every text; nearly all texts fail these cheap tests
# (check of 1,500 scenarios: 3.0 s with them, 4.3 s without).
_DIGIT_RUN = re.compile(r"\d[\d ()-]{6,}\d")
_MONEY_WORDS = ("元", "¥", "$", "yuan", "rmb", "cny", "dollar")
_DEADLINE_WORDS = (
    *("deadline", "closing date", "due date", "submi", "respon", "proposal", "bid", "appl", "regist", "repl"),
    *("截止", "截至日期", "提交", "报送", "申报", "报名", "递交", "回复", "反馈"),
)


def _might_say_too_much(text: str) -> bool:
    lower = text.lower()
    words = _MONEY_WORDS + _DEADLINE_WORDS
    return "@" in text or bool(_DIGIT_RUN.search(text)) or any(word in lower for word in words)


def _check_honesty(scenario: Any, checker: Checker) -> None:
    official: bool | None = None  # not known when provenance did not parse: then money and deadlines are not judged
    with contextlib.suppress(Unparsed):
        official = scenario.provenance == "official"
    for path, written in checker.texts:
        text = unicodedata.normalize("NFKC", written)  # 'abc＠cq.gov.cn', '１３８…', '￥5' as they read
        if not _might_say_too_much(text):
            continue
        node = checker.nodes[path]
        for kind, pattern in CONTACT_DETAILS.items():
            if found := pattern.search(text):
                said = f"{kind} (at {_excerpt(text, found)}); the catalogue publishes no personal contact details, name the owner body instead"
                checker.report(_at(node, checker.document.text, found.group(0)), said, field=path)
        for kind, pattern in OFFICIAL_ONLY.items() if official is False else ():
            if found := pattern.search(text):
                said = f"{kind} (at {_excerpt(text, found)}); a record may state one only when an official text gives it (provenance: official)"
                checker.report(_at(node, checker.document.text, found.group(0)), said, field=path)


def _check_tiles(entries: dict[int, Any], checker: Checker) -> None:
    """Only the municipality is the municipality, and each division has a tile of its own."""
    tiles: dict[tuple[int, int], Any] = {}
    for code, district in entries.items():
        with contextlib.suppress(Unparsed):
            place = (district.row, district.col)
            if (code == CITYWIDE) != (district.kind == "municipality"):
                checker.report(str(code), f"only {CITYWIDE} is the municipality; check kind")
            elif code != CITYWIDE and place in tiles:
                checker.report(f"{code}.row", f"tile {place} is already used by {tiles[place]}; give each division its own tile")
            tiles[place] = code


def _check_units_cover_metrics(vocabularies: dict[str, dict[Any, Any] | None], checker: Checker) -> None:
    metrics, units = vocabularies.get("metrics"), vocabularies.get("units")
    if not metrics or not units:
        return
    dimensions = {unit.dimension for unit in units.values()}
    for key, metric in metrics.items():
        if metric.dimension not in dimensions:
            checker.report(f"{key}.dimension", f"no unit in units.yaml measures {metric.dimension}; add one there")


# ---------------------------------------------------------------------------------------------
# Wording

_LANGUAGE_NAMES = {"en": "English", "zh": "Chinese"}
# A language's key as written by someone who names the language (in lower case): its code.
_LANGUAGE_WORDS = dict.fromkeys(("english", "eng", "en-us", "en_us", "en-gb", "英文", "英语", "英"), "en") | dict.fromkeys(
    ("chinese", "cn", "ch", "chs", "zh-cn", "zh_cn", "zh-hans", "中文", "汉语", "简体中文", "中"), "zh"
)


def _got(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    value = _short(node.value)
    return {
        STR: f"the text '{value}'",
        INT: f"the number {value}",
        FLOAT: f"the number {value}",
        BOOL: f"{value} (true/false)",
        NULL: "an empty value",
        TIMESTAMP: f"the date {value}",
    }.get(node.tag, f"'{value}'")


_MISPLACED = "it is a field of "  # how _misplaced begins


def _opens(node: yaml.Node) -> bool:
    """Whether a key's value is nothing at all (not even '~' or null): a key meant to hold the lines below."""
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL and node.start_mark.index == node.end_mark.index


def _unindented(node: yaml.MappingNode, fields: dict[str, Any]) -> dict[int, list[tuple[yaml.Node, yaml.Node]]]:
    """The keys of record `node` (by id) whose value is nothing at all and is a record or a text,
    with the keys after them that are its fields and none of `node`'s: written as far as it, not
    deeper, they are its value, and nothing else they could be."""
    found: dict[int, list[tuple[yaml.Node, yaml.Node]]] = {}
    if node.flow_style:
        return found
    pairs = node.value
    for at, (key_node, value_node) in enumerate(pairs):
        field = fields.get(key_node.value) if isinstance(key_node, yaml.ScalarNode) else None
        if field is None or not _opens(value_node) or field.kind.name not in ("record", "text"):
            continue
        inner = model.LANGUAGES if field.kind.name == "text" else [f.name for f in model.fields(field.kind.record)]
        run: list[tuple[yaml.Node, yaml.Node]] = []
        for other, value in pairs[at + 1 :]:
            name = other.value if isinstance(other, yaml.ScalarNode) and other.tag == STR else None
            if name not in inner or name in fields or any(name == seen.value for seen, _ in run):
                break
            run.append((other, value))
        if run:
            found[id(key_node)] = run
    return found


def _units_of(units: dict[Any, Any], dimension: str) -> list[str]:
    """The keys of the units that measure `dimension`, as the vocabulary lists them."""
    return [str(key) for key, unit in units.items() if unit.dimension == dimension]


def _alike_keys(word: str, entries: dict[Any, Any]) -> list[str]:
    """The keys `word` may mean: those whose key or English name holds each of its words
    ('accuracy': every accuracy; 'positioning-accuracy': those named '... positioning accuracy'),
    else those it most likely misspells."""
    words = set(_WORDS.findall(word.casefold()))
    holding = [
        str(key)
        for key, entry in entries.items()
        if words and words <= set(_WORDS.findall(f"{key} {_name_of(entry)}".casefold()))
    ]
    return holding or difflib.get_close_matches(word, [str(key) for key in entries], n=3, cutoff=0.6)


_WORDS = re.compile(r"[^\W_]+")


def _either(keys: list[str]) -> str:
    """'a', or 'a' or 'b', or 'a', 'b' or 'c'."""
    quoted = [f"'{key}'" for key in keys]
    return " or ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)


def _named_as(entries: dict[Any, Any], key: str) -> str:
    """' (Nanchuan District)': what a key that is a code names, so a guess at it can be checked."""
    name = next((_name_of(entry) for k, entry in entries.items() if str(k) == key), "")
    return f" ({name})" if name else ""


def _name_of(entry: Any) -> str:
    """A vocabulary entry's English name; '' for one with none (a unit, a source)."""
    name = getattr(entry, "name", None)
    return name.en if isinstance(name, model.Text) else ""


def _shallow(name: str, above: tuple[str, yaml.Node] | None, fields: dict[str, Any], path: str, file: str) -> str:
    """What to say of an unknown key that the mapping of the field above it lacks and has as a
    field: the key's line is indented less than that mapping's fields, or it is outside its braces."""
    if above is None or not isinstance(above[1], yaml.MappingNode) or not above[1].value:
        return ""
    kind = fields[above[0]].kind
    names = model.LANGUAGES if kind.name == "text" else [f.name for f in model.fields(kind.record)] if kind.record else []
    if name not in names or any(key.value == name for key, _ in above[1].value):
        return ""
    if above[1].flow_style:  # '{metric: …, unit: min}' and 'basis: …' below it
        return f"it is a field of {field_path(path, above[0])}, written in braces above; move it into them, after a ','"
    first = above[1].value[0][0].start_mark
    return f"it is a field of {field_path(path, above[0])}, and this line is indented too little; indent it as far as '{above[1].value[0][0].value}' at {file}:{first.line + 1}:{first.column + 1}"


def suggest(word: str, choices: Iterable[Any], lead: str) -> str:
    """'write X' when `word` is a choice written in other signs ('≤', '＝', '=<'), 'did you mean
    X?' when a choice is close, with the list of choices: all of them, as the model declares
    them (a record's fields, a choice's values, a vocabulary's keys), however many."""
    names = [str(c) for c in choices]
    text = f"{lead} {', '.join(names)}"
    plain = _in_ascii(word)
    if plain != word and plain in names:
        return f"write {_as_written(plain)} ({text})"
    close = _closest(word, names)
    return f"did you mean '{close[0]}'? ({text})" if close else text


def _in_ascii(word: str) -> str:
    """`word` as typed on an ASCII keyboard: a comparison in ASCII signs (≤ is <=, =< is <=), a
    full-width letter or sign (＜, ＝) as its ASCII one."""
    folded = unicodedata.normalize("NFKC", word).strip()
    return _OPERATORS.get(folded, folded)


def _markup(value: str, markdown: bool) -> list[re.Match[str]]:
    """Each HTML tag, comment and character reference in a text that a browser would read as
    markup, in the text's order, not counting code in a Markdown one, nor one shown in the
    excerpt of the one before it (see _excerpt), nor a closing tag of an element whose opening
    tag is counted ('<b>' of '<b>x</b>', not also '</b>')."""
    code = [span.span() for span in _CODE.finditer(value)] if markdown else []
    found = sorted((m for pattern in (HTML_TAG, HTML_ENTITY) for m in pattern.finditer(value)), key=re.Match.start)
    opened: set[str] = set()
    kept: list[re.Match[str]] = []
    for match in found:
        if not _read_as_markup(match) or any(a <= match.start() < b for a, b in code):
            continue
        name = re.match(r"</?([A-Za-z][A-Za-z0-9-]*)", match[0])
        if (name and match[0].startswith("</") and name[1].lower() in opened) or (
            kept and match.start() < kept[-1].start() + EXCERPT
        ):
            continue
        if name:
            opened.add(name[1].lower())
        kept.append(match)
    return kept


def _read_as_markup(match: re.Match[str]) -> bool:
    """Whether a match of HTML_TAG or HTML_ENTITY is markup to a browser: a named reference only if
    HTML names it ('&copy;', not 'R&D;')."""
    name = match.groupdict().get("name")
    return name is None or f"{name};" in html.entities.html5


EXCERPT = 30  # characters of a text quoted where a problem in it is


def _excerpt(text: str, match: re.Match[str]) -> str:
    """Where in a long text a problem is: the matched part and what follows, quoted, on one line."""
    part = " ".join(text[match.start() : match.start() + EXCERPT].split())
    return f"'{part}…'" if match.start() + EXCERPT < len(text) else f"'{part}'"


def _cut_by_comment(node: yaml.ScalarNode, text: str) -> str | None:
    """What follows a text written without quotes on its last line as a comment ('#1 priority.'),
    which YAML drops without a word: a contributor who wrote '#' in a sentence loses the rest of it."""
    end = node.end_mark.index
    line_end = text.find("\n", end)
    comment = re.match(r"[ \t]+#(.*)", text[end : line_end if line_end >= 0 else len(text)])
    return comment[1].rstrip() if comment else None


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")  # a word of running English, not an acronym
_LETTER = re.compile(r"[^\W\d_]")


def _in_the_other_language(text: model.Text) -> tuple[Severity, str] | None:
    """A text whose English has no Latin word or whose Chinese has no Chinese character but English
    words: the two swapped (each page would show the other language), or one untranslated.
    English may name a Chinese document (Per 渝府办发〔2024〕88号.); a Chinese text may be a code
    or a symbol (GNSS RTK, %)."""
    chinese_en = not text.en.isascii() and _HAN.search(text.en) is not None and not _LATIN_WORD.search(text.en)
    # not a name or code of at most 3 words that a Chinese text writes in Latin letters too ('GNSS RTK', 'BeiDou-3')
    words = [word for word in text.zh.split() if _LETTER.search(word)]
    english_zh = not _HAN.search(text.zh) and (_ENGLISH_WORD.search(text.zh) is not None or len(words) > 3)
    if chinese_en and english_zh:
        return "error", SWAPPED
    if chinese_en:
        return "warning", "the English (en) text is in Chinese; write it in English"
    if english_zh:
        return "warning", "the Chinese (zh) text has no Chinese character; write it in Chinese"
    return None


def _unread(every: list[Marks]) -> Iterator[tuple[Marks, Marks, str, str]]:
    """Each of the emphasis marks of a Markdown text (`every`: see marks) that the renderer shows
    as written because they stand between a letter and a punctuation mark, where the paragraph
    has the same marks on the side they were meant to pair with ('须遵守**《个人信息保护法》**规定':
    the first '**', before '《'): the marks, those they pair with, the punctuation mark, and the
    marked words with the marks inside it ('《**个人信息保护法**》'), or '' where they hold nothing
    but punctuation."""
    found = [mark for mark in every if not _power(mark)]
    paired: list[Marks] = []
    for mark in found:
        if mark.read or mark in paired:  # the partner of marks said already: one fix mends both
            continue
        before = mark.paragraph[mark.start - 1] if mark.start else " "
        after = mark.paragraph[mark.end] if mark.end < len(mark.paragraph) else " "
        same = [other for other in found if other.block == mark.block and other.marks == mark.marks]
        if punctuation(after) and not (space(before) or punctuation(before)):  # meant to open
            partner = next((other for other in same if other.start > mark.start), None)
            words, beside = mark.paragraph[mark.end : partner.start] if partner else "", after
        elif punctuation(before) and not (space(after) or punctuation(after)):  # meant to close
            partner = next((other for other in reversed(same) if other.start < mark.start), None)
            if partner is not None and not _LETTER.search(mark.paragraph[partner.end : mark.start]):
                partner = None  # no words between ('**狭窄**，**船舶': the last opens, and nothing closes it; see _unclosed)
            words, beside = mark.paragraph[partner.end : mark.start] if partner else "", before
        else:
            continue
        if partner is None:
            continue
        inner = words.strip("".join(c for c in words if punctuation(c)))
        lead, trail = words[: words.find(inner)] if inner else "", words[words.find(inner) + len(inner) :] if inner else ""
        meant = f"{lead}{mark.marks}{inner}{mark.marks}{trail}" if inner and "\n" not in words and len(words) <= 30 else ""
        paired.append(partner)
        yield mark, partner, beside, meant


def _unclosed(every: list[Marks], said: list[Marks]) -> Iterator[tuple[Marks, bool]]:
    """Each run of two or more '*' of a Markdown text (`every`: see marks) that the renderer shows
    as written because no run of the same marks in its paragraph can pair with it ('桥区航道**狭窄。',
    '**narrow at **bridges'), and whether it stands before words (it opens) or only after them (it
    closes); not those `said` already (see _unread). A run between two digits, a power ('10**-3',
    'a**b', '(x+1)**2'), or one with no word beside it marks nothing ('5**3', 'a ** b')."""

    def sides(mark: Marks) -> tuple[bool, bool]:  # whether words follow it, and whether words precede it
        before, after = mark.paragraph[mark.start - 1 : mark.start], mark.paragraph[mark.end : mark.end + 1]
        return (
            bool(after) and not space(after) and not punctuation(after),
            bool(before) and not space(before) and not punctuation(before),
        )

    def pairs(first: Marks, then: Marks) -> bool:  # whether `first` can open what `then`, after it, closes
        return first.block == then.block and first.marks == then.marks and sides(first)[0] and sides(then)[1]

    runs = [mark for mark in every if mark.marks[0] == "*" and len(mark.marks) > 1 and not mark.read]
    runs = [mark for mark in runs if not _between_digits(mark) and not _power(mark) and mark not in said]
    for mark in runs:
        partnered = any(
            pairs(other, mark) if other.start < mark.start else pairs(mark, other) for other in runs if other is not mark
        )
        if any(sides(mark)) and not partnered:
            yield mark, sides(mark)[0]


def _emphasis(value: str) -> tuple[str, Marks] | None:
    """The first words a plain text marks as Markdown would read them as emphasis, marks and all
    ('**BeiDou**'; not a lone '*' or 'a * b', which Markdown does not read either, nor marks
    around no letter), and its opening marks. A '*' between two digits is a product, not a mark
    ('*号、5*3' marks nothing)."""
    found = [mark for mark in marks(value) if mark.read and not _between_digits(mark)]
    for index, mark in enumerate(found):
        if not mark.opens:
            continue
        closing = next((other for other in found[index + 1 :] if other.marks == mark.marks and not other.opens), None)
        if closing and _LETTER.search(mark.paragraph[mark.end : closing.start]):
            return mark.paragraph[mark.start : closing.end], mark
    return None


def _power(mark: Marks) -> bool:
    """Whether '**' stands for 'to the power of' ('10**-3', 'x**2', 'a**b', '(x+1)**2', '10** -3'):
    after a Latin letter, a digit or ')', before one, '(' or a minus and a digit."""
    before, after = mark.paragraph[mark.start - 1 : mark.start], mark.paragraph[mark.end : mark.end + 3]
    return bool(re.fullmatch(r"[A-Za-z0-9)]", before)) and bool(re.match(r"[A-Za-z0-9(]| ?-\d", after))


def _between_digits(mark: Marks) -> bool:
    return mark.paragraph[mark.start - 1 : mark.start].isdigit() and mark.paragraph[mark.end : mark.end + 1].isdigit()


def _at(node: yaml.Node, text: str, words: str, value: str = "", start: int = 0) -> yaml.Node | yaml.Mark:
    """Where in the file `words`, found in the value of `node` as checked (stripped, its lines
    joined, a Chinese one's gaps closed, read as NFKC), are: their first occurrence in the value
    as written, of any style, where a space in them stands for any run of spaces and line breaks,
    and such a run may stand between two of their other characters (a gap closed); the text's
    start where the file writes them otherwise (an escape in double quotes). Given the `value` as
    checked and where in it they `start`, the occurrence there, though the same words come before."""
    written = text[node.start_mark.index : node.end_mark.index]
    read = [unicodedata.normalize("NFKC", character) for character in written]  # '１３８' as '138'
    starts = list(itertools.accumulate((len(part) for part in read), initial=0))
    parts = unicodedata.normalize("NFKC", words).split()  # as the file is read: '（草案）' as '(草案)'
    pattern = r"\s+".join(r"\s*".join(map(re.escape, part)) for part in parts)
    earlier = len(re.findall(pattern, unicodedata.normalize("NFKC", value[:start]))) if parts and value else 0
    found = next(itertools.islice(re.finditer(pattern, "".join(read)), earlier, None), None) if parts else None
    if found is None:
        return node
    offset = bisect.bisect_right(starts, found.start()) - 1  # the written character its first one is read from
    before = written[:offset]
    line = node.start_mark.line + before.count("\n")
    column = offset - before.rfind("\n") - 1 if "\n" in before else node.start_mark.column + offset
    return yaml.Mark("", node.start_mark.index + offset, line, column, None, 0)


def _link_at(node: yaml.Node, text: str, value: str, target: str) -> tuple[yaml.Node | yaml.Mark, str]:
    """Where a link's target is in the file, and how it is written there: after '](' of a link, or
    ']: ' of a reference to it, in any way the reader takes for it ('javascript\\:', '<…>', a
    full-width '：' the reader percent-encodes), not where the same words stand in the text before."""
    for opening in re.finditer(r"\]\(\s*|\]:[ \t]*", value) if target else ():
        read = target_at(value, opening.end())
        if read is not None and read[1] == target:
            return _at(node, text, value[opening.end() : read[0] + 12], value, opening.end()), value[opening.end() : read[0]]
    return (_at(node, text, target) if target else node), target


def _offset(value: str, mark: Marks) -> int:
    """Where in the Markdown text `value` a run of marks starts: its paragraph's line, and the
    line of the paragraph it is on, found in that line of the text (a list item's indented)."""
    inside = mark.paragraph[: mark.start].split("\n")
    lines = value.split("\n")
    number = min(mark.line + len(inside) - 1, len(lines) - 1)
    written = mark.paragraph.split("\n")[len(inside) - 1]
    column = max(lines[number].find(written), 0) + len(inside[-1])
    return sum(len(line) + 1 for line in lines[:number]) + column


def _lines_below(node: yaml.ScalarNode, text: str) -> Iterator[tuple[yaml.Mark, str]]:
    """Each line of a value after its first (of a block text: below its '|' or '>'), where it starts
    in the file (from 0, as YAML counts) and what it holds after its indentation."""
    start, line = text.find("\n", node.start_mark.index) + 1, node.start_mark.line + 1
    for written in text[start : node.end_mark.index].split("\n") if start else ():
        content = written.lstrip(" ")
        yield yaml.Mark("", start, line, len(written) - len(content), None, 0), content
        start, line = start + len(written) + 1, line + 1


def _dash_folded(node: yaml.ScalarNode, text: str) -> yaml.Mark | None:
    """Where a line of a value written without quotes over several lines, or below '>', starts
    with '- ': YAML folds it into the line above, though its writer meant an item of a list. Below
    '>', YAML keeps the line break before a line after a blank one or where either line is indented
    deeper than the block."""
    if node.start_mark.line == node.end_mark.line:
        return None
    above: tuple[yaml.Mark, str] | None = None
    indent: int | None = None  # the block's, below '>': that of its first line
    for mark, content in _lines_below(node, text):
        if node.style == ">" and content and indent is None:
            indent = mark.column
        dash = content.startswith("- ") or content == "-"
        if dash and (node.style != ">" or (above and above[1] and above[0].column == mark.column == indent)):
            return mark
        above = mark, content
    return None


def _commented_out(node: yaml.ScalarNode, text: str) -> yaml.Mark | None:
    """Where a line of a block text (below '|' or '>') starts with '# ', as a line commented out
    does: YAML reads no comment inside a block, so the page would show it. '#1 priority' and
    '#重庆暴雨#' are a text's own words."""
    if "#" not in text[node.start_mark.index : node.end_mark.index]:
        return None
    fenced = None  # the fence ('```', '~~~') of the code block a line is in: its lines are code, shown as written
    for mark, content in _lines_below(node, text):
        fence = re.match(r"`{3,}|~{3,}", content)
        if fence and (fenced is None or fence[0].startswith(fenced)):
            fenced = None if fenced else fence[0]
        elif fenced is None and (content == "#" or content.startswith("# ")):
            return mark
    return None


def _entry(rules: tuple[Rule, ...]) -> str:
    """'the district', 'the unit': what an entry of the field's vocabulary is called."""
    vocabulary = find_rule(rules, model.Vocabulary)
    return f"the {model.VOCABULARY_TYPES[vocabulary.name].__name__.lower()}" if vocabulary else "the entry"


def _as_name(text: str) -> str:
    """A vocabulary entry's name as compared with a value written in its place: without case, the
    spaces around it, a part in brackets ('卫星导航（北斗）' is named by '卫星导航'), or the full
    width of a Chinese input method ('％' names '%')."""
    return re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", unicodedata.normalize("NFKC", text)).strip().casefold()


_NEGATES = re.compile(r"(?:non|not|un|no)[-_ ]?", re.IGNORECASE)


def _closest(word: str, names: list[str]) -> list[str]:
    """The one choice `word` most likely misspells: the same letters in another order ('=<' for
    '<='), else the most similar, with more leeway for short words ('zn' for 'zh'); never one
    that `word` negates ('non-functional' does not mean 'functional')."""
    names = [
        name
        for name in names
        if not (word.casefold().endswith(name.casefold()) and _NEGATES.fullmatch(word[: len(word) - len(name)]))
    ]
    same = [name for name in names if name.casefold() == word.casefold() and name != word]  # 'ZH' for 'zh'
    if same:
        return same[:1]
    swapped = [name for name in names if sorted(name) == sorted(word) and name != word]
    if swapped:
        return swapped[:1]
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    if close or len(word) > 3:
        return close
    # One letter wrong in a two- or three-letter word ('zn'), but not a shorter word ('min' is not 'm').
    return [name for name in difflib.get_close_matches(word, names, n=1, cutoff=0.5) if len(name) == len(word)]


def _short(text: str) -> str:
    """A value quoted in a message."""
    return shortened(text, 40)


_EXPONENT = re.compile(r"[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)[eE][-+]?[0-9]+")
_OCTAL = re.compile(r"[-+]?0[0-9_]*[0-9]")
_resolver = yaml.resolver.Resolver()


def _as_written(value: str) -> str:
    """`value` as a file writes it: in double quotes where YAML, without them, would read it as
    something else or not at all ('>=', '='), else as it is ('20', 'cm')."""
    if value[:1] in "%@`|>*&!#[]{},?:-'\"" or _plain_tag(value) not in PLAIN_TAGS:
        return quoted(value)
    return value


def _plain_tag(text: str) -> str:
    """The tag YAML gives `text` written without quotes."""
    return typing.cast(str, _resolver.resolve(yaml.ScalarNode, text, (True, False)))  # type: ignore[no-untyped-call]


def _misread_number(node: yaml.ScalarNode, tp: type) -> str | None:
    """What to say when YAML 1.1 read a number, written plainly, as something else than its writer
    meant: 1e3 is text (an exponent needs a dot and a sign), 0500101 an octal number (or text if it
    has an 8 or a 9), 1:30 a number of base 60. None when it read what anyone would expect."""
    text = node.value
    if node.style or len(text) > MAX_NUMBER_TEXT:  # libyaml gives plain scalars the style "", PyYAML None
        return None
    if node.tag == STR and _EXPONENT.fullmatch(text):
        return f"'{text}' was read as the text '{text}' (YAML 1.1 reads a number with an exponent only with a dot and a signed exponent): write {_exponent_forms(text, tp)}"
    if node.tag in (INT, STR) and _OCTAL.fullmatch(text):
        digits = ("-" if text.startswith("-") else "") + (text.lstrip("+-").replace("_", "").lstrip("0") or "0")
        read = f"the text '{text}'" if node.tag == STR else f"the octal number {_constructor.construct_yaml_int(node)}"
        return f"'{text}' was read as {read} (a leading 0 makes YAML 1.1 read a number in base 8, or as text if it has an 8 or a 9): write {digits}"
    if node.tag in (INT, FLOAT) and ":" in text:
        value = _constructor.construct_yaml_int(node) if node.tag == INT else _constructor.construct_yaml_float(node)
        return f"'{text}' was read as the number {model.figure(value)} (YAML 1.1 reads numbers separated by colons in base 60, as minutes and seconds): write the number you mean in one unit, like {model.figure(value)}"
    return None


def _exponent_forms(text: str, tp: type) -> str:
    """How to write a number with an exponent so that YAML 1.1 reads it as a number of type `tp`:
    '1e3' -> '1000 or 1.0e+3', or '1000' for a whole number."""
    mantissa, exponent = text.lower().replace("_", "").split("e")
    mantissa = mantissa if "." in mantissa else mantissa + ".0"
    signed = f"{mantissa}e{exponent if exponent[0] in '+-' else '+' + exponent}"
    value = float(signed)
    if not 1e-9 <= abs(value) < 10**MAX_DIGITS:
        return signed
    plain = f"{value:.15f}".rstrip("0").rstrip(".")
    return plain if tp is int else f"{plain} or {signed}"


# ---------------------------------------------------------------------------------------------
# What a value wrong as written most likely meant: Chinese input methods type full-width forms,
# Word, WPS and WeChat put curly quotes around a word, people write dates and figures as they do
# in a letter. Each guess is tried as a value; only one that is valid is said.

# Full-width forms (U+FF01 to U+FF5E) and the ideographic space, as ASCII.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_CURLY = re.compile(r"[“”‘’「」『』＂＇](.*)[“”‘’「」『』＂＇]")
CURLY = "in curly quotes, which YAML reads as part of the value"
FULL_WIDTH = "written with full-width characters, which YAML does not read as digits, letters or signs"

_TIME = r"(?P<time>(?:\s*T\s*|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d*)?)?\s*(?:Z|[+-]\d{1,2}(?::?\d{2})?)?)?"
_YEAR_FIRST = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?" + _TIME)
_YEAR_LAST = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})" + _TIME)
_DIGITS_ONLY = re.compile(r"(\d{4})(\d{2})(\d{2})")
# A figure as written in prose: a comparison before it, a unit after it (20 cm, ≤0.2m).
_FIGURE = re.compile(
    r"(?P<op>[<>]=?|==?|[≤≦⩽≥≧⩾])?\s*(?P<number>[-+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+))\s*(?P<unit>[^\d\s,.]\S{0,11})?"
)
# A figure said to be approximate: 约20, 20左右, about 20, ~20.
_ABOUT = re.compile(
    r"(?:约|大约|大概|~|about|approx(?:imately|\.)?|around|circa|c\.|ca\.)\s*(?P<figure>[^~]+?)|(?P<figure_>.+?)\s*(?:左右|上下|or so)",
    re.IGNORECASE,
)
_OPERATORS = {"≤": "<=", "≦": "<=", "⩽": "<=", "=<": "<=", "≥": ">=", "≧": ">=", "⩾": ">=", "=>": ">=", "==": "="}
_WORD = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)?")  # a unit not in the vocabulary: metres, km/h, 毫米
_THOUSANDS = re.compile(r"[-+]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
SWAPPED = "the en text is in Chinese and the zh text is not: swap them, English under en, Chinese under zh"
_LIST_MARKS: dict[str, str | int | None] = {"，": ", ", "、": ", ", "【": "[", "】": "]", "［": "[", "］": "]"}


def _meanings(
    node: yaml.Node, kind: Kind, path: str, fields: dict[str, Any], units: dict[str, Any], text: str
) -> Iterable[tuple[str | yaml.Node | None, str]]:
    """Each value `node` may have meant (a node, or YAML text; None when no value is meant, and
    the message says why), and the message that says what to write."""
    if kind.name == "text":
        yield from _swapped(node)
        return
    if kind.name == "list":
        yield from _list_meant(node, text)
        return
    if not isinstance(node, yaml.ScalarNode) or node.tag not in (STR, INT):
        return
    written = node.value
    typed = _as_typed(written)
    if typed:
        yield typed[0], f"'{_short(written)}' is {typed[1]}; write {_as_written(typed[0])}"
    if kind.name == "date":
        yield from _date_meant(written)
    if kind.name in ("int", "float"):
        yield from _figure_meant(written, path.rsplit(".", 1)[-1], fields, units)


def _as_typed(text: str) -> tuple[str, str] | None:
    """`text` without curly quotes around it and in ASCII rather than full-width, and what was
    wrong with it; None if it has neither."""
    curly = _CURLY.fullmatch(text.strip())
    inner = (curly[1] if curly else text).strip()
    meant = inner.translate(_HALF_WIDTH).strip()
    wrong = ([CURLY] if curly else []) + ([FULL_WIDTH] if meant != inner else [])
    return (meant, " and ".join(wrong)) if wrong and meant else None


def _date_meant(written: str) -> Iterable[tuple[str | None, str]]:
    """2023/11/20, 2023年11月20日, 20-11-2023, 20231120 or a date with a time, as YYYY-MM-DD; a day
    and month that could be either way round (05/11/2023) are offered both ways."""
    plain = written.translate(_HALF_WIDTH).strip()
    year_first, year_last, digits = _YEAR_FIRST.fullmatch(plain), _YEAR_LAST.fullmatch(plain), _DIGITS_ONLY.fullmatch(plain)
    found = year_first or digits or year_last
    if not found:
        return
    if year_last:
        day, month, year = (int(part) for part in year_last.groups()[:3])
        orders = [(year, month, day), (year, day, month)]
    else:
        year, month, day = (int(part) for part in found.groups()[:3])
        orders = [(year, month, day)]
    days: list[str] = []
    for order in orders:
        with contextlib.suppress(ValueError):
            days += [dt.date(*order).isoformat()]
    days = list(dict.fromkeys(days))
    if not days and len(orders) == 1:
        yield None, f"'{_short(written)}' is not a real date: {_no_such_day(*orders[0])}; expected a date like 2023-11-20"
        return
    if not days or days == [written]:  # a date in quotes: its own message says so
        return
    timed = "time" in found.re.groupindex and found["time"]
    said = " or ".join(days) + (", the one you mean" if len(days) > 1 else "")
    if timed:
        yield days[0], f"a date is written without a time: write {said}"
    else:
        yield days[0], f"'{_short(written)}' is not a date: YAML reads dates as YYYY-MM-DD, write {said}"


def _no_such_day(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    return f"{calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days"


def _figure_meant(written: str, field: str, fields: dict[str, Any], units: dict[str, Any]) -> Iterable[tuple[str, str]]:
    """A number written with its comparison (≤2, <= 2), its unit (0.2m, 20 cm), a decimal comma
    (0,2) or thousands separators (30,000): the number alone, and where the rest goes."""
    plain = written.translate(_HALF_WIDTH).strip()
    about = _ABOUT.fullmatch(plain)
    figure = _FIGURE.fullmatch((about["figure"] or about["figure_"]) if about else plain)
    if not figure or (figure["op"] and "op" not in fields) or (figure["unit"] and "unit" not in fields):
        return
    unit = _unit_key(figure["unit"], units) if figure["unit"] else None
    if figure["unit"] and not unit and not _WORD.fullmatch(figure["unit"]):  # 1e3, 0x_, 1:30: not a unit
        return
    number, comma = _without_comma(figure["number"])
    if number is None:
        return
    held, places = [], []  # what the value holds besides the number, and where each goes
    if about and "basis" not in fields:
        return
    if figure["op"]:
        held.append("its comparison")
        places.append(f'the comparison in op: "{_OPERATORS.get(figure["op"], figure["op"])}"')
    if figure["unit"]:
        held.append("its unit")
        places.append(f"the unit in unit: {unit}" if unit else "the unit in unit (a key of scenarios/vocabularies/units.yaml)")
    if about:
        held.append("a word saying it is approximate")
        places.append(f"how it is meant in basis ({' or '.join(fields['basis'].kind.choices)})")
    if places:
        held += [comma] if comma else []
        said = f"holds {' and '.join(held)}: write the number alone, {field}: {number}, with {' and '.join(places)}"
        yield number, f"'{_short(written)}' {said}"
    elif comma:
        yield number, f"'{_short(written)}' has {comma}; write {number}"


def _without_comma(number: str) -> tuple[str | None, str]:
    """A number without its commas, and what they were: 1,500 groups thousands, 0,2 is 0.2;
    (None, '') when the commas fit neither."""
    if "," not in number:
        return number, ""
    if _THOUSANDS.fullmatch(number) and not number.lstrip("+-").startswith("0"):
        return number.replace(",", ""), "thousands separators"
    if _DECIMAL_COMMA.fullmatch(number):
        return number.replace(",", "."), "a decimal comma"
    return None, ""


def _unit_key(written: str, units: dict[str, Any]) -> str | None:
    """The key of the unit written as a key or as its English or Chinese symbol ('厘米' is cm)."""
    if written in units:
        return written
    return next((key for key, unit in units.items() if written in (unit.symbol.en, unit.symbol.zh)), None)


def _split_number(above: tuple[str, yaml.Node] | None, key_node: yaml.ScalarNode, value_node: yaml.Node, text: str) -> str | None:
    """What to say when, in braces, a number with a comma was read as a number and a key
    ({value: 0,2} is 'value: 0' and '2' with no value)."""
    if above is None or not isinstance(above[1], yaml.ScalarNode) or above[1].tag not in (INT, FLOAT) or above[1].style:
        return None
    end = above[1].end_mark.index
    if (
        value_node.tag != NULL
        or not key_node.value.isdigit()
        or text[end : end + 1] != ","
        or key_node.start_mark.index != end + 1
    ):
        return None
    written = f"{above[1].value},{key_node.value}"
    number, comma = _without_comma(written)
    return f"'{written}' has {comma}, which YAML reads as the end of the value in braces; write {number}" if number else None


def _swapped(node: yaml.Node) -> Iterable[tuple[yaml.Node, str]]:
    """A text whose en is in Chinese and whose zh is not, with the two the other way round."""
    if not isinstance(node, yaml.MappingNode):
        return
    written = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
    en, zh = written.get("en"), written.get("zh")
    if (
        not (isinstance(en, yaml.ScalarNode) and isinstance(zh, yaml.ScalarNode))
        or not _HAN.search(en.value)
        or _HAN.search(zh.value)
    ):
        return
    other = {"en": zh, "zh": en}
    swapped = [(key, _copy(other[key.value]) if key.value in other else value) for key, value in node.value]
    yield yaml.MappingNode(node.tag, swapped, node.start_mark, node.end_mark), SWAPPED


def _copy(node: yaml.ScalarNode) -> yaml.Node:
    """A scalar as a node of its own (the checker refuses to read one node twice, as an alias)."""
    return yaml.ScalarNode(node.tag, node.value, node.start_mark, node.end_mark, style=node.style)


def _list_meant(node: yaml.Node, text: str) -> Iterable[tuple[yaml.Node, str]]:
    """A list written with full-width commas or brackets ([a，b], 【a, b】, a、b)."""
    if isinstance(node, yaml.SequenceNode) and node.flow_style:
        written = text[node.start_mark.index : node.end_mark.index]
    elif isinstance(node, yaml.ScalarNode) and node.tag == STR and not node.style:
        written = node.value
    else:
        return
    found = [mark for mark in dict.fromkeys(written) if mark in _LIST_MARKS]
    meant = re.sub(r",\s+", ", ", written.translate(str.maketrans(_LIST_MARKS)))
    meant = meant if meant.startswith("[") else f"[{meant}]"
    if not found or len(meant) > 200:
        return
    try:
        composed = yaml.compose(meant, Loader=yaml.SafeLoader)  # as YAML reads the list in brackets
    except yaml.YAMLError:
        return
    if composed is not None:
        said = " and ".join(f"'{mark}'" for mark in found)
        yield composed, f"{said} in a list: YAML separates the items with ',' inside '[ ]'; write {meant}"
