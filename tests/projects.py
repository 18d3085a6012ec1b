"""Copies of the project to build in a folder of their own: the real catalogue as a contributor's
clone has it, or a synthetic catalogue of any size cloned from it (the tests of a growing
catalogue, and the bench, build these).

The clones are made by editing the YAML text, not by loading and dumping it, so every clone keeps
its original's layout (block scalars, flow lists, comments) and the generator parses what a real
contributor would have written.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a build reads besides the scenarios; copied as they are.
PROJECT_FILES = ("mkdocs.yml", "mkdocs.zh.yml")
# Scenarios in a catalogue grown for the tests: past a feed's 50 entries and a listing's page of
# rows, where anything counted or cut from the real catalogue would show.
GROWN = 60
CODE_FOLDERS = ("generator", "docs/overrides")

_ID = re.compile(r"^id: (\S+)$", re.MULTILINE)
_TITLE = re.compile(r"^(title:\n  en: )(.+)(\n  zh: )(.+)$", re.MULTILINE)


def originals() -> list[Path]:
    """The real scenario files, in a stable order."""
    return sorted((ROOT / "scenarios").glob("*.yaml"))


def clone_id(original_id: str, number: int, size: int) -> str:
    """`forest-change-detection` -> `forest-change-detection-0042`; ids sort in clone order."""
    return f"{original_id}-{number:0{max(4, len(str(size)))}d}"


def clone(text: str, new_id: str, number: str) -> str:
    """The scenario `text` under `new_id`, its titles ending in `number` so each clone is findable."""
    text, ids = _ID.subn(f"id: {new_id}", text)
    text, titles = _TITLE.subn(lambda m: f"{m[1]}{_append(m[2], number)}{m[3]}{_append(m[4], number)}", text)
    if ids != 1 or titles != 1:
        raise ValueError(f"expected one 'id:' line and a 'title:' with en and zh lines, found {ids} and {titles}")
    return text


def _append(scalar: str, suffix: str) -> str:
    """Append to a plain or quoted one-line YAML scalar, inside its quotes."""
    if len(scalar) > 1 and scalar[0] in "'\"" and scalar[-1] == scalar[0]:
        return f"{scalar[:-1]} {suffix}{scalar[-1]}"
    return f"{scalar} {suffix}"


def real_project(target: Path) -> None:
    """The project in `target` (new or empty) with the real scenarios, as a contributor's clone has them."""
    _copy_project(target)
    shutil.copytree(ROOT / "scenarios", target / "scenarios", ignore=shutil.ignore_patterns("__pycache__"))


def synthetic_project(target: Path, size: int) -> list[str]:
    """The project in `target` (new or empty) with `size` scenarios cloned round-robin from the real
    ones; returns the new ids, sorted."""
    _copy_project(target)
    shutil.copytree(ROOT / "scenarios" / "vocabularies", target / "scenarios" / "vocabularies")
    sources = [(path.stem, path.read_text(encoding="utf-8")) for path in originals()]
    ids = []
    for index in range(size):
        original_id, text = sources[index % len(sources)]
        new_id = clone_id(original_id, index + 1, size)
        number = new_id.rsplit("-", 1)[1]
        (target / "scenarios" / f"{new_id}.yaml").write_text(clone(text, new_id, number), encoding="utf-8")
        ids.append(new_id)
    return sorted(ids)


def _copy_project(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, target / name)
    for folder in CODE_FOLDERS:
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    empty_docs(target)


def empty_docs(target: Path) -> None:
    """The docs folders as git has them: empty (MkDocs wants them to exist; the hook fills them)."""
    for language in ("en", "zh"):
        (target / "docs" / language).mkdir(parents=True, exist_ok=True)
        (target / "docs" / language / ".gitkeep").touch()
