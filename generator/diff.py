"""`python -m generator diff <git-rev>`: what a change does to the catalogue, as Markdown for review.

Both sides are loaded and validated like any build, so the comparison is between models, not
lines: a re-indented file shows no change, a changed target shows up under its requirement.

The summary is posted where Markdown is rendered (a pull request, a run's summary page), and
what it quotes comes from the data: every title, key, value and file name is shown as inline
code, so it reads as written and can never become a link, an image, HTML, an @-mention or a
reference to an issue.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os
import re
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import model
from .build import check
from .characters import printable
from .errors import DataError, MachineError, UsageError
from .model import Catalogue, Field, Kind, Requirement, Scenario, Text, Vocabularies


def diff(root: Path, revision: str, today: dt.date) -> str:
    """Markdown describing scenarios added, removed and changed since `revision`, on day `today`
    (a record changed that day may keep the `updated` date it was given that day)."""
    if revision.startswith("-"):
        raise UsageError(f"'{revision}' is not a revision; name a commit, branch or tag, like origin/main")
    now = check(root).catalogue
    after = {s.id: s for s in now.scenarios}
    old_files = _files_at(root, revision)
    try:
        then = _catalogue_of(old_files)
    except DataError as error:  # rules tightened since then: say which files changed, without the details
        return _by_file(root, revision, old_files, after, len(error.errors))
    before = {s.id: s for s in then.scenarios}
    added = [after[key] for key in sorted(after.keys() - before.keys())]
    removed = [before[key] for key in sorted(before.keys() - after.keys())]
    changed = {key: lines for key in sorted(before.keys() & after.keys()) if (lines := _changes(before[key], after[key], today))}
    vocabularies = _vocabulary_changes(then.vocabularies, now.vocabularies)
    if not (added or removed or changed or vocabularies):
        return f"### Scenario changes since {code(revision)}\n\nNo scenario changed.\n"
    return _markdown(
        revision,
        [f"- {code(s.id)}: {code(s.title.en)} / {code(s.title.zh)} ({code(s.domain)}, {code(s.provenance)})" for s in added],
        [f"- {code(s.id)}: {code(s.title.en)}" for s in removed],
        [
            "\n".join([f"- {code(k)}: {code(after[k].title.en)}", *(f"  - {line}" for line in lines)])
            for k, lines in changed.items()
        ],
        vocabularies=vocabularies,
    )


def code(value: object) -> str:
    """`value` as Markdown inline code: fenced by more backticks than it holds in a row, on one
    line, its control characters shown as escapes."""
    text = printable(" ".join(str(value).split()))
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    if text.startswith("`") or text.endswith("`") or not text:  # a space keeps a backtick from joining the fence
        text = f" {text} "
    return f"{fence}{text}{fence}"


def _markdown(
    revision: str,
    added: list[str],
    removed: list[str],
    changed: list[str],
    note: str = "",
    vocabularies: Sequence[str] = (),
) -> str:
    """The summary: a heading, an optional note, the counts, then each kind of change, an entry a
    scenario, and the entries of the vocabularies that changed (their names and symbols are on
    every page that uses them)."""
    out = [f"### Scenario changes since {code(revision)}", ""]
    if note:
        out += [note, ""]
    out += [f"{len(added)} added, {len(removed)} removed, {len(changed)} changed.", ""]
    sections = (("Added", added), ("Removed", removed), ("Changed", changed), ("Vocabularies", vocabularies))
    for title, entries in sections:
        if entries:
            out += [f"**{title}**", "", *entries, ""]
    return "\n".join(out)


def _files_at(root: Path, revision: str) -> dict[str, bytes]:
    """The files under scenarios/ as they were at `revision`, by path. Names are read as git
    stores them, NUL-separated (git would otherwise quote a name that is not ASCII); only plain
    files are taken, not links or submodules, and no name that could lead out of the folder."""
    listing = _git_bytes(root, "ls-tree", "-r", "-z", "--end-of-options", revision, "--", "scenarios")
    files = {}
    for record in filter(None, listing.split(b"\0")):
        mode, _, name = os.fsdecode(record).partition("\t")
        parts = name.split("/")
        if mode.split(" ")[0] in ("100644", "100755") and parts[0] == "scenarios" and not {"", ".", ".."} & set(parts[1:]):
            files[name] = _git_bytes(root, "show", "--end-of-options", f"{revision}:{name}")
    return files


def _catalogue_of(files: dict[str, bytes]) -> Catalogue:
    """The catalogue of `files`, loaded and validated in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="catalogue-") as scratch:
        for name, data in files.items():
            target = Path(scratch) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (Path(scratch) / "scenarios").mkdir(exist_ok=True)
        return check(Path(scratch)).catalogue


