"""The pipeline, in one place: load -> validate -> render -> write."""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import workers
from .load import LoadError, Sources, load_project, load_vocabularies, parse, scenario_files
from .model import Scenario, Vocabularies
from .render import Settings, render_catalogue, render_scenarios
from .validate import Checked, Result, check_file, check_vocabularies, combine, validate_vocabularies
from .write import MANIFEST, WriteReport, put, tidy


def check(root: Path, jobs: int = 1) -> Result:
    """Load and validate the scenarios under `root`; raise DataError listing every problem."""
    with _no_cycle_collection():
        return _checked(root, jobs)[0]


def vocabularies(root: Path) -> Vocabularies:
    """Load and validate only the vocabularies under `root`/scenarios; raise DataError on problems."""
    with _no_cycle_collection():
        return validate_vocabularies(load_project(root, scenarios=False))


def build(root: Path, settings: Settings, jobs: int = 1) -> tuple[Result, WriteReport]:
    """Validate, then write both languages' pages into `root`/docs; on any error, write nothing.

    With `jobs` > 1 the scenario files are parsed and checked, then their pages rendered and
    written, in that many processes at once (see workers.py); the output is the same.
    """
    inputs = fingerprint(root, settings)
    docs = root / "docs"
    with _no_cycle_collection():
        result, sources = _checked(root, jobs)
        catalogue = result.catalogue

        def whole() -> WriteReport:
            return put(render_catalogue(catalogue, settings, sources), docs)

        def pages(part: Sequence[Scenario]) -> WriteReport:
            return put(render_scenarios(catalogue, settings, part), docs)

        parts = workers.split(catalogue.scenarios, max(1, jobs - 1))  # the whole catalogue's files take one process
        report = WriteReport.merged(workers.run([whole, *(functools.partial(pages, part) for part in parts)], jobs > 1))
        tidy(docs, report.owned, report)
    recorded = docs / INPUTS
    if not recorded.is_file() or recorded.read_text(encoding="utf-8") != inputs + "\n":
        recorded.write_text(inputs + "\n", encoding="utf-8")
    return result, report


def _checked(root: Path, jobs: int) -> tuple[Result, dict[str, str]]:
    """The validated catalogue and each scenario's YAML text by id; the files are parsed and
    checked in `jobs` parts at once."""
    vocabularies, problems = check_vocabularies(Sources(load_vocabularies(root), []))

    def check_part(part: Sequence[Path | LoadError]) -> list[Checked]:
        return [check_file(parse(entry), vocabularies) for entry in part]

    parts = workers.split(scenario_files(root), jobs)
    files = [file for checked in workers.run([functools.partial(check_part, part) for part in parts]) for file in checked]
    sources = {file.id: file.text for file in files if file.id is not None and file.text is not None}
    return combine(vocabularies, problems, files), sources


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
