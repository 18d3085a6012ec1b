"""Hostile and broken input: each case gets one exact, located message and exit 1, and leaves
docs/ and an existing site/ byte for byte as they were. Valid edge cases are accepted.

Each case is the content of `scenarios/hostile.yaml` in a copy of the fixture project; most are
the valid fixture scenario `river-ships.yaml` (renamed) with one thing broken.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator import model
from generator.cli import main
from generator.load import MAX_BYTES
from tests.conftest import FIXTURE, ROOT
from tests.test_write import snapshot

KEYS = model.names(model.Scenario)  # the keys a scenario file may have, in the model's order

H = "scenarios/hostile.yaml"
BASE = (FIXTURE / "scenarios" / "river-ships.yaml").read_text(encoding="utf-8").replace("id: river-ships", "id: hostile")


def base(old: str, new: str) -> bytes:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new).encode("utf-8")


ANCHOR = "'&{name}' is a YAML anchor, a name for the value that aliases repeat; files here use none, remove it"
NO_KEY = "this line has words but no key, so YAML reads it as a key without its ':'; write a key before it ('key: value'), or make it a comment by starting it with '# '"


def billion_laughs() -> bytes:
    levels = ["  - &l0 {en: lol, zh: 哈}"] + [f"  - &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
    return base("constraints:\n  - {en: BeiDou only., zh: 仅限北斗。}", "constraints:\n" + "\n".join(levels))


CASES: list[tuple[str, bytes | Callable[[], bytes], list[str]]] = [
    (
        "syntax-unclosed-quote",
        base("status: reconstructed", 'status: "announced'),
        [f'{H}:12:9: a " opens a quoted text that is not closed on this line; close it or remove it'],
    ),
    (  # the last line, with no line end after it: was "a quoted part, where YAML ends it, and words follow"
        "syntax-unclosed-quote-on-the-last-line",
        BASE.rstrip("\n").replace("source: ichongqing-2023-11-21", "source: 'ichongqing-2023-11-21").encode("utf-8"),
        [f"{H}:51:13: a ' opens a quoted text that is not closed on this line; close it or remove it"],
    ),
    (
        "syntax-bad-indentation",
        base("  valid_on: 2023-11-20", "   valid_on: 2023-11-20"),
        [
            f"{H}:11:3: locations.codes: wrong indentation: this line is indented less than 'valid_on' at {H}:10:4 and more than 'locations' at {H}:9:1; indent it as far as 'valid_on' to make it a field beside it"
        ],
    ),
    (
        "syntax-colon-in-text",
        base("  en: Show accuracy measured on a river section.", "  en: Note: show accuracy"),
        [
            f"{H}:46:7: how_to_respond.en: this text holds ': ', which YAML reads as a key and its value; put the whole text in single quotes: 'Note: show accuracy'"
        ],
    ),
    (
        "syntax-text-after-the-content",
        lambda: b'"just a text"\nid: hostile\n',
        [f"{H}:2:1: the file goes on after its content ended; a scenario file is one mapping, a 'key: value' on each line"],
    ),
    (
        "syntax-list-item-expected",
        base('users:\n  - en: "Ship masters', 'users:\n  - en: "Ship masters: x"\n  x: 1\n  - en: "Ship masters'),
        [
            f"{H}:27:3: wrong indentation: this line is indented as far as the list item at {H}:26:3, not as its field 'en' at {H}:26:5; indent it as far as 'en' to make it a field beside it"
        ],
    ),
    (
        "under-indented-line-crlf",
        base("    kind: security", "   kind: security").replace(b"\n", b"\r\n"),
        [
            f"{H}:36:4: requirements[1].kind: wrong indentation: this line is indented less than 'priority' at {H}:35:5 and more than the list item at {H}:34:3; indent it as far as 'priority' to make it a field beside it"
        ],
    ),
    (
        "indented-first-line-after-a-bom",
        b"\xef\xbb\xbf  " + BASE.encode(),
        [f"{H}:1:3: id: wrong indentation: the first field is indented; the fields of a file start in column 1"],
    ),
    (
        "syntax-unclosed-bracket",
        base("capabilities: [satellite-navigation]", "capabilities: [satellite-navigation"),
        [
            f"{H}:7:15: capabilities: the '[' here is not closed on its line, so YAML reads the lines below as part of it; end it with ']' on this line"
        ],
    ),
    (
        "syntax-list-on-the-key-line",
        base("capabilities: [satellite-navigation]", "capabilities: - satellite-navigation"),
        [f"{H}:7:15: a list item '- ' cannot start on the line of its key; put each item on a line of its own, below the key"],
    ),
    (
        "syntax-unknown-escape",
        base("status: reconstructed", 'status: "announ\\qced"'),
        [f"{H}:12:16: unknown escape after a backslash in double quotes; write \\\\ for a backslash, or use single quotes"],
    ),
    (
        "duplicate-anchor",
        base("status: reconstructed", "status: &s announced\nx: &s 1"),
        [  # the rest of the file is checked with that line set aside
            f"{H}:12:9: status: {ANCHOR.format(name='s')}",
            f"{H}:12:9: status: an illustrative record cannot say the scenario is 'announced'; use reconstructed until an official text gives its status",
            f"{H}:13:1: x: unknown key 'x'; expected one of {KEYS}",
            f"{H}:13:4: the same anchor (&name) is defined twice; anchors and aliases are not needed in scenario files",
        ],
    ),
    (
        "tab-indentation",
        base("  valid_on: 2023-11-20", "\tvalid_on: 2023-11-20"),
        [f"{H}:10:1: tab character; YAML is indented with spaces only, replace the tab with spaces"],
    ),
    (
        "duplicate-key",
        base("status: reconstructed\n", "status: reconstructed\nstatus: closed\n"),
        [f"{H}:13:1: status: duplicate key 'status'; it is already set on line 12, keep one"],
    ),
    (
        "tag-python-object-apply",
        base("status: reconstructed", 'status: !!python/object/apply:os.system ["touch /tmp/pwned-by-yaml"]'),
        [
            f"{H}:12:9: status: the tag !!python/object/apply:os.system is not allowed; scenario files hold plain text, numbers, dates, lists and mappings"
        ],
    ),
    (
        "tag-python-name",
        base("status: reconstructed", "status: !!python/name:os.system"),
        [
            f"{H}:12:9: status: the tag !!python/name:os.system is not allowed; scenario files hold plain text, numbers, dates, lists and mappings"
        ],
    ),
    (
        "tag-local",
        base("status: reconstructed", "status: !include secrets.yaml"),
        [
            f"{H}:12:9: status: the tag !include is not allowed; scenario files hold plain text, numbers, dates, lists and mappings"
        ],
    ),
    (
        "tag-binary",
        base("status: reconstructed", "status: !!binary aGVsbG8="),
        [
            f"{H}:12:9: status: the tag !!binary is not allowed; scenario files hold plain text, numbers, dates, lists and mappings"
        ],
    ),
    (
        "alias-bomb",
        billion_laughs,
        [
            f"{H}:44:5: constraints[0]: {ANCHOR.format(name='l0')}",
            *itertools.chain.from_iterable(
                (
                    f"{H}:{44 + n}:5: constraints[{n}]: {ANCHOR.format(name=f'l{n}')}",
                    f"{H}:{44 + n}:5: constraints[{n}]: expected a text in both languages, written as {{en: ..., zh: ...}}, got a list",
                )
                for n in range(1, 10)
            ),
        ],
    ),
    (
        "alias-recursive",
        base('users:\n  - en: "Ship masters', 'users: &u [*u]\nx:\n  - en: "Ship masters'),
        [
            f"{H}:25:8: users: {ANCHOR.format(name='u')}",
            f"{H}:25:12: users[0]: a YAML alias (*name) repeats another value; aliases are not allowed, write the value out",
            f"{H}:26:1: x: unknown key 'x'; expected one of {KEYS}",
        ],
    ),
    (
        "merge-key",
        base("status: reconstructed", "<<: {status: open}"),
        [
            f"{H}:1:1: status: required key 'status' is missing; add status: one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn",
            f"{H}:12:1: a merge key ('<<', or one tagged !!merge) brings in the fields of another mapping, which scenario files do not do; write the fields out here",
        ],
    ),
    (
        "merge-key-tagged",
        base("status: reconstructed", "!!merge status: reconstructed"),
        [
            f"{H}:1:1: status: required key 'status' is missing; add status: one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn",
            f"{H}:12:1: a merge key ('<<', or one tagged !!merge) brings in the fields of another mapping, which scenario files do not do; write the fields out here",
        ],
    ),
    (
        "complex-key",
        base("status: reconstructed", "? [status]\n: open"),
        [
            f"{H}:1:1: status: required key 'status' is missing; add status: one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn",
            f"{H}:12:3: a key must be a plain word; write 'name: value'",
        ],
    ),
    (
        "oversize",
        lambda: BASE.encode() + b"#" * MAX_BYTES,
        [f"{H}:1:1: file is {len(BASE.encode()) + MAX_BYTES:,} bytes; the limit is 262,144 bytes, split or shorten it"],
    ),
    (
        "not-utf8-latin1",
        base("Channels are *narrow*", "Channels are *narrow* cafe").replace(b"cafe", b"caf\xe9"),
        [f"{H}:18:30: byte 0xe9 is not UTF-8; save the file as UTF-8"],
    ),
    (
        "not-utf8-latin1-readable-as-gb18030",
        base("Channels are *narrow*", "Channels are *narrow* cafes").replace(b"cafes", b"caf\xe9s"),
        [f"{H}:18:30: byte 0xe9 is not UTF-8; save the file as UTF-8"],
    ),
    (
        "utf16",
        lambda: BASE.encode("utf-16"),
        [f"{H}:1:1: byte 0xff is not UTF-8: the file was saved as UTF-16; save the file as UTF-8"],
    ),
    (
        "gbk",
        lambda: BASE.encode("gb18030"),
        [
            f"{H}:2:56: byte 0xc4 is not UTF-8: the file reads as Chinese saved as GBK (GB 18030), the default of Chinese Windows; save the file as UTF-8"
        ],
    ),
    (
        "nul-byte",
        base("status: reconstructed", "status: op\x00en"),
        [f"{H}:12:1: the file contains NUL bytes; it is not a text file"],
    ),
    (
        "empty",
        lambda: b"",
        [f"{H}:1:1: file is empty; expected a mapping of fields ('python -m generator new ID --domain KEY' writes a template)"],
    ),
    (
        "comments-only",
        lambda: b"# a scenario will go here\n\n# later\n",
        [f"{H}:1:1: file is empty; expected a mapping of fields ('python -m generator new ID --domain KEY' writes a template)"],
    ),
    (
        "top-level-list",
        lambda: b"- id: hostile\n- title: x\n",
        [f"{H}:1:1: expected a mapping of fields ({KEYS}), got a list"],
    ),
    (
        "top-level-text",
        lambda: b"just some words\n",
        [f"{H}:1:1: expected a mapping of fields ({KEYS}), got the text 'just some words'"],
    ),
    (
        "top-level-null",
        lambda: b"~\n",
        [f"{H}:1:1: the file holds only an empty value (null); expected a mapping of fields"],
    ),
    (
        "two-documents",
        lambda: BASE.encode() + b"---\nid: second\n",
        [f"{H}:52:1: more than one YAML document (a second '---'); keep one scenario per file"],
    ),
    (
        "null-value",
        base("title: {en: Decimetre positioning for river ships, zh: 内河船舶分米级定位}", "title: null"),
        [f"{H}:2:8: title: the value is empty; expected a text in both languages, {{en: ..., zh: ...}}"],
    ),
    (
        "wrong-type",
        base("status: reconstructed", "status: 42"),
        [
            f"{H}:12:9: status: expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn, got the number 42"
        ],
    ),
    (
        "impossible-date",
        base("released: 2023-11-20", "released: 2023-02-30"),
        [f"{H}:13:11: released: 2023-02-30 is not a real date: February 2023 has 28 days; expected a date like 2023-11-20"],
    ),
    (
        "id-path-traversal",
        base("id: hostile", "id: ../../etc/passwd"),
        [
            f"{H}:1:5: id: '../../etc/passwd' is not valid here; expected lowercase letters, digits and single hyphens, like 'forest-fire-watch'"
        ],
    ),
    (
        "id-upper-case",
        base("id: hostile", "id: Hostile"),
        [
            f"{H}:1:5: id: 'Hostile' is not valid here; expected lowercase letters, digits and single hyphens, like 'forest-fire-watch'"
        ],
    ),
    (
        "html-in-title",
        base("Decimetre positioning for river ships,", "Decimetre <b>positioning</b> for river ships,"),
        [f"{H}:2:23: title.en: HTML is not allowed in texts (at '<b>positioning</b> for river s…'); write plain text"],
    ),
    (
        "script-in-problem",
        base("    Channels are *narrow* at bridges.", "    Channels <script>fetch('//evil.example')</script>"),
        [
            f"{H}:18:14: problem.en: HTML is not allowed in texts (at '<script>fetch('//evil.example'…'); write plain text or Markdown"
        ],
    ),
    (
        "javascript-link",
        base("(https://www.ichongqing.info/) for context.", "(javascript:alert(document.cookie)) for context."),
        [
            f"{H}:20:23: problem.en: 'javascript:' addresses are not allowed (at 'javascript:alert(document.cook…'); link to an http or https address"
        ],
    ),
    (
        "javascript-link-mixed-case",
        base("(https://www.ichongqing.info/) for context.", "( JaVaScRiPt :alert(1)) for context."),
        [
            f"{H}:20:24: problem.en: 'javascript:' addresses are not allowed (at 'JaVaScRiPt :alert(1)) for cont…'); link to an http or https address"
        ],
    ),
    (
        "javascript-link-entity",
        base("(https://www.ichongqing.info/) for context.", "(javascript&#58;alert(1)) for context."),
        [f"{H}:20:33: problem.en: HTML is not allowed in texts (at '&#58;alert(1)) for context.'); write plain text or Markdown"],
    ),
    (
        "data-uri-image",
        base("See [the release]", "See ![x](data:image/svg+xml;base64,PHN2Zz4=) [the release]"),
        [
            f"{H}:20:14: problem.en: 'data:' addresses are not allowed (at 'data:image/svg+xml;base64,PHN2…'); link to an http or https address"
        ],
    ),
    (
        "remote-image",
        base("See [the release]", "See ![tracker](https://evil.example/pixel.gif) [the release]"),
        [f"{H}:20:9: problem.en: images are not allowed in texts (they would load from another host); link to the image instead"],
    ),
    (
        "attribute-list-injection",
        base("    Channels are *narrow* at bridges.", '    Channels are narrow.\n    {: onclick="alert(1)" }'),
        [
            f"{H}:19:5: problem.en: attribute lists like {{: ...}} or {{key=...}} are not allowed in texts (at '{{: onclick=\"alert(1)\" }} See […'); remove the braces"
        ],
    ),
    (
        "attribute-list-in-title",
        base("Decimetre positioning for river ships,", "'Decimetre positioning { onmouseover=alert(1) }',"),
        [
            f"{H}:2:36: title.en: attribute lists like {{: ...}} or {{key=...}} are not allowed in texts (at '{{ onmouseover=alert(1) }}'); remove the braces"
        ],
    ),
    (
        "very-long-string",
        base("Decimetre positioning for river ships,", "Decimetre " + "x" * 200_000 + ","),
        [f"{H}:2:13: title.en: 200,010 characters; the limit is 90, shorten it"],
    ),
    (
        "deep-flow-nesting",
        base("capabilities: [satellite-navigation]", "capabilities: " + "[" * 100 + "]" * 100),
        [f"{H}:7:78: lists or mappings nested deeper than 64 levels; flatten the structure"],
    ),
    (
        "brackets-in-quoted-text",  # not nesting: a text, refused for what it says
        base("capabilities: [satellite-navigation]", "capabilities: ['" + "[" * 100 + "']"),
        [
            f"{H}:7:16: capabilities[0]: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[...' is not a known capability; expected a key of scenarios/vocabularies/capabilities.yaml: satellite-navigation, remote-sensing"
        ],
    ),
    (
        "key-longer-than-yaml-reads",
        base("status: reconstructed", "status: reconstructed\n" + "k" * 5000 + ": 1"),
        [
            f"{H}:13:1: this key is 5,000 characters long, and YAML reads keys of at most 1,024; a field's name is a short word (see the template), and a text that holds ': ' goes in quotes"
        ],
    ),
    (  # an old Mac's line ends (CR alone): was an IndexError, the mends counting lines by '\n'
        "a-line-without-a-key-in-a-file-of-cr-line-ends",
        base("status: reconstructed", "status: reconstructed\nrubbish here").replace(b"\n", b"\r"),
        [f"{H}:13:1: expected 'key: value' here; check the indentation and that the line above is complete"],
    ),
    (
        "long-line-without-a-key",  # not a long key: its only ':' is in an address; said on its line, not the next
        base("status: reconstructed", "status: reconstructed\n" + "word " * 240 + "at https://www.ichongqing.info/"),
        [f"{H}:13:1: {NO_KEY}"],
    ),
    (
        "deep-block-nesting",  # libyaml's stack overflowed: the interpreter crashed
        base("constraints:\n  - {en: BeiDou only., zh: 仅限北斗。}", "constraints:\n  - " + "- " * 120_000 + "x"),
        [f"{H}:44:1: this line is indented more than 100 columns deep; flatten the structure"],
    ),
    (
        "deep-block-nesting-old-mac-line-ends",  # a carriage return alone ends a line too: the same crash
        base("{en: BeiDou only., zh: 仅限北斗。}", "- " * 120_000 + "x").replace(b"\n", b"\r"),
        [f"{H}:44:1: this line is indented more than 100 columns deep; flatten the structure"],
    ),
    (
        "number-of-5000-digits",  # more than Python converts from text
        base("value: 20, unit: cm, basis: typical}", "value: " + "9" * 5000 + ", unit: cm, basis: typical}"),
        [
            f"{H}:33:60: requirements[0].target.value: the number 9999999999999999999999999999999999999... is 5,000 characters long; write at most 15 digits"
        ],
    ),
    (
        "hexadecimal-number-too-large",  # no limit on reading hexadecimal digits, but no float holds it
        base("value: 20, unit: cm, basis: typical}", "value: 0x" + "f" * 90 + ", unit: cm, basis: typical}"),
        [
            f"{H}:33:60: requirements[0].target.value: the number 0xfffffffffffffffffffffffffffffffffff... is too large; write at most 15 digits before the decimal point"
        ],
    ),
    (
        "bidi-override",
        base("Decimetre positioning for river ships,", "Decimetre positioning \u202efor river ships,"),
        [
            f"{H}:2:35: title.en: bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) can show text in another order than it is read; delete it"
        ],
    ),
    (
        "escape-character",
        base("  en: Show accuracy measured on a river section.", '  en: "Show \\e[31m accuracy"'),
        [f"{H}:46:7: how_to_respond.en: control character U+001B; delete it"],
    ),
]


def write_case(project: Path, content: bytes | Callable[[], bytes]) -> None:
    (project / "scenarios" / "hostile.yaml").write_bytes(content() if callable(content) else content)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project as a build left it, beside a site built before: built once, copied for each case."""
    project = tmp_path_factory.mktemp("built") / "project"
    shutil.copytree(FIXTURE, project)
    assert main(["build", "--root", str(project)]) == 0
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the site as it was", encoding="utf-8")
    return project


