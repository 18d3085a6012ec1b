"""The pipeline, in one place: load -> validate -> render -> write."""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator
from pathlib import Path

from .load import load_project
from .model import Vocabularies
from .render import Settings, render
from .validate import Result, validate, validate_vocabularies
from .write import MANIFEST, WriteReport, write


def check(root: Path) -> Result:
    """Load and validate the scenarios under `root`; raise DataError listing every problem."""
    with _no_cycle_collection():
        return validate(load_project(root))


def vocabularies(root: Path) -> Vocabularies:
    """Load and validate only the vocabularies under `root`/scenarios; raise DataError on problems."""
    with _no_cycle_collection():
        return validate_vocabularies(load_project(root, scenarios=False))


def build(root: Path, settings: Settings) -> tuple[Result, WriteReport]:
    """Validate, then write both languages' pages into `root`/docs; on any error, write nothing."""
    inputs = fingerprint(root, settings)
    with _no_cycle_collection():
        sources = load_project(root)
        result = validate(sources)
        files = render(result.catalogue, settings, sources.texts())
        report = write(files, root / "docs")
    recorded = root / "docs" / INPUTS
    if not recorded.is_file() or recorded.read_text(encoding="utf-8") != inputs + "\n":
        recorded.write_text(inputs + "\n", encoding="utf-8")
    return result, report


INPUTS = ".generated-inputs"  # the fingerprint of what the pages in docs/ were generated from


def fingerprint(root: Path, settings: Settings) -> str:
    """A digest of everything the generated pages depend on: the scenario and vocabulary files,
    the generator's code and templates (by name, size and modification time) and the settings."""
    digest = hashlib.sha256(repr(settings).encode())
    for folder in ("scenarios", "generator"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def up_to_date(root: Path, settings: Settings) -> bool:
    """Whether docs/ holds every page generated from the current inputs, so a build may skip them."""
    docs = root / "docs"
    recorded = docs / INPUTS
    if not recorded.is_file() or recorded.read_text(encoding="utf-8").strip() != fingerprint(root, settings):
        return False
    listing = docs / MANIFEST
    return listing.is_file() and all((docs / name).is_file() for name in listing.read_text(encoding="utf-8").splitlines())


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while the pipeline runs.

    A run holds every scenario's YAML nodes and model objects at once, hundreds of thousands of
    them, and makes no reference cycles worth collecting; the collector would walk them again and
    again (a third of the generator's time at 1,500 scenarios). Memory is freed as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