def _by_file(root: Path, revision: str, old_files: dict[str, bytes], after: dict[str, Scenario], errors: int) -> str:
    """The comparison when the old scenarios no longer pass today's checks: files added, removed, changed."""
    old = {Path(name).stem: data for name, data in old_files.items() if name.count("/") == 1 and name.endswith(".yaml")}
    changed = [key for key in after.keys() & old.keys() if (root / "scenarios" / f"{key}.yaml").read_bytes() != old[key]]
    vocabularies = [
        f"- {code(name)}"
        for name in model.VOCABULARY_TYPES
        if old_files.get(f"scenarios/vocabularies/{name}.yaml") != _read(root / "scenarios" / "vocabularies" / f"{name}.yaml")
    ]
    note = f"The scenarios at {code(revision)} do not pass today's checks ({errors} error(s)), so changes are listed by file."
    return _markdown(
        revision,
        [f"- {code(key)}" for key in sorted(after.keys() - old.keys())],
        [f"- {code(key)}" for key in sorted(old.keys() - after.keys())],
        [f"- {code(key)}" for key in sorted(changed)],
        note,
        vocabularies,
    )


def _read(file: Path) -> bytes | None:
    try:
        return file.read_bytes()
    except FileNotFoundError:
        return None


def _vocabulary_changes(old: Vocabularies, new: Vocabularies) -> list[str]:
    """An entry a line, for each entry of a vocabulary added, removed or changed, and how."""
    lines = []
    for name in model.VOCABULARY_TYPES:
        before, after = getattr(old, name), getattr(new, name)
        lines += [f"- {code(name)}: {code(key)} added" for key in after if key not in before]
        lines += [f"- {code(name)}: {code(key)} removed" for key in before if key not in after]
        for key in (key for key in after if key in before):
            if changes := [_describe(*change) for change in _differing(before[key], after[key])]:
                lines.append(f"- {code(name)}: {code(key)} changed: " + ", ".join(changes))
    return lines


def _changes(old: Scenario, new: Scenario, today: dt.date) -> list[str]:
    lines = [_describe(*change) for change in _differing(old, new) if change[0].name != "requirements"]
    lines += _requirement_changes(old.requirements, new.requirements)
    # the pages and the feed date a record's change by it; changed again the same day, it is right
    if lines and old.updated == new.updated and new.updated < today:
        lines.append(f"updated: unchanged ({_written(new.updated)}); set it to the date of this change")
    return lines


def _differing(old: Any, new: Any) -> list[tuple[Field, Any, Any]]:
    """(field, before, after) of each field of a record that changed, in the model's order."""
    record: type = type(old)
    values = ((field, getattr(old, field.name), getattr(new, field.name)) for field in model.fields(record))
    return [(field, before, after) for field, before, after in values if before != after]


def _requirement_changes(old: tuple[Requirement, ...], new: tuple[Requirement, ...]) -> list[str]:
    before, after = {r.id: r for r in old}, {r.id: r for r in new}
    # A requirement that is the same but for its id was renumbered, not changed, removed or added;
    # said so, since vendors' responses cite requirements by id.
    moved = [r for r in new if before.get(r.id) != r]
    renumbered: dict[str, str] = {}  # new id: old id
    for requirement in moved:
        taken = renumbered.values()
        old_id = next(
            (k for k, r in before.items() if k not in taken and r == dataclasses.replace(requirement, id=k) != after.get(k)), None
        )
        if old_id is not None:
            renumbered[requirement.id] = old_id
    lines = [
        f"requirement {was} renumbered {now}: a response citing {was} now "
        + ("means another requirement" if was in after else "finds none")
        for now, was in renumbered.items()
    ]
    gone = set(renumbered.values())  # old ids whose requirement lives on under another
    lines += [
        f"requirement {key} added" + (f": target {_written(r.target)}; {_cited(r)}" if r.target and r.source else "")
        for key, r in after.items()
        if key not in renumbered and (key not in before or key in gone)
    ]
    lines += [f"requirement {key} removed" for key in before if key not in gone and (key not in after or key in renumbered)]
    for key in (after.keys() & before.keys()) - renumbered.keys() - gone:
        cited = {"target": _cited(after[key])} if after[key].source else {}
        if after[key].source and after[key].target and after[key].target == before[key].target:  # the same figure, credited anew
            cited["source"] = f"check it gives the target {_written(after[key].target)}"
        changes = [_describe(*change, cited.get(change[0].name, "")) for change in _differing(before[key], after[key])]
        if changes:
            lines.append(f"requirement {key} changed: " + ", ".join(changes))
    return sorted(lines, key=lambda line: int(line.split()[1][1:]))


