"""Helpers the tests share: run the checker on a project and read its problems as text."""

from __future__ import annotations

from pathlib import Path

from generator.build import check
from generator.errors import DataError


def problems(root: Path) -> list[str]:
    """Every problem `check` reports for the project at `root`, one string each; [] if valid."""
    try:
        result = check(root)
    except DataError as error:
        return [str(p) if p.severity == "error" else f"warning: {p}" for p in error.problems]
    return [f"warning: {p}" for p in result.warnings]


def edit(root: Path, name: str, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in scenarios/`name` (fails if it is not exactly once)."""
    path = root / "scenarios" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