@pytest.mark.parametrize(("content", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_hostile_input(
    built: Path, tmp_path: Path, content: bytes | Callable[[], bytes], expected: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    project = shutil.copytree(built, tmp_path / "project")
    before = {folder: snapshot(project / folder) for folder in ("docs", "site")}
    capsys.readouterr()

    write_case(project, content)
    assert main(["build", "--root", str(project)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == expected
    assert "Traceback" not in out + err
    assert err.endswith("; nothing was written\n")
    assert {folder: snapshot(project / folder) for folder in ("docs", "site")} == before
    assert not Path("/tmp/pwned-by-yaml").exists()


@pytest.mark.parametrize("digits", [400, 5000])
def test_a_long_number_anywhere_is_a_located_problem(project: Path, digits: int, capsys: pytest.CaptureFixture[str]) -> None:
    """Each value of the record in turn replaced by a number of `digits` digits."""
    root = yaml.compose(BASE)
    assert root is not None
    values = [node for node in walk(root) if isinstance(node, yaml.ScalarNode)]
    assert len(values) >= 45
    for node in values:
        start, end = node.start_mark.index, node.end_mark.index
        write_case(project, (BASE[:start] + "9" * digits + BASE[end:]).encode("utf-8"))
        assert main(["check", "--root", str(project)]) == 1, BASE[start:end]
        out, err = capsys.readouterr()
        assert out and all(LOCATED.match(line) for line in out.splitlines()), out
        assert "Traceback" not in out + err


LOCATED = re.compile(r"^scenarios/[^:]+:\d+:\d+: ")


def walk(node: yaml.Node) -> list[yaml.Node]:
    """Every value below `node` (not the keys)."""
    if isinstance(node, yaml.MappingNode):
        return [found for _, value in node.value for found in walk(value)]
    if isinstance(node, yaml.SequenceNode):
        return [found for item in node.value for found in walk(item)]
    return [node]


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30


VALID = [
    ("crlf-line-ends", lambda: BASE.replace("\n", "\r\n").encode()),
    ("utf8-bom", lambda: b"\xef\xbb\xbf" + BASE.encode()),
    (
        "markdown-in-text",
        lambda: base(
            "    Channels are *narrow* at bridges.",
            "    Channels are **narrow**:\n\n    - at bridges,\n    - at bends.\n\n    1. first\n    2. second\n\n    A <https://www.ichongqing.info/> link and `code`.",
        ),
    ),
    ("bom-and-crlf", lambda: b"\xef\xbb\xbf" + BASE.replace("\n", "\r\n").encode()),
]


@pytest.mark.parametrize("content", [case[1] for case in VALID], ids=[case[0] for case in VALID])
def test_valid_edge_cases_are_accepted(project: Path, content: Callable[[], bytes], capsys: pytest.CaptureFixture[str]) -> None:
    write_case(project, content)
    assert main(["build", "--root", str(project)]) == 0, capsys.readouterr().out
    assert (project / "docs" / "en" / "scenarios" / "hostile.md").is_file()


def test_mkdocs_build_with_bad_data_leaves_the_site_alone(project: Path) -> None:
    for name in ("mkdocs.yml", "mkdocs.zh.yml"):
        (project / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    (project / "generator").symlink_to(ROOT / "generator")
    (project / "docs").mkdir(exist_ok=True)
    (project / "docs" / "overrides").symlink_to(ROOT / "docs" / "overrides")
    assert main(["build", "--root", str(project)]) == 0
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the site as it was", encoding="utf-8")
    before = snapshot(project / "site")
    write_case(project, base("status: reconstructed", "status: reconstucted"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode != 0
    assert f"{H}:12:9: status: 'reconstucted' is not allowed" in result.stderr
    assert snapshot(project / "site") == before


def test_symbolic_links_are_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "scenarios" / "hostile.yaml").symlink_to("/etc/hostname")
    assert main(["check", "--root", str(project)]) == 1
    assert capsys.readouterr().out == f"{H}:1:1: the file is a symbolic link; commit the file itself\n"


def test_stray_files_are_named(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "scenarios" / "draft.yml").write_text(BASE, encoding="utf-8")
    (project / "scenarios" / "Bus-Lane.YAML").write_text(BASE, encoding="utf-8")
    (project / "scenarios" / "notes.txt").write_text("todo", encoding="utf-8")
    (project / "scenarios" / "transport").mkdir()
    (project / "scenarios" / "transport" / "ferry.yaml").write_text(BASE, encoding="utf-8")
    (project / "scenarios" / "vocabularies" / "bus-lane.yaml").write_text(BASE, encoding="utf-8")  # was: never published
    (project / "scenarios" / "vocabularies" / "README.md").write_text("# Vocabularies", encoding="utf-8")
    known = "domains.yaml, capabilities.yaml, owners.yaml, districts.yaml, metrics.yaml, units.yaml, sources.yaml"
    assert main(["check", "--root", str(project)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "scenarios/Bus-Lane.YAML:1:1: scenario files end in .yaml, in lower case; rename it to Bus-Lane.yaml",
        "scenarios/draft.yml:1:1: scenario files end in .yaml, in lower case; rename it to draft.yaml",
        "scenarios/notes.txt:1:1: only .yaml scenario files belong here; move or delete this file",
        "scenarios/transport:1:1: scenario files belong directly in scenarios/, not in a folder; move its files up",
        f"scenarios/vocabularies/bus-lane.yaml:1:1: not a vocabulary (this folder holds {known}); a scenario file belongs in scenarios/, move it there",
    ]


def test_a_pipe_is_refused_without_waiting_for_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(project / "scenarios" / "hostile.yaml")
    assert main(["check", "--root", str(project)]) == 1
    assert capsys.readouterr().out == f"{H}:1:1: this is not a file (a folder, a pipe or a device); delete or move it\n"


EDITOR_FILES = [
    ".hostile.yaml.swp",
    ".hostile.yaml.swo",
    "hostile.yaml~",
    ".DS_Store",
    "#hostile.yaml#",
    "._hostile.yaml",
    "Thumbs.db",
    "hostile.yaml.swp",
]


def test_files_editors_leave_behind_are_ignored(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in EDITOR_FILES:
        (project / "scenarios" / name).write_bytes(b"\x00\xff binary")
    (project / "scenarios" / ".#hostile.yaml").symlink_to("root@host.12345:1700000000")  # Emacs's lock: a dangling link
    (project / "scenarios" / ".idea").mkdir()
    assert main(["check", "--root", str(project)]) == 0
    assert capsys.readouterr().out == ""


def test_a_hidden_yaml_file_is_not_left_out_silently(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "scenarios" / ".hostile.yaml").write_text(BASE, encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 1
    assert capsys.readouterr().out == (
        "scenarios/.hostile.yaml:1:5: id: the id 'hostile' differs from the file name '.hostile.yaml'; rename the file to hostile.yaml (a file's name is its id, in lowercase letters, digits and single hyphens)\n"
    )
