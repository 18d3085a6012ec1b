"""Fuzzing: valid records of the fixture project, mutated, through `check` and the renderer.

Mutations change the parsed record (values, types, keys, nesting, Unicode from every plane and
the characters the checker refuses) and dump it again, or change the YAML text itself
(characters that matter to YAML, numbers and dates YAML reads in surprising ways, tags, anchors,
indentation, lines, encodings), in a scenario or in a vocabulary. Whatever comes out, `check`
must exit 0 or 1 without a traceback, print every problem located as `path:line:col: ...` on
one line with no raw control character, and a catalogue it accepts must render.

`make test` runs a few hundred examples, the same ones every time. A longer run, with new
examples each time and Hypothesis's statistics:

    FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest -q tests/test_fuzz.py --hypothesis-show-statistics
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.addresses import Settings
from generator.build import check
from generator.cli import main
from generator.model import LANGUAGES, Catalogue
from generator.render import render
from generator.write import files
from tests.conftest import FIXTURE

pytestmark = pytest.mark.slow  # 500 examples through check and the renderer: seconds

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "0"))
# The same examples on every `make test`, remembering nothing; new ones on a long run, whose
# failures Hypothesis keeps in .hypothesis/ and tries first the next time.
HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("fuzz", max_examples=250, deadline=None, suppress_health_check=HEALTH, derandomize=True, database=None)
settings.register_profile("fuzz-long", max_examples=EXAMPLES or 1, deadline=None, suppress_health_check=HEALTH)
FUZZ = settings.get_profile("fuzz-long" if EXAMPLES else "fuzz")


def render_all(catalogue: Catalogue) -> dict[str, str]:
    """Every page and file of both languages, for a catalogue the checker accepted: the one place
    this test calls the renderer."""
    return {
        f"{language}/{path}": text
        for language in LANGUAGES
        for path, text in files(render(catalogue, Settings(), {}, language)).items()
    }


# -- what mutations are made of -----------------------------------------------------------------

# Characters that matter: to YAML, to Markdown and HTML, and those the checker refuses.
SPECIAL = [
    *":-[]{}#&*!|>'\"%@`,?\\\t\n\r <>()=;/.~^$_+",
    *"\x00\x07\x1b\x7f\x85\x9b\xa0\xad",
    *"\u061c\u200b\u200d\u200e\u2028\u2029\u202e\u2066\u3000\ufeff\ufffd\ufffe\uffff",
    *"𠮷😀\U000e0041\U0010ffff\udc80",
]
CHARACTERS = st.one_of(st.characters(codec="utf-8"), st.sampled_from(SPECIAL), st.sampled_from("aZ0 中文"))
TEXTS = st.text(CHARACTERS, max_size=30)
# Values as written in YAML: numbers and dates it reads in surprising ways, tags, anchors, aliases.
TOKENS = [
    *("9" * 400, "9" * 5000, "-" + "9" * 4400, "0x" + "f" * 200, "0x_", "0b_", "0o17", "1e3", "1.0e+3", "1e999", ".inf", "-.nan"),
    *("0500101", "0500109", "1:30", "190:20:30.5", "1_000", "-0", "+12", "2023-1-5", "2023-02-30", "2023-11-20T10:00:00Z"),
    *(
        "~",
        "null",
        "yes",
        "no",
        "on",
        "y",
        "NO",
        "true",
        "",
        "''",
        '""',
        '"\\e[2J"',
        '"\\ud842\\udfb7"',
        '"\\U00020BB7"',
        '"\\uFFFE"',
    ),
    *("!!binary aGk=", "!!python/object/apply:os.system [id]", "!!set {a}", "!!omap [a: 1]", "!custom x", "!!str 5", "!!int x"),
    *("&a x", "*a", "&a [1, *a]", "*nowhere", "[", "]", "{", "{a: 1, a: 2}", "[[[[[[[[[[]]]]]]]]]]", "|", ">-", "|+2", "- - - x"),
    *("TODO", "announced", "transport", "R1", "500101", "500000", "20", "cm", "index", "<https://x/ onfocus=alert(1)>"),
    *("[x](javascript:alert(1))", "![i](https://evil.example/t.png)", "<script>alert(1)</script>", "&#58;", "{: onclick=x}"),
]
FIELDS = [
    *("id", "title", "summary", "domain", "capabilities", "owner", "locations", "status", "released", "updated"),
    *("provenance", "problem", "users", "requirements", "constraints", "how_to_respond", "sources", "en", "zh", "valid_on"),
    *("codes", "priority", "kind", "text", "target", "source", "metric", "op", "value", "unit", "name", "description"),
    *("announced", "symbol", "dimension", "factor", "before", "row", "col", "short", "abolished", "<<", "index"),
]
KEYS = st.one_of(st.sampled_from(FIELDS), TEXTS, st.integers(-10, 10**7), st.booleans(), st.none(), st.dates())
SCALARS = st.one_of(
    TEXTS,
    st.sampled_from(["announced", "transport", "R1", "cm", "must", "performance", "<=", "horizontal-accuracy", "zh", "en"]),
    st.integers(-(10**20), 10**20),
    st.sampled_from([0, 1, 3, 20, 500101, 500000, 500230, 10**15, -1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3), max_leaves=8)
TARGETS = [
    *["scenarios/river-ships.yaml"] * 6,
    *["scenarios/fire-watch.yaml"] * 2,
    *(
        f"scenarios/vocabularies/{name}.yaml"
        for name in ("domains", "capabilities", "owners", "districts", "metrics", "units", "sources")
    ),
]
ORIGINAL = {path.relative_to(FIXTURE).as_posix(): path.read_bytes() for path in FIXTURE.rglob("*.yaml")}


# -- mutating the parsed record -----------------------------------------------------------------


def places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value in a parsed document, the document itself first."""
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from places(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from places(inner, (*path, index))


def mutate_structure(data: st.DataObject, document: Any) -> Any:
    """`document` with one to four values set, deleted, added, renamed or wrapped."""
    for _ in range(data.draw(st.integers(1, 4), label="structural mutations")):
        path = data.draw(st.sampled_from(list(places(document))), label="at")
        operation = data.draw(st.sampled_from(["set", "delete", "add", "rename", "wrap", "repeat"]), label="operation")
        if not path:
            if operation in ("set", "wrap"):
                document = data.draw(VALUES) if operation == "set" else [document]
            continue
        *parents, last = path
        parent = document
        for step in parents:
            parent = parent[step]
        if operation == "set":
            parent[last] = data.draw(VALUES, label="value")
        elif operation == "delete":
            del parent[last]
        elif operation == "wrap":
            parent[last] = data.draw(
                st.sampled_from([[parent[last]], {"en": parent[last]}, {"en": parent[last], "zh": parent[last]}])
            )
        elif operation == "repeat" and isinstance(parent, list):
            parent.append(parent[last])
        elif operation == "add" and isinstance(parent, dict):
            parent[data.draw(KEYS, label="key")] = data.draw(VALUES, label="value")
        elif operation == "rename" and isinstance(parent, dict):
            new_key = data.draw(KEYS, label="new key")
            parent[new_key] = parent.pop(last)
    return document


def dump(data: st.DataObject, document: Any) -> str:
    return yaml.safe_dump(
        document,
        allow_unicode=data.draw(st.booleans(), label="unicode"),
        default_flow_style=data.draw(st.sampled_from([False, None, True]), label="flow"),
        sort_keys=data.draw(st.booleans(), label="sorted"),
        width=data.draw(st.integers(20, 200), label="width"),
    )


# -- mutating the text --------------------------------------------------------------------------

VALUE_AFTER_KEY = re.compile(r"(?<=: )[^\n]*|(?<=- )[^\n]*")


def mutate_text(data: st.DataObject, text: str) -> str:
    """`text` with one to four edits: characters in, characters out, a value replaced by a token,
    lines repeated, dropped, swapped or re-indented, a line added."""
    for _ in range(data.draw(st.integers(1, 4), label="text mutations")):
        lines = text.split("\n")
        operation = data.draw(
            st.sampled_from(["insert", "delete", "token", "token", "repeat", "drop", "swap", "indent", "append"]), label="edit"
        )
        spot = data.draw(st.integers(0, max(0, len(text))), label="position")
        row = data.draw(st.integers(0, len(lines) - 1), label="line")
        if operation == "insert":
            text = text[:spot] + data.draw(st.text(CHARACTERS, min_size=1, max_size=4), label="inserted") + text[spot:]
        elif operation == "delete":
            text = text[:spot] + text[spot + data.draw(st.integers(1, 12), label="deleted") :]
        elif operation == "token":
            values = list(VALUE_AFTER_KEY.finditer(text))
            if values:
                found = values[data.draw(st.integers(0, len(values) - 1), label="value")]
                text = text[: found.start()] + data.draw(st.sampled_from(TOKENS), label="token") + text[found.end() :]
        elif operation == "repeat":
            text = "\n".join([*lines[: row + 1], lines[row], *lines[row + 1 :]])
        elif operation == "drop":
            text = "\n".join(lines[:row] + lines[row + 1 :])
        elif operation == "swap" and row + 1 < len(lines):
            lines[row], lines[row + 1] = lines[row + 1], lines[row]
            text = "\n".join(lines)
        elif operation == "indent":
            lines[row] = data.draw(st.sampled_from([" ", "  ", "    ", "\t", ""]), label="indent") + lines[row].lstrip(
                data.draw(st.sampled_from(["", " "]), label="dedent")
            )
            text = "\n".join(lines)
        elif operation == "append":
            extra = data.draw(st.sampled_from(["---", "...", "%YAML 1.1", "? x", "- x", "x: *a", "&a y: 1", "<<: {a: 1}"]))
            text = f"{text}\n{extra}\n"
    return text


def encode(data: st.DataObject, text: str) -> bytes:
    encoding = data.draw(st.sampled_from(["utf-8"] * 8 + ["utf-8-sig", "utf-16", "bad-byte"]), label="encoding")
    if encoding == "bad-byte":
        raw = text.encode("utf-8", "surrogatepass")
        spot = data.draw(st.integers(0, len(raw)), label="byte at")
        return raw[:spot] + b"\xff" + raw[spot:]
    return text.encode(encoding, "surrogatepass")


# -- the property ---------------------------------------------------------------------------------

LOCATED = re.compile(r"^scenarios/[^:\n]+:[1-9]\d*:[1-9]\d*: \S")
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "project"


def checked(project: Path, target: str, content: bytes) -> str:
    """Put the fixture project in place with `target` holding `content`, check it, hold the
    checker to its promises, and say what it found."""
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(FIXTURE, project)
    (project / target).write_bytes(content)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--root", str(project)])
    assert code in (0, 1), err.getvalue()
    assert not RAW_CONTROL.search(out.getvalue() + err.getvalue())
    lines = out.getvalue().splitlines()
    unlocated = [line for line in lines if not LOCATED.match(line)]
    assert not unlocated, unlocated
    if code == 1:
        assert lines and err.getvalue().endswith("; nothing was written\n")
        return "exit 1, first problem: " + re.sub(r"'[^']*'|\d+|U\+\w+", "…", lines[0].split(": ", 1)[1])[:70]
    files = render_all(check(project).catalogue)
    assert all(isinstance(text, str) and text.encode("utf-8") for text in files.values())
    return "exit 0, rendered"


@FUZZ
@given(data=st.data(), target=st.sampled_from(TARGETS))
def test_mutated_records(fuzzed: Path, data: st.DataObject, target: str) -> None:
    document = yaml.safe_load(ORIGINAL[target])
    text = dump(data, mutate_structure(data, document))
    if data.draw(st.booleans(), label="then edit the text"):
        text = mutate_text(data, text)
    event(checked(fuzzed, target, encode(data, text)))


@FUZZ
@given(data=st.data(), target=st.sampled_from(TARGETS))
def test_mutated_yaml_text(fuzzed: Path, data: st.DataObject, target: str) -> None:
    event(checked(fuzzed, target, encode(data, mutate_text(data, ORIGINAL[target].decode("utf-8")))))


def test_the_fixture_itself_passes(fuzzed: Path) -> None:
    assert checked(fuzzed, "scenarios/river-ships.yaml", ORIGINAL["scenarios/river-ships.yaml"]) == "exit 0, rendered"
