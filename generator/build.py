"""The pipeline, in one place: load -> validate -> render -> write."""

from __future__ import annotations

from pathlib import Path

from .load import load_project
from .render import Settings, render
from .validate import Result, validate
from .write import WriteReport, write


def check(root: Path) -> Result:
    """Load and validate the scenarios under `root`; raise DataError listing every problem."""
    return validate(load_project(root))


def build(root: Path, settings: Settings) -> tuple[Result, WriteReport]:
    """Validate, then write both languages' pages into `root`/docs; on any error, write nothing."""
    sources = load_project(root)
    result = validate(sources)
    files = render(result.catalogue, settings, sources.texts())
    return result, write(files, root / "docs")
