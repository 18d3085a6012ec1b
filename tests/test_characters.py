"""Characters no text may hold, refused with one exact message per class, wherever they are
written: as themselves anywhere in a file (at their exact place), or as a YAML escape inside
quotes (at the value). Text outside the Basic Multilingual Plane is welcome. What the checker
prints quotes data escaped, so a terminal shows control characters instead of obeying them."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest
import yaml

from generator import load, model
from generator.characters import printable, refusal
from generator.cli import main
from generator.load import Document
from generator.model import Status
from generator.validate import check_file
from tests.helpers import edit, problems

S = "scenarios/river-ships.yaml"
TITLE = "title: {en: Decimetre positioning for river ships,"

CONTROL = "control character {code}; delete it"
NONCHARACTER = "{code} is a noncharacter, which XML cannot hold; delete it"
BIDI = "bidirectional control {code} ({name}) can show text in another order than it is read; delete it"
TAG = "invisible tag character {code}; delete it"
INVISIBLE = "invisible character {code} ({name}); delete it"
SURROGATE = "{code} is half of a UTF-16 surrogate pair, not a character; write the character itself, or an escape of eight digits like \\U00020BB7"

# (character, message): several of each class
CLASSES = [
    ("\x01", CONTROL.format(code="U+0001")),
    ("\x08", CONTROL.format(code="U+0008")),
    ("\x0b", CONTROL.format(code="U+000B")),
    ("\x1b", CONTROL.format(code="U+001B")),
    ("\x7f", CONTROL.format(code="U+007F")),
    ("\x80", CONTROL.format(code="U+0080")),
    ("\x85", CONTROL.format(code="U+0085")),
    ("\x9b", CONTROL.format(code="U+009B")),
    ("\ufffe", NONCHARACTER.format(code="U+FFFE")),
    ("\uffff", NONCHARACTER.format(code="U+FFFF")),
    ("\ufdd0", NONCHARACTER.format(code="U+FDD0")),
    ("\U0001fffe", NONCHARACTER.format(code="U+1FFFE")),
    ("\U0010ffff", NONCHARACTER.format(code="U+10FFFF")),
    ("\u200e", BIDI.format(code="U+200E", name="LEFT-TO-RIGHT MARK")),
    ("\u200f", BIDI.format(code="U+200F", name="RIGHT-TO-LEFT MARK")),
    ("\u202a", BIDI.format(code="U+202A", name="LEFT-TO-RIGHT EMBEDDING")),
    ("\u202e", BIDI.format(code="U+202E", name="RIGHT-TO-LEFT OVERRIDE")),
    ("\u2066", BIDI.format(code="U+2066", name="LEFT-TO-RIGHT ISOLATE")),
    ("\u2069", BIDI.format(code="U+2069", name="POP DIRECTIONAL ISOLATE")),
    ("\u061c", BIDI.format(code="U+061C", name="ARABIC LETTER MARK")),
    ("\U000e0001", TAG.format(code="U+E0001")),
    ("\U000e0041", TAG.format(code="U+E0041")),
    ("\U000e007f", TAG.format(code="U+E007F")),
    ("\u200b", INVISIBLE.format(code="U+200B", name="ZERO WIDTH SPACE")),
    ("\u200c", INVISIBLE.format(code="U+200C", name="ZERO WIDTH NON-JOINER")),
    ("\u200d", INVISIBLE.format(code="U+200D", name="ZERO WIDTH JOINER")),
    ("\u2060", INVISIBLE.format(code="U+2060", name="WORD JOINER")),
    ("\ufeff", INVISIBLE.format(code="U+FEFF", name="ZERO WIDTH NO-BREAK SPACE")),
    ("\u00ad", INVISIBLE.format(code="U+00AD", name="SOFT HYPHEN")),
    ("\u2028", INVISIBLE.format(code="U+2028", name="LINE SEPARATOR")),
    ("\u2029", INVISIBLE.format(code="U+2029", name="PARAGRAPH SEPARATOR")),
    # was: welcome; each shows as nothing or as a space that is none
    ("\u3164", INVISIBLE.format(code="U+3164", name="HANGUL FILLER")),
    ("\uffa0", INVISIBLE.format(code="U+FFA0", name="HALFWIDTH HANGUL FILLER")),
    ("\u115f", INVISIBLE.format(code="U+115F", name="HANGUL CHOSEONG FILLER")),
    ("\u034f", INVISIBLE.format(code="U+034F", name="COMBINING GRAPHEME JOINER")),
    ("\u17b4", INVISIBLE.format(code="U+17B4", name="KHMER VOWEL INHERENT AQ")),
    ("\u2800", INVISIBLE.format(code="U+2800", name="BRAILLE PATTERN BLANK")),
]
IDS = [f"U+{ord(char):04X}" for char, _ in CLASSES]


def escape(char: str) -> str:
    """The character as a YAML double-quoted escape."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@pytest.mark.parametrize(("char", "message"), CLASSES, ids=IDS)
