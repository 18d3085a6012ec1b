"""Which characters no text of the catalogue may hold, what to tell a contributor about each, and
how to show any text safely on a terminal.

Two kinds are refused. Characters XML and the pages cannot hold: control characters and
noncharacters (a feed or a sitemap with U+FFFE in it does not parse), and halves of surrogate
pairs, which are not characters at all. And invisible ones, which make a text read differently
from what it holds: zero-width characters, tag characters, bidirectional controls (the
"Trojan Source" trick). Text outside the Basic Multilingual Plane (𠮷, emoji) is welcome.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Tab and line feed are the only control characters a text may hold; a file may also hold a
# carriage return, in the line breaks of a file saved on Windows.
CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
CONTROL_IN_FILE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
NONCHARACTER_BMP = "\ufdd0-\ufdef\ufffe\uffff"
NONCHARACTER_BEYOND = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
NONCHARACTER = NONCHARACTER_BMP + NONCHARACTER_BEYOND
SURROGATE = "\ud800-\udfff"
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
TAG = "\U000e0000-\U000e007f"
# Zero-width and other invisible formatting characters, the line and paragraph separators
# (invisible line breaks that end a JavaScript string), and the fillers and blanks that show as
# nothing or as a space while not being one: a combining grapheme joiner, the Hangul fillers,
# the Khmer inherent vowels, the blank Braille pattern (a text of them looks empty).
INVISIBLE_BMP = (
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200d\u2028\u2029\u2060-\u2064\u206a-\u206f"
    "\u2800\u3164\ufeff\uffa0\ufff9-\ufffb"
)
INVISIBLE_BEYOND = "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
INVISIBLE = INVISIBLE_BMP + INVISIBLE_BEYOND

# One message per class; `code` is U+XXXX, `name` the character's Unicode name.
MESSAGES = (
    (re.compile(f"[{CONTROL}]"), "control character {code}; delete it"),
    (re.compile(f"[{NONCHARACTER}]"), "{code} is a noncharacter, which XML cannot hold; delete it"),
    (
        re.compile(f"[{SURROGATE}]"),
        "{code} is half of a UTF-16 surrogate pair, not a character; write the character itself, or an escape of eight digits like \\U00020BB7",
    ),
    (re.compile(f"[{BIDI}]"), "bidirectional control {code} ({name}) can show text in another order than it is read; delete it"),
    (re.compile(f"[{TAG}]"), "invisible tag character {code}; delete it"),
    (re.compile(f"[{INVISIBLE}]"), "invisible character {code} ({name}); delete it"),
)

# Python's re searches for a class of characters ten times faster when it holds few characters
# beyond the Basic Multilingual Plane: the search stops at any of those, and only there looks closer
# (the bench's 1,500 files: 0.07 s, against 0.8 s with one class of every refused character).
_BMP = f"{NONCHARACTER_BMP}{SURROGATE}{BIDI}{INVISIBLE_BMP}"
_IN_TEXT = re.compile(f"[{CONTROL}{_BMP}\U00010000-\U0010ffff]")
_IN_FILE = re.compile(f"[{CONTROL_IN_FILE}{_BMP}\U00010000-\U0010ffff]")
_BEYOND = re.compile(f"[{NONCHARACTER_BEYOND}{TAG}{INVISIBLE_BEYOND}]")


def every_unwelcome(text: str, in_file: bool = False) -> Iterator[re.Match[str]]:
    """Each character of `text` that no text may hold, in order; `in_file`: of a whole file,
    whose line breaks may include carriage returns."""
    for found in (_IN_FILE if in_file else _IN_TEXT).finditer(text):
        if found.group() < "\U00010000" or _BEYOND.match(found.group()):  # else 𠮷, an emoji: welcome
            yield found


def unwelcome(text: str) -> re.Match[str] | None:
    """The first character of `text` that no text may hold."""
    return next(every_unwelcome(text), None)


def refusal(char: str) -> str:
    """What to tell a contributor about one character unwelcome() found."""
    code = f"U+{ord(char):04X}"
    for pattern, message in MESSAGES:
        if pattern.match(char):
            return message.format(code=code, name=unicodedata.name(char, "unnamed"))
    raise ValueError(f"{code} is welcome")  # pragma: no cover - only called on what unwelcome() found


# Besides the unwelcome characters, a terminal acts on the other control characters too (tab,
# line feed), and a line of output must stay one line.
_UNPRINTABLE = re.compile(f"[\t\n{CONTROL}{NONCHARACTER}{SURROGATE}{BIDI}{TAG}{INVISIBLE}]")


def printable(text: str) -> str:
    """`text` with every control, invisible or non-character written as an escape YAML also
    reads (\\x1b, \\u202e, \\U000e0041), so that a terminal or a log shows it instead of acting on it."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
