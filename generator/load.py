"""Read one YAML file into a node tree that remembers the line and column of every value.

Safe by construction: the file is only *composed* (parsed into nodes), never constructed into
Python objects here, so no tag can run code. Size, encoding, unwelcome characters, emptiness and
nesting depth are checked before the parser sees the text, because a hostile file must cost
nothing to reject. Unwelcome characters are then deleted, as their messages advise, and the rest
of the file is checked in the same run, each problem placed in the file as it is. So is the rest
of a file with a syntax error, with the block that holds the error set aside (see _recovered).

A file the machine will not let us read (permissions, a failing disk) is not a problem in the
data: it raises MachineError, which the command line reports as a failure of the machine.
"""

from __future__ import annotations

import bisect
import codecs
import dataclasses
import itertools
import os
import re
import stat
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .characters import every_unwelcome, refusal
from .errors import MachineError, Problem, shortened
from .model import VOCABULARY_TYPES, Scenario, fields, walk

MAX_BYTES = 256 * 1024
MAX_FLOW_DEPTH = 64
MAX_FIELD = 100  # characters of a field's name said with a refused character
MAX_INDENT = 100  # columns of indentation and '- ' marks before a line's content
EMPTY = "file is empty; expected a mapping of fields ('python -m generator new ID --domain KEY' writes a template)"

try:  # libyaml's parser is about ten times faster; PyYAML without it still works
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as Loader  # type: ignore[assignment]


@dataclass(frozen=True)
class Document:
    """A parsed file: its display path, its text and the root node. A file with characters no
    text may hold is parsed with them deleted, as `refused` tells its contributor to, so that its
    other problems are found in the same run; `placed` says where a problem found in that text is
    in the file."""

    path: str
    text: str
    root: yaml.Node
    refused: tuple[Problem, ...] = ()
    placed: Callable[[Problem], Problem] = lambda problem: problem
    # A file YAML could not parse whole: its syntax errors, and where each block set aside to
    # parse the rest now holds an empty value (line and column, from 0, as YAML counts them).
    syntax: tuple[Problem, ...] = ()
    set_aside: frozenset[tuple[int, int]] = frozenset()
    # Those of the syntax errors the text was mended for, as their contributor will mend them (a
    # value quoted, a line moved, a colon typed in ASCII): each is where a key or value now is.
    mended: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Sources:
    """Every file of one run, parsed or failed: the vocabularies by name, then the scenarios,
    which are parsed one at a time as the caller walks them (see load_scenarios)."""

    vocabularies: dict[str, Document | LoadError]
    root: Path

    def scenarios(self) -> Iterator[Document | LoadError]:
        """A new walk over the scenario files at each call: a second walk sees them all again."""
        return load_scenarios(self.root)


class LoadError(Exception):
    """The file cannot be parsed; `problems` say where and why (most often one)."""

    def __init__(self, problem: Problem, *more: Problem) -> None:
        super().__init__(problem, *more)
        self.problems = [problem, *more]
        self.syntax: yaml.MarkedYAMLError | None = None  # the parser's error, if YAML could not parse the text
        # A line (from 0) misindented, the column its message says, and the line (from 0) of a key
        # it then stands beside (None: a field of the file, in column 1).
        self.indent: tuple[int, int, int | None] | None = None
        # Or the edits that make the file as its contributor will fix it (a first item's '- ')
        self.fix: list[tuple[int, int, str]] | None = None

    def __str__(self) -> str:  # when asked: the checker prints each problem itself
        return "\n".join(map(str, self.problems))


@dataclass(frozen=True)
class Own:
    """The fields of a file, from the model. `keys`: those of the file and of nothing inside it, so
    that a line holding one, indented deeper, is said to belong in column 1. `root`: the fields of
    the file's own mapping (None: it maps keys to entries, as a vocabulary does), and `records`:
    those of each record type a mapping inside it can be (texts' en and zh too), so that a key
    indented otherwise than its record's other keys is moved beside them when they tell where it
    belongs."""

    keys: frozenset[str] = frozenset()
    root: frozenset[str] | None = None
    records: tuple[frozenset[str], ...] = ()
    lists: frozenset[str] = frozenset()  # the fields that hold a list, anywhere in the file

    def __contains__(self, key: object) -> bool:
        return key in self.keys

    @classmethod
    def of(cls, record: type, root: bool, keys: frozenset[str] = frozenset()) -> Own:
        """The fields of a file that is a `record` (`root`), or maps keys to `record`s."""
        types = {} if root else {record: None}
        for field in walk(record):
            inner = field.kind.item if field.kind.name in ("list", "mapping") else field.kind
            if inner is not None and inner.record is not None:
                types[inner.record] = None
        own = frozenset(field.name for field in fields(record)) if root else None
        lists = frozenset(field.name for field in walk(record) if field.kind.name == "list")
        return cls(keys, own, tuple(frozenset(field.name for field in fields(type_)) for type_ in types), lists)

    @property
    def names(self) -> frozenset[str]:
        """Every field's name the file's mappings can hold: its own and those of each record in it."""
        return (self.root or frozenset()).union(*self.records)

    def types(self, keys: set[str], root: bool) -> list[frozenset[str]]:
        """The fields of each record type that a mapping holding `keys` can be (those of them that
        are a field of some record: the others are misspelt), at the file's `root` or inside it."""
        known = {key for key in keys if key in (self.root or ()) or any(key in record for record in self.records)}
        if root:
            return [self.root] if self.root is not None and known <= self.root else []
        return [record for record in self.records if known <= record] if known else []


NO_FIELDS = Own()