def test_a_character_written_as_itself_is_refused_where_it_is(project: Path, char: str, message: str) -> None:
    """At its place, named by the field that holds it: also a character that YAML refuses to read
    (a control character) or reads as a line break."""
    edit(project, "river-ships.yaml", TITLE, "title: {en: Decimetre " + char + "positioning for river ships,")
    assert problems(project) == [f"{S}:2:23: title.en: {message}"]


@pytest.mark.parametrize(("char", "message"), CLASSES, ids=IDS)
def test_a_character_written_as_an_escape_is_refused_at_its_value(project: Path, char: str, message: str) -> None:
    edit(project, "river-ships.yaml", TITLE, 'title: {en: "Decimetre ' + escape(char) + ' positioning for river ships",')
    assert problems(project) == [f"{S}:2:13: title.en: {message}"]


def test_a_character_in_a_comment_is_refused_too(project: Path) -> None:
    """A reviewer reads comments as well: a bidirectional control there can disguise the lines around it."""
    edit(project, "river-ships.yaml", "status: reconstructed", "status: reconstructed  # \u2067note")
    message = BIDI.format(code="U+2067", name="RIGHT-TO-LEFT ISOLATE")
    assert problems(project) == [f"{S}:12:26: {message}"]


def test_every_such_character_of_a_file_is_refused_in_one_run(project: Path) -> None:
    edit(project, "river-ships.yaml", TITLE, "title: {en: Decimetre \u200dpositioning for river\u202e ships,")
    edit(project, "river-ships.yaml", "status: reconstructed", "status: reconstructed  # \u2067note")
    assert problems(project) == [
        f"{S}:2:23: title.en: {INVISIBLE.format(code='U+200D', name='ZERO WIDTH JOINER')}",
        f"{S}:2:45: title.en: {BIDI.format(code='U+202E', name='RIGHT-TO-LEFT OVERRIDE')}",
        f"{S}:12:26: {BIDI.format(code='U+2067', name='RIGHT-TO-LEFT ISOLATE')}",
    ]


def test_a_refused_character_is_named_by_the_field_that_holds_it_and_in_a_key_by_the_keys_record(project: Path) -> None:
    edit(project, "river-ships.yaml", "{en: BeiDou only.", "{en: Bei\u202eDou only.")
    edit(project, "river-ships.yaml", "  - id: R2", "  - i\u200bd: R2")
    edit(project, "river-ships.yaml", "status: reconstructed", "sta\u200btus: reconstructed")
    assert problems(project) == [
        f"{S}:12:4: {INVISIBLE.format(code='U+200B', name='ZERO WIDTH SPACE')}",
        f"{S}:34:6: requirements[1]: {INVISIBLE.format(code='U+200B', name='ZERO WIDTH SPACE')}",
        f"{S}:44:13: constraints[0].en: {BIDI.format(code='U+202E', name='RIGHT-TO-LEFT OVERRIDE')}",
    ]


def test_the_field_named_with_a_refused_character_is_cut_to_100_characters(project: Path) -> None:
    """A '? ' key may be as long as the file, and its name is said with each character: 20,000
    characters under a key of 120,000 printed 2.4 GB."""
    edit(project, "river-ships.yaml", "status: reconstructed", "? " + "k" * 5000 + "\n: [o\u200bpen, o\u200bpen]")
    assert problems(project) == [
        f"{S}:1:1: status: required key 'status' is missing; add status: one of {', '.join(typing.get_args(Status))}",
        f"{S}:12:3: {'k' * 97}...: unknown key '{'k' * 37}...'; expected one of {model.names(model.Scenario)}",
        f"{S}:13:5: {'k' * 97}...: {INVISIBLE.format(code='U+200B', name='ZERO WIDTH SPACE')}",
        f"{S}:13:12: {'k' * 97}...: {INVISIBLE.format(code='U+200B', name='ZERO WIDTH SPACE')}",
    ]


