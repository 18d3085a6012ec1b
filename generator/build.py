"""The pipeline, in one place: load -> validate -> render -> write."""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from . import workers
from .load import Sources, load_project, load_vocabularies, parse, scenario_files
from .model import Catalogue, Vocabularies
from .render import Settings, prepare, render_catalogue, render_scenarios
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

    With `jobs` > 1 the work is shared by that many processes (see workers.py); the output is
    the same.
    """
    inputs = fingerprint(root, settings)
    docs = root / "docs"
    with _no_cycle_collection():
        result, sources = _checked(root, jobs)
        report = _written(result.catalogue, settings, sources, docs, jobs)
        tidy(docs, report.owned, report)
    recorded = docs / INPUTS
    if not recorded.is_file() or recorded.read_text(encoding="utf-8") != inputs + "\n":
        recorded.write_text(inputs + "\n", encoding="utf-8")
    return result, report


# Work is handed out in this many pieces, for processes to take in turn: small enough that none
# waits long for another's last piece, large enough that taking a turn costs nothing.
PIECES = 256


def _checked(root: Path, jobs: int) -> tuple[Result, dict[str, str]]:
    """The validated catalogue and each scenario's YAML text by id; `jobs` processes take turns
    at parsing and checking the files."""
    vocabularies, problems = check_vocabularies(Sources(load_vocabularies(root), []))
    pieces = workers.split(scenario_files(root), PIECES)

    def check(turns: workers.Turns) -> list[tuple[int, list[Checked]]]:
        return [(index, [check_file(parse(entry), vocabularies) for entry in pieces[index]]) for index in iter(turns.take, None)]

    def prepare_then_check(turns: workers.Turns) -> list[tuple[int, list[Checked]]]:
        prepare()  # the templates, for the processes rendering comes to fork; the others check files meanwhile
        return check(turns)

    with workers.Turns(len(pieces)) as turns:
        parts = [functools.partial(prepare_then_check, turns), *[functools.partial(check, turns)] * (jobs - 1)]
        done = workers.run(parts, jobs > 1)
    files = [
        file for _, checked in sorted((piece for part in done for piece in part), key=lambda piece: piece[0]) for file in checked
    ]
    sources = {file.id: file.text for file in files if file.id is not None and file.text is not None}
    return combine(vocabularies, problems, files), sources


def _written(catalogue: Catalogue, settings: Settings, sources: dict[str, str], docs: Path, jobs: int) -> WriteReport:
    """Render and write every file: this process the whole catalogue's files first, then it and
    `jobs` - 1 others take turns at the scenarios' pages."""
    pieces = workers.split(catalogue.scenarios, PIECES)

    def pages(turns: workers.Turns) -> WriteReport:
        taken = (scenario for index in iter(turns.take, None) for scenario in pieces[index])
        return put(render_scenarios(catalogue, settings, taken), docs)

    def whole_then_pages(turns: workers.Turns) -> WriteReport:
        return WriteReport.merged([put(render_catalogue(catalogue, settings, sources), docs), pages(turns)])

    with workers.Turns(len(pieces)) as turns:
        parts = [functools.partial(whole_then_pages, turns), *[functools.partial(pages, turns)] * (jobs - 1)]
        return WriteReport.merged(workers.run(parts, jobs > 1))


INPUTS = ".generated-inputs"  # the fingerprint of what the pages in docs/ were generated from


def fingerprint(root: Path, settings: Settings) -> str:
    """A digest of everything the generated pages depend on: the scenario and vocabulary files,
    the generator's code and templates (by name, size and modification time) and the settings."""
    digest = hashlib.sha256(repr(settings).encode())
    for folder in ("scenarios", "generator"):
        for name, stat in _files(root / folder, folder):
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _files(folder: Path, name: str) -> list[tuple[str, os.stat_result]]:
    """Each file under `folder` (named from `name`, its name from the root) and its status, by
    name; __pycache__ left out. One scandir per folder: a stat per file, not the two of pathlib."""
    found: list[tuple[str, os.stat_result]] = []
    if not folder.is_dir():  # a test project has no generator/ of its own
        return found
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    found += _files(Path(entry.path), f"{name}/{entry.name}")
            elif entry.is_file():
                found.append((f"{name}/{entry.name}", entry.stat()))
    return sorted(found)


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