def load(file: Path, display: str, own: Own = NO_FIELDS) -> Document:
    """Parse `file` (shown to people as `display`); raise LoadError with a located problem, or
    MachineError. `own`: what the model says of the file's fields (see Own), so that a line
    indented deeper than it belongs is said once and moved back, and the rest is checked."""

    def fail(line: int, column: int, message: str) -> LoadError:
        return LoadError(Problem(display, line, column, "", message))

    try:
        mode = file.lstat().st_mode
        if stat.S_ISLNK(mode):
            raise fail(1, 1, "the file is a symbolic link; commit the file itself")
        if not stat.S_ISREG(mode):  # reading a pipe would wait forever
            raise fail(1, 1, "this is not a file (a folder, a pipe or a device); delete or move it")
        data = file.read_bytes()
    except FileNotFoundError:
        raise fail(1, 1, "the file is missing") from None
    except OSError as error:
        raise MachineError.of(error, display) from None
    if len(data) > MAX_BYTES:
        raise fail(1, 1, f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes, split or shorten it")
    text = _decode(data, fail)
    refused = list(every_unwelcome(text, in_file=True))  # every one, in a comment as well: a reviewer reads those too
    if not refused:
        return _parse_recovering(text, display, own)
    said = tuple(_refused(text, refused, display))
    kept, placed = _edited(text, [(char.start(), char.end(), "") for char in refused], display)
    try:
        parsed = _parse_recovering(kept, display, own)
    except LoadError as error:
        raise LoadError(*said, *map(placed, error.problems)) from None
    inner = parsed.placed  # where a problem is in the text `kept`, when parsing it moved lines
    return dataclasses.replace(
        parsed,
        refused=said,
        placed=lambda problem: placed(inner(problem)),
        syntax=tuple(map(placed, parsed.syntax)),
        mended=tuple(map(placed, parsed.mended)),
    )


def _parse_recovering(text: str, display: str, own: Own, rounds: int = 0) -> Document:
    try:
        return _parse(text, display, own)
    except LoadError as error:
        if error.indent is not None and rounds < MAX_SET_ASIDE:
            return _reindented(text, display, own, error, rounds)
        if error.fix is not None and rounds < MAX_SET_ASIDE:
            return _mended(*_edited(text, error.fix, display), display, own, error, rounds)
        return _recovered(text, display, own, error)


def _mended(kept: str, placed: Callable[[Problem], Problem], display: str, own: Own, error: LoadError, rounds: int) -> Document:
    """The document of `kept`, `text` as its contributor will mend the syntax `error` (`placed`
    says where a problem in it is in `text`), with that error said first."""
    try:
        parsed = _parse_recovering(kept, display, own, rounds + 1)
    except LoadError as again:
        raise LoadError(*error.problems, *map(placed, again.problems)) from None
    syntax, mended = (*error.problems, *map(placed, parsed.syntax)), (*error.problems, *map(placed, parsed.mended))
    return dataclasses.replace(parsed, syntax=syntax, mended=mended, placed=lambda problem: placed(parsed.placed(problem)))


def _reindented(text: str, display: str, own: Own, error: LoadError, rounds: int) -> Document:
    """The document of `text` with its misindented line moved to the column its message says:
    indented too deep, with the lines below it that belong to it; too shallow, or after a tab,
    alone. A list item moves with its fields below it where they stand as far as its key, alone
    where they stand where its key goes; every item of its list below it that stands elsewhere
    than the list's first item moves there too, each said. The file as its contributor will fix
    it, so that every other problem is said in the same run, each where it is in the file. A key
    of a record, or an item, is moved only if the file then parses past it, with the key beside
    the one its message names (an item, as an item of the list); if not, as if not moved."""
    assert error.indent is not None
    line, column, beside = error.indent
    pieces, starts = _LINE_BREAK.split(text), _line_starts(text)
    depth = len(pieces[line]) - len(pieces[line].lstrip(" "))
    lead = len(pieces[line]) - len(pieces[line].lstrip(" \t"))  # a tab's line: its spaces and tabs
    dashes = _PARTS.fullmatch(pieces[line][lead:])[1]  # type: ignore[index]  # every line matches
    inside = depth + len(dashes) if dashes else depth + 1  # the column from which a line below is the line's own

    opens = not _PARTS.fullmatch(pieces[line][lead:])[3].strip()  # type: ignore[index]  # its value is below it
    within = _own_lines(pieces, line + 1, inside, opens)

    def its_own(piece: str) -> bool:  # a line of an item's: deeper than its '-' stands, or is to stand, up to the next item
        next_item = (_depth(piece) <= max(depth, column) or _depth(piece) < inside) and piece.lstrip().startswith("-")
        return not piece.strip() or (min(depth, column) < _depth(piece) and not next_item)

    depths = {
        _depth(piece)
        for piece in itertools.takewhile(its_own, pieces[line + 1 :])
        if piece.strip() and not piece.lstrip().startswith("#")
    }
    lowest = min(depths, default=None)
    together = not dashes or lowest in (None, inside)  # an item with no lines of its own moves as one too
    if dashes and not together and (lowest not in (None, column + len(dashes)) or inside in depths):
        return _recovered(text, display, own, error)  # its fields stand neither all at its key nor all where it goes
    item = bool(dashes) and beside is not None and pieces[beside][column : column + 1] == "-"  # beside an item of a list
    first = _first_of_list(pieces, beside, column) if item and beside is not None else None  # it sets the list's column
    # The items of the list below it that stand elsewhere than its first move too, each said, told against that first
    # item (not against one moved in memory, where what a message says of it would hold only there)
    below_it = (within or [line])[-1] + 1
    astray, stays, end = _items_astray(pieces, below_it, column, first) if together and first is not None else ([], 0, below_it)
    after = next((piece for piece in pieces[end:] if piece.strip() and not piece.lstrip().startswith("#")), "")
    if (
        astray
        and beside is not None
        and first == beside
        and column > depth
        and not stays
        and {at for _, at, _ in astray} == {depth}
    ):
        return _reindented(text, display, own, _odd_first(error, display, beside, column, line, depth), rounds)
    if astray and first is not None:
        said = "wrong indentation: this list item is indented {} than the list item at {}; indent it as far as that item to make it another item of the list"
        first_at = f"{display}:{first + 1}:{column + 1}"
        told = (
            Problem(display, number + 1, at + 1, "", said.format("deeper" if at > column else "less", first_at))
            for number, at, _ in astray
        )
        error = LoadError(*error.problems, *told)

    def shifted(number: int, by: int) -> tuple[int, int, str]:  # the edit that moves line `number` `by` columns (< 0: left)
        return (starts[number], starts[number], " " * by) if by > 0 else (starts[number], starts[number] - by, "")

    if lead > depth or not together or (column > depth and not dashes):
        moved, edits = [line], [(starts[line], starts[line] + lead, " " * column)]
    else:
        moved = [line, *within]  # `after`, the line below them, is known
        rest = _PARTS.fullmatch(pieces[line].lstrip(" ")).group(3).strip()  # type: ignore[union-attr]  # every line matches
        if column < depth and _depth(after) > column and rest and not _opens_below(rest):
            return _recovered(text, display, own, error)  # the line below would belong to a key that has its value
        edits = [shifted(number, column - depth) for number in moved]
    for _, at, lines in astray:
        moved += lines
        edits += [shifted(number, column - at) for number in lines]
    kept, placed = _edited(text, edits, display)
    if beside is not None and (
        _first_error_line(kept) <= moved[-1] + 1 or not (item or _beside(kept, (line, column), (beside, column)))
    ):
        return _recovered(text, display, own, error)  # not sure where it goes: said alone, as it is
    return _mended(kept, placed, display, own, error, rounds)


def _own_lines(pieces: list[str], start: int, inside: int, opens: bool) -> list[int]:
    """The lines (from 0) from `start` on that belong to the item or key above them, whose own lines
    stand at `inside` or deeper, up to the first that does not; blank lines and comments aside. A
    '- ' at `inside` is another item, unless it is of a list there, begun below a line that opens
    a value below it ('codes:'), as `opens` says of the line above `start`."""
    own: list[int] = []
    listing = False  # whether the last line at `inside` is an item of a list there
    for number in range(start, len(pieces)):
        piece = pieces[number]
        if not piece.strip() or piece.lstrip(" ").startswith("#"):
            continue
        dashes, _, rest = _PARTS.fullmatch(piece.lstrip(" ")).groups()  # type: ignore[union-attr]  # every line matches
        if _depth(piece) < inside or (_depth(piece) == inside and dashes and not (opens or listing)):
            break
        own.append(number)
        listing = bool(dashes) if _depth(piece) == inside else listing
        opens = not rest.strip() or rest.lstrip().startswith("#")
    return own


def _items_astray(pieces: list[str], start: int, column: int, first: int) -> tuple[list[tuple[int, int, list[int]]], int, int]:
    """The items from line `start` (from 0) on of the list whose first item, on line `first`,
    stands at `column`: each one that stands elsewhere (its line, its depth, and its lines with
    its own below it), how many stand at `column`, and the line where the list ends: at a line
    that is no item, or one as far as the key the list is the value of, or less."""
    above = next((piece for piece in reversed(pieces[:first]) if piece.strip() and not piece.lstrip().startswith("#")), "")
    floor = _depth(above) + len(_PARTS.fullmatch(above.lstrip(" "))[1]) if _depth(above) < column else column  # type: ignore[index]
    astray: list[tuple[int, int, list[int]]] = []
    stays, number = 0, start
    while number < len(pieces):
        piece = pieces[number]
        if not piece.strip() or piece.lstrip(" ").startswith("#"):
            number += 1
            continue
        dashes, _, rest = _PARTS.fullmatch(piece.lstrip(" ")).groups()  # type: ignore[union-attr]  # every line matches
        if not dashes or _depth(piece) < floor:
            break
        lines = [number, *_own_lines(pieces, number + 1, _depth(piece) + len(dashes), not rest.strip())]
        if _depth(piece) == column:
            stays += 1
        else:
            astray.append((number, _depth(piece), lines))
        number = lines[-1] + 1
    return astray, stays, number


def _first_of_list(pieces: list[str], item: int, column: int) -> int:
    """The line (from 0) of the first item of the list whose item at `column` is on line `item`."""
    first = item
    for number in range(item - 1, -1, -1):
        piece = pieces[number]
        if not piece.strip() or piece.lstrip(" ").startswith("#") or _depth(piece) > column:
            continue
        if _depth(piece) < column or not piece.lstrip(" ").startswith("-"):
            break
        first = number
    return first


def _odd_first(error: LoadError, display: str, first: int, column: int, second: int, depth: int) -> LoadError:
    """The error of a list whose first item (line `first`, from 0, at `column`) stands deeper than
    every item below it, the first of them on line `second`: said of the first item, which moves
    to `depth`."""
    said = error.problems[0]
    odd = LoadError(
        dataclasses.replace(
            said,
            line=first + 1,
            column=column + 1,
            message=f"wrong indentation: this list item is indented deeper than the items of its list below it, "
            f"the first at {display}:{second + 1}:{depth + 1}; indent it as far as they are",
        )
    )
    odd.indent = (first, depth, second)
    return odd


def _parse(text: str, display: str, own: Own) -> Document:
    def fail(line: int, column: int, message: str) -> LoadError:
        return LoadError(Problem(display, line, column, "", message))

    if not text.strip() or all(line.lstrip().startswith("#") for line in text.splitlines() if line.strip()):
        raise fail(1, 1, EMPTY)
    _check_flow_depth(text, fail)
    _check_indentation(text, fail)
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        began = error.context_mark.line + 1 if error.context_mark else line  # 'while scanning a simple key' there
        # A slip the file is checked on as mended ('status reconstructed' as 'status: reconstructed')
        lone_cr = "\r" in text.replace("\r\n", "")  # an old Mac's line ends, which the mends' line counts miss
        mend = not lone_cr and (
            _first_item_undashed(text, line, own)
            or _later_item_undashed(error, text, own)
            or _key_without_colon(text, (line, began), own)
            or _odd_list_marker(text, (line, began))
            or _record_undashed(text, line, own)
            or _wrapped_too_shallow(text, (line, began))
            or _flow_unclosed(error, text, own)
            or _document_marker(error, text)
            or _comma_missing(error, text, own)
            or _first_line_deeper(text, line, own)
        )
        if mend:
            said = fail(*mend[:3])
            said.syntax, said.fix = error, mend[3]
            raise said from None
        misindented = _misindented(text, line, display, own)  # first: a quoted text may go on over lines
        colon = next(
            filter(
                None,
                (find(text, at) for at in dict.fromkeys((line, began)) for find in (_full_width_colon, _odd_indent)),
            ),
            None,
        )
        colon = colon or _full_width_mark(text, line)
        if misindented and colon and colon[0] == misindented[0]:  # 'domain：x' below a text: the colon, not the text
            misindented = None
        # A slip with no message of its own (after a tab) is said by the parser's message.
        needs = None if (misindented and misindented[2]) or colon else _colon_in_braces(error, text) or _needs_quotes(text, line)
        found = misindented[:3] if misindented and misindented[2] else (colon and colon[:3]) or (needs and needs[:3])
        quote, words = not found and (_never_closed(error) or _unclosed_quote(text, line)), None
        if quote:
            said = fail(*quote, QUOTE_NOT_CLOSED.format(quote=text[_line_starts(text)[quote[0] - 1] + quote[1] - 1]))
        else:
            found = found or _long_key(error, text)
            words = None if found else _keyless_words(error, text)  # after the colons: 'status：open' is no line of words
            found = found or (words and words[:3])
            # A line of words with no ':' is said where it is, not on the line below, where YAML fails
            keyless = "expected ':'" in (error.problem or "") and error.context_mark is not None and began < line
            at = (began, error.context_mark.column + 1) if keyless and error.context_mark else (line, column)
            said = fail(*found) if found else fail(*at, _explain(error, text, mark, own))
        said.syntax = error  # where a recovery starts, without parsing the text again
        unquoted = None if found or quote else _unquoted_value(error, text, own)
        if needs and needs[3]:  # checked on as quoted: 'unit: "%"' is then said to be the unit 'percent'
            said.fix = needs[3]
        elif colon and found == colon[:3]:  # checked on with the ASCII mark: 'status：open' as 'status: open'
            said.fix = colon[3]
        elif unquoted:
            said.fix = [(*unquoted, quoted(text[unquoted[0] : unquoted[1]]))]
        elif words:
            said.fix = words[3]
        # Moved only where it can be meant nowhere else: deeper than a field of the file that has
        # its value, to column 1; inside a record, beside the keys the model says it joins.
        if misindented and misindented[3] is not None and said.problems[0].line == misindented[0]:
            said.indent = (misindented[0] - 1, misindented[3], misindented[4])
        raise said from None
    except yaml.YAMLError as error:  # pragma: no cover - libyaml reports every syntax error with a mark
        raise fail(1, 1, " ".join(f"not valid YAML: {error}".split())) from None
    if root is None:
        raise fail(1, 1, EMPTY)
    if isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null"):
        line, column = root.start_mark.line + 1, root.start_mark.column + 1
        raise fail(line, column, "the file holds only an empty value (null); expected a mapping of fields")
    return Document(display, text, root)


class Properties(typing.NamedTuple):
    """Where the anchors (&name) and tags written '!' alone of a parsed text are, and its aliases
    (*name), in document order: the composed tree keeps no anchor and no alias (it holds the
    anchored node again), and reads '! text' as the plain text 'text'."""

    anchors: list[tuple[yaml.Mark, str]]  # with each anchor's name
    aliases: list[tuple[yaml.Mark, str]]  # with the name of the anchor each repeats
    bare_tags: list[yaml.Mark]


def properties(text: str) -> Properties:
    found = Properties([], [], [])
    for event in yaml.parse(text, Loader=Loader):
        mark = typing.cast(yaml.Mark, event.start_mark)  # libyaml's own Mark type has the same fields as PyYAML's
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            (found.aliases if isinstance(event, yaml.AliasEvent) else found.anchors).append((mark, event.anchor))
        if isinstance(event, yaml.ScalarEvent) and event.tag == "!":
            found.bare_tags.append(mark)
    return found


def _decode(data: bytes, fail) -> str:  # type: ignore[no-untyped-def]
    """UTF-8 only (a byte-order mark is allowed and dropped); name the first bad byte's place."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise fail(
            line, column, f"byte 0x{data[error.start]:02x} is not UTF-8{_saved_as(data)}; save the file as UTF-8"
        ) from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise fail(line, 1, "the file contains NUL bytes; it is not a text file")
    return text


def _saved_as(data: bytes) -> str:
    """The encoding a file that is not UTF-8 was saved in, when its bytes say so: a UTF-16
    byte-order mark, or Chinese (with its commas and full stops) read strictly as GB 18030 (which includes GBK), the default of
    Chinese Windows and of older editors."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ": the file was saved as UTF-16"
    try:
        # its commas and full stops, as a Latin-1 'cafés' also reads as GB 18030 (caf閟)
        chinese = {"，", "。"} <= set(data.decode("gb18030"))
    except UnicodeDecodeError:
        chinese = False
    return ": the file reads as Chinese saved as GBK (GB 18030), the default of Chinese Windows" if chinese else ""


def _refused(text: str, found: list[re.Match[str]], display: str) -> Iterator[Problem]:
    """A located problem for each character of `found`, named by the field that holds it. The
    fields come from the text with each such character read as a letter (YAML itself refuses
    control characters, and reads some others as line breaks), if it parses; a character in a
    comment is named by its place alone."""
    letters = list(text)
    for char in found:
        letters[char.start()] = "x"
    fields = _field_spans("".join(letters))
    starts = [start for start, _, _ in fields]
    lines = [0, *(end.end() for end in _LINE_BREAK.finditer(text))]  # where each line starts, as YAML ends lines
    for char in found:
        start = char.start()
        line = bisect.bisect_right(lines, start)
        at = bisect.bisect_right(starts, start) - 1
        field = fields[at][2] if at >= 0 and start < fields[at][1] else ""
        yield Problem(display, line, start - lines[line - 1] + 1, field, refusal(char.group()))


def _edited(text: str, edits: list[tuple[int, int, str]], display: str) -> tuple[str, Callable[[Problem], Problem]]:
    """`text` with each span (start, end) of `edits`, in order, replaced by its text, and where a
    problem found in that text is in `text` itself (in a replacement: where the span was)."""
    pieces: list[str] = []
    kept_starts: list[int] = []  # where each replacement starts in the text returned
    shifts: list[int] = []  # how many characters the replacements up to each add, in all
    at = shift = 0
    for start, end, new in edits:
        pieces += [text[at:start], new]
        kept_starts.append(start + shift)
        shift += len(new) - (end - start)
        shifts.append(shift)
        at = end
    kept = "".join([*pieces, text[at:]])
    starts, new_starts = _line_starts(text), _line_starts(kept)

    def position(line: int, column: int) -> tuple[int, int]:
        offset = new_starts[min(line, len(new_starts)) - 1] + column - 1
        edit = bisect.bisect_right(kept_starts, offset) - 1
        if edit >= 0:
            start, end, new = edits[edit]
            inside = offset - kept_starts[edit]
            offset = start + min(inside, max(end - start - 1, 0)) if inside < len(new) else offset - shifts[edit]
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    named = re.compile(re.escape(display) + r":([0-9]+):([0-9]+)")

    def placed(problem: Problem) -> Problem:
        line, column = position(problem.line, problem.column)
        message = named.sub(lambda at: "{}:{}:{}".format(display, *position(int(at[1]), int(at[2]))), problem.message)
        return dataclasses.replace(problem, line=line, column=column, message=message)

    return kept, placed


def _beside(text: str, key: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether YAML reads the keys at `key` and `other` (line and column, from 0) in `text` as keys
    of one mapping, as far as it parses."""
    mappings: list[list[int]] = []  # each open collection: [its number, how many events it holds], -1 for a list
    held: dict[tuple[int, int], int] = {}
    count = 0
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)) and mappings:
                top = mappings[-1]
                if top[0] >= 0 and top[1] % 2 == 0:  # a key
                    mark = typing.cast(yaml.Mark, event.start_mark)
                    held[(mark.line, mark.column)] = top[0]
                top[1] += 1
            if isinstance(event, yaml.CollectionStartEvent):
                count += 1
                mappings.append([count if isinstance(event, yaml.MappingStartEvent) else -1, 0])
            elif isinstance(event, yaml.CollectionEndEvent):
                mappings.pop()
            if key in held and other in held:
                break
    except yaml.YAMLError:
        pass
    return key in held and held.get(key) == held.get(other)


def _line_starts(text: str) -> list[int]:
    """The offset in `text` where each of its lines starts."""
    return [0, *(end.end() for end in _LINE_BREAK.finditer(text))]


def _field_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, field) of each key and each value of `text` that is not a list or mapping,
    in the order of the text (a key's field is its record's); none if it does not parse."""

    def refuse(line: int, column: int, message: str) -> LoadError:
        return LoadError(Problem("", line, column, "", message))

    try:
        _check_flow_depth(text, refuse)
        _check_indentation(text, refuse)
        root = yaml.compose(text, Loader=Loader)
    except (LoadError, yaml.YAMLError):
        return []
    spans: list[tuple[int, int, str]] = []
    # A name is said with each refused character under it, and a key may be as long as the file
    # ('? ' and a key of 200,000 characters): names are cut to MAX_FIELD characters as they grow.
    seen: set[int] = set()  # an alias repeats a node: each is walked once (nine aliases of nine...)

    def walk(node: yaml.Node, field: str) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = shortened(field_path(field, key.value), MAX_FIELD) if isinstance(key, yaml.ScalarNode) else field
                walk(key, field)  # a key is named by the record it belongs to
                walk(value, name)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, shortened(f"{field}[{index}]", MAX_FIELD))
        else:
            spans.append((node.start_mark.index, node.end_mark.index, field))

    if root is not None:
        walk(root, "")
    return sorted(spans)


def field_path(path: str, key: object) -> str:
    """The name of field `key` of the record or mapping at `path` ("" for the file's top level)."""
    return f"{path}.{key}" if path else str(key)


def _check_flow_depth(text: str, fail) -> None:  # type: ignore[no-untyped-def]
    """Reject lists and mappings nested deeper than MAX_FLOW_DEPTH before the recursive composer
    can overflow the C stack.

    Block nesting needs indentation, which _check_indentation bounds; flow brackets do not. Only a
    text with that many brackets can nest that deep, and for such a text the parser's events
    (which it makes without recursing) tell how deep it really nests: brackets in quoted text or
    in comments do not count.
    """
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_FLOW_DEPTH:
                    mark = typing.cast(yaml.Mark, event.start_mark)  # events made by libyaml carry its Mark
                    message = f"lists or mappings nested deeper than {MAX_FLOW_DEPTH} levels; flatten the structure"
                    raise fail(mark.line + 1, mark.column + 1, message)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:  # a syntax error before any deep nesting, which composing reports
        return


# A unit of block nesting: a column of indentation, or a compact '- ' (or '? ', ': ') mark, at
# the start of a line; YAML also ends a line at a carriage return alone, as old Macs saved them.
_DEEP = re.compile(rf"(?:^|(?<=\r))(?:[-?:]?[ ]){{{MAX_INDENT}}}", re.MULTILINE)
_LINE_BREAK = re.compile(r"\r\n?|\n")


def _check_indentation(text: str, fail) -> None:  # type: ignore[no-untyped-def]
    """Reject block nesting deep enough to overflow libyaml's stack ('- - - - ...' a hundred
    thousand times crashes the interpreter). Each level of block nesting takes a column of
    indentation or a '- ' mark, so no line may start more than MAX_INDENT of them deep."""
    deep = _DEEP.search(text)
    if deep:
        line = len(_LINE_BREAK.findall(text, 0, deep.end())) + 1
        raise fail(line, 1, f"this line is indented more than {MAX_INDENT} columns deep; flatten the structure")


QUOTE_NOT_CLOSED = "a {quote} opens a quoted text that is not closed on this line; close it or remove it"


def _never_closed(error: yaml.MarkedYAMLError) -> tuple[int, int] | None:
    """Where a quoted text opens that no quote closes before the file ends (line, column): the
    parser says so at the file's end, the place to fix is where it began."""
    if "quoted scalar" not in (error.context or "") or "end of stream" not in (error.problem or ""):
        return None
    return (error.context_mark.line + 1, error.context_mark.column + 1) if error.context_mark else None


def _unclosed_quote(text: str, last_line: int) -> tuple[int, int] | None:
    """Where a double quote opens a text that its line does not close, if one does before `last_line`.

    Parsers report an unclosed quote where the quoted text finally ends, often many lines later;
    the place to fix is the line where it began.
    """
    for number, line in enumerate(text.splitlines()[:last_line], start=1):
        if line.lstrip().startswith("#"):
            continue
        quotes = [i for i, char in enumerate(line) if char == '"' and (i == 0 or line[i - 1] != "\\")]
        if len(quotes) % 2 and line[: quotes[0]].rstrip().endswith((":", "-", "[", "{", ",")):
            return number, quotes[0] + 1
    return None


# A key typed with a Chinese input method: a full-width colon, or a full-width space after it;
# or a colon with no space after it, or a no-break space (pasted from a web page or a Word file).
_FULL_WIDTH_COLON = re.compile(r"( *(?:- +)*)([A-Za-z_][\w-]*) *(：|:[\u3000\u00a0]|:(?=[^\s:]))")
FULL_WIDTH_COLON = (
    "the full-width colon '：' after '{key}' is not YAML's colon; write '{key}: ...', with the ASCII colon ':' and a space"
)
FULL_WIDTH_SPACE = "the full-width space after '{key}:' is not a space to YAML; write '{key}: ...', with an ASCII space"
NO_BREAK_SPACE = "the no-break space after '{key}:' is not a space to YAML; write '{key}: ...', with an ordinary space"
NO_SPACE = (
    "'{key}:' has no space after its colon, so YAML reads the line as text; write '{key}: ...', with a space after the colon"
)
_COLON_MESSAGES = {"：": FULL_WIDTH_COLON, ":\u3000": FULL_WIDTH_SPACE, ":\u00a0": NO_BREAK_SPACE, ":": NO_SPACE}
# A line indented with full-width or no-break spaces, which YAML reads as the start of a text.
_ODD_INDENT = re.compile(r"( *)([ \u3000\u00a0]*[\u3000\u00a0][ \u3000\u00a0]*)(?=[^\s#])")
ODD_INDENT = "this line is indented with a {space}, which YAML does not read as a space; indent it with ASCII spaces only"
# The key stands as far as the fields beside it, the odd space read as part of its name ('　status')
ODD_SPACE_IN_KEY = "this line is indented with a {space}, which YAML reads as part of the name '{key}'; remove it: the line stands as far as the fields beside it already"


Mend = tuple[int, int, str, list[tuple[int, int, str]]]  # line, column, message, and the edits that mend the file


def _full_width_colon(text: str, last_line: int) -> Mend | None:
    """Where a key is (line, column, message, edit) whose colon a Chinese input method typed, on
    line `last_line` or just above: YAML reads 'status：open' as text, and fails there or on the
    next line, or, where the text goes on over lines indented deeper ('en:|'), after the last of
    them. Said only where YAML would read a key with the colon written ': '."""
    lines = text.split("\n")
    depth = _depth(lines[last_line - 1]) if last_line <= len(lines) else 0
    above = next((n for n in range(min(last_line, len(lines)) - 2, -1, -1) if lines[n].strip() and _depth(lines[n]) <= depth), 0)
    for number in sorted({above, *range(max(0, last_line - 3), min(last_line, len(lines)))}):
        line = lines[number]
        colon = _FULL_WIDTH_COLON.match(line)
        if colon is None:
            continue
        lines[number] = f"{line[: colon.start(3)]}: {line[colon.end(3) :]}"
        at = sum(len(above) + 1 for above in lines[:number]) + colon.start(3)  # the colon's index in the text
        try:
            tokens = list(yaml.scan("\n".join(lines[: number + 1]), Loader=Loader))
        except yaml.YAMLError:
            tokens = []
        lines[number] = line
        if any(isinstance(token, yaml.ValueToken) and token.start_mark.index == at for token in tokens):
            message = _COLON_MESSAGES[colon[3]].format(key=colon[2])
            return number + 1, colon.start(3) + 1, message, [(at, at + len(colon[3]), ": ")]
    return None


# A Chinese input method types '，' for ',', '［' or '【' for '[' (and '］' or '】' for ']'), '｛' for '{'.
_WIDE_MARKS = {
    "，": ("comma", ","),
    "｝": ("brace", "}"),
    "］": ("bracket", "]"),
    "】": ("bracket", "]"),
    "｛": ("brace", "{"),
    "［": ("bracket", "["),
    "【": ("bracket", "["),
}


_OPENINGS = "{[｛［【"  # a line that opens a list or mapping in brackets, however typed


def _full_width_mark(text: str, last_line: int) -> Mend | None:
    """Where a comma, brace or bracket is (line, column, message, edit) that a Chinese input method typed
    in a list or mapping in brackets, on line `last_line` or just above: YAML reads '，' as text
    and finds the brackets not closed. Said only where the ASCII mark lets YAML read past it."""
    lines = text.split("\n")
    for number in range(max(0, last_line - 3), min(last_line, len(lines))):
        line = lines[number]
        if not any(bracket in line for bracket in _OPENINGS):  # a Chinese text's own '，' is welcome
            continue
        for column, wide in ((at, mark) for at, mark in enumerate(line) if mark in _WIDE_MARKS):
            name, narrow = _WIDE_MARKS[wide]
            candidate = [*lines[:number], line[:column] + narrow + line[column + 1 :], *lines[number + 1 :]]
            if _first_error_line("\n".join(candidate)) > last_line:
                at = _line_starts(text)[number] + column
                message = f"'{wide}' is a full-width {name}, which YAML does not read as one; type '{narrow}' in the input method's English mode"
                return number + 1, column + 1, message, [(at, at + 1, narrow)]
    return None


def _odd_indent(text: str, last_line: int) -> Mend | None:
    """Where a line is (line, column, message, edit), on line `last_line` or just above, whose
    indentation holds a full-width space (typed with a Chinese input method) or a no-break space:
    YAML reads the line as text and fails there or below. Said only where the line, indented with
    ASCII spaces, would let YAML read past `last_line`."""
    lines = text.split("\n")
    for number in range(max(0, last_line - 3), min(last_line, len(lines))):
        odd = _ODD_INDENT.match(lines[number])
        if odd is None:
            continue
        for width in (2, 1):
            fixed = odd[2].replace("\u3000", " " * width).replace("\u00a0", " ")
            candidate = [*lines[:number], f"{odd[1]}{fixed}{lines[number][odd.end() :]}", *lines[number + 1 :]]
            if _first_error_line("\n".join(candidate)) > last_line:
                space = "full-width space (U+3000)" if "\u3000" in odd[2] else "no-break space (U+00A0)"
                at = _line_starts(text)[number]
                return number + 1, odd.end(1) + 1, ODD_INDENT.format(space=space), [(at + odd.start(2), at + odd.end(2), fixed)]
    return None


QUOTE = "put the whole text in single quotes"
# What a character YAML keeps for itself means at the start of a value written without quotes.
_INDICATORS = {
    "*": "an alias (a reference to an anchor)",
    "&": "an anchor",
    "!": "a tag",
    "%": "a directive",
    "@": "a reserved character",
    "`": "a reserved character",
    "[": "the start of a list",
    "{": "the start of a mapping",
    "|": "the start of a block text",
    ">": "the start of a block text",
}


_NOT_A_VALUE = "%@`|>"  # what starts no value of a field (op: >=), as it starts no text
_CHINESE_COLON = re.compile(r"(?<=[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]): ")  # after a Chinese character


def _short_value(text: str) -> str:
    """A value as a message shows it: whole up to 60 characters, else its start."""
    return text if len(text) <= 60 else text[:57] + "…"


def quoted(value: str) -> str:
    """`value` in double quotes, as YAML reads it back."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _needs_quotes(text: str, line: int) -> Mend | None:
    """Where the value on line `line` (most often the text of a language) needs quotes that it lacks
    (line, column, message, and the edit that quotes it): one that starts with a character YAML keeps for itself ('*Imagery*
    shall…', '`code`', '[Draft] …', 'op: >='), or one in double quotes that holds a '"' of its
    own. Said only where the line, so quoted, lets YAML read past it."""
    lines = text.split("\n")
    parts = _PARTS.fullmatch(lines[line - 1].lstrip(" ")) if 0 < line <= len(lines) else None
    if parts is None or not parts[2] or not parts[3].strip():  # 'key: value'
        return None
    what = "a text" if parts[2].strip() in ("en", "zh") else "a value"  # a text of one language, or 'op: >='
    head, value = lines[line - 1][: len(lines[line - 1]) - len(parts[3])], parts[3].rstrip()
    quote = value[0] if value[0] in "'\"" else ""
    closed = quote and len(value) > 1 and value[-1] == quote
    inner = value[1:-1] if closed else ""
    if quote and not closed and quote not in value[1:].replace('\\"' if quote == '"' else "''", ""):
        return None  # a quote that nothing on its line closes: said as not closed (QUOTE_NOT_CLOSED)
    if quote and not closed and parts[2].strip() == "zh" and quote == '"':  # '"天目一号"星座…', typed in English mode
        fixed = "'" + value.replace("'", "''") + "'"
        message = "this text starts with a '\"', where YAML reads a quoted text that ends at the next '\"'; write the Chinese quotation marks “ ” (the input method in Chinese mode)"
    elif quote and not closed:  # "'Smart city' platforms…": a quoted part, then words YAML cannot place
        fixed = quoted(value) if quote == "'" else "'" + value.replace("'", "''") + "'"
        message = f"this text starts with a quoted part, where YAML ends it, and words follow; put the whole text in quotes: {_short_value(fixed)}"
    elif quote == '"' and '"' in inner.replace('\\"', ""):
        chinese = (
            "write the Chinese quotation marks “ ” (the input method in Chinese mode), or " if parts[2].strip() == "zh" else ""
        )
        fixed, message = (
            '"' + re.sub(r'(?<!\\)"', r'\\"', inner) + '"',
            f"this text in double quotes holds a '\"' of its own, where YAML ends it; {chinese}write \\\" for each quote inside it, or put the text in single quotes",
        )
    elif quote == "'" and "'" in inner.replace("''", ""):
        fixed = "'" + inner.replace("''", "'").replace("'", "''") + "'"
        message = "this text in single quotes holds a ' of its own, where YAML ends it; write each ' inside it twice ('')"
    elif value[0] in _INDICATORS and (what == "a text" or value[0] in _NOT_A_VALUE):
        fixed = "'" + value.replace("'", "''") + "'"
        twice = ", and write each ' inside it twice ('')" if "'" in value and what == "a text" else ""
        whole = QUOTE if what == "a text" else f"write it in quotes: {quoted(value)}"
        message = f"{what} that starts with '{value[0]}' is read as {_INDICATORS[value[0]]}; {whole}{twice}"
    elif what == "a text" and not quote and ": " in value:  # all of it: a '#' in it was meant as text ('see #3')
        fixed = _CHINESE_COLON.sub("：", value) if parts[2].strip() == "zh" else value
        if ": " not in fixed:  # '预报员: 须将…'
            message = "this Chinese text holds ': ', a colon typed in the input method's English mode, which YAML reads as a key and its value; write the Chinese colon '：'"
        else:  # 'Forecasters: profiles…', or pasted from a document in curly quotes: '“Forecasters: …”'
            fixed = "'" + value.replace("'", "''") + "'"
            curly = ", and “ ” are no quotes to YAML" if value[0] in "“‘" else ""
            message = f"this text holds ': ', which YAML reads as a key and its value{curly}; {QUOTE}: {_short_value(fixed)}"
    else:
        return None
    if _first_error_line("\n".join([*lines[: line - 1], head + fixed, *lines[line:]])) <= line:
        return None
    at = _line_starts(text)[line - 1] + len(head)
    meant = what == "a text" or not quote  # a field's value in quotes: as text it is no value ('"{metric: …'), so not mended
    return line, len(head) + 1, message, [(at, at + len(value), fixed)] if meant else []


def _first_item_undashed(text: str, line: int, own: Own) -> Mend | None:
    """Where the first item of a list lacks its '- ' (line, column, message, and the edits that add
    it), when YAML stops at `line`, inside it or at the second item: the lines from their key down
    to the first '- ' are the first item's, indented as the items' fields or as far as their '- '.
    Said only where the file, so mended, parses past the second item."""
    lines = text.split("\n")
    second = next((n for n in range(line - 1, len(lines)) if lines[n].lstrip(" ").startswith("- ")), None)
    if not 0 < line <= len(lines) or second is None:
        return None
    column = len(lines[second]) - len(lines[second].lstrip(" "))
    above: list[int] = []  # the first item's lines, bottom up
    for number in range(second - 1, -1, -1):
        content = lines[number].lstrip(" ")
        if not content.strip() or content.startswith("#"):
            continue
        if len(lines[number]) - len(content) < column:
            break
        above.append(number)
    else:
        return None
    parent = _PARTS.fullmatch(lines[number].lstrip(" "))
    if not above or above[-1] > line - 1 or parent is None or not parent[2] or (parent[3] or "").strip():  # 'constraints:'
        return None
    if own.lists and parent[2].strip() not in own.lists:  # 'problem:' above 'users:', deleted: a text, no list
        return None
    first, rest = above[-1], above[:-1]
    depth = len(lines[first]) - len(lines[first].lstrip(" "))
    head = _PARTS.fullmatch(lines[first].lstrip(" "))
    if head is None or not head[2] or any(lines[n].lstrip(" ").startswith("- ") for n in above):  # 'en: …', no '- '
        return None
    last = _PARTS.fullmatch(lines[above[0]].lstrip(" "))
    if last is not None and last[2] and not (last[3] or "").strip():  # 'users:' above the items: theirs, indented too deep
        return None
    starts = _line_starts(text)
    key = head[2].strip()
    if depth == column + 2:  # '    en: …' where '  - en: …' was
        edits = [(starts[first] + column, starts[first] + column + 2, "- ")]
        fix = f"write '- ' in the two spaces before '{key}', as far as the '- ' below"
    elif depth == column:  # '  en: …': the item's other lines go as deep as its first goes, if they are as deep as it
        edits = [(starts[first] + column, starts[first] + column, "- ")]
        if any(len(lines[n]) - len(lines[n].lstrip(" ")) == column for n in rest):
            edits += [(starts[n] + column, starts[n] + column, "  ") for n in reversed(rest)]
        fix = f"write '- ' before '{key}'" + (", and indent the item's other lines two spaces deeper" if len(edits) > 1 else "")
    else:
        return None
    if not _clears(text, edits, second + 1):
        return None
    message = f"the first item of '{parent[2].strip()}' has no '- ', which the items below it have; {fix}"
    return first + 1, column + 1, message, edits


def _later_item_undashed(error: yaml.MarkedYAMLError, text: str, own: Own) -> Mend | None:
    """Where an item of a list of words lacks its '- ' after items that have it (line, column,
    message, and the edit that adds it): YAML reads the word as a key without its ':'. Said only
    for a list field of the model and where the file, so mended, parses past it."""
    start = error.context_mark
    if error.context != "while scanning a simple key" or start is None:
        return None
    lines, line, column = text.split("\n"), start.line, start.column
    word = lines[line][column:].split(" #")[0].rstrip()  # without a comment after it
    if lines[line][:column].strip() or _PARTS.fullmatch(word)[2]:  # type: ignore[index]  # every line matches
        return None
    above = (n for n in range(line - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip(" ").startswith("#"))
    item = next(above, None)  # the item just above: '- word', as deep
    if item is None or not lines[item].startswith(" " * column + "- ") or _PARTS.fullmatch(lines[item][column:])[2]:  # type: ignore[index]
        return None
    parent = next((n for n in above if len(lines[n]) - len(lines[n].lstrip(" ")) < column), None)
    key = _OWN_KEY.fullmatch(lines[parent].lstrip(" ")) if parent is not None else None
    if key is None or key[1] not in own.lists:
        return None
    at = _line_starts(text)[line] + column
    marker = _ODD_MARKER.fullmatch(word)  # '-spatio-temporal-data', '* …', '－…'
    edits = [(at, at + len(marker[2]), "- ")] if marker else [(at, at, "- ")]
    if not _clears(text, edits, line + 1):
        return None
    if marker:
        mark = marker[2].strip()
        message = f"this item of '{key[1]}' is marked '{mark}', not '- ' (a hyphen and a space) as the items above it; write '- {_short_value(marker[3])}'"
        return line + 1, column + len(marker[2]) + 1, message, edits
    message = f"this item of '{key[1]}' has no '- ', which the items above it have; write '- ' before '{_short_value(word)}'"
    return line + 1, column + 1, message, edits


def _first_error(text: str) -> tuple[int, int] | None:
    """Where the first syntax error in `text` is (its line from 1, and its offset), or None when it parses."""
    try:
        yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return (mark.line + 1, mark.index) if mark else (0, 0)
    except yaml.YAMLError:  # pragma: no cover - libyaml reports every syntax error with a mark
        return 0, 0
    return None


def _first_error_line(text: str) -> float:
    """The line (from 1) of the first syntax error in `text`, or infinity when it parses."""
    error = _first_error(text)
    return float("inf") if error is None else error[0]


def _clears(text: str, edits: list[tuple[int, int, str]], line: int) -> bool:
    """Whether `text`, so edited, parses past `line` (from 1): a mend is said only where it lets
    YAML read past the line it failed on."""
    return _first_error_line(_edited(text, edits, "")[0]) > line


def _and_above(lines_at: tuple[int, ...], count: int) -> list[int]:
    """The lines (from 1) where YAML failed and the one above the first, each once, in a file of
    `count` lines: a slip that YAML reads as text fails on the line below it."""
    return [number for number in dict.fromkeys([lines_at[0] - 1, *lines_at]) if 0 < number <= count]


_NO_COLON = re.compile(r"( *(?:- +)?)([a-z_]+) +([^\s:#][^:#]*?)\s*(?:#.*)?")  # 'status reconstructed'


def _key_without_colon(text: str, lines_at: tuple[int, ...], own: Own) -> Mend | None:
    """Where a field's name stands without its colon (line, column, message, edit), on one of
    `lines_at` or the line above the first: 'status reconstructed', which YAML reads as text,
    failing on the next line. Said only for a name the model has, on a line that goes on no text
    above it, where the file, with the colon written, parses past the line YAML failed on."""
    names = own.names if own.records or own.root else own.keys
    lines, starts = text.split("\n"), _line_starts(text)
    for number in _and_above(lines_at, len(lines)):
        found = _NO_COLON.fullmatch(lines[number - 1])
        if found is None or found[2] not in names or _goes_on_a_text(lines, number - 1):
            continue
        siblings = _sibling_keys(lines, number - 1) if not found[1].strip() else set()
        if siblings and not any(found[2] in fields for fields in own.types(siblings, root=not found[1])):
            continue  # not a field of the mapping it stands in: a text's line, perhaps, wrapped too far out
        at = starts[number - 1] + len(found[1]) + len(found[2])
        if _clears(text, [(at, at, ":")], max(number, *lines_at)):
            message = f"'{found[2]}' has no colon after it, so YAML reads the line as text; write '{found[2]}: {_short_value(found[3])}'"
            return number, len(found[1]) + len(found[2]) + 1, message, [(at, at, ":")]
    return None


def _sibling_keys(lines: list[str], number: int) -> set[str]:
    """The keys of the lines as far indented as line `number` (from 0) in its block."""
    column = len(lines[number]) - len(lines[number].lstrip(" "))
    keys: set[str] = set()
    for step in (-1, 1):
        at = number + step
        while 0 <= at < len(lines):
            line = lines[at]
            depth = len(line) - len(line.lstrip(" "))
            if line.strip() and not line.lstrip(" ").startswith("#"):
                if depth < column or (depth == column and line.lstrip(" ").startswith("- ")):
                    break
                parts = _PARTS.fullmatch(line.lstrip(" "))
                if depth == column and parts and parts[2]:
                    keys.add(parts[2].strip())
            at += step
    return keys


def _goes_on_a_text(lines: list[str], number: int) -> bool:
    """Whether line `number` (from 0), indented deeper than the key above it, may be that key's
    text wrapped onto it ('en: … the' above 'target applies to…')."""
    above = next((line for line in reversed(lines[:number]) if line.strip() and not line.lstrip(" ").startswith("#")), "")
    parts = _PARTS.fullmatch(above.lstrip(" "))
    depth = len(above) - len(above.lstrip(" ")) + len(parts[1] if parts else "")
    value = parts[3].strip() if parts and parts[2] else ""
    return len(lines[number]) - len(lines[number].lstrip(" ")) > depth and bool(value) and not _BLOCK_TEXT.fullmatch(value)


_SLIPPED_KEY = re.compile(r"(?:en|zh|hz|ne)\s*[：:;；,，]|(?:en|zh|hz|ne) ")


def _wrapped_too_shallow(text: str, lines_at: tuple[int, ...]) -> Mend | None:
    """Where a text of one language, written without quotes, goes on to lines indented no deeper
    than its key and deeper than what holds it ('en: Show accuracy measured' above '  on a river
    section.'), which YAML reads as a key (line, column, message, and the edits that indent them past the key), on one of
    `lines_at` or the line above the first. Said only where the file, so indented, parses past."""
    lines, starts = text.split("\n"), _line_starts(text)
    depth = [len(line) - len(line.lstrip(" ")) for line in lines]
    for number in _and_above(lines_at, len(lines)):
        above = next((n for n in range(number - 2, -1, -1) if lines[n].strip() and lines[n][depth[n]] != "#"), None)
        parts = _PARTS.fullmatch(lines[above][depth[above] :]) if above is not None else None
        if above is None or parts is None or parts[2] not in ("en", "zh") or parts[3][:1] in ("", *"'\"|>[{&*!"):
            continue
        column = depth[above] + len(parts[1])  # the key's
        low = depth[above] + bool(parts[1])  # a line as far out as an item's '-' or its key's parent is no text's
        wrapped = []
        for n in range(number - 1, len(lines)):
            line = _PARTS.fullmatch(lines[n][depth[n] :])  # a line of words: no key, no item, no comment
            if (
                not lines[n].strip()
                or not low <= depth[n] <= column
                or not line
                or line[1]
                or line[2]
                or line[3][0] in "#'\"[{|>"
                or _SLIPPED_KEY.match(line[3])  # 'zh：…', 'zh;…': a text's key, mistyped
                or (parts[2] == "en" and re.search(r"[\u4e00-\u9fff]", line[3]))  # its zh, with the key forgotten
            ):
                break
            wrapped.append(n)
        edits = [(starts[n], starts[n] + depth[n], " " * (column + 2)) for n in wrapped]
        if wrapped and _clears(text, edits, max(wrapped[-1] + 1, *lines_at)):
            on = f"line {wrapped[0] + 1}" if len(wrapped) == 1 else f"lines {wrapped[0] + 1}–{wrapped[-1] + 1}"
            message = f"this text goes on to {on}, indented no further than '{parts[2]}', so YAML reads a key there; indent {on} further than '{parts[2]}' ({column + 2} spaces), or join the text into one line"
            return above + 1, len(lines[above]) - len(parts[3]) + 1, message, edits
    return None


def _keyless_words(error: yaml.MarkedYAMLError, text: str) -> Mend | None:
    """Where lines of words stand with no key (line, column, message, and the edits that mend
    them). YAML reads a line of words between keys as a key without its ':' ('展示…' below 'en:
    Show…', its 'zh:' forgotten; a note), and lines of words first in the file or first below a
    key alone ('summary:' above 'Ships need…') as one text with the key below them, failing at its
    ':'. Said only where the file, so mended, parses past the line YAML failed on."""
    problem, lines, starts = error.problem or "", text.split("\n"), _line_starts(text)
    keyless = "could not find expected ':'" in problem  # a key is one line: the line of words is one
    if keyless and error.context_mark is not None and error.problem_mark is not None:
        words, failed = [error.context_mark.line], error.problem_mark.line
    elif "mapping values are not allowed" in problem and error.problem_mark is not None:
        failed = error.problem_mark.line
        words = list(itertools.takewhile(lambda n: _words(lines[n], _depth(lines[failed])), range(failed - 1, -1, -1)))[::-1]
    else:
        return None
    if not words or failed >= len(lines) or not _words(lines[words[0]], depth := _depth(lines[words[0]])):
        return None
    above = next((n for n in range(words[0] - 1, -1, -1) if lines[n].strip() and lines[n].lstrip(" ")[0] != "#"), -1)
    held = _PARTS.fullmatch(lines[above].lstrip(" ")) if above >= 0 else None
    key, value = (held[2], held[3].strip()) if held and held[2] else ("", "")
    below = _PARTS.fullmatch(lines[failed].lstrip(" "))
    one = len(words) == 1
    said = f"{'this line has' if one else f'lines {words[0] + 1}–{words[-1] + 1} have'} words but no key, so YAML reads {'it' if one else 'them'}"
    language, edits, message = "", [], ""
    if keyless and key in ("en", "zh") and value[:1] not in ("", *"'\"|>[{"):  # below a text without quotes
        if _depth(lines[above]) == depth:  # the text of the other language, its key forgotten
            language = _language_of(lines[words[0]])
            said += " as a key without its ':'"
            if language == key:
                return None
        else:  # the text above goes on to it, further out than its key
            column = _depth(lines[above]) + len(held[1])  # type: ignore[index]  # a key was found
            edits = [(starts[words[0]], starts[words[0]] + depth, " " * (column + 2))]
            message = f"{said} as a key without its ':'; if it goes on the text of '{key}' on line {above + 1}, indent it further than '{key}' ({column + 2} spaces), or join the text into one line; if not, make it a comment by starting it with '# '"
    elif keyless:
        said += " as a key without its ':'"
    elif below and below[2] and not below[1] and (above < 0 or (key and not value)):
        said += f" with line {failed + 1} as one text and cannot place the ':' after '{below[2]}' there"
        language = {"en": "zh", "zh": "en"}.get(below[2], "") if above >= 0 else ""  # a text of the other language
        if language and language != _language_of(lines[words[0]]):
            language = ""  # words in the language of the text below: no text of the other one
    else:
        return None
    if language:
        edits = [(starts[words[0]] + depth, starts[words[0]] + depth, f"{language}: ")]
        edits += [(starts[n], starts[n], "  ") for n in words[1:]]  # its lines then go on deeper than its key
        message = f"{said}; write '{language}: ' before the text in {'English' if language == 'en' else 'Chinese'}"
    elif not edits:
        edits = [(starts[n] + depth, starts[n] + depth, "# ") for n in words]
        them = ("it", "it a comment", "it") if one else ("them", "them comments", "each")
        message = f"{said}; write a key before {them[0]} ('key: value'), or make {them[1]} by starting {them[2]} with '# '"
    return (words[0] + 1, depth + 1, message, edits) if _clears(text, edits, failed + 1) else None


def _depth(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _language_of(words: str) -> str:
    """The language a line of words is written in, as a text's key names it."""
    return "zh" if re.search(r"[\u4e00-\u9fff]", words) else "en"


def _words(line: str, depth: int) -> bool:
    """Whether `line` is words alone, as far indented as `depth`: no key, no list item, no comment,
    nothing that YAML reads as the start of a value of its own."""
    parts = _PARTS.fullmatch(line[depth:])
    return (
        _depth(line) == depth
        and parts is not None
        and not parts[1]
        and not parts[2]
        and parts[3][:1] not in ("", *"#'\"[{|>&*!-")
    )


def _record_undashed(text: str, line: int, own: Own) -> Mend | None:
    """Where a later item of a list of records lacks its '- ' (line, column, message, edit): its
    first key stands as far as the '- ' of the item above, and that item has the key already.
    Said only for a list field of the model and where the file, with '- ' written, parses past it."""
    lines = text.split("\n")
    for number in _and_above((line,), len(lines)):
        here = lines[number - 1]
        column = len(here) - len(here.lstrip(" "))
        key = _PARTS.fullmatch(here.lstrip(" "))
        if key is None or key[1] or not key[2]:
            continue
        above = [n for n in range(number - 2, -1, -1) if lines[n].strip() and not lines[n].lstrip(" ").startswith("#")]
        item = next((n for n in above if len(lines[n]) - len(lines[n].lstrip(" ")) <= column), None)
        if item is None or not lines[item].startswith(" " * column + "- ") or _OWN_KEY.fullmatch(lines[above[0]].lstrip(" -")):
            continue  # no item above, or the line above is a key whose value this line may be, indented too little
        fields = {_PARTS.fullmatch(lines[n][column + 2 :])[2] for n in range(item, number - 1)}  # type: ignore[index]  # every line matches
        parent = next((n for n in above if n < item and len(lines[n]) - len(lines[n].lstrip(" ")) < column), None)
        name = _OWN_KEY.fullmatch(lines[parent].lstrip(" ")) if parent is not None else None
        if key[2] not in fields or name is None or name[1] not in own.lists:
            continue
        at = _line_starts(text)[number - 1] + column
        if not _clears(text, [(at, at, "- ")], max(number, line)):
            continue
        message = f"'{key[2]}' starts a new item of '{name[1]}' without its '- ' (the item above has its '{key[2]}' already); write '- ' before '{key[2]}'"
        return number, column + 1, message, [(at, at, "- ")]
    return None


# A list item marked as in Markdown or a word processor ('* x', '• x', '－x'), or with no space
# after its '-' ('-remote-sensing').
_ODD_MARKER = re.compile(r"( *)([*•·－–—] ?|-(?=[^\s-]))(\S.*)")


def _odd_list_marker(text: str, lines_at: tuple[int, ...]) -> Mend | None:
    """Where an item of a list is marked otherwise than with '- ' (line, column, message, edit),
    on one of `lines_at` or the line above the first. Said only where the file, with '- '
    written, parses past the line YAML failed on (a line of a block text may start with '* ')."""
    lines, starts = text.split("\n"), _line_starts(text)
    for number in _and_above(lines_at, len(lines)):
        found = _ODD_MARKER.fullmatch(lines[number - 1])
        at = starts[number - 1] + len(found[1]) if found else 0
        if found and _clears(text, [(at, at + len(found[2]), "- ")], max(number, *lines_at)):
            mark = found[2].strip()
            message = f"this list item is marked '{mark}'; a list item starts with '- ', a hyphen and a space: write '- {_short_value(found[3])}'"
            return number, len(found[1]) + len(found[2]) + 1, message, [(at, at + len(found[2]), "- ")]
    return None


def _document_marker(error: yaml.MarkedYAMLError, text: str) -> Mend | None:
    """Where a line '---' (a second document begins) or '...' (the document ends, with more
    below) is (line, column, message, edit): deleted, the file is checked on past it. Not when
    an 'id' below it begins a second scenario."""
    ends = "did not find expected <document start>" in (error.problem or "")
    if not (ends or "expected a single document" in (error.context or "")) or error.problem_mark is None:
        return None
    lines, starts = text.split("\n"), _line_starts(text)
    last = error.problem_mark.line + 1 if not ends else error.problem_mark.line
    marker = "..." if ends else "---"
    number = next((n for n in range(last, 0, -1) if re.fullmatch(rf"{re.escape(marker)}(?:[ \t]+(?:#.*)?)?\r?", lines[n - 1])), 0)
    if not number or any(re.match(r"id:\s", below) for below in lines[number:]):
        return None  # a second scenario below it ('id: …'), not a line that slipped in: the parser's message says so
    said = "starts a second YAML document here" if marker == "---" else "ends the YAML document here, before the lines below it"
    message = f"'{marker}' {said}; each file of the catalogue is one document: delete this line"
    return number, 1, message, [(starts[number - 1], starts[number - 1] + len(lines[number - 1]), "")]


def _flow_unclosed(error: yaml.MarkedYAMLError, text: str, own: Own) -> Mend | None:
    """Where a list or mapping in brackets opens (line, column, message, edit) that its line does
    not close, when YAML read on into the lines below and failed there ('codes: [500101, 500105'
    above 'status: …'). Said at the bracket, with the rest of the file checked as closed on its
    line, when that lets YAML read past the line it failed on."""
    problem, opened, failed = error.problem or "", error.context_mark, error.problem_mark
    closing = "]" if "expected ',' or ']'" in problem else "}" if "expected ',' or '}'" in problem else None
    if closing is None or opened is None or failed is None or opened.line >= failed.line:
        return None
    starts = _line_starts(text)
    whole = text[starts[opened.line] :].split("\n", 1)[0]
    key = re.fullmatch(r"\s*(?:- +)?([\w-]+) *: *", whole[: opened.column])
    inside = re.match(r"\s*([\w-]+) *:", whole[opened.column + 1 :])
    # Closed only where the model says a list or a record goes: 'id: [x' is a stray bracket, not a list
    fits = (
        key is not None and key[1] in own.lists
        if closing == "]"
        else inside is not None and any(inside[1] in r for r in own.records)
    )
    if not fits or _full_width_mark(text, failed.line + 1):
        return None  # a '】' or '，' typed for ']' or ',' is said as such
    # at the line's end, or before a comment: ' #' may be in a quoted text too ('"#1 position"')
    ends = [starts[opened.line] + len(part.rstrip()) for part in dict.fromkeys((whole.split(" #", 1)[0], whole))]
    at = next((end for end in ends if _clears(text, [(end, end, closing)], failed.line + 1)), None)
    if at is None:
        return None
    bracket = text[opened.index]
    message = (
        f"the '{bracket}' here is not closed on its line, so YAML reads the lines below as part of it; "
        f"end it with '{closing}' on this line"
    )
    return opened.line + 1, opened.column + 1, message, [(at, at, closing)]


# A text in braces up to the ', key:' or '}' that ends it, from the key before it ('{en: Positions')
_FLOW_KEY = re.compile(r"[{,\n]\s*((?i:en|zh)): +(?=\S)")
_FLOW_TEXT_END = re.compile(r"[^\n{}，：]*?(?=\s*(?:,\s*(?i:en|zh):\s|\}))")


def _colon_in_braces(error: yaml.MarkedYAMLError, text: str) -> Mend | None:
    """Where a text in braces holds ': ' without quotes ('{en: Positions: BeiDou only., zh: …}'),
    which YAML reads as a second key where it expects ',' or '}' (line, column, message, edit)."""
    at = error.problem_mark.index if error.problem_mark is not None else -1
    if "expected ',' or '}'" not in (error.problem or "") or text[at : at + 2] not in (": ", ":\t"):
        return None
    begun = max(text.rfind("{", 0, at), text.rfind(",", 0, at), text.rfind("\n", 0, at))
    key = _FLOW_KEY.match(text, begun) if begun >= 0 else None
    end = _FLOW_TEXT_END.match(text, at)
    if key is None or end is None or text[key.end()] in "'\"":
        return None
    value = text[key.end() : end.end()]
    fixed = _CHINESE_COLON.sub("：", value) if key[1].lower() == "zh" else value
    if not re.search(r":[ \t]", fixed):
        message = "this Chinese text holds ': ', a colon typed in the input method's English mode, which YAML reads as a key and its value; write the Chinese colon '：'"
    else:
        fixed = "'" + value.replace("'", "''") + "'"
        message = f"this text holds ': ', which YAML reads as a key and its value; {QUOTE}: {_short_value(fixed)}"
    edits = [(key.end(), end.end(), fixed)]
    again = _first_error(_edited(text, edits, "")[0])  # said where YAML, so mended, reads past the text:
    if again is not None and again[1] <= key.end() + len(fixed):  # a second one may follow on its line
        return None
    line = error.problem_mark.line + 1  # type: ignore[union-attr]  # at >= 0
    return line, key.end() - _line_starts(text)[line - 1] + 1, message, edits


_BLOCK_KEY = re.compile(r" *(?:- +)*[^\s#'\"-][^:]*: +[|>][-+]?[ \t]*(?:#.*)?\r?")  # 'en: |', with no indentation indicator


def _first_line_deeper(text: str, line: int, own: Own) -> Mend | None:
    """Where the first line of a block text is (line, column, message, edit) when it is indented
    deeper than the text's next line, `line`, where YAML failed: the first line sets how far every
    line of the text is indented, so YAML ended the text above `line` and read that as a field.
    Not where `line` holds a field the model has: that is a key indented too far."""
    lines = text.split("\n")
    if not 1 < line <= len(lines) or not lines[line - 1].strip():
        return None
    first = next((n for n in range(line - 2, -1, -1) if lines[n].strip()), None)  # the line above, from 0
    if first is None or first == 0 or not _BLOCK_KEY.fullmatch(lines[first - 1]):
        return None
    above = _PARTS.fullmatch(lines[first - 1].lstrip(" "))  # the key's line: its column is after its '- '
    key = _depth(lines[first - 1]) + len(above[1]) if above else 0
    deep, depth, below = _depth(lines[first]), _depth(lines[line - 1]), _PARTS.fullmatch(lines[line - 1].lstrip(" \r"))
    if not key < depth < deep or (below and below[2] and below[2].strip() in own.names):
        return None  # 'zh: |' below, indented too far: a key, not a line of the text
    start = _line_starts(text)[first]
    edits = [(start, start + deep - depth, "")]
    if not _clears(text, edits, line):
        return None
    message = f"wrong indentation: the first line of a text sets how far all its lines are indented, and this one is indented deeper than the line below it; indent it as far as line {line}"
    return first + 1, deep + 1, message, edits


def _comma_missing(error: yaml.MarkedYAMLError, text: str, own: Own) -> Mend | None:
    """Where a ',' is missing in braces before a field of the record they hold ('{op: "<=" value:
    20}', '{op: <= value: 20}', '{en: x. zh: y}'), which YAML reads as the end of the value where it
    expects ',' or '}' (line, column, message, edits): there, or after the last word of a value
    without quotes; with every other ',' missing on the line, so that the file parses past it."""
    edits: list[tuple[int, int, str]] = []
    keys: list[str] = []
    first, mended = None, text
    while len(keys) < 8:
        found = _missing_comma_at(error, mended, own)
        if found is None:
            return None
        shift = sum(len(new) - (end - start) for start, end, new in edits)  # what the ', ' before it moved it by
        start, key, name = found[0] - shift, found[1] - shift, found[2]
        edits.append((start, key, ", "))
        keys.append(name)
        first = first if first is not None else key
        mended = _edited(text, edits, "")[0]
        try:
            yaml.compose(mended, Loader=Loader)
            break
        except yaml.MarkedYAMLError as again:
            if again.problem_mark is None or again.problem_mark.line + 1 > error.problem_mark.line + 1:  # type: ignore[union-attr]
                break
            error = again
    assert first is not None
    line = text.count("\n", 0, first) + 1
    written = " and ".join(f"', {name}:'" for name in keys)
    before = " and ".join(f"'{name}'" for name in keys)
    message = f"a ',' is missing before {before}: in braces, the fields are separated by commas; write {written}"
    return line, first - _line_starts(text)[line - 1] + 1, message, edits


def _missing_comma_at(error: yaml.MarkedYAMLError, text: str, own: Own) -> tuple[int, int, str] | None:
    """Where the ', ' goes (the end of the value before it, the key) and the key, for _comma_missing."""
    at = error.problem_mark.index if error.problem_mark is not None else -1
    if "expected ',' or '}'" not in (error.problem or "") or at < 0:
        return None
    key = re.compile(r"[\w-]+(?=:(?:[ \t]|[^\s:]))").match(text, at)  # 'value: 20', or 'value:20'
    glued = key and text[key.end() + 1 : key.end() + 2] not in (" ", "\t")  # 'value:20'
    if glued and re.match(r"[^,{}\n]*?\s[\w-]+:\s", text[key.end() + 1 :]):  # type: ignore[union-attr]
        return None  # 'value:20 unit: cm', which YAML reads as one key: the mend would stop there
    if key is None and text[at : at + 2] in (": ", ":\t"):  # the key is the value's last word
        key = re.compile(r"(?<=[ \t])[\w-]+(?=:)").search(text, text.rfind(" ", 0, at - 1), at + 1)
        owner = re.search(r"[{,]\s*([\w-]+):\s[^,{}]*$", text[: key.start()]) if key else None
        if key and owner and owner[1].lower() in ("en", "zh") and key[0].lower() not in ("en", "zh"):
            return None  # a text's ': ' is said by _colon_in_braces
    opened = text.rfind("{", 0, at)
    if key is None or opened < 0 or text[: key.start()].rstrip(" \t")[-1:] in _WIDE_MARKS:
        return None  # '，' typed for ',': said by _full_width_mark
    # the keys written in the braces so far tell which record they hold; the key must be one of its fields
    written = set(re.findall(r"(?:^|[{,])\s*([\w-]+)\s*:", text[opened:at]))
    records = own.types(written, False) if written else list(own.records)
    if not any(key[0] in record for record in records):
        return None
    return len(text[: key.start()].rstrip(" \t")), key.start(), key[0]


MAX_KEY = 1024  # characters: YAML reads no longer key without a '?' before it
# A key, up to the ':' that ends it: one followed by a blank or the line's end, before any comment
# ('http://' holds a ':' too, and a long line of text may have none).
_KEY = re.compile(r"(?:[^\r\n:#]|:(?!\s|$)|(?<!\s)#)*:(?=\s|$)")


def _long_key(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str] | None:
    """Where a key longer than YAML reads starts (line, column, message): the parser only says
    that it found no ':' after it, at the point where it gave up."""
    start = error.context_mark
    if error.context != "while scanning a simple key" or start is None:
        return None
    key = _KEY.match(text, start.index)
    if key is None or len(key.group()) - 1 <= MAX_KEY:
        return None
    message = (
        f"this key is {len(key.group()) - 1:,} characters long, and YAML reads keys of at most {MAX_KEY:,}; "
        "a field's name is a short word (see the template), and a text that holds ': ' goes in quotes"
    )
    return start.line + 1, start.column + 1, message


# The '- ' marks that start a line, then its key and what follows the key on the line.
_PARTS = re.compile(r"((?:-(?: +|$))*)(?:([^\s#:'\"\[{|>-][^:]*?):(?: +|$))?(.*)")
_OWN_KEY = re.compile(r"([a-z_]+):\s*(?:#.*)?")  # a line that is a key alone, such as 'users:'
_BLOCK_TEXT = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?")
# Column, line, key (or '-' for a list item), its value on its line, and the keys above it in its mapping.
Level = tuple[int, int, str, str, tuple[str, ...]]
# Where a line is misindented (line, column, message), the column to move it to when where it
# belongs is sure, and the line of a key it then stands beside (None: a field of the file).
Misindented = tuple[int, int, str, int | None, int | None]


def _misindented(text: str, last_line: int, display: str, own: Own) -> Misindented | None:
    """Where the first line up to `last_line` is (line, column, message) that is indented as no
    field or list item above it, and where to move it, when that is sure: the parser reports such
    a line later, or as something else. A key of `own` belongs to the file whatever is above it;
    a key of a record, to the one mapping around it that the model says it joins (see _joins).
    A tab before a key on `last_line` has no message here (the parser's says it), only where
    to move it."""
    levels: list[Level] = []  # each open field and list item, outermost first
    opens = False  # whether the line above ends in a key or '-' whose value is on the lines below
    block: tuple[Level, int] | None = None  # a key whose text (| or >) is below, and its first line's column
    last_of_text: tuple[int, int, str] | None = None  # the last line of such a text: number, column, content
    closing: tuple[int, Level | None, str] | None = None  # the line above: number, the last key of a mapping it closed, its '- '
    firsts: dict[int, int] = {}  # the line of each later item of a list: the line of its first, which sets its column for YAML

    def column_of(item: Level) -> str:  # a list item named as the column to move a line to: its list's first item
        return _said((item[0], firsts.get(item[1], item[1]), *item[2:]), display)

    for number, line in enumerate(text.splitlines()[:last_line], start=1):
        content = line.lstrip(" ")
        column = len(line) - len(content)
        if block and content and column > block[0][0] and block[1] in (0, column):
            block = (block[0], column)
        if block and content and column >= block[1] > 0:
            last_of_text = (number, column, content)
        if not content or content.startswith("#") or (block and column >= block[1] > 0):
            continue
        if content.startswith("\t"):  # the parser's message says it: a tab
            return (
                _tabbed(number, line, levels, own, text.splitlines()[number:] if opens else []) if number == last_line else None
            )
        ended, block = block, None
        above, closing = closing, None
        if ended and last_of_text and number == last_line:  # 'users:' indented as deep as the text above it
            at, indent, said = last_of_text
            slipped = _OWN_KEY.fullmatch(said)
            if slipped and slipped[1] in own:
                return at, indent + 1, _of_the_file(slipped[1], levels, display), 0, None
        dashes, key, rest = _PARTS.fullmatch(content).groups()  # type: ignore[union-attr]  # every line matches
        inner = None
        while levels and levels[-1][0] > column:
            inner = levels.pop()
        top = levels[-1] if levels else None
        item = next((level for level in reversed(levels) if level[2] == "-"), None)
        wrong, spot, to, move = "wrong indentation: this line is indented", column, None, None
        textual = ended is not None and (column > ended[0][0] or (column < ended[0][0] and not key and not dashes))
        if ended and textual:
            message = f"{wrong} less than the first line of the text of {_said(ended[0], display)}; indent every line of the text as far as its first"
        elif top is None:
            message, to = (
                "wrong indentation: the first field is indented; the fields of a file start in column 1" if column else "",
                0,
            )
        elif inner and dashes and inner[2] != "-" and top[2] == "-" and top[0] < column:  # an item deeper than its list
            message, to, move = (
                f"{wrong} deeper than {column_of(top)} and less than {_said(inner, display)}; indent it as far as the list item to make it another item of the list",
                top[0],
                (top[0], top[1]),
            )
        elif inner and (top[0] < column or (dashes and inner[2] == "-" and top[2] != "-")):
            beside = "another item of the list" if inner[2] == "-" else "a field beside it"
            than = "more than" if top[0] < column else "as far as"
            message, to = (
                f"{wrong} less than {column_of(inner)} and {than} {_said(top, display)}; indent it as far as {_named(inner)} to make it {beside}",
                inner[0],
            )
            # an item between two, or a key of the record the one it names is of: checked on beside it
            between = bool(dashes) and inner[2] == "-"
            if between or (key and not dashes and any(key.strip() in record and inner[2] in record for record in own.records)):
                move = (inner[0], inner[1])
            elif key and not dashes and (joined := _joins(key.strip(), levels, own)):  # 'target' below a text's 'zh'
                message, to = (
                    f"{wrong} less than {_said(inner, display)} and {than} {_said(top, display)}; {_elsewhere(key, inner, joined, display)}",
                    joined[0],
                )
                move = (joined[0], joined[1])
        elif top[0] < column and not opens:
            belongs = f"{wrong} deeper than {_said(top, display)}, so it would belong to '{top[2]}', which has its value already"
            as_an_item = f"indent it as far as {column_of(item)} to make it another item of the list" if item else ""
            keyless = dashes and not key and top[2] != "-" and top[3] and number == last_line
            if dashes and top[2] == "-" and number == last_line:  # '- {…}' where YAML failed, deeper than the item above
                deeper = f"{wrong} deeper than the list item above it, whose value is on its line"
                return (
                    number,
                    column + 1,
                    f"{deeper}; indent it as far as {column_of(top)} to make it another item of the list",
                    top[0],
                    top[1] - 1,
                )
            if item and keyless and not _goes_on(top[3]):  # '- {…}' where YAML failed, deeper than 'zh' with its value
                return number, column + 1, f"{belongs}; {as_an_item}", item[0], item[1] - 1
            if not key or not top[3] or _goes_on(top[3]):
                continue  # a text or brackets going on from the line above
            shallow = _too_shallow(number, column, key.strip(), levels, above, own, display)
            if shallow:
                return shallow
            spot = column + len(dashes)  # at the key
            joined = _joins(key.strip(), levels, own) if top[0] and not dashes and key.strip() not in own else None
            message, to = f"{belongs}; indent it as far as '{top[2]}' to make it a field beside it", top[0]
            if joined and joined is not top:
                message = f"{belongs}; {_elsewhere(key, top, joined, display)}"
            move = (joined[0], joined[1]) if joined else None
            if dashes and item and top[2] != "-":  # a list item is no field: it goes as far as the items of its list
                message, spot, to, move = f"{belongs}; {as_an_item}", column, item[0], (item[0], item[1])
        elif inner and top[2] == "-" and not dashes and len(levels) > 1 and levels[-2][0] < column:
            message, to = (
                f"{wrong} as far as {_said(top, display)}, not as its field {_said(inner, display)}; indent it as far as '{inner[2]}' to make it a field beside it",
                inner[0],
            )
        elif item and dashes and top[2] != "-" and top[3]:
            message, to, move = (
                f"wrong indentation: this list item is indented as far as {_said(top, display)}, which has its value already; indent it as far as {column_of(item)}",
                item[0],
                (item[0], item[1]),
            )
        elif top[0] == column and not key and not dashes:  # a text where a field was expected: the parser says so
            if not ended or ended[0][0] != column:
                return None
            message = f"{wrong} as far as {_said(ended[0], display)}, not deeper, so it ends the text below that key; indent it as the lines of the text"
        else:
            message = ""
        if message and to != 0 and inner and inner[2] in own and not inner[3] and not textual and levels:  # the key above slipped
            return inner[1], inner[0] + 1, _of_the_file(inner[2], levels, display), 0, None
        if message and to != 0 and key in own and not dashes and not textual and levels:
            return number, column + 1, _of_the_file(key, levels, display), 0, None
        if message and move:  # a key of a record: beside the keys the model says it joins
            return number, spot + 1, message, move[0], move[1] - 1
        if message:  # moved back to the file's own fields only, where nothing else is meant
            return number, spot + 1, message, 0 if to == 0 and column > 0 else None, None
        sibling = None
        if top and top[0] == column and not (dashes and top[2] != "-" and not top[3]):
            sibling = levels.pop()
        at = column
        if sibling and sibling[2] == "-" and dashes:  # another item of its list
            firsts[number] = firsts.get(sibling[1], sibling[1])
        for dash in re.findall("-(?: +|$)", dashes):
            levels.append((at, number, "-", "", ()))
            at += len(dash)
        if key:
            keys = (*sibling[4], sibling[2]) if sibling and sibling[2] != "-" and not dashes else ()
            levels.append((at, number, key, "" if rest.startswith("#") else rest, keys))
            closing = (number, inner, dashes)
            block = (levels[-1], 0) if _BLOCK_TEXT.fullmatch(rest) else None
            last_of_text = None
        opens = not rest or rest.startswith("#")
    return None


def _elsewhere(key: str, near: Level, joined: Level, display: str) -> str:
    """Where `key`, indented as a field of the mapping of `near`, goes: beside `joined` (see _joins)."""
    return f"'{key.strip()}' is not a field of the mapping of '{near[2]}' but of that of '{joined[2]}': indent it as far as {_said(joined, display)} to make it a field beside it"


def _joins(key: str, levels: list[Level], own: Own) -> Level | None:
    """The open key of `levels` beside which `key` belongs, by the model: the one mapping of those
    around it whose record type, as the keys already in it tell (those the model knows), has `key`
    as a field that it lacks. None when that is not sure: a mapping of no type the model knows is
    on the way out, or one of types that disagree, or more than one fits."""
    found = []
    for level in reversed(levels):
        if level[2] == "-":
            continue
        keys = {name.strip() for name in (*level[4], level[2])}
        if level is levels[0] and own.root is None:
            continue  # a vocabulary's entries: their keys are no fields
        types = own.types(keys, level is levels[0])
        having = [record for record in types if key in record]
        if not types or 0 < len(having) < len(types):
            return None
        if having and key not in keys:
            found.append(level)
    return found[0] if len(found) == 1 else None


def _tabbed(number: int, line: str, levels: list[Level], own: Own, below: list[str]) -> Misindented | None:
    """A tab before a key, on line `number`: where the key goes, when the model says beside which
    of the keys above it (see _joins), or, for the first key of a mapping (`below`: the lines
    after it), beside the key on the next line; the spaces that replace the tab put it there."""
    dashes, key, rest = _PARTS.fullmatch(line.lstrip(" \t")).groups()  # type: ignore[union-attr]  # every line matches
    spaces = len(line) - len(line.lstrip(" "))
    joined = _joins(key.strip(), levels, own) if key and not dashes else None
    if joined:
        return number, spaces + 1, "", joined[0], joined[1] - 1
    after = next((n for n, other in enumerate(below) if other.strip() and not other.lstrip().startswith("#")), None)
    if after is None or not key or dashes or not levels or not rest or rest.startswith("#") or _BLOCK_TEXT.fullmatch(rest):
        return None  # the line below is inside this key's value, not beside it
    depth = len(below[after]) - len(below[after].lstrip(" "))
    sibling = _PARTS.fullmatch(below[after][depth:])[2]  # type: ignore[index]  # every line matches
    if depth <= levels[-1][0] or below[after][depth] in "\t-" or not sibling or sibling.strip() == key.strip():
        return None
    return number, spaces + 1, "", depth, number + after


def _too_shallow(
    number: int, column: int, key: str, levels: list[Level], above: tuple[int, Level | None, str] | None, own: Own, display: str
) -> Misindented | None:
    """Line `number`, with `key` deeper than `top` (a key that has its value), when the line too
    shallow is that of `top`: it closed a mapping at this line's column (`above` says so) that
    the model says both keys belong to, and its own mapping is of no record type that has it."""
    top = levels[-1]
    if above is None or above[0] != top[1] or above[1] is None or above[2]:
        return None
    closed, name = above[1], top[2].strip()
    keys = {other.strip() for other in (*closed[4], closed[2])}
    types = own.types(keys, False)
    around = own.types({other.strip() for other in top[4]}, top is levels[0]) if top[4] else []
    if closed[0] != column or closed[2] == "-" or not types or not around or {name, key} & keys or name == key:
        return None
    if not all(name in record and key in record for record in types) or any(name in record for record in around):
        return None
    message = f"wrong indentation: this line is indented less than {_said(closed, display)} above it and '{key}' at {display}:{number}:{column + 1} below it; indent it as far as '{closed[2]}' to make it a field beside them"
    return top[1], top[0] + 1, message, closed[0], closed[1] - 1


def _of_the_file(key: str, levels: list[Level], display: str) -> str:
    return f"wrong indentation: '{key}' is a field of the file, so this line starts in column 1, as far as {_said(levels[0], display)}"


def _goes_on(value: str) -> bool:
    """Whether a value in brackets or quotes goes on below its line (a rough count is enough)."""
    opened = value.count("{") + value.count("[") > value.count("}") + value.count("]")
    return opened or (value[0] in "'\"" and (len(value.rstrip()) == 1 or not value.rstrip().endswith(value[0])))


def _named(level: Level) -> str:
    return "the list item" if level[2] == "-" else f"'{level[2]}'"


def _said(level: Level, display: str) -> str:
    return f"{_named(level)} at {display}:{level[1]}:{level[0] + 1}"


def _unquoted_value(error: yaml.MarkedYAMLError, text: str, own: Own = NO_FIELDS) -> tuple[int, int] | None:
    """Where a field's value that starts with a character YAML reads as no value ('unit: %',
    'op: >=' in braces) starts and ends in `text`, when the parser stopped at it."""
    at = error.problem_mark.index if error.problem_mark is not None else -1
    if "cannot start any token" not in (error.problem or "") or not 1 < at < len(text) or text[at] not in _NOT_A_VALUE:
        return None
    if text[at - 2 : at] != ": ":
        return None
    value = re.match(r"[^,}\]\n]*", text[at:])[0]  # type: ignore[index]  # up to what ends it in brackets
    key = next((key for key in re.finditer(r"\s([\w-]+):\s", value) if key[1] in own.names), None)
    # to a field of the record after it, where a ',' is missing ('op: >= value: 20'), if one is
    return at, at + len((value[: key.start()] if key and "{" in text[text.rfind("\n", 0, at) : at] else value).rstrip())


def _explain(error: yaml.MarkedYAMLError, text: str, mark: yaml.Mark | None, own: Own = NO_FIELDS) -> str:
    """Turn a parser message into one a newcomer can act on."""
    problem = (error.problem or "").strip()
    at_tab = mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t"
    if at_tab or "found character '\\t'" in problem or "found character '\t'" in problem:
        return "tab character; YAML is indented with spaces only, replace the tab with spaces"
    if "expected a single document" in (error.context or ""):
        return "more than one YAML document (a second '---'); keep one scenario per file"
    if "found duplicate anchor" in problem or "found duplicate anchor" in (error.context or ""):  # libyaml: in the context
        return "the same anchor (&name) is defined twice; anchors and aliases are not needed in scenario files"
    if "found invalid Unicode character escape code" in problem:
        return "this escape is not a character (half of a UTF-16 surrogate pair, or beyond U+10FFFF); write the character itself, or an escape of eight digits like \\U00020BB7"
    if "found undefined alias" in problem:
        return "alias (*name) to an anchor that does not exist; aliases are not allowed, write the value out"
    if "did not find expected <document start>" in problem:
        return "the file goes on after its content ended; a scenario file is one mapping, a 'key: value' on each line"
    if "did not find expected '-' indicator" in problem:
        return "expected a list item '- ...' here, indented as the items above it; check the indentation"
    if "did not find expected ',' or ']'" in problem or "did not find expected ',' or '}'" in problem:
        closing = "]" if "']'" in problem else "}"
        return f"expected ',' or '{closing}' here: a list or mapping in brackets is not closed; close it, or quote text holding brackets"
    if "found unexpected ':'" in problem:  # '{en: x:, …}': in brackets, a ':' that ends a text
        return "a ':' right after a value in brackets, which YAML cannot read; remove it, or put the whole text in single quotes"
    if "block sequence entries are not allowed" in problem:
        return "a list item '- ' cannot start on the line of its key; put each item on a line of its own, below the key"
    if "found unknown escape character" in problem:
        return "unknown escape after a backslash in double quotes; write \\\\ for a backslash, or use single quotes"
    unquoted = _unquoted_value(error, text, own)
    if unquoted:
        value = text[unquoted[0] : unquoted[1]]
        return f"a value that starts with '{value[0]}' is read as {_INDICATORS[value[0]]}; write it in quotes: {quoted(value)}"
    if "mapping values are not allowed" in problem:
        return "a ':' where a value was expected; put text containing ': ' in quotes"
    if "could not find expected ':'" in problem or "did not find expected key" in problem:
        lines = text[: mark.index].split("\n")[:-1] if mark is not None else []
        above = next((line for line in reversed(lines) if line.strip()), "")
        if above.lstrip(" ").startswith("#"):  # the middle line of a text without quotes, commented out
            return "a text without quotes cannot go on after a comment line; delete the comment line above, or remove its '#' to keep its words"
        return "expected 'key: value' here; check the indentation and that the line above is complete"
    context = f" {error.context}" if error.context else ""
    return f"not valid YAML:{context} {problem}".strip()


def load_project(root: Path) -> Sources:
    """Every vocabulary file and every scenario file under `root`/scenarios, parsed or failed."""
    return Sources(load_vocabularies(root), root)


def load_vocabularies(root: Path) -> dict[str, Document | LoadError]:
    folder = root / "scenarios" / "vocabularies"
    return {
        name: _attempt(folder / f"{name}.yaml", f"scenarios/vocabularies/{name}.yaml", Own.of(record, root=False))
        for name, record in VOCABULARY_TYPES.items()
    }


def load_scenarios(root: Path) -> Iterator[Document | LoadError]:
    """The scenario files under `root`/scenarios in name order, parsed or failed, and a LoadError
    for anything else there that is not welcome (a folder, a .yml file).

    Each file is parsed only when it is asked for, so that a run that checks one and lets it go
    holds one node tree at a time: a node tree takes about 15 times the memory of its text
    (10,000 scenarios: about 1 GB, all held until the last file was parsed).
    """
    folder = root / "scenarios"
    if not folder.is_dir():
        return
    try:
        with os.scandir(folder) as listing:  # the listing says which are folders: no stat per file
            found = sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in listing if not editor_file(entry.name))
    except OSError as error:
        raise MachineError.of(error, "scenarios/") from None
    for name, is_folder in found:
        display, file = f"scenarios/{name}", folder / name
        if is_folder and name == "vocabularies":  # a scenario saved there would silently be left out
            yield from _strangers(file)
        elif is_folder:  # as in any other folder
            message = "scenario files belong directly in scenarios/, not in a folder; move its files up"
            yield LoadError(Problem(display, 1, 1, "", message))
        elif file.suffix == ".yaml":
            yield _attempt(file, display, SCENARIO_OWN)
        elif file.suffix.lower() in (".yaml", ".yml"):
            message = f"scenario files end in .yaml, in lower case; rename it to {file.stem}.yaml"
            yield LoadError(Problem(display, 1, 1, "", message))
        elif file.suffix not in IGNORED_SUFFIXES:
            message = "only .yaml scenario files belong here; move or delete this file"
            yield LoadError(Problem(display, 1, 1, "", message))


def _strangers(folder: Path) -> Iterator[LoadError]:
    """A LoadError for each file of the vocabularies' folder that is none of them."""
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if not editor_file(entry.name))
    except OSError as error:
        raise MachineError.of(error, "scenarios/vocabularies/") from None
    known = ", ".join(f"{name}.yaml" for name in VOCABULARY_TYPES)
    for name in names:
        if name.removesuffix(".yaml") not in VOCABULARY_TYPES and Path(name).suffix not in IGNORED_SUFFIXES:
            message = f"not a vocabulary (this folder holds {known}); a scenario file belongs in scenarios/, move it there"
            yield LoadError(Problem(f"scenarios/vocabularies/{name}", 1, 1, "", message))


# The fields of a scenario file that no record inside it has ('id' is a requirement's too).
SCENARIO_OWN = Own.of(
    Scenario,
    True,
    frozenset(field.name for field in fields(Scenario)) - {field.name for field in walk(Scenario) if "." in field.path},
)
IGNORED_SUFFIXES = frozenset({".md"})  # a README beside the scenarios is welcome
_SWAP_FILE = re.compile(r"\.sw[a-p]$")


def editor_file(name: str) -> bool:
    """Whether `name` is one of the files editors and file browsers leave beside the files they
    show: backups (x.yaml~), Vim's swap files (.x.yaml.swp), Emacs's autosave (#x.yaml#) and lock
    (.#x.yaml) files, macOS's .DS_Store and ._x.yaml, other hidden files and folders. They are
    nobody's scenario and nobody's mistake, so they are left alone. A hidden .yaml file is not
    one of them: it would be a scenario left out without a word."""
    return (
        name.endswith("~")
        or (name.startswith("#") and name.endswith("#"))
        or name.startswith((".#", "._"))
        or (name.startswith(".") and not name.endswith((".yaml", ".yml")))
        or bool(_SWAP_FILE.search(name))
        or name in ("Thumbs.db", "desktop.ini")
    )


def _attempt(file: Path, display: str, own: Own = NO_FIELDS) -> Document | LoadError:
    try:
        return load(file, display, own)
    except LoadError as error:
        return error


# ---------------------------------------------------------------------------------------------
# A file with a syntax error: the rest of it is checked in the same run.
#
# The block that holds the error is set aside: its lines are blanked, all but its key (or '- '),
# which is given an empty value, so that every other line keeps its place and its meaning. The
# checker knows those values (Document.set_aside) as already reported: it says nothing of them,
# and runs no rule that needs them. A block is set aside only when nothing of it can belong
# elsewhere (see _holds); when no block is safe to set aside, only the syntax error is said.

MAX_SET_ASIDE = 5  # syntax errors of one file reported in one run, each with its block set aside
MAX_SIBLINGS = 3  # blocks above the broken one set aside with it, when the error began there ('[' left open)
MAX_DEPTH = 6  # blocks around the broken line tried, innermost first (a scenario nests five deep)
# The '- ' marks that start a line and its key, if it has one: the heads of the blocks below.
_HEAD = re.compile(r"( *)((?:-(?: +|$))*)(?:([A-Za-z0-9_][\w.-]*) *:(?=[ \t]|$))?")
# Errors whose context mark is where the broken part began: a text in quotes, brackets, a key.
_BEGUN = ("while scanning", "while parsing a flow")


@dataclass(frozen=True)
class _Line:
    indent: int  # a line that starts with a tab: its spaces before it, and one for the tab
    tab_key: bool  # a line that starts with a tab, then a key or '- '
    heads: tuple[_Head, ...]  # its '- ' marks and its key, outermost first
    content: bool  # neither blank nor a comment


@dataclass(frozen=True)
class _Head:
    """A key or a list item's '- ': its value is the rest of its line and the lines below that are
    indented deeper than it."""

    line: int  # from 0, as YAML counts
    column: int
    lead: str  # its line up to the ':' or the '-', kept when its block is set aside
    inline: bool  # whether its value starts on its own line (text, brackets), not below it
    value_at: int  # the column where the rest of its line starts


def _recovered(text: str, display: str, own: Own, error: LoadError) -> Document:
    """The document parsed with the block of each syntax error set aside, up to MAX_SET_ASIDE of
    them; raise a LoadError with the syntax errors found when a block cannot be set aside safely."""
    said = list(error.problems)
    placeholders: list[tuple[int, int]] = []
    parsed_to = 0  # the lines above it parsed, or were set aside
    for _ in range(MAX_SET_ASIDE):
        cause = error.syntax
        if cause is None:
            break  # refused before or after parsing (empty, hostile depth or indentation, only null): not parsed again
        where = {problem.line - 1 for problem in error.problems}
        began = min(where)  # the line where what went wrong began, as far as is known
        if cause.context_mark and (cause.context or "").startswith(_BEGUN):
            where.add(cause.context_mark.line)
            began = cause.context_mark.line
        if min(where) < parsed_to:
            break
        found = _set_aside(text, display, own, where, began)
        if found is None:
            break
        text, marks, parsed_to, outcome = found
        placeholders += marks
        if isinstance(outcome, LoadError):
            error = outcome
            said += outcome.problems
            continue
        if not set(placeholders) <= _empty_values(outcome.root):
            break  # a value set aside was read as part of something else: nothing more is sure
        return dataclasses.replace(outcome, syntax=tuple(said), set_aside=frozenset(placeholders))
    raise LoadError(*said)


def _set_aside(
    text: str, display: str, own: Own, where: set[int], began: int
) -> tuple[str, list[tuple[int, int]], int, Document | LoadError] | None:
    """The smallest block (or run of blocks side by side) that holds the lines `where` and can be
    set aside: what precedes it parses by itself (no bracket or quote left open above it), and
    with it set aside the file parses, at least up to the line after it. Returns the text with
    it set aside, where its empty values are, its end, and the parsed text or its next error."""
    pieces = _LINE_BREAK.split(text)
    breaks = _LINE_BREAK.findall(text)
    lines = [_read(number, piece) for number, piece in enumerate(pieces)]
    last = max(where)
    if last >= len(lines):
        return None
    for head in _enclosing(lines, last)[:MAX_DEPTH]:
        run = [head]
        while True:
            start = run[0].line
            if start <= min(where) and _parses("".join(p + b for p, b in zip(pieces[:start], breaks, strict=False))):
                break
            before = _sibling(lines, run[0])
            if before is None or len(run) > MAX_SIBLINGS:
                run = []
                break
            run.insert(0, before)
        ends = [_end(lines, member) for member in run]
        if not run or not all(_holds(lines, member, end, member.line == began) for member, end in zip(run, ends, strict=True)):
            continue
        kept = list(pieces)
        for number in range(run[0].line, ends[-1]):
            kept[number] = ""
        for member in run:
            kept[member.line] = member.lead + " ~"
        candidate = "".join(p + b for p, b in zip(kept, [*breaks, ""], strict=True))
        marks = [(member.line, len(member.lead) + 1) for member in run]
        try:
            return candidate, marks, ends[-1], _parse(candidate, display, own)
        except LoadError as again:
            if all(problem.line - 1 >= ends[-1] for problem in again.problems):
                return candidate, marks, ends[-1], again  # a syntax error of its own, further down
    return None


def _read(number: int, piece: str) -> _Line:
    """Line `number` (its text `piece`) as the blocks see it: how deep it is, and its heads."""
    spaces = len(piece) - len(piece.lstrip(" "))
    rest = piece[spaces:]
    content = bool(rest.strip()) and not rest.lstrip().startswith("#")
    if rest.startswith("\t"):  # indented, but how deep is not known: a key here may be meant anywhere
        tabbed = _HEAD.match(rest.lstrip(" \t"))
        return _Line(spaces + 1, bool(tabbed and (tabbed[2] or tabbed[3])), (), content)
    match = _HEAD.match(piece)
    assert match is not None  # every line matches: each part may be empty
    heads, column = [], spaces
    dashes = re.findall("-(?: +|$)", match[2])
    for count, dash in enumerate(dashes, start=1):
        after = piece[column + len(dash) :].strip()
        on_line = count == len(dashes) and not match[3] and bool(after) and not after.startswith("#")  # '- text'
        heads.append(_Head(number, column, piece[: column + 1], on_line, column + len(dash)))
        column += len(dash)
    if match[3]:
        after = piece[match.end() :].strip()
        value_at = len(piece) - len(piece[match.end() :].lstrip())
        heads.append(_Head(number, column, piece[: match.end()], bool(after) and not _opens_below(after), value_at))
    return _Line(spaces, False, tuple(heads), content)


def _opens_below(rest: str) -> bool:
    """Whether a key's value starts below its line: nothing but a comment or a '|' or '>' after it."""
    return rest.startswith("#") or bool(_BLOCK_TEXT.fullmatch(rest))


def _enclosing(lines: list[_Line], number: int) -> list[_Head]:
    """The heads whose blocks hold line `number`, innermost first."""
    found = list(reversed(lines[number].heads))
    lowest = lines[number].indent if lines[number].content else MAX_BYTES
    for above in range(number - 1, -1, -1):
        line = lines[above]
        if lowest == 0:
            break
        found += [head for head in reversed(line.heads) if head.column < lowest]
        if line.content:
            lowest = min(lowest, line.indent)
    return found


def _end(lines: list[_Line], head: _Head) -> int:
    """The first line after the block of `head`."""
    for number in range(head.line + 1, len(lines)):
        if lines[number].content and lines[number].indent <= head.column:
            return number
    return len(lines)


def _sibling(lines: list[_Line], head: _Head) -> _Head | None:
    """The head just above `head`, at its column, whose block ends where that of `head` begins."""
    for number in range(head.line - 1, -1, -1):
        line = lines[number]
        if line.content and line.indent <= head.column:
            return next((other for other in line.heads if other.column == head.column), None)
    return None


def _holds(lines: list[_Line], head: _Head, end: int, broken: bool) -> bool:
    """Whether every line of the block of `head` belongs to its value whatever was meant by the
    broken line: each key or '- ' in it stands where one can (beside one above it, or first under
    a key whose value starts below). A key indented as none can may have been meant for a record
    around the block, which would then say it is missing; so may a key after a tab, indented
    as deep as the tab is read. On the `broken` line of `head` itself, what follows the key may
    be what went wrong (a ']' typed after it): the lines below may be its value."""
    line = lines[head.line]
    heads = line.heads[line.heads.index(head) :]
    levels = [other.column for other in heads]
    if heads[-1].inline and heads[-1].lead.endswith("-"):  # '- id R3': a first key may be there, broken
        levels.append(heads[-1].value_at)
    opens = broken or not heads[-1].inline
    for number in range(head.line + 1, end):
        line = lines[number]
        if not line.content:
            continue
        if line.tab_key:
            return False
        if not line.heads:  # a line of a text, or a key broken ('en abc', '@en: x'): its column may be a level
            if opens:
                levels.append(line.indent)
            opens = False
            continue
        column = line.heads[0].column
        if column > levels[-1] and not opens:
            return False
        if column <= levels[-1]:
            while column < levels[-1]:
                levels.pop()
            if column != levels[-1]:
                return False
            levels.pop()
        levels += [other.column for other in line.heads]
        opens = not line.heads[-1].inline
    return True


def _parses(text: str) -> bool:
    try:
        for _ in yaml.parse(text, Loader=Loader):
            pass
    except yaml.YAMLError:
        return False
    return True


def _empty_values(root: yaml.Node) -> set[tuple[int, int]]:
    """Where each empty value (null) of a node tree is."""
    found, seen, todo = set(), set(), [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            todo += [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value
        elif node.tag.endswith(":null"):
            found.add((node.start_mark.line, node.start_mark.column))
    return found