def test_a_refused_character_is_placed_on_lines_ended_by_a_carriage_return_alone(project: Path) -> None:
    """Lines counted as YAML counts them, in a file saved with old Mac line ends (it was placed at 1:385)."""
    edit(project, "river-ships.yaml", "status: reconstructed", "status: recon\u202estructed")
    file = project / "scenarios" / "river-ships.yaml"
    file.write_bytes(file.read_bytes().replace(b"\n", b"\r"))
    assert problems(project) == [f"{S}:12:14: status: {BIDI.format(code='U+202E', name='RIGHT-TO-LEFT OVERRIDE')}"]


def test_a_refused_character_of_a_file_that_does_not_parse_is_named_by_its_place(project: Path) -> None:
    edit(project, "river-ships.yaml", TITLE, "title: {en: Decimetre \u202epositioning for river ships,")
    edit(project, "river-ships.yaml", "status: reconstructed", 'status: "reconstructed')
    assert problems(project) == [
        f"{S}:2:23: {BIDI.format(code='U+202E', name='RIGHT-TO-LEFT OVERRIDE')}",
        f'{S}:12:9: a " opens a quoted text that is not closed on this line; close it or remove it',
    ]


def test_the_rest_of_a_file_with_a_refused_character_is_checked_in_the_same_run(project: Path) -> None:
    """Checked as if each refused character were deleted, as the messages say; every other problem
    is placed in the file as it is, the columns after a deleted character included."""
    edit(project, "river-ships.yaml", TITLE, "title: {en: Decimetre \u200b\u200bpositioning for river ships,")
    edit(project, "river-ships.yaml", "domain: transport", "domian: transport")
    edit(project, "river-ships.yaml", "status: reconstructed", "status: \u00adrecon\u202estructed, released")
    assert problems(project) == [
        f"{S}:2:23: title.en: {INVISIBLE.format(code='U+200B', name='ZERO WIDTH SPACE')}",
        f"{S}:2:24: title.en: {INVISIBLE.format(code='U+200B', name='ZERO WIDTH SPACE')}",
        f"{S}:6:1: domian: unknown key 'domian'; did you mean 'domain'? (expected one of {model.names(model.Scenario)})",
        f"{S}:12:9: status: {INVISIBLE.format(code='U+00AD', name='SOFT HYPHEN')}",
        f"{S}:12:10: status: 'reconstructed, released' is not allowed; did you mean 'reconstructed'? (expected one of {', '.join(typing.get_args(Status))})",
        f"{S}:12:15: status: {BIDI.format(code='U+202E', name='RIGHT-TO-LEFT OVERRIDE')}",
    ]


def test_a_place_a_message_names_is_in_the_file_as_it_is(project: Path) -> None:
    """A message that names another line's field (where to line up) places it as the file has it."""
    edit(project, "river-ships.yaml", "  en: Ships need", "  \u200ben: Ships need")
    edit(project, "river-ships.yaml", "  zh: 船舶需要", " zh: 船舶需要")
    [invisible, indentation] = problems(project)
    assert invisible == f"{S}:4:3: {INVISIBLE.format(code='U+200B', name='ZERO WIDTH SPACE')}"
    assert indentation.startswith(f"{S}:5:2: summary.zh: wrong indentation: this line is indented less than 'en' at {S}:4:4 and")


def test_the_null_escape_is_a_control_character(project: Path) -> None:
    edit(project, "river-ships.yaml", TITLE, 'title: {en: "Decimetre \\0 positioning for river ships",')
    assert problems(project) == [f"{S}:2:13: title.en: {CONTROL.format(code='U+0000')}"]


def test_an_escaped_half_surrogate_pair_is_refused_by_the_parser(project: Path) -> None:
    """libyaml refuses "\\ud842\\udfb7" (how JSON writes 𠮷) as it reads the file."""
    edit(project, "river-ships.yaml", TITLE, 'title: {en: "Decimetre \\ud842\\udfb7 positioning for river ships",')
    assert problems(project) == [
        f"{S}:2:26: this escape is not a character (half of a UTF-16 surrogate pair, or beyond U+10FFFF); write the character itself, or an escape of eight digits like \\U00020BB7"
    ]