def _cited(requirement: Requirement) -> str:
    """What a reviewer checks of a requirement's new figure: that the source it cites gives it."""
    return f"cited: {code(requirement.source)}, check the source says it"


def _describe(field: Field, before: Any, after: Any, note: str = "") -> str:
    """How a field's value changed, read from what the model declares it to be, and `note`, what
    to check of the new value."""
    return _changed(field.name, field.kind, before, after, note)


def _changed(name: str, kind: Kind, before: Any, after: Any, note: str = "") -> str:
    if after is None:  # an optional value left out
        return f"{name}: {_written(before)} removed"
    if before is None:  # or given
        return f"{name}: {_written(after)} added" + (f" ({note})" if note else "")
    if kind.name == "text":
        languages = [language for language in model.LANGUAGES if before.get(language) != after.get(language)]
        return f"{name} ({', '.join(languages)})"
    if kind.name == "record":
        return f"{name} ({'; '.join([*(_describe(*change) for change in _differing(before, after)), *filter(None, [note])])})"
    if kind.name == "list" and kind.item is not None:
        return _list_changed(name, kind.item, before, after)
    if kind.name == "mapping" and kind.item is not None:
        keys = [*before, *(key for key in after if key not in before)]
        item = kind.item
        parts = [_changed(str(key), item, before.get(key), after.get(key)) for key in keys if before.get(key) != after.get(key)]
        return f"{name} ({'; '.join(parts)})"
    return f"{name}: {_written(before)} → {_written(after)}" + (f" ({note})" if note else "")


def _list_changed(name: str, item: Kind, before: tuple[Any, ...], after: tuple[Any, ...]) -> str:
    """A list's change: of plain values (keys, codes), those added and removed, which name
    themselves; of texts and records, which item was added, removed or changed (by its place,
    as the checker names it: users[1]) and how."""
    if sorted(map(repr, before)) == sorted(map(repr, after)):
        return f"{name}: reordered"
    if item.name not in ("text", "record"):
        plus = [f"+{_written(value)}" for value in after if value not in before]
        minus = [f"−{_written(value)}" for value in before if value not in after]
        return f"{name}: {' '.join(plus + minus) or 'an item repeated or no longer repeated'}"
    parts = []
    matched = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    for old_from, old_to, new_from, new_to in (where for operation, *where in matched if operation != "equal"):
        pairs = _alike(before[old_from:old_to], after[new_from:new_to])
        for i in range(new_from, new_to):
            was = pairs.get(i - new_from)
            if was is None:
                parts.append(f"{name}[{i}]: {_written(after[i])} added")
            else:
                parts.append(_changed(f"{name}[{i}]", item, before[old_from + was], after[i]))
        parts += [
            f"{name}[{old_from + i}]: {_written(before[old_from + i])} removed"
            for i in range(old_to - old_from)
            if i not in pairs.values()
        ]
    return ", ".join(parts)


def _alike(old: tuple[Any, ...], new: tuple[Any, ...]) -> dict[int, int]:
    """Which old item each new one is an edit of (by place in `new`: place in `old`): the most
    alike first, and only those alike enough; the rest were added or removed."""
    written = [_written(item) for item in old], [_written(item) for item in new]
    likeness = sorted(
        ((difflib.SequenceMatcher(a=a, b=b).ratio(), j, i) for i, a in enumerate(written[0]) for j, b in enumerate(written[1])),
        reverse=True,
    )
    pairs: dict[int, int] = {}
    for ratio, j, i in likeness:
        if ratio >= 0.6 and j not in pairs and i not in pairs.values():
            pairs[j] = i
    return pairs


def _written(value: Any) -> str:
    """A value as a scenario file writes it, each scalar as inline code."""
    if isinstance(value, Text):
        return f"{code(value.en)} / {code(value.zh)}"
    if isinstance(value, tuple):
        return f"[{', '.join(_written(item) for item in value)}]"
    if dataclasses.is_dataclass(value):
        record: type = type(value)
        fields = ((field.name, getattr(value, field.name)) for field in model.fields(record))
        return "{" + ", ".join(f"{name}: {_written(item)}" for name, item in fields if item is not None) + "}"
    if isinstance(value, bool):
        return code(str(value).lower())
    return code(model.figure(value) if isinstance(value, float) else value)


def _git_bytes(root: Path, *arguments: str) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, check=False)
    except FileNotFoundError:
        raise MachineError("git is not installed here; install it (apt install git), then run again") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {arguments[0]} failed: {message[-1] if message else 'unknown error'}")
    return result.stdout