def test_a_half_surrogate_pair_from_the_pure_python_parser_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML without libyaml reads the same escape as two halves of a pair; the checker refuses them."""
    monkeypatch.setattr(load, "Loader", yaml.SafeLoader)  # as the loader is where PyYAML was built without libyaml
    text = (Path(__file__).parent / "fixtures/project/scenarios/river-ships.yaml").read_text(encoding="utf-8")
    text = text.replace(TITLE, 'title: {en: "Decimetre \\ud842\\udfb7 positioning for river ships",')
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert root is not None
    checked = check_file(Document(S, text, root), {})
    assert [str(p) for p in checked.problems] == [f"{S}:2:13: title.en: {SURROGATE.format(code='U+D842')}"]
    assert refusal("\udfb7") == SURROGATE.format(code="U+DFB7")


WELCOME = [
    ("astral-han", "𠮷"),
    ("emoji", "😀"),
    ("emoji-with-variation-selector", "❤️"),
    ("flag", "🇨🇳"),
    ("mathematical-letter", "𝐀"),
    ("ideographic-space", "内河\u3000船舶"),
    ("no-break-space", "a\u00a0b"),
    ("private-use", "\ue000"),
]


@pytest.mark.parametrize("text", [text for _, text in WELCOME], ids=[name for name, _ in WELCOME])
def test_text_outside_the_basic_plane_and_other_visible_characters_are_welcome(project: Path, text: str) -> None:
    edit(project, "river-ships.yaml", "zh: 内河船舶分米级定位}", f"zh: 内河船舶{text}分米级定位}}")
    assert problems(project) == []


def test_an_escaped_astral_character_is_welcome(project: Path) -> None:
    edit(project, "river-ships.yaml", "zh: 内河船舶分米级定位}", 'zh: "内河\\U00020BB7船舶分米级定位"}')
    assert problems(project) == []


def test_printable_escapes_what_a_terminal_would_obey() -> None:
    assert printable("a\x1b[2Jb\tc\nd\u202ee\U000e0041f\ud800g\x85") == "a\\x1b[2Jb\\x09c\\x0ad\\u202ee\\U000e0041f\\ud800g\\x85"
    assert printable("内河𠮷 😀 ❤️ plain") == "内河𠮷 😀 ❤️ plain"


def hostile_names(project: Path) -> None:
    """A file name, a key and a choice that each hold a control character."""
    text = (project / "scenarios" / "river-ships.yaml").read_text(encoding="utf-8")
    (project / "scenarios" / "a\x1b[31mb.yaml").write_text(text.replace("id: river-ships", "id: x"), encoding="utf-8")
    edit(project, "river-ships.yaml", "status: reconstructed", 'status: "\\e[2Jopen"\n"\\e]0;pwned\\a": 1')


SHOWN = [
    "scenarios/a\\x1b[31mb.yaml:1:5: id: the id 'x' differs from the file name 'a\\x1b[31mb.yaml'; rename the file to x.yaml (a file's name is its id, in lowercase letters, digits and single hyphens)",
    "scenarios/river-ships.yaml:12:9: status: '\\x1b[2Jopen' is not allowed; did you mean 'open'? (expected one of reconstructed, proposed, announced, open, matched, piloting, closed, withdrawn)",
    f"scenarios/river-ships.yaml:13:1: \\x1b]0;pwned\\x07: unknown key '\\x1b]0;pwned\\x07'; expected one of {model.names(model.Scenario)}",
]


@pytest.mark.parametrize("format", ["text", "github", "json"])
def test_output_quoting_data_shows_control_characters_escaped(
    project: Path, format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile_names(project)
    assert main(["check", "--root", str(project), "--format", format]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    if format == "json":
        shown = [f"{p['path']}:{p['line']}:{p['column']}: {p['field']}: {p['message']}" for p in json.loads(out)]
    else:
        shown = [line.split("::", 2)[-1] for line in out.splitlines()]
    assert [line for line in shown if "\\x" in line] == SHOWN
